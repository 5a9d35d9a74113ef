import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AccordEnv } from '../http/AccordEnv';
import { apiError } from '../http/apiError';
import type { Store } from '../storage/Store';
import type { DocumentHub } from '../sync/DocumentHub';
import type { TalkFeed } from '../talk/TalkFeed';
import { isDeclarationId } from './declarationId';

/** A comment line this often keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 25_000;

/**
 * `GET /api/declarations/:id/events` (C12): Server-Sent Events, one `data:` JSON line a
 * `talkEvent` — threads and suggestions as they change, this member's notifications. A revoked
 * member's stream ends at once (A3), wherever the revocation was made.
 */
export function talkEventRoutes(store: Store, feed: TalkFeed, hub: DocumentHub): { routes: Hono<AccordEnv>; close(): void } {
  const api = new Hono<AccordEnv>();
  const byMember = new Map<string, Set<() => void>>();
  // Every open stream, so a shutdown ends them (an open response would hold the HTTP server).
  const all = new Set<() => void>();
  hub.on('revoked', (memberId) => {
    for (const end of byMember.get(memberId) ?? []) end();
  });

  api.get('/:id/events', async (c) => {
    const id = c.req.param('id');
    if (!isDeclarationId(id) || !(await store.getDeclaration(id))) return apiError(c, 404, 'not_found', `no declaration with id "${id}"`);
    const { memberId } = c.get('principal');
    return streamSSE(c, async (stream) => {
      let ended = false;
      let wake: () => void = () => {};
      const end = () => {
        ended = true;
        wake();
      };
      const unsubscribe = await feed.subscribe(id, {
        memberId,
        send: (event) => {
          stream.writeSSE({ data: JSON.stringify(event) }).catch(end);
        },
      });
      if (memberId !== null) {
        let ends = byMember.get(memberId);
        if (!ends) byMember.set(memberId, (ends = new Set()));
        ends.add(end);
      }
      all.add(end);
      stream.onAbort(end);
      // The first line tells the client the stream is live: what it lists from now on is complete.
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (!ended) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, KEEPALIVE_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        if (!ended) await stream.write(': keep-alive\n\n').catch(end);
      }
      unsubscribe();
      all.delete(end);
      if (memberId !== null) {
        const ends = byMember.get(memberId);
        ends?.delete(end);
        if (ends?.size === 0) byMember.delete(memberId);
      }
    });
  });

  return {
    routes: api,
    close: () => {
      for (const end of [...all]) end();
    },
  };
}
