import type { Role } from '@accord/permissions/roles';

/** An invitation to one declaration, as stored (its token only as a SHA-256, rule A2). */
export interface InviteRecord {
  id: string;
  declarationId: string;
  role: Role;
  /** Sections a rapporteur will own; `[]` for other roles. */
  sections: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** Who the administrator made it for ("for whom", shown only to administrators); `null`: not said. */
  label: string | null;
  /** How many people may join through it (A17): 1 unless the administrator made it reusable. */
  maxUses: number;
  /** How many have joined through it so far; never more than `maxUses`. */
  uses: number;
}

/**
 * A person with a session: a member of one declaration, or (`declarationId` null) an
 * administrator who signed in with the administrator token in a browser.
 */
export interface MemberRecord {
  id: string;
  declarationId: string | null;
  name: string;
  role: Role;
  sections: string[];
  /** Interface language chosen on joining: `fr`, `ja` or `en`. */
  language: string;
  joinedAt: string;
  revokedAt: string | null;
  inviteId: string | null;
}

/** One line of a declaration's audit log (rule W8). */
export interface AuditEntry {
  /** Increasing within the whole store; the log is read in this order. */
  seq: number;
  declarationId: string;
  at: string;
  actor: { name: string; role: string };
  action: string;
  sectionId: string | null;
  /** Plain JSON particular to the action (a comment, a role, a version id…). */
  detail: Record<string, unknown> | null;
  /** The declaration's content hash at that moment, when the action concerns its text. */
  hash: string | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'seq'>;

/**
 * Durable storage of who may do what. Both stores implement it over their own connection, and
 * `server/test/accessStoreContract.ts` runs the same suite against both.
 *
 * Contract:
 * 1. Secrets are never stored: callers pass the SHA-256 of a token, and look records up by it.
 * 2. `setSettingIfAbsent` is atomic: of several instances racing, all get the one value stored.
 * 3. Revoking sets `revokedAt` once (the first time wins) and returns whether the record exists.
 * 4. The audit log is append-only: there is no method to change or delete an entry.
 * 5. `redeemInvite` is atomic: it takes one use of the invite and creates the member together, or
 *    does neither; of redemptions racing for an invite's last use, exactly one wins (A17).
 * 6. `changeMemberRole` changes a member of that declaration who is not revoked, in one statement,
 *    and returns the member as they were before; a revoked or unknown member (or one of another
 *    declaration) is left alone and gives `null`.
 */
export interface AccessStore {
  getSetting(key: string): Promise<string | null>;
  /** Stores `value` unless `key` has one; returns the value stored either way. */
  setSettingIfAbsent(key: string, value: string): Promise<string>;
  /** Replaces the value of `key` (an administrator token taken from the environment). */
  setSetting(key: string, value: string): Promise<void>;
  createInvite(invite: InviteRecord, tokenHash: string): Promise<void>;
  findInvite(tokenHash: string): Promise<InviteRecord | null>;
  /** Oldest first. */
  listInvites(declarationId: string): Promise<InviteRecord[]>;
  revokeInvite(declarationId: string, inviteId: string, at: string): Promise<boolean>;
  /**
   * Takes one use of invite `inviteId` and creates `member` (session token hash `tokenHash`), in one
   * transaction (rule 5) — only while the invite has a use left, is not revoked and has not expired
   * at `at`. Returns whether it did; `false` leaves both the invite and the members as they were.
   */
  redeemInvite(inviteId: string, at: string, member: MemberRecord, tokenHash: string): Promise<boolean>;
  createMember(member: MemberRecord, tokenHash: string): Promise<void>;
  findMember(tokenHash: string): Promise<MemberRecord | null>;
  /** Oldest first; administrators' browser sessions are not members of a declaration. */
  listMembers(declarationId: string): Promise<MemberRecord[]>;
  revokeMember(declarationId: string, memberId: string, at: string): Promise<boolean>;
  /** Rule 6: the member before the change, or `null` when nothing was changed. */
  changeMemberRole(declarationId: string, memberId: string, role: Role, sections: string[]): Promise<MemberRecord | null>;
  appendAudit(entry: NewAuditEntry): Promise<number>;
  /** Oldest first. */
  listAudit(declarationId: string): Promise<AuditEntry[]>;
}

/** The access tables, in the SQL both stores share (types differ only where noted in each store). */
export const ACCESS_COLUMNS = {
  invite: 'id, declaration_id, role, sections, created_at, expires_at, revoked_at, label, max_uses, uses',
  member: 'id, declaration_id, name, role, sections, language, joined_at, revoked_at, invite_id',
  audit: 'seq, declaration_id, at, actor_name, actor_role, action, section_id, detail, hash',
} as const;

/** An invite's values in the order of `ACCESS_COLUMNS.invite`, then its token's hash: what both stores insert. */
export function inviteValues(i: InviteRecord, tokenHash: string): (string | number | null)[] {
  return [i.id, i.declarationId, i.role, JSON.stringify(i.sections), i.createdAt, i.expiresAt, i.revokedAt, i.label, i.maxUses, i.uses, tokenHash];
}

/** A member's values in the order of `ACCESS_COLUMNS.member`, then its session token's hash. */
export function memberValues(m: MemberRecord, tokenHash: string): (string | null)[] {
  return [m.id, m.declarationId, m.name, m.role, JSON.stringify(m.sections), m.language, m.joinedAt, m.revokedAt, m.inviteId, tokenHash];
}

export interface InviteRow {
  id: string;
  declaration_id: string;
  role: string;
  sections: string;
  created_at: string | Date;
  expires_at: string | Date | null;
  revoked_at: string | Date | null;
  label: string | null;
  max_uses: number;
  uses: number;
}

export interface MemberRow {
  id: string;
  declaration_id: string | null;
  name: string;
  role: string;
  sections: string;
  language: string;
  joined_at: string | Date;
  revoked_at: string | Date | null;
  invite_id: string | null;
}

export interface AuditRow {
  seq: number | string;
  declaration_id: string;
  at: string | Date;
  actor_name: string;
  actor_role: string;
  action: string;
  section_id: string | null;
  detail: string | null;
  hash: string | null;
}

const iso = (value: string | Date): string => (value instanceof Date ? value.toISOString() : value);
const isoOrNull = (value: string | Date | null): string | null => (value === null ? null : iso(value));

export function toInvite(row: InviteRow): InviteRecord {
  return {
    id: row.id,
    declarationId: row.declaration_id,
    role: row.role as Role,
    sections: JSON.parse(row.sections) as string[],
    createdAt: iso(row.created_at),
    expiresAt: isoOrNull(row.expires_at),
    revokedAt: isoOrNull(row.revoked_at),
    label: row.label,
    maxUses: Number(row.max_uses),
    uses: Number(row.uses),
  };
}

export function toMember(row: MemberRow): MemberRecord {
  return {
    id: row.id,
    declarationId: row.declaration_id,
    name: row.name,
    role: row.role as Role,
    sections: JSON.parse(row.sections) as string[],
    language: row.language,
    joinedAt: iso(row.joined_at),
    revokedAt: isoOrNull(row.revoked_at),
    inviteId: row.invite_id,
  };
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    declarationId: row.declaration_id,
    at: iso(row.at),
    actor: { name: row.actor_name, role: row.actor_role },
    action: row.action,
    sectionId: row.section_id,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
    hash: row.hash,
  };
}
