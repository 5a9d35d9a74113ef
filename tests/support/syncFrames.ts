import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

/** A y-websocket sync "update" message carrying `update`, as the standard client frames one. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}
