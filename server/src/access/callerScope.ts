import type { Context } from 'hono';
import type { AccessService } from './AccessService';
import { authenticateRequest } from './authenticateRequest';
import { sessionCookies } from './credentials';

/**
 * What a request may open: `'all'` for the administrator, else the declarations of its valid
 * session cookies; `null` when it presents no valid credential at all.
 */
export async function callerScope(access: AccessService, c: Context): Promise<'all' | Set<string> | null> {
  const authenticated = await authenticateRequest(access, c, null);
  if (authenticated?.principal.role === 'admin') return 'all';
  const ids = new Set<string>();
  for (const [id, token] of sessionCookies(c)) if (await access.authenticate([token], id)) ids.add(id);
  return ids.size > 0 ? ids : null;
}
