import type { Role } from '@accord/permissions/roles';
import type { Context, MiddlewareHandler } from 'hono';
import { apiError } from '../api/apiError';
import type { AccessService } from './AccessService';
import { presentedTokens } from './credentials';
import { changesState, foreignOrigin } from './foreignOrigin';
import type { Principal } from './Principal';

/** Hono context variables set by `requireMember`. */
export interface AccordEnv {
  Variables: { principal: Principal };
}

/** Records a refusal in a declaration's audit log (W8), without making the request wait for it. */
export type AuditRefusal = (declarationId: string, actor: { name: string; role: string }, action: string, detail: Record<string, unknown>) => void;

/**
 * Who presents a credential valid for `declarationId` (or any, when `null`), and whether it came
 * from a cookie. Explicit credentials (Bearer, `?token=` when `allowQuery`) are tried first: a
 * request that names who it is, is that.
 */
export async function authenticateRequest(
  access: AccessService,
  c: Context,
  declarationId: string | null,
  allowQuery = false,
): Promise<{ principal: Principal; fromCookie: boolean } | null> {
  const { explicit, ambient } = presentedTokens(c, declarationId, allowQuery);
  const named = await access.authenticate(explicit, declarationId);
  if (named) return { principal: named, fromCookie: false };
  const cookie = await access.authenticate(ambient, declarationId);
  return cookie ? { principal: cookie, fromCookie: true } : null;
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

/**
 * Admits a request to `/api/declarations/:id…` or `/collab/:id` only with a credential valid for
 * that declaration (A4), and records who it is as `principal`; 401 otherwise (for the WebSocket,
 * a refused upgrade). `allowQueryToken`: also accept `?token=`, which is how the standard
 * y-websocket client passes one (its `params`) — for the WebSocket only, since browsers cannot set
 * its headers, while a token in a REST URL would end up in logs. A cookie-authenticated change
 * from another site is refused with 403 and audited (A16).
 */
export function requireMember(access: AccessService, auditRefusal: AuditRefusal, { allowQueryToken = false } = {}): MiddlewareHandler<AccordEnv> {
  return async (c, next) => {
    const id = c.req.param('id') ?? '';
    const authenticated = await authenticateRequest(access, c, id, allowQueryToken);
    if (!authenticated) return apiError(c, 401, 'unauthorized', 'open Accord through your invitation link, or send Authorization: Bearer <token>');
    const { principal, fromCookie } = authenticated;
    const refusal = foreignOriginRefusal(c, fromCookie);
    if (refusal) {
      auditRefusal(id, principal, 'origin-refused', { origin: refusal.origin, method: c.req.method, path: c.req.path, actorMemberId: principal.memberId });
      return refusal.response;
    }
    c.set('principal', principal);
    await next();
  };
}

/** A 403 response unless the request's principal has one of `roles`; `null` when it has. */
export function forbidUnless(c: Context<AccordEnv>, roles: readonly Role[]): Response | null {
  const { role } = c.get('principal');
  return roles.includes(role) ? null : apiError(c, 403, 'forbidden', `the ${role} role may not do this (${roles.join(', ')} only)`);
}
