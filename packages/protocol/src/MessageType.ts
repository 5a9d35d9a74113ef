/**
 * Top-level message types on `/collab/<id>` (docs/sync-protocol.md): the y-websocket protocol's
 * four, and Accord's acknowledgement, sent only to clients that connect with `?ack=1`.
 */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, ack: 100 } as const;
