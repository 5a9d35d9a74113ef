import type { Lang } from '@accord/model/declarationLayout';
import type { Role } from '@accord/permissions/roles';
import type { CommentAnchor } from '@accord/protocol/rest/comments';
import type { NotificationKind } from '@accord/protocol/rest/notifications';
import type { SuggestionStatus } from '@accord/protocol/rest/suggestions';

export interface AuthorRecord {
  /** `null` for the administrator token, which has no member record. */
  memberId: string | null;
  name: string;
  role: Role;
}

export interface ThreadRecord {
  id: string;
  declarationId: string;
  anchor: CommentAnchor;
  createdAt: string;
  resolved: { by: string; role: Role; at: string } | null;
}

export interface MessageRecord {
  id: string;
  threadId: string;
  declarationId: string;
  author: AuthorRecord;
  body: string;
  /** Member ids named with « @ ». */
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
}

export interface ThreadWithMessages extends ThreadRecord {
  /** In the order they were written. */
  messages: MessageRecord[];
}

export interface SuggestionRecord {
  id: string;
  declarationId: string;
  sectionId: string;
  sid: string;
  language: Lang;
  baseText: string;
  text: string;
  comment: string;
  author: AuthorRecord;
  createdAt: string;
  status: SuggestionStatus;
  decided: SuggestionDecision | null;
}

export interface SuggestionDecision {
  by: string;
  role: string;
  at: string;
  reason: string;
}

export interface NotificationRecord {
  id: string;
  declarationId: string;
  /** The member told. */
  memberId: string;
  kind: NotificationKind;
  at: string;
  actor: string;
  sectionId: string | null;
  text: string;
  ref: string | null;
  readAt: string | null;
}

/** Where a member's « since my last visit » starts (C9): a version id, not a copy of the text. */
export interface VisitRecord {
  declarationId: string;
  memberId: string;
  versionId: string;
  at: string;
  /** The member saw what changed since `versionId`: their next departure moves the mark. */
  acknowledged: boolean;
}

/**
 * Durable storage of the conversation about a declaration: comment threads, suggestions,
 * notifications and visits. Both stores implement it on their own connection (like `AccessStore`),
 * and `server/test/talkStoreContract.ts` runs one suite against both.
 *
 * Contract:
 * 1. Every method is scoped by declaration: an id of another declaration is unknown (`false`, `null`).
 * 2. `createThread` stores the thread and its first message together or neither; a thread with no
 *    message left (its last one deleted) is deleted with it, in the same transaction.
 * 3. Messages, threads and suggestions are listed in the order they were stored; notifications
 *    newest first.
 * 4. `decideSuggestion` changes an `open` suggestion only, atomically: of two decisions racing
 *    (two committees accepting at once, on one instance or two), exactly one gets `true`.
 *    `reopenSuggestion` undoes an acceptance whose text could not be applied (C8), only from
 *    `accepted`.
 * 5. Storage errors reject; nothing is swallowed.
 */
export interface TalkStore {
  createThread(thread: ThreadRecord, first: MessageRecord): Promise<void>;
  getThread(declarationId: string, threadId: string): Promise<ThreadWithMessages | null>;
  listThreads(declarationId: string): Promise<ThreadWithMessages[]>;
  /** `false` when the thread is unknown. */
  addMessage(message: MessageRecord): Promise<boolean>;
  editMessage(declarationId: string, threadId: string, messageId: string, body: string, editedAt: string): Promise<boolean>;
  /** Whether the message existed, and whether its thread went with it (rule 2). */
  deleteMessage(declarationId: string, threadId: string, messageId: string): Promise<{ deleted: boolean; threadDeleted: boolean }>;
  setResolved(declarationId: string, threadId: string, resolved: ThreadRecord['resolved']): Promise<boolean>;

  createSuggestion(suggestion: SuggestionRecord): Promise<void>;
  getSuggestion(declarationId: string, suggestionId: string): Promise<SuggestionRecord | null>;
  listSuggestions(declarationId: string): Promise<SuggestionRecord[]>;
  decideSuggestion(declarationId: string, suggestionId: string, status: Exclude<SuggestionStatus, 'open'>, decision: SuggestionDecision): Promise<boolean>;
  reopenSuggestion(declarationId: string, suggestionId: string): Promise<boolean>;

  addNotifications(notifications: readonly NotificationRecord[]): Promise<void>;
  /** Newest first, at most `limit`. */
  listNotifications(declarationId: string, memberId: string, limit: number): Promise<NotificationRecord[]>;
  countUnread(declarationId: string, memberId: string): Promise<number>;
  /** Marks `ids` (or every one, when `null`) read at `at`; returns how many changed. */
  markRead(declarationId: string, memberId: string, ids: readonly string[] | null, at: string): Promise<number>;

  getVisit(declarationId: string, memberId: string): Promise<VisitRecord | null>;
  setVisit(visit: VisitRecord): Promise<void>;
  acknowledgeVisit(declarationId: string, memberId: string): Promise<boolean>;
}

/** The talk tables, in the SQL both stores share. */
export const TALK_COLUMNS = {
  thread: 'id, declaration_id, anchor, created_at, resolved_by, resolved_role, resolved_at',
  message: 'id, thread_id, declaration_id, author_member, author_name, author_role, body, mentions, created_at, edited_at',
  suggestion:
    'id, declaration_id, section_id, sid, language, base_text, text, comment, author_member, author_name, author_role, created_at, status, decided_by, decided_role, decided_at, decided_reason',
  notification: 'id, declaration_id, member_id, kind, at, actor, section_id, text, ref, read_at',
  visit: 'declaration_id, member_id, version_id, at, acknowledged',
} as const;

type Value = string | number | null;

export function threadValues(t: ThreadRecord): Value[] {
  return [t.id, t.declarationId, JSON.stringify(t.anchor), t.createdAt, t.resolved?.by ?? null, t.resolved?.role ?? null, t.resolved?.at ?? null];
}

export function messageValues(m: MessageRecord): Value[] {
  return [m.id, m.threadId, m.declarationId, m.author.memberId, m.author.name, m.author.role, m.body, JSON.stringify(m.mentions), m.createdAt, m.editedAt];
}

export function suggestionValues(s: SuggestionRecord): Value[] {
  const d = s.decided;
  return [s.id, s.declarationId, s.sectionId, s.sid, s.language, s.baseText, s.text, s.comment, s.author.memberId, s.author.name, s.author.role, s.createdAt, s.status, d?.by ?? null, d?.role ?? null, d?.at ?? null, d?.reason ?? null];
}

export function notificationValues(n: NotificationRecord): Value[] {
  return [n.id, n.declarationId, n.memberId, n.kind, n.at, n.actor, n.sectionId, n.text, n.ref, n.readAt];
}

/**
 * A visit's values in the order of `TALK_COLUMNS.visit`. `acknowledged` is SQLite's integer or
 * PostgreSQL's boolean: each store says which (`flag`); `toVisit` reads both.
 */
export function visitValues<F>(v: VisitRecord, flag: (acknowledged: boolean) => F): Array<Value | F> {
  return [v.declarationId, v.memberId, v.versionId, v.at, flag(v.acknowledged)];
}

/** The values of `resolved_by, resolved_role, resolved_at` (all `null` when reopened). */
export function resolvedValues(resolved: ThreadRecord['resolved']): Value[] {
  return [resolved?.by ?? null, resolved?.role ?? null, resolved?.at ?? null];
}

/** The values of `status, decided_by, decided_role, decided_at, decided_reason`. */
export function decisionValues(status: 'accepted' | 'rejected' | 'withdrawn', d: SuggestionDecision): Value[] {
  return [status, d.by, d.role, d.at, d.reason];
}

type Time = string | Date;
const iso = (value: Time): string => (value instanceof Date ? value.toISOString() : value);
const isoOrNull = (value: Time | null): string | null => (value === null ? null : iso(value));

export interface ThreadRow {
  id: string;
  declaration_id: string;
  anchor: string;
  created_at: Time;
  resolved_by: string | null;
  resolved_role: string | null;
  resolved_at: Time | null;
}

export interface MessageRow {
  id: string;
  thread_id: string;
  declaration_id: string;
  author_member: string | null;
  author_name: string;
  author_role: string;
  body: string;
  mentions: string;
  created_at: Time;
  edited_at: Time | null;
}

export interface SuggestionRow {
  id: string;
  declaration_id: string;
  section_id: string;
  sid: string;
  language: string;
  base_text: string;
  text: string;
  comment: string;
  author_member: string | null;
  author_name: string;
  author_role: string;
  created_at: Time;
  status: string;
  decided_by: string | null;
  decided_role: string | null;
  decided_at: Time | null;
  decided_reason: string | null;
}

export interface NotificationRow {
  id: string;
  declaration_id: string;
  member_id: string;
  kind: string;
  at: Time;
  actor: string;
  section_id: string | null;
  text: string;
  ref: string | null;
  read_at: Time | null;
}

export interface VisitRow {
  declaration_id: string;
  member_id: string;
  version_id: string;
  at: Time;
  acknowledged: number | boolean;
}

export function toThread(row: ThreadRow): ThreadRecord {
  return {
    id: row.id,
    declarationId: row.declaration_id,
    anchor: JSON.parse(row.anchor) as CommentAnchor,
    createdAt: iso(row.created_at),
    resolved: row.resolved_by === null || row.resolved_at === null ? null : { by: row.resolved_by, role: row.resolved_role as Role, at: iso(row.resolved_at) },
  };
}

export function toMessage(row: MessageRow): MessageRecord {
  return {
    id: row.id,
    threadId: row.thread_id,
    declarationId: row.declaration_id,
    author: { memberId: row.author_member, name: row.author_name, role: row.author_role as Role },
    body: row.body,
    mentions: JSON.parse(row.mentions) as string[],
    createdAt: iso(row.created_at),
    editedAt: isoOrNull(row.edited_at),
  };
}

export function toSuggestion(row: SuggestionRow): SuggestionRecord {
  return {
    id: row.id,
    declarationId: row.declaration_id,
    sectionId: row.section_id,
    sid: row.sid,
    language: row.language as Lang,
    baseText: row.base_text,
    text: row.text,
    comment: row.comment,
    author: { memberId: row.author_member, name: row.author_name, role: row.author_role as Role },
    createdAt: iso(row.created_at),
    status: row.status as SuggestionStatus,
    decided:
      row.decided_by === null || row.decided_at === null
        ? null
        : { by: row.decided_by, role: row.decided_role ?? '', at: iso(row.decided_at), reason: row.decided_reason ?? '' },
  };
}

export function toNotification(row: NotificationRow): NotificationRecord {
  return {
    id: row.id,
    declarationId: row.declaration_id,
    memberId: row.member_id,
    kind: row.kind as NotificationKind,
    at: iso(row.at),
    actor: row.actor,
    sectionId: row.section_id,
    text: row.text,
    ref: row.ref,
    readAt: isoOrNull(row.read_at),
  };
}

export function toVisit(row: VisitRow): VisitRecord {
  return { declarationId: row.declaration_id, memberId: row.member_id, versionId: row.version_id, at: iso(row.at), acknowledged: Boolean(row.acknowledged) };
}

/** Threads with their messages, from the two lists as both stores read them (each in stored order). */
export function groupMessages(threads: readonly ThreadRecord[], messages: readonly MessageRecord[]): ThreadWithMessages[] {
  const byThread = new Map<string, MessageRecord[]>();
  for (const m of messages) {
    let list = byThread.get(m.threadId);
    if (!list) byThread.set(m.threadId, (list = []));
    list.push(m);
  }
  return threads.map((t) => ({ ...t, messages: byThread.get(t.id) ?? [] }));
}
