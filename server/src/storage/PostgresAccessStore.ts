import type { Role } from '@accord/permissions/roles';
import type pg from 'pg';
import {
  ACCESS_COLUMNS,
  inviteValues,
  memberValues,
  type AccessStore,
  type AuditEntry,
  type AuditRow,
  type InviteRecord,
  type InviteRow,
  type MemberRecord,
  type MemberRow,
  type NewAuditEntry,
  toAuditEntry,
  toInvite,
  toMember,
} from './AccessStore';

/** Migration creating the access tables; `PostgresStore` runs it with its own. */
export const POSTGRES_ACCESS_MIGRATION = `
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE invites (
    id TEXT PRIMARY KEY,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    token_hash TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    sections TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
  );
  CREATE TABLE members (
    id TEXT PRIMARY KEY,
    declaration_id TEXT REFERENCES declarations(id),
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    sections TEXT NOT NULL,
    language TEXT NOT NULL,
    joined_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ,
    invite_id TEXT
  );
  CREATE INDEX members_by_declaration ON members (declaration_id, joined_at);
  CREATE TABLE audit (
    seq BIGSERIAL PRIMARY KEY,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    at TIMESTAMPTZ NOT NULL,
    actor_name TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    action TEXT NOT NULL,
    section_id TEXT,
    detail TEXT,
    hash TEXT
  );
  CREATE INDEX audit_by_declaration ON audit (declaration_id, seq);`;

/** Migration adding invite uses (A17); existing invites as in `SQLITE_INVITE_USES_MIGRATION`, which says why. */
export const POSTGRES_INVITE_USES_MIGRATION = `
  ALTER TABLE invites
    ADD COLUMN label TEXT,
    ADD COLUMN max_uses INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN uses INTEGER NOT NULL DEFAULT 0;
  UPDATE invites SET uses = (SELECT count(*) FROM members WHERE members.invite_id = invites.id);
  UPDATE invites SET max_uses = greatest(uses, 1);`;

/** `AccessStore` on the pool of a `PostgresStore`. */
export class PostgresAccessStore implements AccessStore {
  constructor(private readonly pool: pg.Pool) {}

  async getSetting(key: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
    return rows[0]?.value ?? null;
  }

  async setSettingIfAbsent(key: string, value: string): Promise<string> {
    // One statement: of two instances racing, the loser's insert does nothing and it reads the winner's.
    await this.pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, value]);
    return (await this.getSetting(key))!;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  async createInvite(i: InviteRecord, tokenHash: string): Promise<void> {
    await this.pool.query(`INSERT INTO invites (${ACCESS_COLUMNS.invite}, token_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, inviteValues(i, tokenHash));
  }

  async redeemInvite(inviteId: string, at: string, member: MemberRecord, tokenHash: string): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // The conditional update takes the row lock; a racing redemption waits for it, then
      // re-evaluates the condition against the committed count (READ COMMITTED): rule 5.
      const taken = await client.query(
        `UPDATE invites SET uses = uses + 1
         WHERE id = $1 AND uses < max_uses AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)`,
        [inviteId, at],
      );
      if ((taken.rowCount ?? 0) === 0) {
        await client.query('ROLLBACK');
        return false;
      }
      await client.query(`INSERT INTO members (${ACCESS_COLUMNS.member}, token_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, memberValues(member, tokenHash));
      await client.query('COMMIT');
      return true;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async findInvite(tokenHash: string): Promise<InviteRecord | null> {
    const { rows } = await this.pool.query<InviteRow>(`SELECT ${ACCESS_COLUMNS.invite} FROM invites WHERE token_hash = $1`, [tokenHash]);
    return rows[0] ? toInvite(rows[0]) : null;
  }

  async listInvites(declarationId: string): Promise<InviteRecord[]> {
    const { rows } = await this.pool.query<InviteRow>(
      `SELECT ${ACCESS_COLUMNS.invite} FROM invites WHERE declaration_id = $1 ORDER BY created_at, id`,
      [declarationId],
    );
    return rows.map(toInvite);
  }

  async revokeInvite(declarationId: string, inviteId: string, at: string): Promise<boolean> {
    const result = await this.pool.query('UPDATE invites SET revoked_at = coalesce(revoked_at, $1) WHERE declaration_id = $2 AND id = $3', [
      at,
      declarationId,
      inviteId,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async createMember(m: MemberRecord, tokenHash: string): Promise<void> {
    await this.pool.query(`INSERT INTO members (${ACCESS_COLUMNS.member}, token_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, memberValues(m, tokenHash));
  }

  async findMember(tokenHash: string): Promise<MemberRecord | null> {
    const { rows } = await this.pool.query<MemberRow>(`SELECT ${ACCESS_COLUMNS.member} FROM members WHERE token_hash = $1`, [tokenHash]);
    return rows[0] ? toMember(rows[0]) : null;
  }

  async listMembers(declarationId: string): Promise<MemberRecord[]> {
    const { rows } = await this.pool.query<MemberRow>(
      `SELECT ${ACCESS_COLUMNS.member} FROM members WHERE declaration_id = $1 ORDER BY joined_at, id`,
      [declarationId],
    );
    return rows.map(toMember);
  }

  async revokeMember(declarationId: string, memberId: string, at: string): Promise<boolean> {
    const result = await this.pool.query('UPDATE members SET revoked_at = coalesce(revoked_at, $1) WHERE declaration_id = $2 AND id = $3', [
      at,
      declarationId,
      memberId,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async changeMemberRole(declarationId: string, memberId: string, role: Role, sections: string[]): Promise<MemberRecord | null> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // The row lock makes the member read the one changed: a racing revocation waits (rule 6).
      const { rows } = await client.query<MemberRow>(
        `SELECT ${ACCESS_COLUMNS.member} FROM members WHERE declaration_id = $1 AND id = $2 AND revoked_at IS NULL FOR UPDATE`,
        [declarationId, memberId],
      );
      const before = rows[0];
      if (!before) {
        await client.query('ROLLBACK');
        return null;
      }
      await client.query('UPDATE members SET role = $1, sections = $2 WHERE id = $3', [role, JSON.stringify(sections), memberId]);
      await client.query('COMMIT');
      return toMember(before);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async appendAudit(e: NewAuditEntry): Promise<number> {
    const { rows } = await this.pool.query<{ seq: string }>(
      `INSERT INTO audit (declaration_id, at, actor_name, actor_role, action, section_id, detail, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING seq`,
      [e.declarationId, e.at, e.actor.name, e.actor.role, e.action, e.sectionId, e.detail === null ? null : JSON.stringify(e.detail), e.hash],
    );
    return Number(rows[0]!.seq);
  }

  async listAudit(declarationId: string): Promise<AuditEntry[]> {
    const { rows } = await this.pool.query<AuditRow>(`SELECT ${ACCESS_COLUMNS.audit} FROM audit WHERE declaration_id = $1 ORDER BY seq`, [
      declarationId,
    ]);
    return rows.map(toAuditEntry);
  }
}

/** The parameters of an insert into `members`, in `ACCESS_COLUMNS.member` order, then the token hash. */

