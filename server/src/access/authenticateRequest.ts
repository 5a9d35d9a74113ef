import type { Context } from 'hono';
import type { AccessService } from './AccessService';
import { presentedTokens } from './credentials';
import type { Principal } from './Principal';

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
