/**
 * Reading a client's frame on the server (the frames themselves: `@accord/protocol/frames`).
 * A frame that does not decode throws `ProtocolError`, so it closes its sender only (S4).
 */
import * as decoding from 'lib0/decoding';
import { ProtocolError } from './Peer';

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
