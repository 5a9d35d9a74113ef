import { resolvePassageAnchor } from '@accord/model/commentAnchor';
import { isAuthor, mayComment, mayResolve } from '@accord/permissions/talkRights';
import type { CommentAnchor, CommentThread } from '@accord/protocol/rest/comments';
import type { AccessService } from '../access/AccessService';
import type { Principal } from '../access/Principal';
import { newRecordId } from '../access/secretToken';
import type { MemberRecord } from '../storage/AccessStore';
import type { MessageRecord, TalkStore, ThreadWithMessages } from '../storage/TalkStore';
import type { DocumentHub } from '../sync/DocumentHub';
import type { Notifier } from './Notifier';
import { refuse, type TalkResult } from './TalkFailure';
import type { TalkFeed } from './TalkFeed';
import { authorOf, threadView } from './talkViews';

/**
 * Comment threads (C1–C5): stored by the server, where the rules are enforced, never in the
 * document any writer could alter. Every change is audited (W8), told live to every stream
 * (C12) and, for mentions and replies, to the members concerned (C11).
 */
export class CommentService {
  constructor(
    private readonly talk: TalkStore,
    private readonly hub: DocumentHub,
    private readonly access: AccessService,
    private readonly feed: TalkFeed,
    private readonly notifier: Notifier,
    private readonly now: () => Date,
  ) {}

  async list(declarationId: string): Promise<CommentThread[]> {
    return (await this.talk.listThreads(declarationId)).map(threadView);
  }

  /**
   * C1: a new thread on a passage. The anchor must still point at its quote in the live text (or
   * the quote be found in its segment): a comment is never made on a passage that is not there.
   */
  async create(declarationId: string, actor: Principal, anchor: CommentAnchor, body: string, mentions: readonly string[]): Promise<TalkResult<CommentThread>> {
    if (!mayComment(actor.role)) return refuse('forbidden', `the ${actor.role} role may not comment`);
    const where = await this.hub.read(declarationId, (doc) => resolvePassageAnchor(doc, anchor));
    if (where === null) return refuse('not_found', `no declaration with id "${declarationId}"`);
    if (where.state === 'deleted' || where.state === 'changed') {
      return refuse('passage_changed', 'the passage is no longer in the text as quoted; select it again');
    }
    const mentioned = await this.mentioned(declarationId, mentions);
    if (!mentioned.ok) return mentioned;
    const at = this.now().toISOString();
    const threadId = newRecordId('t');
    const first = this.message(declarationId, threadId, actor, body, mentions, at);
    const thread = { id: threadId, declarationId, anchor, createdAt: at, resolved: null };
    await this.talk.createThread(thread, first);
    await this.access.audit(declarationId, actor, 'comment-added', { sectionId: anchor.sectionId, detail: { threadId, sid: anchor.sid, language: anchor.language, quote: anchor.quote, body } });
    const view = threadView({ ...thread, messages: [first] });
    this.feed.publish(declarationId, { type: 'thread', thread: view });
    await this.notifier.notify(declarationId, mentioned.value, { kind: 'mention', actor, sectionId: anchor.sectionId, text: body, ref: threadId });
    return { ok: true, value: view };
  }

  /** C2: a reply; everyone who wrote in the thread is told, and anyone it mentions. */
  async reply(declarationId: string, actor: Principal, threadId: string, body: string, mentions: readonly string[]): Promise<TalkResult<CommentThread>> {
    if (!mayComment(actor.role)) return refuse('forbidden', `the ${actor.role} role may not comment`);
    const mentioned = await this.mentioned(declarationId, mentions);
    if (!mentioned.ok) return mentioned;
    const at = this.now().toISOString();
    const message = this.message(declarationId, threadId, actor, body, mentions, at);
    if (!(await this.talk.addMessage(message))) return unknownThread(threadId);
    const thread = await this.talk.getThread(declarationId, threadId);
    if (!thread) return unknownThread(threadId);
    await this.access.audit(declarationId, actor, 'comment-replied', { sectionId: thread.anchor.sectionId, detail: { threadId, messageId: message.id, body } });
    const view = this.published(declarationId, thread);
    const participants = new Set(thread.messages.map((m) => m.author.memberId).filter((id): id is string => id !== null));
    const mentionedIds = new Set(mentioned.value.map((m) => m.id));
    const repliedTo = await this.notifier.members(declarationId, (m) => participants.has(m.id) && !mentionedIds.has(m.id));
    await this.notifier.notify(declarationId, repliedTo, { kind: 'reply', actor, sectionId: thread.anchor.sectionId, text: body, ref: threadId });
    await this.notifier.notify(declarationId, mentioned.value, { kind: 'mention', actor, sectionId: thread.anchor.sectionId, text: body, ref: threadId });
    return { ok: true, value: view };
  }

  /** C3: only the author rewrites their message. */
  async edit(declarationId: string, actor: Principal, threadId: string, messageId: string, body: string): Promise<TalkResult<CommentThread>> {
    const found = await this.ownMessage(declarationId, actor, threadId, messageId);
    if (!found.ok) return found;
    await this.talk.editMessage(declarationId, threadId, messageId, body, this.now().toISOString());
    await this.access.audit(declarationId, actor, 'comment-edited', { sectionId: found.value.anchor.sectionId, detail: { threadId, messageId, body } });
    const thread = await this.talk.getThread(declarationId, threadId);
    return thread ? { ok: true, value: this.published(declarationId, thread) } : unknownThread(threadId);
  }

  /** C3: only the author deletes their message; a thread whose last message goes goes with it. */
  async delete(declarationId: string, actor: Principal, threadId: string, messageId: string): Promise<TalkResult<{ threadDeleted: boolean }>> {
    const found = await this.ownMessage(declarationId, actor, threadId, messageId);
    if (!found.ok) return found;
    const { deleted, threadDeleted } = await this.talk.deleteMessage(declarationId, threadId, messageId);
    if (!deleted) return refuse('not_found', `no message "${messageId}" in this thread`);
    await this.access.audit(declarationId, actor, 'comment-deleted', { sectionId: found.value.anchor.sectionId, detail: { threadId, messageId, threadDeleted } });
    if (threadDeleted) this.feed.publish(declarationId, { type: 'thread-deleted', threadId });
    else {
      const thread = await this.talk.getThread(declarationId, threadId);
      if (thread) this.published(declarationId, thread);
    }
    return { ok: true, value: { threadDeleted } };
  }

  /** C5: the committees resolve and reopen threads. */
  async resolve(declarationId: string, actor: Principal, threadId: string, resolved: boolean): Promise<TalkResult<CommentThread>> {
    if (!mayResolve(actor.role)) return refuse('forbidden', `the ${actor.role} role may not ${resolved ? 'resolve' : 'reopen'} a thread (committees only)`);
    const record = resolved ? { by: actor.name, role: actor.role, at: this.now().toISOString() } : null;
    if (!(await this.talk.setResolved(declarationId, threadId, record))) return unknownThread(threadId);
    const thread = await this.talk.getThread(declarationId, threadId);
    if (!thread) return unknownThread(threadId);
    await this.access.audit(declarationId, actor, resolved ? 'comment-resolved' : 'comment-reopened', { sectionId: thread.anchor.sectionId, detail: { threadId } });
    return { ok: true, value: this.published(declarationId, thread) };
  }

  private published(declarationId: string, thread: ThreadWithMessages): CommentThread {
    const view = threadView(thread);
    this.feed.publish(declarationId, { type: 'thread', thread: view });
    return view;
  }

  private async ownMessage(declarationId: string, actor: Principal, threadId: string, messageId: string): Promise<TalkResult<ThreadWithMessages>> {
    const thread = await this.talk.getThread(declarationId, threadId);
    if (!thread) return unknownThread(threadId);
    const message = thread.messages.find((m) => m.id === messageId);
    if (!message) return refuse('not_found', `no message "${messageId}" in this thread`);
    if (!isAuthor(actor, message.author)) return refuse('forbidden', 'only its author edits or deletes a message');
    return { ok: true, value: thread };
  }

  /** C4: every id mentioned must be a member of this declaration who still has access. */
  private async mentioned(declarationId: string, ids: readonly string[]): Promise<TalkResult<MemberRecord[]>> {
    if (ids.length === 0) return { ok: true, value: [] };
    const members = await this.notifier.members(declarationId, (m) => ids.includes(m.id));
    const unknown = ids.filter((id) => !members.some((m) => m.id === id));
    if (unknown.length > 0) return refuse('unknown_member', `mentions: no member "${unknown[0]}" in this declaration`);
    return { ok: true, value: members };
  }

  private message(declarationId: string, threadId: string, actor: Principal, body: string, mentions: readonly string[], at: string): MessageRecord {
    return { id: newRecordId('c'), threadId, declarationId, author: authorOf(actor), body, mentions: [...new Set(mentions)], createdAt: at, editedAt: null };
  }
}

const unknownThread = (threadId: string) => refuse('not_found', `no comment thread "${threadId}" in this declaration`);
