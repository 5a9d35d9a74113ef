/**
 * WebSocket close codes Accord uses, so a client can tell a problem it should show to the user
 * from one it should retry. 4000–4999 is the range the WebSocket spec leaves to applications;
 * `docs/sync-protocol.md` lists them for other clients.
 */
export const CloseCode = {
  /** The frame could not be decoded, or is of a kind this server does not speak. Do not resend it. */
  malformedMessage: 4400,
  /** No valid session for this declaration, or the session was revoked. Sign in again (a new invite). */
  unauthorized: 4401,
  /**
   * The update writes where this connection may not (docs/access-and-workflow.md A6). Nothing of it
   * was applied; the client discards its local copy of the declaration and resyncs from the server.
   */
  forbiddenWrite: 4403,
  /** No declaration has this id. */
  unknownDeclaration: 4404,
  /** The update would make the document larger than the configured limit. Do not resend it. */
  documentTooLarge: 4413,
  /** More messages per second than the configured rate. */
  tooManyMessages: 4429,
  /** The stored declaration could not be read; it is kept as it was. Retrying later may work. */
  loadFailed: 4500,
  /** Storage refused a write: nothing sent since the last sync is saved; the client reconnects and resends. */
  storageUnavailable: 4503,
  /**
   * An administrator changed this member's role or sections (A3): the connection closes so that
   * nothing more is judged with the old rights. Reconnect at once (the new connection has the new
   * rights) and ask `/me` again for what the page may offer. Outside 4400–4499: not final.
   */
  roleChanged: 4100,
  /** The server is shutting down; reconnect. */
  goingAway: 1001,
  /** The message exceeded the configured size limit (sent by the WebSocket layer). */
  messageTooBig: 1009,
  /** The client stopped reading and too much is queued for it; reconnect (it resyncs). */
  tryAgainLater: 1013,
} as const;
