import type { MiddlewareHandler } from 'hono';
import { apiErrorBody } from '@accord/protocol/rest/apiError';
import type { AuditRefusal } from './AuditRefusal';
import type { AccordEnv } from '../http/AccordEnv';

/**
 * Writes every `403 forbidden` answer of a route under `/api/declarations/:id/…` to that
 * declaration's audit log (W8), as who asked, what and why — wherever the route decided it (a role
 * check, a workflow rule). It runs after `requireMember`; its own refusals (401, and 403
 * `foreign_origin`, audited where it is decided) never reach it with a principal.
 */
export function auditForbidden(auditRefusal: AuditRefusal): MiddlewareHandler<AccordEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status !== 403) return;
    const principal = c.get('principal');
    // Read from a copy: the answer itself goes to the client untouched.
    const body = apiErrorBody.safeParse(
      await c.res
        .clone()
        .json()
        .catch(() => null),
    );
    if (!body.success || body.data.error.code !== 'forbidden') return;
    auditRefusal(c.req.param('id') ?? '', principal, 'request-refused', {
      method: c.req.method,
      path: c.req.path,
      reason: body.data.error.message,
      actorMemberId: principal.memberId,
    });
  };
}
