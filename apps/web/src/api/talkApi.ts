import { type CommentAnchor, commentThread, type CommentThread, peopleList, type PeopleList, threadList } from '@accord/protocol/rest/comments';
import { notificationList, type NotificationList } from '@accord/protocol/rest/notifications';
import { suggestion, type Suggestion, suggestionList, type SuggestionList } from '@accord/protocol/rest/suggestions';
import { talkSettings } from '@accord/protocol/rest/talkSettings';
import { visitReport, type VisitReport } from '@accord/protocol/rest/visit';
import { declarationUrl, parseResponse, request } from './apiRequest';
import { jsonBody } from './jsonBody';

export type { CommentAnchor, CommentThread, NotificationList, PeopleList, Suggestion, SuggestionList, VisitReport };

/** The comments, suggestions, notifications and visits of one declaration (docs/access-and-workflow.md C1–C12). */
export const talkApi = {
  threads: async (id: string) => parseResponse(threadList, await request(`${declarationUrl(id)}/comments`, {})).threads,
  comment: async (id: string, anchor: CommentAnchor, body: string, mentions: string[]) =>
    parseResponse(commentThread, await request(`${declarationUrl(id)}/comments`, jsonBody({ anchor, body, mentions })), 201),
  reply: async (id: string, threadId: string, body: string, mentions: string[]) =>
    parseResponse(commentThread, await request(`${declarationUrl(id)}/comments/${encodeURIComponent(threadId)}/replies`, jsonBody({ body, mentions })), 201),
  resolve: async (id: string, threadId: string, resolved: boolean) =>
    parseResponse(commentThread, await request(`${declarationUrl(id)}/comments/${encodeURIComponent(threadId)}/${resolved ? 'resolve' : 'reopen'}`, jsonBody({}))),
  editMessage: async (id: string, threadId: string, messageId: string, body: string) =>
    parseResponse(
      commentThread,
      await request(`${declarationUrl(id)}/comments/${encodeURIComponent(threadId)}/messages/${encodeURIComponent(messageId)}`, jsonBody({ body }, 'PATCH')),
    ),
  deleteMessage: async (id: string, threadId: string, messageId: string) =>
    void (await request(`${declarationUrl(id)}/comments/${encodeURIComponent(threadId)}/messages/${encodeURIComponent(messageId)}`, { method: 'DELETE' })),
  people: async (id: string) => parseResponse(peopleList, await request(`${declarationUrl(id)}/people`, {})).people,
  suggestions: async (id: string) => parseResponse(suggestionList, await request(`${declarationUrl(id)}/suggestions`, {})),
  suggest: async (id: string, body: { sectionId: string; sid: string; language: 'fr' | 'ja'; baseText: string; text: string; comment: string }) =>
    parseResponse(suggestion, await request(`${declarationUrl(id)}/suggestions`, jsonBody(body)), 201),
  decide: async (id: string, suggestionId: string, decision: 'accept' | 'reject' | 'withdraw') =>
    parseResponse(suggestion, await request(`${declarationUrl(id)}/suggestions/${encodeURIComponent(suggestionId)}/${decision}`, jsonBody({}))),
  notifications: async (id: string) => parseResponse(notificationList, await request(`${declarationUrl(id)}/notifications`, {})),
  readAll: async (id: string) => parseResponse(notificationList, await request(`${declarationUrl(id)}/notifications/read`, jsonBody({ all: true }))),
  visit: async (id: string) => parseResponse(visitReport, await request(`${declarationUrl(id)}/visit`, {})),
  seen: async (id: string) => void (await request(`${declarationUrl(id)}/visit/seen`, jsonBody({}))),
  setObserversMaySuggest: async (id: string, allowed: boolean) =>
    parseResponse(talkSettings, await request(`${declarationUrl(id)}/talk-settings`, jsonBody({ observersMaySuggest: allowed }, 'PUT'))).observersMaySuggest,
  eventsUrl: (id: string) => `${declarationUrl(id)}/events`,
};
