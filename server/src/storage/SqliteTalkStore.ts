import type Database from 'better-sqlite3';
import {
  type MessageRecord,
  type MessageRow,
  type NotificationRecord,
  type NotificationRow,
  type SuggestionDecision,
  type SuggestionRecord,
  type SuggestionRow,
  TALK_COLUMNS,
  type TalkStore,
  type ThreadRecord,
  type ThreadRow,
  type ThreadWithMessages,
  type VisitRecord,
  type VisitRow,
  decisionValues,
  groupMessages,
  messageValues,
  notificationValues,
  resolvedValues,
  suggestionValues,
  threadValues,
  toMessage,
  toNotification,
  toSuggestion,
  toThread,
  toVisit,
  visitValues,
} from './TalkStore';

/** Migration creating the talk tables (comments, suggestions, notifications, visits); `SqliteStore` runs it with its own. */
export const SQLITE_TALK_MIGRATION = `
  CREATE TABLE comment_threads (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    anchor TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_by TEXT,
    resolved_role TEXT,
    resolved_at TEXT
  );
  CREATE INDEX comment_threads_by_declaration ON comment_threads (declaration_id, seq);
  CREATE TABLE comment_messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    author_member TEXT,
    author_name TEXT NOT NULL,
    author_role TEXT NOT NULL,
    body TEXT NOT NULL,
    mentions TEXT NOT NULL,
    created_at TEXT NOT NULL,
    edited_at TEXT
  );
  CREATE INDEX comment_messages_by_declaration ON comment_messages (declaration_id, seq);
  CREATE TABLE suggestions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    section_id TEXT NOT NULL,
    sid TEXT NOT NULL,
    language TEXT NOT NULL,
    base_text TEXT NOT NULL,
    text TEXT NOT NULL,
    comment TEXT NOT NULL,
    author_member TEXT,
    author_name TEXT NOT NULL,
    author_role TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL,
    decided_by TEXT,
    decided_role TEXT,
    decided_at TEXT,
    decided_reason TEXT
  );
  CREATE INDEX suggestions_by_declaration ON suggestions (declaration_id, seq);
  CREATE TABLE notifications (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    member_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    section_id TEXT,
    text TEXT NOT NULL,
    ref TEXT,
    read_at TEXT
  );
  CREATE INDEX notifications_by_member ON notifications (declaration_id, member_id, seq);
  CREATE TABLE visits (
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    member_id TEXT NOT NULL,
    version_id TEXT NOT NULL,
    at TEXT NOT NULL,
    acknowledged INTEGER NOT NULL,
    PRIMARY KEY (declaration_id, member_id)
  );`;

/** `TalkStore` on the SQLite database of a `SqliteStore` (same file, same connection). */
export class SqliteTalkStore implements TalkStore {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    const { thread, message, suggestion, notification, visit } = TALK_COLUMNS;
    const marks = (columns: string) => columns.split(',').map(() => '?').join(', ');
    this.s = {
      insertThread: db.prepare(`INSERT INTO comment_threads (${thread}) VALUES (${marks(thread)})`),
      insertMessage: db.prepare(`INSERT INTO comment_messages (${message}) VALUES (${marks(message)})`),
      thread: db.prepare<[string, string], ThreadRow>(`SELECT ${thread} FROM comment_threads WHERE declaration_id = ? AND id = ?`),
      threads: db.prepare<[string], ThreadRow>(`SELECT ${thread} FROM comment_threads WHERE declaration_id = ? ORDER BY seq`),
      threadMessages: db.prepare<[string, string], MessageRow>(`SELECT ${message} FROM comment_messages WHERE declaration_id = ? AND thread_id = ? ORDER BY seq`),
      messages: db.prepare<[string], MessageRow>(`SELECT ${message} FROM comment_messages WHERE declaration_id = ? ORDER BY seq`),
      editMessage: db.prepare('UPDATE comment_messages SET body = ?, edited_at = ? WHERE declaration_id = ? AND thread_id = ? AND id = ?'),
      deleteMessage: db.prepare('DELETE FROM comment_messages WHERE declaration_id = ? AND thread_id = ? AND id = ?'),
      countMessages: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM comment_messages WHERE thread_id = ?'),
      deleteThread: db.prepare('DELETE FROM comment_threads WHERE id = ?'),
      setResolved: db.prepare('UPDATE comment_threads SET resolved_by = ?, resolved_role = ?, resolved_at = ? WHERE declaration_id = ? AND id = ?'),
      insertSuggestion: db.prepare(`INSERT INTO suggestions (${suggestion}) VALUES (${marks(suggestion)})`),
      suggestion: db.prepare<[string, string], SuggestionRow>(`SELECT ${suggestion} FROM suggestions WHERE declaration_id = ? AND id = ?`),
      suggestions: db.prepare<[string], SuggestionRow>(`SELECT ${suggestion} FROM suggestions WHERE declaration_id = ? ORDER BY seq`),
      // One statement decides (rule 4): only an open suggestion changes.
      decide: db.prepare(
        `UPDATE suggestions SET status = ?, decided_by = ?, decided_role = ?, decided_at = ?, decided_reason = ?
         WHERE declaration_id = ? AND id = ? AND status = 'open'`,
      ),
      reopen: db.prepare(
        `UPDATE suggestions SET status = 'open', decided_by = NULL, decided_role = NULL, decided_at = NULL, decided_reason = NULL
         WHERE declaration_id = ? AND id = ? AND status = 'accepted'`,
      ),
      insertNotification: db.prepare(`INSERT INTO notifications (${notification}) VALUES (${marks(notification)})`),
      notifications: db.prepare<[string, string, number], NotificationRow>(
        `SELECT ${notification} FROM notifications WHERE declaration_id = ? AND member_id = ? ORDER BY seq DESC LIMIT ?`,
      ),
      unread: db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM notifications WHERE declaration_id = ? AND member_id = ? AND read_at IS NULL'),
      readAll: db.prepare('UPDATE notifications SET read_at = ? WHERE declaration_id = ? AND member_id = ? AND read_at IS NULL'),
      readOne: db.prepare('UPDATE notifications SET read_at = ? WHERE declaration_id = ? AND member_id = ? AND id = ? AND read_at IS NULL'),
      visit: db.prepare<[string, string], VisitRow>(`SELECT ${visit} FROM visits WHERE declaration_id = ? AND member_id = ?`),
      setVisit: db.prepare(
        `INSERT INTO visits (${visit}) VALUES (${marks(visit)})
         ON CONFLICT (declaration_id, member_id) DO UPDATE SET version_id = excluded.version_id, at = excluded.at, acknowledged = excluded.acknowledged`,
      ),
      acknowledge: db.prepare('UPDATE visits SET acknowledged = 1 WHERE declaration_id = ? AND member_id = ?'),
    };
  }

  async createThread(thread: ThreadRecord, first: MessageRecord): Promise<void> {
    this.db.transaction(() => {
      this.s.insertThread.run(...threadValues(thread));
      this.s.insertMessage.run(...messageValues(first));
    })();
  }

  async getThread(declarationId: string, threadId: string): Promise<ThreadWithMessages | null> {
    const row = this.s.thread.get(declarationId, threadId);
    if (!row) return null;
    return { ...toThread(row), messages: this.s.threadMessages.all(declarationId, threadId).map(toMessage) };
  }

  async listThreads(declarationId: string): Promise<ThreadWithMessages[]> {
    return this.db.transaction(() =>
      groupMessages(this.s.threads.all(declarationId).map(toThread), this.s.messages.all(declarationId).map(toMessage)),
    )();
  }

  async addMessage(message: MessageRecord): Promise<boolean> {
    return this.db.transaction(() => {
      if (!this.s.thread.get(message.declarationId, message.threadId)) return false;
      this.s.insertMessage.run(...messageValues(message));
      return true;
    })();
  }

  async editMessage(declarationId: string, threadId: string, messageId: string, body: string, editedAt: string): Promise<boolean> {
    return this.s.editMessage.run(body, editedAt, declarationId, threadId, messageId).changes > 0;
  }

  async deleteMessage(declarationId: string, threadId: string, messageId: string): Promise<{ deleted: boolean; threadDeleted: boolean }> {
    return this.db.transaction(() => {
      if (this.s.deleteMessage.run(declarationId, threadId, messageId).changes === 0) return { deleted: false, threadDeleted: false };
      const empty = this.s.countMessages.get(threadId)!.n === 0;
      if (empty) this.s.deleteThread.run(threadId);
      return { deleted: true, threadDeleted: empty };
    })();
  }

  async setResolved(declarationId: string, threadId: string, resolved: ThreadRecord['resolved']): Promise<boolean> {
    return this.s.setResolved.run(...resolvedValues(resolved), declarationId, threadId).changes > 0;
  }

  async createSuggestion(suggestion: SuggestionRecord): Promise<void> {
    this.s.insertSuggestion.run(...suggestionValues(suggestion));
  }

  async getSuggestion(declarationId: string, suggestionId: string): Promise<SuggestionRecord | null> {
    const row = this.s.suggestion.get(declarationId, suggestionId);
    return row ? toSuggestion(row) : null;
  }

  async listSuggestions(declarationId: string): Promise<SuggestionRecord[]> {
    return this.s.suggestions.all(declarationId).map(toSuggestion);
  }

  async decideSuggestion(declarationId: string, suggestionId: string, status: 'accepted' | 'rejected' | 'withdrawn', d: SuggestionDecision): Promise<boolean> {
    return this.s.decide.run(...decisionValues(status, d), declarationId, suggestionId).changes > 0;
  }

  async reopenSuggestion(declarationId: string, suggestionId: string): Promise<boolean> {
    return this.s.reopen.run(declarationId, suggestionId).changes > 0;
  }

  async addNotifications(notifications: readonly NotificationRecord[]): Promise<void> {
    this.db.transaction(() => {
      for (const n of notifications) this.s.insertNotification.run(...notificationValues(n));
    })();
  }

  async listNotifications(declarationId: string, memberId: string, limit: number): Promise<NotificationRecord[]> {
    return this.s.notifications.all(declarationId, memberId, limit).map(toNotification);
  }

  async countUnread(declarationId: string, memberId: string): Promise<number> {
    return this.s.unread.get(declarationId, memberId)!.n;
  }

  async markRead(declarationId: string, memberId: string, ids: readonly string[] | null, at: string): Promise<number> {
    if (ids === null) return this.s.readAll.run(at, declarationId, memberId).changes;
    return this.db.transaction(() => ids.reduce((n, id) => n + this.s.readOne.run(at, declarationId, memberId, id).changes, 0))();
  }

  async getVisit(declarationId: string, memberId: string): Promise<VisitRecord | null> {
    const row = this.s.visit.get(declarationId, memberId);
    return row ? toVisit(row) : null;
  }

  async setVisit(v: VisitRecord): Promise<void> {
    this.s.setVisit.run(...visitValues(v, (a) => (a ? 1 : 0)));
  }

  async acknowledgeVisit(declarationId: string, memberId: string): Promise<boolean> {
    return this.s.acknowledge.run(declarationId, memberId).changes > 0;
  }
}
