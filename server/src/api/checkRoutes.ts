import { type ChecksReply, dismissBody, type DismissReply } from '@accord/protocol/rest/checks';
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AccordEnv } from '../http/AccordEnv';
import { apiError } from '../http/apiError';
import type { ReviewFailure, ReviewService } from '../review/ReviewService';
import { readJsonBody } from './readJsonBody';

const STATUS: Record<ReviewFailure['code'], ContentfulStatusCode> = {
  not_found: 404,
  unknown_finding: 404,
  not_dismissed: 404,
  forbidden: 403,
  frozen: 409,
};

/** `/api/declarations/:id/checks…`: the review findings, and « not an error » dismissals (R1–R4). */
export function checkRoutes(review: ReviewService): Hono<AccordEnv> {
  const api = new Hono<AccordEnv>();
  const failed = (c: Context, failure: ReviewFailure) => apiError(c, STATUS[failure.code], failure.code, failure.reason);

  api.get('/:id/checks', async (c) => {
    const findings = await review.findings(c.req.param('id'));
    if (!findings) return apiError(c, 404, 'not_found', 'no such declaration');
    return c.json({ findings } satisfies ChecksReply);
  });

  api.post('/:id/checks/dismissals', async (c) => {
    const body = await readJsonBody(c, dismissBody);
    if (!body.ok) return body.response;
    const result = await review.dismiss(c.req.param('id'), c.get('principal'), body.value.findingId, body.value.reason);
    return result.ok ? c.json({ findingId: body.value.findingId, dismissal: result.dismissal } satisfies DismissReply, 201) : failed(c, result);
  });

  api.delete('/:id/checks/dismissals/:findingId', async (c) => {
    const findingId = c.req.param('findingId');
    const result = await review.restore(c.req.param('id'), c.get('principal'), findingId);
    return result.ok ? c.json({ findingId, dismissal: null } satisfies DismissReply) : failed(c, result);
  });

  return api;
}
