import type { Role } from '@accord/permissions/roles';
import type { Context, MiddlewareHandler } from 'hono';
import { apiError } from '../http/apiError';
import type { AccordEnv } from '../http/AccordEnv';
import type { AccessService } from './AccessService';
import type { AuditRefusal } from './AuditRefusal';
import { authenticateRequest } from './authenticateRequest';
import { foreignOriginRefusal } from './foreignOrigin';

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
