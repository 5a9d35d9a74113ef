import {
  type CreatedInvite as CreatedInviteReply,
  createdInvite,
  inviteList,
  type InviteRow,
  memberList,
  memberRow,
  type MemberRow,
  membership,
  type Membership,
} from '@accord/protocol/rest/members';
import type { Role } from '@accord/permissions/roles';
import { declarationUrl, parseResponse, request } from './apiRequest';
import { jsonBody } from './jsonBody';

export type { InviteRow, MemberRow, Membership };

/** What the administrator chooses when making an invitation. */
export interface NewInvite {
  role: Role;
  sections: string[];
  expiresInHours: number | null;
  label: string;
  maxUses: number;
}

/** What the page keeps of a new invitation: the token travels only inside `url`, shown once. */
export type CreatedInvite = Pick<CreatedInviteReply, 'inviteId' | 'url'>;

export async function getMembership(id: string, signal?: AbortSignal): Promise<Membership> {
  return parseResponse(membership, await request(`${declarationUrl(id)}/me`, { signal }));
}

export async function listMembers(id: string, signal?: AbortSignal): Promise<MemberRow[]> {
  return parseResponse(memberList, await request(`${declarationUrl(id)}/members`, { signal })).members;
}

/** Another role for a member, and her sections when she becomes (or stays) a rapporteur (A3). */
export async function changeMemberRole(id: string, memberId: string, role: Role, sections: string[]): Promise<MemberRow> {
  const payload = { role, ...(role === 'rapporteur' ? { sections } : {}) };
  return parseResponse(memberRow, await request(`${declarationUrl(id)}/members/${encodeURIComponent(memberId)}`, jsonBody(payload, 'PATCH')));
}

export async function revokeMember(id: string, memberId: string): Promise<void> {
  await request(`${declarationUrl(id)}/members/${encodeURIComponent(memberId)}`, { method: 'DELETE' });
}

export async function listInvites(id: string, signal?: AbortSignal): Promise<InviteRow[]> {
  return parseResponse(inviteList, await request(`${declarationUrl(id)}/invites`, { signal })).invites;
}

export async function createInvite(id: string, invite: NewInvite): Promise<CreatedInvite> {
  const label = invite.label.trim();
  const payload = {
    role: invite.role,
    ...(invite.role === 'rapporteur' ? { sections: invite.sections } : {}),
    ...(invite.expiresInHours !== null ? { expiresInHours: invite.expiresInHours } : {}),
    ...(label !== '' ? { label } : {}),
    ...(invite.maxUses !== 1 ? { maxUses: invite.maxUses } : {}),
  };
  const { inviteId, url } = parseResponse(createdInvite, await request(`${declarationUrl(id)}/invites`, jsonBody(payload)), 201);
  return { inviteId, url };
}

export async function revokeInvite(id: string, inviteId: string): Promise<void> {
  await request(`${declarationUrl(id)}/invites/${encodeURIComponent(inviteId)}`, { method: 'DELETE' });
}
