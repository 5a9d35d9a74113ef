/**
 * The frames of Accord's sync protocol (docs/sync-protocol.md) as bytes: what the server writes,
 * and what a client needs to recognise, on one side of the wire and the other. y-protocols encodes
 * the Yjs and awareness payloads; this module adds the message types around them and Accord's
 * acknowledgement.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { MessageType } from './MessageType';

/** A frame: its message type, then what `write` adds. */
function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1: the document's state vector, "send me what I lack". */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  return frame(MessageType.sync, (e) => syncProtocol.writeSyncStep1(e, doc));
}

/** Sync step 2: what the other side lacked, as one update. */
export function syncStep2Message(update: Uint8Array): Uint8Array {
  return frame(MessageType.sync, (e) => {
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, update);
  });
}

/** A document update, relayed. */
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  return frame(MessageType.sync, (e) => syncProtocol.writeUpdate(e, update));
}

/** Accord's acknowledgement (docs/sync-protocol.md): `count` update messages of this connection are stored. */
export function ackMessage(count: number): Uint8Array {
  return frame(MessageType.ack, (e) => encoding.writeVarUint(e, count));
}

/** The presence of `clients`, as the awareness protocol encodes it. */
export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
}

/** An awareness update already encoded. */
export function awarenessFrame(update: Uint8Array): Uint8Array {
  return frame(MessageType.awareness, (e) => encoding.writeVarUint8Array(e, update));
}

/** Whether `frame` carries document content: a sync step 2 or an update (`varUint(0) varUint(1 | 2) …`). */
export function isUpdateFrame(frame: Uint8Array): boolean {
  const decoder = decoding.createDecoder(frame);
  if (!decoding.hasContent(decoder) || decoding.readVarUint(decoder) !== MessageType.sync || !decoding.hasContent(decoder)) return false;
  const type = decoding.readVarUint(decoder);
  return type === syncProtocol.messageYjsSyncStep2 || type === syncProtocol.messageYjsUpdate;
}

/** The count an acknowledgement carries, read after its message type. */
export function readAckCount(decoder: decoding.Decoder): number {
  return decoding.readVarUint(decoder);
}
