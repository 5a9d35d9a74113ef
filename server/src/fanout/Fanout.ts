/**
 * What one instance relays to the others: a committed document update, a presence change, the
 * id of a member whose session was revoked or whose role changed (their connections elsewhere
 * must close too, A3), or an event about comments and suggestions (`talk`, on the channel
 * `talk/<id>`, C12).
 */
export type FanoutKind = 'update' | 'awareness' | 'revoked' | 'role-changed' | 'talk';

export type FanoutHandler = (kind: FanoutKind, payload: Uint8Array) => void;

/**
 * Relays a declaration's live traffic between server instances (see docs/deployment.md).
 *
 * Contract: `publish` reaches the handlers that other instances registered with `join` for the
 * same declaration, never the publisher's own; delivery is best-effort and may be lost while the
 * broker is unreachable, which is why updates are stored before they are published and an
 * instance re-reads storage after `onReconnect` fires. Without scale-out there is no fanout at all
 * (the hub takes `null`).
 */
export interface Fanout {
  /** Starts delivering the declaration's messages to `handler`; resolves once that is in effect. */
  join(id: string, handler: FanoutHandler): Promise<void>;
  leave(id: string): Promise<void>;
  publish(id: string, kind: FanoutKind, payload: Uint8Array): void;
  /** Called after the connection to the broker came back: messages may have been missed. */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}
