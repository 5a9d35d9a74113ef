import type pg from 'pg';
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

/** Migration creating the talk tables; the same as `SQLITE_TALK_MIGRATION` in PostgreSQL's types. */
export const POSTGRES_TALK_MIGRATION = `
  CREATE TABLE comment_threads (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    anchor TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    resolved_by TEXT,
    resolved_role TEXT,
    resolved_at TIMESTAMPTZ
  );
  CREATE INDEX comment_threads_by_declaration ON comment_threads (declaration_id, seq);
  CREATE TABLE comment_messages (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    author_member TEXT,
    author_name TEXT NOT NULL,
    author_role TEXT NOT NULL,
    body TEXT NOT NULL,
    mentions TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    edited_at TIMESTAMPTZ
  );
  CREATE INDEX comment_messages_by_declaration ON comment_messages (declaration_id, seq);
  CREATE TABLE suggestions (
    seq BIGSERIAL PRIMARY KEY,
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
    created_at TIMESTAMPTZ NOT NULL,
    status TEXT NOT NULL,
    decided_by TEXT,
    decided_role TEXT,
    decided_at TIMESTAMPTZ,
    decided_reason TEXT
  );
  CREATE INDEX suggestions_by_declaration ON suggestions (declaration_id, seq);
  CREATE TABLE notifications (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    member_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    actor TEXT NOT NULL,
    section_id TEXT,
    text TEXT NOT NULL,
    ref TEXT,
    read_at TIMESTAMPTZ
  );
  CREATE INDEX notifications_by_member ON notifications (declaration_id, member_id, seq);
  CREATE TABLE visits (
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    member_id TEXT NOT NULL,
    version_id TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    acknowledged BOOLEAN NOT NULL,
    PRIMARY KEY (declaration_id, member_id)
  );`;

const placeholders = (columns: string, from = 1) =>
  columns
    .split(',')
    .map((_, i) => `$${i + from}`)
    .join(', ');

/** `TalkStore` on the pool of a `PostgresStore`. */
export class PostgresTalkStore implements TalkStore {
  constructor(private readonly pool: pg.Pool) {}

  async createThread(thread: ThreadRecord, first: MessageRecord): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(`INSERT INTO comment_threads (${TALK_COLUMNS.thread}) VALUES (${placeholders(TALK_COLUMNS.thread)})`, threadValues(thread));
      await client.query(`INSERT INTO comment_messages (${TALK_COLUMNS.message}) VALUES (${placeholders(TALK_COLUMNS.message)})`, messageValues(first));
    });
  }

  async getThread(declarationId: string, threadId: string): Promise<ThreadWithMessages | null> {
    const { rows } = await this.pool.query<ThreadRow>(`SELECT ${TALK_COLUMNS.thread} FROM comment_threads WHERE declaration_id = $1 AND id = $2`, [declarationId, threadId]);
    if (!rows[0]) return null;
    const messages = await this.pool.query<MessageRow>(
      `SELECT ${TALK_COLUMNS.message} FROM comment_messages WHERE declaration_id = $1 AND thread_id = $2 ORDER BY seq`,
      [declarationId, threadId],
    );
    return { ...toThread(rows[0]), messages: messages.rows.map(toMessage) };
  }

  async listThreads(declarationId: string): Promise<ThreadWithMessages[]> {
    // One snapshot for both reads: a message is never listed without its thread.
    return this.transaction(async (client) => {
      const threads = await client.query<ThreadRow>(`SELECT ${TALK_COLUMNS.thread} FROM comment_threads WHERE declaration_id = $1 ORDER BY seq`, [declarationId]);
      const messages = await client.query<MessageRow>(`SELECT ${TALK_COLUMNS.message} FROM comment_messages WHERE declaration_id = $1 ORDER BY seq`, [declarationId]);
      return groupMessages(threads.rows.map(toThread), messages.rows.map(toMessage));
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  async addMessage(message: MessageRecord): Promise<boolean> {
    // The thread's existence is checked in the inserting statement, so a concurrent deletion cannot slip between.
    const { rowCount } = await this.pool.query(
      `INSERT INTO comment_messages (${TALK_COLUMNS.message})
       SELECT ${placeholders(TALK_COLUMNS.message)} WHERE EXISTS (SELECT 1 FROM comment_threads WHERE declaration_id = $3 AND id = $2)`,
      messageValues(message),
    );
    return (rowCount ?? 0) > 0;
  }

  async editMessage(declarationId: string, threadId: string, messageId: string, body: string, editedAt: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('UPDATE comment_messages SET body = $1, edited_at = $2 WHERE declaration_id = $3 AND thread_id = $4 AND id = $5', [
      body,
      editedAt,
      declarationId,
      threadId,
      messageId,
    ]);
    return (rowCount ?? 0) > 0;
  }

  async deleteMessage(declarationId: string, threadId: string, messageId: string): Promise<{ deleted: boolean; threadDeleted: boolean }> {
    return this.transaction(async (client) => {
      // The thread row first: concurrent deletions of its messages take turns, so the last one sees it empty.
      await client.query('SELECT 1 FROM comment_threads WHERE declaration_id = $1 AND id = $2 FOR UPDATE', [declarationId, threadId]);
      const removed = await client.query('DELETE FROM comment_messages WHERE declaration_id = $1 AND thread_id = $2 AND id = $3', [declarationId, threadId, messageId]);
      if ((removed.rowCount ?? 0) === 0) return { deleted: false, threadDeleted: false };
      const left = await client.query<{ n: string }>('SELECT count(*) AS n FROM comment_messages WHERE thread_id = $1', [threadId]);
      const empty = Number(left.rows[0]!.n) === 0;
      if (empty) await client.query('DELETE FROM comment_threads WHERE id = $1', [threadId]);
      return { deleted: true, threadDeleted: empty };
    });
  }

  async setResolved(declarationId: string, threadId: string, resolved: ThreadRecord['resolved']): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'UPDATE comment_threads SET resolved_by = $1, resolved_role = $2, resolved_at = $3 WHERE declaration_id = $4 AND id = $5',
      [...resolvedValues(resolved), declarationId, threadId],
    );
    return (rowCount ?? 0) > 0;
  }

  async createSuggestion(suggestion: SuggestionRecord): Promise<void> {
    await this.pool.query(`INSERT INTO suggestions (${TALK_COLUMNS.suggestion}) VALUES (${placeholders(TALK_COLUMNS.suggestion)})`, suggestionValues(suggestion));
  }

  async getSuggestion(declarationId: string, suggestionId: string): Promise<SuggestionRecord | null> {
    const { rows } = await this.pool.query<SuggestionRow>(`SELECT ${TALK_COLUMNS.suggestion} FROM suggestions WHERE declaration_id = $1 AND id = $2`, [
      declarationId,
      suggestionId,
    ]);
    return rows[0] ? toSuggestion(rows[0]) : null;
  }

  async listSuggestions(declarationId: string): Promise<SuggestionRecord[]> {
    const { rows } = await this.pool.query<SuggestionRow>(`SELECT ${TALK_COLUMNS.suggestion} FROM suggestions WHERE declaration_id = $1 ORDER BY seq`, [declarationId]);
    return rows.map(toSuggestion);
  }

  async decideSuggestion(declarationId: string, suggestionId: string, status: 'accepted' | 'rejected' | 'withdrawn', d: SuggestionDecision): Promise<boolean> {
    // The row lock makes a racing decision wait, then re-check `status` against the committed row (rule 4).
    const { rowCount } = await this.pool.query(
      `UPDATE suggestions SET status = $1, decided_by = $2, decided_role = $3, decided_at = $4, decided_reason = $5
       WHERE declaration_id = $6 AND id = $7 AND status = 'open'`,
      [...decisionValues(status, d), declarationId, suggestionId],
    );
    return (rowCount ?? 0) > 0;
  }

  async reopenSuggestion(declarationId: string, suggestionId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE suggestions SET status = 'open', decided_by = NULL, decided_role = NULL, decided_at = NULL, decided_reason = NULL
       WHERE declaration_id = $1 AND id = $2 AND status = 'accepted'`,
      [declarationId, suggestionId],
    );
    return (rowCount ?? 0) > 0;
  }

  async addNotifications(notifications: readonly NotificationRecord[]): Promise<void> {
    if (notifications.length === 0) return;
    await this.transaction(async (client) => {
      for (const n of notifications) {
        await client.query(`INSERT INTO notifications (${TALK_COLUMNS.notification}) VALUES (${placeholders(TALK_COLUMNS.notification)})`, notificationValues(n));
      }
    });
  }

  async listNotifications(declarationId: string, memberId: string, limit: number): Promise<NotificationRecord[]> {
    const { rows } = await this.pool.query<NotificationRow>(
      `SELECT ${TALK_COLUMNS.notification} FROM notifications WHERE declaration_id = $1 AND member_id = $2 ORDER BY seq DESC LIMIT $3`,
      [declarationId, memberId, limit],
    );
    return rows.map(toNotification);
  }

  async countUnread(declarationId: string, memberId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM notifications WHERE declaration_id = $1 AND member_id = $2 AND read_at IS NULL',
      [declarationId, memberId],
    );
    return Number(rows[0]!.n);
  }

  async markRead(declarationId: string, memberId: string, ids: readonly string[] | null, at: string): Promise<number> {
    const { rowCount } =
      ids === null
        ? await this.pool.query('UPDATE notifications SET read_at = $1 WHERE declaration_id = $2 AND member_id = $3 AND read_at IS NULL', [at, declarationId, memberId])
        : await this.pool.query('UPDATE notifications SET read_at = $1 WHERE declaration_id = $2 AND member_id = $3 AND read_at IS NULL AND id = ANY($4)', [
            at,
            declarationId,
            memberId,
            ids,
          ]);
    return rowCount ?? 0;
  }

  async getVisit(declarationId: string, memberId: string): Promise<VisitRecord | null> {
    const { rows } = await this.pool.query<VisitRow>(`SELECT ${TALK_COLUMNS.visit} FROM visits WHERE declaration_id = $1 AND member_id = $2`, [declarationId, memberId]);
    return rows[0] ? toVisit(rows[0]) : null;
  }

  async setVisit(v: VisitRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO visits (${TALK_COLUMNS.visit}) VALUES (${placeholders(TALK_COLUMNS.visit)})
       ON CONFLICT (declaration_id, member_id) DO UPDATE SET version_id = excluded.version_id, at = excluded.at, acknowledged = excluded.acknowledged`,
      visitValues(v, (a) => a),
    );
  }

  async acknowledgeVisit(declarationId: string, memberId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('UPDATE visits SET acknowledged = true WHERE declaration_id = $1 AND member_id = $2', [declarationId, memberId]);
    return (rowCount ?? 0) > 0;
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}
