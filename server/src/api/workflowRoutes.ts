import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actionBody, type ActionReply, type AdoptionReply, reopenBody, type ReopenReply } from '@accord/protocol/rest/workflow';
import type { AccordEnv } from '../http/AccordEnv';
import type { Principal } from '../access/Principal';
import type { SectionAction } from '@accord/workflow/sectionWorkflow';
import type { WorkflowFailure, WorkflowService } from '../workflow/WorkflowService';
import { apiError } from '../http/apiError';
import { readJsonBody } from './readJsonBody';

const STATUS: Record<WorkflowFailure['code'], ContentfulStatusCode> = {
  forbidden: 403,
  not_found: 404,
  invalid_transition: 409,
  frozen: 409,
  not_all_approved: 409,
  already_adopted: 409,
  not_adopted: 409,
};

/** Told of each section action that succeeded (who, which, what, the comment): notifications (C11). */
export type ActionListener = (declarationId: string, sectionId: string, actor: Principal, action: SectionAction, comment: string) => void;

/** `/api/declarations/:id/{workflow,sections/:sectionId/actions,adopt,reopen}` (W1–W7). */
export function workflowRoutes(workflow: WorkflowService, onActed: ActionListener = () => {}): Hono<AccordEnv> {
  const api = new Hono<AccordEnv>();
  const failed = (c: Context, failure: WorkflowFailure) => apiError(c, STATUS[failure.code], failure.code, failure.reason);

  api.get('/:id/workflow', async (c) => {
    const progress = await workflow.progress(c.req.param('id'));
    if (!progress) return apiError(c, 404, 'not_found', 'no such declaration');
    return c.json({
      sections: progress.sections.map(({ id, state, changedSince, validatedBy, record }) => ({ id, state, changedSince, validatedBy, record })),
      adoption: progress.adoption,
      adoptable: progress.adoptable,
    });
  });

  api.post('/:id/sections/:sectionId/actions', async (c) => {
    const { id, sectionId } = c.req.param();
    const body = await readJsonBody(c, actionBody);
    if (!body.ok) return body.response;
    const result = await workflow.act(id, sectionId, c.get('principal'), body.value.action, body.value.comment ?? '');
    if (result.ok) onActed(id, sectionId, c.get('principal'), body.value.action, body.value.comment ?? '');
    return result.ok ? c.json({ state: result.state } satisfies ActionReply) : failed(c, result);
  });

  api.post('/:id/adopt', async (c) => {
    const result = await workflow.adopt(c.req.param('id'), c.get('principal'));
    return result.ok ? c.json({ versionId: result.adoption.versionId, hash: result.adoption.hash } satisfies AdoptionReply) : failed(c, result);
  });

  api.post('/:id/reopen', async (c) => {
    const body = await readJsonBody(c, reopenBody);
    if (!body.ok) return body.response;
    const result = await workflow.reopen(c.req.param('id'), c.get('principal'), body.value.reason);
    return result.ok ? c.json({ reopened: true } satisfies ReopenReply) : failed(c, result);
  });

  return api;
}
