/**
 * An awareness update (y-protocols/awareness encoding) read as entries and written back, so the
 * server can check and rewrite what a client says about itself before anyone sees it (A15).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ProtocolError } from './Peer';

/** One client's presence in an update, its state still encoded: weighed before it is parsed. */
export interface PresenceEntry {
  clientId: number;
  clock: number;
  /** The state as UTF-8 JSON; `null` (the JSON) when the client leaves. */
  json: Uint8Array;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The entries of an awareness update, states unparsed; throws `ProtocolError` if it does not decode. */
export function readPresenceEntries(update: Uint8Array): PresenceEntry[] {
  const decoder = decoding.createDecoder(update);
  try {
    const entries: PresenceEntry[] = [];
    for (let count = decoding.readVarUint(decoder); count > 0; count--) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      // A var string is its UTF-8 bytes behind their length: read as bytes, it is not decoded yet.
      entries.push({ clientId, clock, json: decoding.readVarUint8Array(decoder) });
    }
    return entries;
  } catch {
    throw new ProtocolError('malformed awareness update');
  }
}

const NULL_JSON = [0x6e, 0x75, 0x6c, 0x6c]; // "null"

/** Whether the entry says its client leaves (its state is `null`), without parsing it. */
export function isLeaving(entry: PresenceEntry): boolean {
  return entry.json.length === NULL_JSON.length && NULL_JSON.every((byte, i) => entry.json[i] === byte);
}

/** An entry's state: a JSON object, or `null` when the client leaves; throws `ProtocolError` for anything else. */
export function parsePresenceState(entry: PresenceEntry): Record<string, unknown> | null {
  let state: unknown;
  try {
    state = JSON.parse(utf8.decode(entry.json));
  } catch {
    throw new ProtocolError('malformed awareness update: a state is not JSON');
  }
  if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new ProtocolError('malformed awareness update: a state is not an object');
  return state as Record<string, unknown> | null;
}

/** Encodes states as an awareness update, as `encodeAwarenessUpdate` would. */
export function writePresenceUpdate(states: readonly { clientId: number; clock: number; state: Record<string, unknown> | null }[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, states.length);
  for (const { clientId, clock, state } of states) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}
