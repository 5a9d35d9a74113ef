import type Database from 'better-sqlite3';
import type { Role } from '@accord/permissions/roles';
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

/** Migration creating the access tables; `SqliteStore` runs it with its own. */
export const SQLITE_ACCESS_MIGRATION = `
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE invites (
    id TEXT PRIMARY KEY,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    token_hash TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    sections TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    revoked_at TEXT
  );
  CREATE TABLE members (
    id TEXT PRIMARY KEY,
    declaration_id TEXT REFERENCES declarations(id),
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    sections TEXT NOT NULL,
    language TEXT NOT NULL,
    joined_at TEXT NOT NULL,
    revoked_at TEXT,
    invite_id TEXT
  );
  CREATE INDEX members_by_declaration ON members (declaration_id, joined_at);
  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    declaration_id TEXT NOT NULL REFERENCES declarations(id),
    at TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    action TEXT NOT NULL,
    section_id TEXT,
    detail TEXT,
    hash TEXT
  );
  CREATE INDEX audit_by_declaration ON audit (declaration_id, seq);`;

/**
 * Migration adding invite uses (A17) to a database made by the migration above. Invites made
 * before it could be used without limit; they become single-use like new ones, and those already
 * used are spent (`max_uses` = the members who joined through them, at least 1): a link sent
 * before the rule cannot admit one more unknown person. The administrator makes a reusable one
 * if a committee still needs it.
 */
export const SQLITE_INVITE_USES_MIGRATION = `
  ALTER TABLE invites ADD COLUMN label TEXT;
  ALTER TABLE invites ADD COLUMN max_uses INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE invites ADD COLUMN uses INTEGER NOT NULL DEFAULT 0;
  UPDATE invites SET uses = (SELECT count(*) FROM members WHERE members.invite_id = invites.id);
  UPDATE invites SET max_uses = max(uses, 1);`;

/** `AccessStore` on the SQLite database of a `SqliteStore` (same file, same connection). */
export class SqliteAccessStore implements AccessStore {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    const { invite, member, audit } = ACCESS_COLUMNS;
    this.s = {
      getSetting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      insertSetting: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING'),
      setSetting: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      insertInvite: db.prepare(`INSERT INTO invites (${invite}, token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      // One statement decides: the row is only updated while a use is left (rule 5).
      takeInviteUse: db.prepare(
        `UPDATE invites SET uses = uses + 1
         WHERE id = ? AND uses < max_uses AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)`,
      ),
      findInvite: db.prepare<[string], InviteRow>(`SELECT ${invite} FROM invites WHERE token_hash = ?`),
      listInvites: db.prepare<[string], InviteRow>(`SELECT ${invite} FROM invites WHERE declaration_id = ? ORDER BY created_at, id`),
      revokeInvite: db.prepare('UPDATE invites SET revoked_at = coalesce(revoked_at, ?) WHERE declaration_id = ? AND id = ?'),
      insertMember: db.prepare(`INSERT INTO members (${member}, token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      findMember: db.prepare<[string], MemberRow>(`SELECT ${member} FROM members WHERE token_hash = ?`),
      listMembers: db.prepare<[string], MemberRow>(`SELECT ${member} FROM members WHERE declaration_id = ? ORDER BY joined_at, id`),
      revokeMember: db.prepare('UPDATE members SET revoked_at = coalesce(revoked_at, ?) WHERE declaration_id = ? AND id = ?'),
      findMemberById: db.prepare<[string, string], MemberRow>(`SELECT ${member} FROM members WHERE declaration_id = ? AND id = ? AND revoked_at IS NULL`),
      changeMemberRole: db.prepare('UPDATE members SET role = ?, sections = ? WHERE declaration_id = ? AND id = ? AND revoked_at IS NULL'),
      insertAudit: db.prepare(
        `INSERT INTO audit (declaration_id, at, actor_name, actor_role, action, section_id, detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      listAudit: db.prepare<[string], AuditRow>(`SELECT ${audit} FROM audit WHERE declaration_id = ? ORDER BY seq`),
    };
  }

  async getSetting(key: string): Promise<string | null> {
    return this.s.getSetting.get(key)?.value ?? null;
  }

  async setSettingIfAbsent(key: string, value: string): Promise<string> {
    return this.db.transaction(() => {
      this.s.insertSetting.run(key, value);
      return this.s.getSetting.get(key)!.value;
    })();
  }

  async setSetting(key: string, value: string): Promise<void> {
    this.s.setSetting.run(key, value);
  }

  async createInvite(i: InviteRecord, tokenHash: string): Promise<void> {
    this.s.insertInvite.run(...inviteValues(i, tokenHash));
  }

  async redeemInvite(inviteId: string, at: string, member: MemberRecord, tokenHash: string): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.s.takeInviteUse.run(inviteId, at).changes === 0) return false;
      this.insertMember(member, tokenHash);
      return true;
    })();
  }

  async findInvite(tokenHash: string): Promise<InviteRecord | null> {
    const row = this.s.findInvite.get(tokenHash);
    return row ? toInvite(row) : null;
  }

  async listInvites(declarationId: string): Promise<InviteRecord[]> {
    return this.s.listInvites.all(declarationId).map(toInvite);
  }

  async revokeInvite(declarationId: string, inviteId: string, at: string): Promise<boolean> {
    return this.s.revokeInvite.run(at, declarationId, inviteId).changes > 0;
  }

  async createMember(m: MemberRecord, tokenHash: string): Promise<void> {
    this.insertMember(m, tokenHash);
  }

  private insertMember(m: MemberRecord, tokenHash: string): void {
    this.s.insertMember.run(...memberValues(m, tokenHash));
  }

  async findMember(tokenHash: string): Promise<MemberRecord | null> {
    const row = this.s.findMember.get(tokenHash);
    return row ? toMember(row) : null;
  }

  async listMembers(declarationId: string): Promise<MemberRecord[]> {
    return this.s.listMembers.all(declarationId).map(toMember);
  }

  async revokeMember(declarationId: string, memberId: string, at: string): Promise<boolean> {
    return this.s.revokeMember.run(at, declarationId, memberId).changes > 0;
  }

  async changeMemberRole(declarationId: string, memberId: string, role: Role, sections: string[]): Promise<MemberRecord | null> {
    // One SQLite transaction, so the member read is the one changed (rule 6).
    const change = this.db.transaction((): MemberRecord | null => {
      const before = this.s.findMemberById.get(declarationId, memberId);
      if (!before) return null;
      this.s.changeMemberRole.run(role, JSON.stringify(sections), declarationId, memberId);
      return toMember(before);
    });
    return change();
  }

  async appendAudit(e: NewAuditEntry): Promise<number> {
    const result = this.s.insertAudit.run(
      e.declarationId,
      e.at,
      e.actor.name,
      e.actor.role,
      e.action,
      e.sectionId,
      e.detail === null ? null : JSON.stringify(e.detail),
      e.hash,
    );
    return Number(result.lastInsertRowid);
  }

  async listAudit(declarationId: string): Promise<AuditEntry[]> {
    return this.s.listAudit.all(declarationId).map(toAuditEntry);
  }
}
