import { editMessageBody, newThreadBody, type PeopleList, replyBody, type ThreadList } from '@accord/protocol/rest/comments';
import { mayReadComments } from '@accord/permissions/talkRights';
import { type NotificationList, readNotificationsBody } from '@accord/protocol/rest/notifications';
import { newSuggestionBody, rejectSuggestionBody, type SuggestionList } from '@accord/protocol/rest/suggestions';
import { talkSettingsBody, type TalkSettings } from '@accord/protocol/rest/talkSettings';
import type { VisitSeen } from '@accord/protocol/rest/visit';
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Store } from '../storage/Store';
import type { AccordEnv } from '../http/AccordEnv';
import { apiError } from '../http/apiError';
import type { CommentService } from '../talk/CommentService';
import type { SuggestionService } from '../talk/SuggestionService';
import type { TalkFailure, TalkResult } from '../talk/TalkFailure';
import type { VisitService } from '../talk/VisitService';
import { isDeclarationId } from './declarationId';
import { readJsonBody } from './readJsonBody';

const STATUS: Record<TalkFailure['code'], ContentfulStatusCode> = {
  forbidden: 403,
  not_found: 404,
  passage_changed: 409,
  already_decided: 409,
  frozen: 409,
  unknown_member: 400,
};

/** How many notifications a member's list shows (newest first). */
const NOTIFICATIONS_SHOWN = 100;

export interface TalkServices {
  comments: CommentService;
  suggestions: SuggestionService;
  visits: VisitService;
}

/**
 * `/api/declarations/:id/{comments,suggestions,people,notifications,visit,talk-settings}`
 * (docs/access-and-workflow.md C1–C11). Live events are `talkEvents` (C12).
 */
export function talkRoutes(store: Store, { comments, suggestions, visits }: TalkServices): Hono<AccordEnv> {
  const api = new Hono<AccordEnv>();
  const failed = (c: Context, failure: TalkFailure) => apiError(c, STATUS[failure.code], failure.code, failure.reason);
  const answer = <T>(c: Context, result: TalkResult<T>, status: 200 | 201 = 200) => (result.ok ? c.json(result.value as object, status) : failed(c, result));
  /** The declaration, or a 404 answer (S5): a credential for it does not make it exist (the administrator's). */
  const unknown = async (c: Context<AccordEnv>): Promise<Response | null> => {
    const id = c.req.param('id') ?? '';
    return isDeclarationId(id) && (await store.getDeclaration(id)) ? null : apiError(c, 404, 'not_found', `no declaration with id "${id}"`);
  };

  api.get('/:id/comments', async (c) => {
    const missing = await unknown(c);
    if (missing) return missing;
    const { role } = c.get('principal');
    if (!mayReadComments(role)) return apiError(c, 403, 'forbidden', `the ${role} role may not read the comments`);
    return c.json({ threads: await comments.list(c.req.param('id')) } satisfies ThreadList);
  });

  api.post('/:id/comments', async (c) => {
    const missing = await unknown(c);
    if (missing) return missing;
    const body = await readJsonBody(c, newThreadBody);
    if (!body.ok) return body.response;
    return answer(c, await comments.create(c.req.param('id'), c.get('principal'), body.value.anchor, body.value.body, body.value.mentions ?? []), 201);
  });

  api.post('/:id/comments/:threadId/replies', async (c) => {
    const missing = await unknown(c);
    if (missing) return missing;
    const body = await readJsonBody(c, replyBody);
    if (!body.ok) return body.response;
    const { id, threadId } = c.req.param();
    return answer(c, await comments.reply(id, c.get('principal'), threadId, body.value.body, body.value.mentions ?? []), 201);
  });

  api.patch('/:id/comments/:threadId/messages/:messageId', async (c) => {
    const missing = await unknown(c);
    if (missing) return missing;
    const body = await readJsonBody(c, editMessageBody);
    if (!body.ok) return body.response;
    const { id, threadId, messageId } = c.req.param();
    return answer(c, await comments.edit(id, c.get('principal'), threadId, messageId, body.value.body));
  });

  api.delete('/:id/comments/:threadId/messages/:messageId', async (c) => {
    const missing = await unknown(c);
    if (missing) return missing;
    const { id, threadId, messageId } = c.req.param();
    return answer(c, await comments.delete(id, c.get('principal'), threadId, messageId));
  });

  for (const [action, resolved] of [['resolve', true], ['reopen', false]] as const) {
    api.post(`/:id/comments/:threadId/${action}`, async (c) => {
      const missing = await unknown(c);
      if (missing) return missing;
      const { id, threadId } = c.req.param();
      return answer(c, await comments.resolve(id, c.get('principal'), threadId, resolved));
    });
  }

  // Whom a comment may mention (C4): every member reads who the others are, as presence shows them.
  api.get('/:id/people', async (c) => {
    const missing = await unknown(c);
    if (missing) return missing;
    const members = await store.access.listMembers(c.req.param('id'));
    return c.json({ people: members.filter((m) => m.revokedAt === null).map((m) => ({ memberId: m.id, name: m.name, role: m.role })) } satisfies PeopleList);
  });

  api.get('/:id/suggestions', async (c) => {
    const missing = await unknown(c);
    if (missing) return missing;
    const id = c.req.param('id');
    return c.json({ suggestions: await suggestions.list(id), observersMaySuggest: await suggestions.observersMaySuggest(id) } satisfies SuggestionList);
  });

  api.post('/:id/suggestions', async (c) => {
    const missing = await unknown(c);
    if (missing) return missing;
    const body = await readJsonBody(c, newSuggestionBody);
    if (!body.ok) return body.response;
    return answer(c, await suggestions.suggest(c.req.param('id'), c.get('principal'), body.value), 201);
  });

  api.post('/:id/suggestions/:suggestionId/accept', async (c) => {
    const missing = await unknown(c);
    if (missing) return missing;
    const { id, suggestionId } = c.req.param();
    return answer(c, await suggestions.accept(id, c.get('principal'), suggestionId));
  });

  api.post('/:id/suggestions/:suggestionId/reject', async (c) => {
    const missing = await unknown(c);
    if (missing) return missing;
    const body = await readJsonBody(c, rejectSuggestionBody);
    if (!body.ok) return body.response;
    const { id, suggestionId } = c.req.param();
    return answer(c, await suggestions.reject(id, c.get('principal'), suggestionId, body.value.reason ?? ''));
  });

  api.post('/:id/suggestions/:suggestionId/withdraw', async (c) => {
    const missing = await unknown(c);
    if (missing) return missing;
    const { id, suggestionId } = c.req.param();
    return answer(c, await suggestions.withdraw(id, c.get('principal'), suggestionId));
  });

  api.put('/:id/talk-settings', async (c) => {
    const missing = await unknown(c);
    if (missing) return missing;
    const body = await readJsonBody(c, talkSettingsBody);
    if (!body.ok) return body.response;
    const result = await suggestions.setObserversMaySuggest(c.req.param('id'), c.get('principal'), body.value.observersMaySuggest);
    return result.ok ? c.json({ observersMaySuggest: result.value } satisfies TalkSettings) : failed(c, result);
  });

  api.get('/:id/notifications', async (c) => {
    const missing = await unknown(c);
    if (missing) return missing;
    const { memberId } = c.get('principal');
    const id = c.req.param('id');
    if (memberId === null) return c.json({ notifications: [], unread: 0 } satisfies NotificationList);
    const [list, unread] = await Promise.all([store.talk.listNotifications(id, memberId, NOTIFICATIONS_SHOWN), store.talk.countUnread(id, memberId)]);
    return c.json({ notifications: list.map(({ declarationId: _, memberId: __, ...shown }) => shown), unread } satisfies NotificationList);
  });

  api.post('/:id/notifications/read', async (c) => {
    const missing = await unknown(c);
    if (missing) return missing;
    const body = await readJsonBody(c, readNotificationsBody);
    if (!body.ok) return body.response;
    const { memberId } = c.get('principal');
    const id = c.req.param('id');
    if (memberId === null) return c.json({ notifications: [], unread: 0 } satisfies NotificationList);
    await store.talk.markRead(id, memberId, 'ids' in body.value ? body.value.ids : null, new Date().toISOString());
    const [list, unread] = await Promise.all([store.talk.listNotifications(id, memberId, NOTIFICATIONS_SHOWN), store.talk.countUnread(id, memberId)]);
    return c.json({ notifications: list.map(({ declarationId: _, memberId: __, ...shown }) => shown), unread } satisfies NotificationList);
  });

  api.get('/:id/visit', async (c) => {
    const missing = await unknown(c);
    if (missing) return missing;
    const report = await visits.report(c.req.param('id'), c.get('principal'));
    return report ? c.json(report) : apiError(c, 404, 'not_found', 'no such declaration');
  });

  api.post('/:id/visit/seen', async (c) => {
    const missing = await unknown(c);
    if (missing) return missing;
    await visits.seen(c.req.param('id'), c.get('principal'));
    return c.json({ seen: true } satisfies VisitSeen);
  });

  return api;
}
