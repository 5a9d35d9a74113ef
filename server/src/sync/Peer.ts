import { CloseCode } from '@accord/protocol/CloseCode';
import type { Principal } from '../access/Principal';

/** One connected client as a room sees it: something to send frames to and to close. */
export interface Peer {
  /** Who is connected, which decides what its updates may change (docs/access-and-workflow.md A6). */
  readonly principal: Principal;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Asked for acknowledgements (`?ack=1`, docs/sync-protocol.md): told once each update is stored. */
  readonly wantsAck?: boolean;
}

/** A frame that breaks the protocol: the connection that sent it is closed, nobody else is affected. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';

  /** `closeCode`: how the connection is closed (`malformedMessage` unless a limit says otherwise). */
  constructor(
    message: string,
    readonly closeCode: number = CloseCode.malformedMessage,
  ) {
    super(message);
  }
}
