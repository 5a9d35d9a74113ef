/** One connected client as a room sees it: something to send frames to and to close. */
export interface Peer {
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** A frame that breaks the protocol: the connection that sent it is closed, nobody else is affected. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}
