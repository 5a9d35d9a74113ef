import type { Context } from 'hono';
import { apiError } from '../http/apiError';

/** Methods that only read: CORS already keeps another site from reading their answers. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether `c` can change something: a method other than GET, HEAD and OPTIONS, or a WebSocket
 * upgrade — a GET, but one that CORS does not protect: any page may open a WebSocket to any host,
 * and the browser attaches that host's cookies to it.
 */
export function changesState(c: Context): boolean {
  return !SAFE_METHODS.has(c.req.method) || c.req.header('upgrade')?.toLowerCase() === 'websocket';
}

/**
 * The `Origin` a request came from when it is another site's (A16), or `null`: no `Origin` header
 * (not sent by a browser, or a same-origin navigation), or this server's own. Our own origin is
 * the `Host` header's, with the request's scheme — or `X-Forwarded-Proto`'s, so that behind a
 * TLS-terminating proxy (docs/deployment.md) the browser's `https://` origin matches. Trusting that
 * header is safe here: what a cross-site request cannot fake is its `Origin`, set by the browser,
 * and its host differs from ours whatever the scheme.
 */
export function foreignOrigin(c: Context): string | null {
  const origin = c.req.header('origin');
  if (origin === undefined) return null;
  const host = c.req.header('host');
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
  const scheme = forwarded === 'https' || forwarded === 'http' ? forwarded : new URL(c.req.url).protocol.replace(/:$/, '');
  const ours = host ? normalizedOrigin(`${scheme}://${host}`) : null;
  // `Origin: null` (a sandboxed frame, a redirect across sites) never matches.
  return ours !== null && normalizedOrigin(origin) === ours ? null : origin;
}

/** `scheme://host[:port]` without a default port, lower-cased; `null` when it is not an origin. */
function normalizedOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}

/**
 * The 403 for a cookie-authenticated request that changes something and comes from another site
 * (A16), or `null` when it may proceed. Only cookies are checked: cross-site request forgery rides
 * on credentials the browser attaches by itself. A Bearer header cannot be added to a cross-site
 * request without the CORS preflight Accord never grants, and a `?token=` is a secret the forging
 * site does not have — those requests are as their sender meant them, whatever their `Origin`.
 */
export function foreignOriginRefusal(c: Context, fromCookie: boolean): { response: Response; origin: string } | null {
  if (!fromCookie || !changesState(c)) return null;
  const origin = foreignOrigin(c);
  if (origin === null) return null;
  return {
    origin,
    response: apiError(c, 403, 'foreign_origin', `a request from ${origin} may not act with this site's session cookie; open Accord itself`),
  };
}
