/**
 * Yjs updates spelled struct by struct, as an attacker's client would send them: any client id,
 * any clock, any origin, parent and content, any delete set. Shared by the permission unit tests
 * and the server's attack suite (tests/server/craftedWrites.test.ts).
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { SharedType } from '../src/planIntegration';

export interface CraftedItem {
  /** Clock of the item's first element; items of one client must be given in clock order. */
  clock: number;
  origin?: Y.ID | null;
  rightOrigin?: Y.ID | null;
  /** A root name or a parent item's id; written only when the item has no origin (as Yjs does). */
  parent?: string | Y.ID | null;
  parentSub?: string | null;
  content: Y.Item['content'];
}

export interface CraftedUpdate {
  /** Struct groups, one per client (give a client twice to make a duplicate group). */
  groups?: { client: number; items: CraftedItem[] }[];
  /** Deleted ranges per client: `[clock, length]`. */
  deletes?: { client: number; ranges: [number, number][] }[];
}

/** Encodes `update` in the V1 format the y-websocket protocol carries. */
export function craftUpdate({ groups = [], deletes = [] }: CraftedUpdate): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, groups.length);
  for (const { client, items } of groups) {
    encoding.writeVarUint(encoder.restEncoder, items.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, items[0]?.clock ?? 0);
    for (const spec of items) {
      const item = new Y.Item(
        Y.createID(client, spec.clock),
        null,
        spec.origin ?? null,
        null,
        spec.rightOrigin ?? null,
        // Item.write reads a root name or an id from here, as it does for an unintegrated item.
        (spec.parent ?? null) as unknown as SharedType,
        spec.parentSub ?? null,
        spec.content,
      );
      item.write(encoder, 0);
    }
  }
  encoding.writeVarUint(encoder.restEncoder, deletes.length);
  for (const { client, ranges } of deletes) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const [clock, len] of ranges) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
  return encoder.toUint8Array();
}

export const text = (value: string) => new Y.ContentString(value);
export const any = (...values: unknown[]) => new Y.ContentAny(values);
export const element = (nodeName: string) => new Y.ContentType(new Y.XmlElement(nodeName));
export const xmlText = () => new Y.ContentType(new Y.XmlText());
