import type { CommentThread } from '@accord/protocol/rest/comments';
import type { Suggestion } from '@accord/protocol/rest/suggestions';
import type { Principal } from '../access/Principal';
import type { AuthorRecord, SuggestionRecord, ThreadWithMessages } from '../storage/TalkStore';

/** A thread as the API answers it (`commentThread`). */
export function threadView(t: ThreadWithMessages): CommentThread {
  return {
    id: t.id,
    anchor: t.anchor,
    createdAt: t.createdAt,
    resolved: t.resolved,
    messages: t.messages.map((m) => ({ id: m.id, author: m.author, body: m.body, mentions: m.mentions, createdAt: m.createdAt, editedAt: m.editedAt })),
  };
}

/** A suggestion as the API answers it (`suggestion`). */
export function suggestionView(s: SuggestionRecord): Suggestion {
  const { declarationId: _, ...view } = s;
  return view;
}

export function authorOf(principal: Principal): AuthorRecord {
  return { memberId: principal.memberId, name: principal.name, role: principal.role };
}
