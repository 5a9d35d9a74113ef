import * as Y from 'yjs';

/**
 * `client:clock` of every clock an update covers. The load harness counts edits by clock, not by
 * message: a reconnection's sync step 2, or an update the server merged, brings many at once.
 */
export function* coveredClocks(update: Uint8Array): Generator<string> {
  const { from, to } = Y.parseUpdateMeta(update);
  for (const [client, start] of from) {
    for (let clock = start; clock < (to.get(client) ?? start); clock++) yield `${client}:${clock}`;
  }
}
