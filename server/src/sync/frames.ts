/**
 * The frames a room writes and reads, beyond what y-protocols encodes itself. Decoding a client's
 * frame throws `ProtocolError`, so a frame that breaks the protocol closes its sender only (S4).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { MessageType } from '@accord/protocol/MessageType';
import { ProtocolError } from './Peer';

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

export function readVarUint(decoder: decoding.Decoder): number {
  try {
    return decoding.readVarUint(decoder);
  } catch {
    throw new ProtocolError('truncated message');
  }
}

export function readVarUint8Array(decoder: decoding.Decoder): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoder);
  } catch {
    throw new ProtocolError('truncated message');
  }
}

/** WebSocket close reasons are limited to 123 bytes of UTF-8. */
export function truncateReason(reason: string): string {
  const bytes = new TextEncoder().encode(reason);
  if (bytes.length <= 123) return reason;
  return new TextDecoder().decode(bytes.slice(0, 120)).replace(/\uFFFD$/, '') + '…';
}
