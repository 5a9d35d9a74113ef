import { isRole, type Role } from '@accord/permissions/roles';
import { badResponse, declarationUrl, isStringArray, request } from './apiRequest';
import { jsonBody } from './jsonBody';

/** Who this browser is in one declaration (`GET /api/declarations/<id>/me`). */
export interface Membership {
  /** Null for the administrator token used directly, which has no member record. */
  memberId: string | null;
  name: string;
  role: Role;
  sections: string[];
  language: string;
}

export interface MemberRow {
  id: string;
  name: string;
  role: Role;
  sections: string[];
  language: string;
  joinedAt: string;
  revokedAt: string | null;
  /** The invitation they joined through (A17); `null` for members made before invites were recorded. */
  inviteId: string | null;
}

export interface InviteRow {
  id: string;
  role: Role;
  sections: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** "For whom", as the administrator noted it. */
  label: string | null;
  /** People who may join through it (A17) and how many did, and who. */
  maxUses: number;
  uses: number;
  usedBy: { memberId: string; name: string }[];
}

/** What the administrator chooses when making an invitation. */
export interface NewInvite {
  role: Role;
  sections: string[];
  expiresInHours: number | null;
  label: string;
  maxUses: number;
}

export interface CreatedInvite {
  inviteId: string;
  /** The address to send the invitee: `/join#<token>`, shown once. */
  url: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const optionalString = (value: unknown): value is string | null | undefined => value === null || value === undefined || typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isUsedBy = (value: unknown): value is InviteRow['usedBy'] =>
  Array.isArray(value) && value.every((u) => isObject(u) && typeof u.memberId === 'string' && typeof u.name === 'string');

export async function getMembership(id: string, signal?: AbortSignal): Promise<Membership> {
  const membership = parseMembership(await request(`${declarationUrl(id)}/me`, { signal }));
  if (!membership) throw badResponse(200);
  return membership;
}

/** A membership as the server sends it (and this device keeps it), or `null` for any other shape. */
export function parseMembership(value: unknown): Membership | null {
  if (!isObject(value) || !isRole(value.role) || !isStringArray(value.sections)) return null;
  return {
    memberId: typeof value.memberId === 'string' ? value.memberId : null,
    name: typeof value.name === 'string' ? value.name : '',
    role: value.role,
    sections: value.sections,
    language: typeof value.language === 'string' ? value.language : '',
  };
}

export async function listMembers(id: string, signal?: AbortSignal): Promise<MemberRow[]> {
  const body = await request(`${declarationUrl(id)}/members`, { signal });
  const list = isObject(body) ? body.members : null;
  if (!Array.isArray(list)) throw badResponse(200);
  return list.filter(
    (m): m is MemberRow =>
      isObject(m) &&
      typeof m.id === 'string' &&
      typeof m.name === 'string' &&
      isRole(m.role) &&
      isStringArray(m.sections) &&
      typeof m.joinedAt === 'string' &&
      optionalString(m.revokedAt),
  ).map((m) => ({ ...m, inviteId: typeof m.inviteId === 'string' ? m.inviteId : null }));
}

export async function revokeMember(id: string, memberId: string): Promise<void> {
  await request(`${declarationUrl(id)}/members/${encodeURIComponent(memberId)}`, { method: 'DELETE' });
}

export async function listInvites(id: string, signal?: AbortSignal): Promise<InviteRow[]> {
  const body = await request(`${declarationUrl(id)}/invites`, { signal });
  const list = isObject(body) ? body.invites : null;
  if (!Array.isArray(list)) throw badResponse(200);
  return list
    .filter(
      (i): i is InviteRow =>
        isObject(i) &&
        typeof i.id === 'string' &&
        isRole(i.role) &&
        isStringArray(i.sections) &&
        typeof i.createdAt === 'string' &&
        optionalString(i.expiresAt) &&
        optionalString(i.label) &&
        isCount(i.maxUses) &&
        isCount(i.uses) &&
        isUsedBy(i.usedBy),
    )
    .map((i) => ({ ...i, expiresAt: i.expiresAt ?? null, revokedAt: i.revokedAt ?? null, label: i.label ?? null }));
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
  const body = await request(`${declarationUrl(id)}/invites`, jsonBody(payload));
  if (!isObject(body) || typeof body.inviteId !== 'string' || typeof body.url !== 'string') throw badResponse(201);
  return { inviteId: body.inviteId, url: body.url };
}

export async function revokeInvite(id: string, inviteId: string): Promise<void> {
  await request(`${declarationUrl(id)}/invites/${encodeURIComponent(inviteId)}`, { method: 'DELETE' });
}
