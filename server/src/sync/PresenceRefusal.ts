import { CloseCode } from '@accord/protocol/CloseCode';
import { ProtocolError } from './Peer';

/**
 * Presence beyond what one honest connection sends (A15: too many clients, too large a state):
 * the connection is closed with 4400 and the reason, and the refusal is written to the audit log.
 */
export class PresenceRefusal extends ProtocolError {
  override name = 'PresenceRefusal';

  constructor(message: string) {
    super(`presence refused: ${message}`, CloseCode.malformedMessage);
  }
}
