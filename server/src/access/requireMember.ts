import type { Role } from '@accord/permissions/roles';
import type { Context, MiddlewareHandler } from 'hono';
import { apiError } from '../api/apiError';
import type { AccessService } from './AccessService';
import { presentedTokens } from './credentials';
import type { Principal } from './Principal';

/** Hono context variables set by `requireMember`. */
export interface AccordEnv {
  Variables: { principal: Principal };
}

/**
 * Admits a request to `/api/declarations/:id…` or `/collab/:id` only with a credential valid for
 * that declaration (A4), and records who it is as `principal`; 401 otherwise (for the WebSocket,
 * a refused upgrade). `allowQueryToken`: also accept `?token=`, which is how the standard
 * y-websocket client passes one (its `params`) — for the WebSocket only, since browsers cannot set
 * its headers, while a token in a REST URL would end up in logs.
 */
export function requireMember(access: AccessService, { allowQueryToken = false } = {}): MiddlewareHandler<AccordEnv> {
  return async (c, next) => {
    const id = c.req.param('id') ?? '';
    const principal = await access.authenticate(presentedTokens(c, id, allowQueryToken), id);
    if (!principal) return apiError(c, 401, 'unauthorized', 'open Accord through your invitation link, or send Authorization: Bearer <token>');
    c.set('principal', principal);
    await next();
  };
}

/** A 403 response unless the request's principal has one of `roles`; `null` when it has. */
export function forbidUnless(c: Context<AccordEnv>, roles: readonly Role[]): Response | null {
  const { role } = c.get('principal');
  return roles.includes(role) ? null : apiError(c, 403, 'forbidden', `the ${role} role may not do this (${roles.join(', ')} only)`);
}
