import type { Role } from '@accord/permissions/roles';
import { EventEmitter } from 'node:events';
import type { AccessStore, InviteRecord, MemberRecord } from '../storage/AccessStore';
import type { Principal } from './Principal';
import { hashSecretToken, newRecordId, newSecretToken } from './secretToken';

/** The setting holding the SHA-256 of the administrator token (A1). */
const ADMIN_TOKEN_SETTING = 'admin_token_sha256';

export type InviteProblem = 'unknown' | 'expired' | 'revoked' | 'used';

export interface NewInvite {
  role: Role;
  sections: string[];
  expiresInHours: number | null;
  /** "For whom", for the administrator's own records. */
  label: string | null;
  /** People who may join through it (A17). */
  maxUses: number;
}

/** An invite as the administrator lists it: with who joined through it (A17). */
export interface InviteWithUsers extends InviteRecord {
  usedBy: { memberId: string; name: string }[];
}

export interface AuditFacts {
  sectionId?: string | null;
  detail?: Record<string, unknown> | null;
  hash?: string | null;
}

interface AccessEvents {
  /** A member's session was revoked: their open connections must close (A3). */
  revoked: [memberId: string, declarationId: string];
  /** A member's role or sections changed: their open connections must take the new rights (A3). */
  roleChanged: [memberId: string, declarationId: string];
}

/**
 * People and their sessions (docs/access-and-workflow.md A1–A4), and the audit log (W8). Tokens
 * only pass through here: what is stored is their hash.
 */
export class AccessService extends EventEmitter<AccessEvents> {
  constructor(
    private readonly store: AccessStore,
    private readonly adminTokenHash: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  /**
   * The administrator token's hash: the one from the environment (which then replaces any stored
   * one), else the stored one, else a new token — returned in clear this once, for the caller to
   * print. Several instances starting together agree on one token (AccessStore rule 2).
   */
  static async adminToken(store: AccessStore, fromEnvironment: string | undefined): Promise<{ hash: string; generated: string | null }> {
    if (fromEnvironment) {
      const hash = hashSecretToken(fromEnvironment);
      await store.setSetting(ADMIN_TOKEN_SETTING, hash);
      return { hash, generated: null };
    }
    const candidate = newSecretToken();
    const hash = await store.setSettingIfAbsent(ADMIN_TOKEN_SETTING, hashSecretToken(candidate));
    return { hash, generated: hash === hashSecretToken(candidate) ? candidate : null };
  }

  /** The first of `tokens` that is valid for `declarationId` (or for any, when `null`), as whom. */
  async authenticate(tokens: readonly string[], declarationId: string | null): Promise<Principal | null> {
    for (const token of tokens) {
      const hash = hashSecretToken(token);
      if (hash === this.adminTokenHash) return { memberId: null, name: 'Admin', role: 'admin', sections: [], language: 'en' };
      const member = await this.store.findMember(hash);
      if (!member || member.revokedAt !== null) continue;
      // A browser administrator session is valid everywhere; a member's only in their declaration.
      if (member.declarationId !== null && member.declarationId !== declarationId) continue;
      return { memberId: member.id, name: member.name, role: member.role, sections: member.sections, language: member.language };
    }
    return null;
  }

  /**
   * Who `token` is, whatever declaration it was issued for: the administrator (token or browser
   * session, `declarationId` null) or a member of one declaration. For the one route that acts
   * before its declaration exists (importing one), which needs a committee member of any.
   */
  async authenticateAnywhere(token: string): Promise<{ principal: Principal; declarationId: string | null } | null> {
    const hash = hashSecretToken(token);
    if (hash === this.adminTokenHash) return { principal: { memberId: null, name: 'Admin', role: 'admin', sections: [], language: 'en' }, declarationId: null };
    const member = await this.store.findMember(hash);
    if (!member || member.revokedAt !== null) return null;
    return {
      principal: { memberId: member.id, name: member.name, role: member.role, sections: member.sections, language: member.language },
      declarationId: member.declarationId,
    };
  }

  /** Whether `token` is the administrator token. */
  isAdminToken(token: string): boolean {
    return hashSecretToken(token) === this.adminTokenHash;
  }

  /** A browser session for the administrator, so the token itself is not kept in a cookie. */
  async adminSession(name: string, language: string): Promise<string> {
    const token = newSecretToken();
    const member: MemberRecord = {
      id: newRecordId('m'),
      declarationId: null,
      name,
      role: 'admin',
      sections: [],
      language,
      joinedAt: this.now().toISOString(),
      revokedAt: null,
      inviteId: null,
    };
    await this.store.createMember(member, hashSecretToken(token));
    return token;
  }

  async createInvite(declarationId: string, request: NewInvite): Promise<{ invite: InviteRecord; token: string }> {
    const token = newSecretToken();
    const now = this.now();
    const invite: InviteRecord = {
      id: newRecordId('i'),
      declarationId,
      role: request.role,
      sections: request.role === 'rapporteur' ? request.sections : [],
      createdAt: now.toISOString(),
      expiresAt: request.expiresInHours === null ? null : new Date(now.getTime() + request.expiresInHours * 3_600_000).toISOString(),
      revokedAt: null,
      label: request.label,
      maxUses: request.maxUses,
      uses: 0,
    };
    await this.store.createInvite(invite, hashSecretToken(token));
    return { invite, token };
  }

  /** The invite `token` opens, or why it opens nothing. */
  async inspectInvite(token: string): Promise<{ ok: true; invite: InviteRecord } | { ok: false; problem: InviteProblem }> {
    return this.judgeInvite(await this.store.findInvite(hashSecretToken(token)));
  }

  private judgeInvite(invite: InviteRecord | null): { ok: true; invite: InviteRecord } | { ok: false; problem: InviteProblem } {
    if (!invite) return { ok: false, problem: 'unknown' };
    if (invite.revokedAt !== null) return { ok: false, problem: 'revoked' };
    if (invite.expiresAt !== null && Date.parse(invite.expiresAt) <= this.now().getTime()) return { ok: false, problem: 'expired' };
    if (invite.uses >= invite.maxUses) return { ok: false, problem: 'used' };
    return { ok: true, invite };
  }

  /**
   * Makes a member from an invite (A3): their session token, shown to them once. The invite's use
   * is taken in the same transaction as the member is made (A17), so a single-use invite opened
   * twice at once makes one member; the other gets `used`. A refusal of a known invite is written
   * to its declaration's audit log, as who tried (the name they gave) and why.
   */
  async join(
    inviteToken: string,
    name: string,
    language: string,
  ): Promise<{ ok: true; member: MemberRecord; token: string } | { ok: false; problem: InviteProblem }> {
    const inviteHash = hashSecretToken(inviteToken);
    const found = await this.store.findInvite(inviteHash);
    const inspected = this.judgeInvite(found);
    if (!inspected.ok) {
      if (found) await this.refuseJoin(found, name, inspected.problem);
      return inspected;
    }
    const { invite } = inspected;
    const token = newSecretToken();
    const member: MemberRecord = {
      id: newRecordId('m'),
      declarationId: invite.declarationId,
      name,
      role: invite.role,
      sections: invite.sections,
      language,
      joinedAt: this.now().toISOString(),
      revokedAt: null,
      inviteId: invite.id,
    };
    if (!(await this.store.redeemInvite(invite.id, member.joinedAt, member, hashSecretToken(token)))) {
      // Lost a race for the last use (or revoked, expired in between): say which, as inspecting now would.
      const again = this.judgeInvite(await this.store.findInvite(inviteHash));
      const problem = again.ok ? 'used' : again.problem;
      await this.refuseJoin(invite, name, problem);
      return { ok: false, problem };
    }
    await this.audit(invite.declarationId, member, 'join', { detail: { inviteId: invite.id, sections: invite.sections } });
    return { ok: true, member, token };
  }

  /** Invites oldest first, each with the members who joined through it (A17). */
  async listInvites(declarationId: string): Promise<InviteWithUsers[]> {
    const [invites, members] = await Promise.all([this.store.listInvites(declarationId), this.store.listMembers(declarationId)]);
    return invites.map((invite) => ({
      ...invite,
      usedBy: members.filter((m) => m.inviteId === invite.id).map((m) => ({ memberId: m.id, name: m.name })),
    }));
  }

  revokeInvite(declarationId: string, inviteId: string): Promise<boolean> {
    return this.store.revokeInvite(declarationId, inviteId, this.now().toISOString());
  }

  listMembers(declarationId: string): Promise<MemberRecord[]> {
    return this.store.listMembers(declarationId);
  }

  async revokeMember(declarationId: string, memberId: string): Promise<boolean> {
    const revoked = await this.store.revokeMember(declarationId, memberId, this.now().toISOString());
    if (revoked) this.emit('revoked', memberId, declarationId);
    return revoked;
  }

  /**
   * Gives a member another role (and, for a rapporteur, other sections) without a new invite (A3).
   * Returns the member as they were, or null for an unknown or revoked one. Every request they
   * make from now on is judged with the new rights; their open connections are told to close
   * (`roleChanged`) so that no further update is judged with the old ones.
   */
  async changeRole(declarationId: string, memberId: string, role: Role, sections: string[]): Promise<MemberRecord | null> {
    const before = await this.store.changeMemberRole(declarationId, memberId, role, role === 'rapporteur' ? sections : []);
    if (before) this.emit('roleChanged', memberId, declarationId);
    return before;
  }

  /** Appends to the audit log (W8). */
  async audit(declarationId: string, actor: { name: string; role: string }, action: string, facts: AuditFacts = {}): Promise<void> {
    await this.store.appendAudit({
      declarationId,
      at: this.now().toISOString(),
      actor: { name: actor.name, role: actor.role },
      action,
      sectionId: facts.sectionId ?? null,
      detail: facts.detail ?? null,
      hash: facts.hash ?? null,
    });
  }

  private refuseJoin(invite: InviteRecord, name: string, problem: InviteProblem): Promise<void> {
    // Nobody is authenticated yet: the actor is who they said they are, in the role they asked for.
    return this.audit(invite.declarationId, { name, role: invite.role }, 'join-refused', { detail: { inviteId: invite.id, problem } });
  }

  listAudit(declarationId: string) {
    return this.store.listAudit(declarationId);
  }
}
