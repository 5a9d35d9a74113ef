import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';

/** The cookie holding a member's session for one declaration (A3): one per declaration joined. */
export function sessionCookieName(declarationId: string): string {
  return `accord_${declarationId}`;
}

/** The cookie of an administrator who signed in with the administrator token in a browser. */
export const ADMIN_COOKIE = 'accord_admin';

/**
 * The tokens a request presents for `declarationId` (A4), split by how they came. `explicit`: the
 * `Authorization: Bearer` header and, for the WebSocket only (`allowQuery`), the `token` query
 * parameter — browsers cannot set headers on a WebSocket, and the standard y-websocket client
 * passes its `params` in the query. `ambient`: the declaration's session cookie, then the
 * administrator cookie, which a browser attaches by itself to any request to this host — even one
 * another site makes it send, which is why a request authenticated by them has its `Origin`
 * checked (A16) and one authenticated explicitly does not.
 */
export function presentedTokens(c: Context, declarationId: string | null, allowQuery = false): { explicit: string[]; ambient: string[] } {
  const explicit: string[] = [];
  const ambient: string[] = [];
  const header = c.req.header('authorization');
  const bearer = header && /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) explicit.push(bearer[1]!);
  if (allowQuery) {
    const query = c.req.query('token');
    if (query) explicit.push(query);
  }
  if (declarationId) {
    const session = getCookie(c, sessionCookieName(declarationId));
    if (session) ambient.push(session);
  }
  const admin = getCookie(c, ADMIN_COOKIE);
  if (admin) ambient.push(admin);
  return { explicit, ambient };
}

/** Every session cookie a browser holds, by declaration id: what "my declarations" lists. */
export function sessionCookies(c: Context): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(getCookie(c))) {
    if (name.startsWith('accord_') && name !== ADMIN_COOKIE) out.set(name.slice('accord_'.length), value);
  }
  return out;
}
