/**
 * The WebSocket close codes the Accord server uses on `/collab/<id>` (see the server's
 * `CloseCode`): the client needs them to tell a problem to show from a blip to retry.
 */
export const SyncCloseCode = {
  malformedMessage: 4400,
  unknownDeclaration: 4404,
  documentTooLarge: 4413,
  tooManyMessages: 4429,
  loadFailed: 4500,
  storageUnavailable: 4503,
  messageTooBig: 1009,
} as const;
