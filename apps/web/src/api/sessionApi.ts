import type { Bilingual } from '@accord/model/declarationLayout';
import { isRole, type Role } from '@accord/permissions/roles';
import type { UiLanguage } from '../i18n/resources';
import { badResponse, isStringArray, request } from './apiRequest';
import { jsonBody } from './jsonBody';

/** What an invitation is for, shown before the invitee joins (`POST /api/invites/inspect`). */
export interface InviteSummary {
  declarationId: string;
  title: Bilingual;
  role: Role;
  sections: string[];
  /** The titles of `sections`, by id, as the declaration has them now. */
  sectionTitles: Record<string, Bilingual>;
  /** ISO time, or null for an invitation that does not expire. */
  expiresAt: string | null;
}

export interface JoinedSession {
  declarationId: string;
  role: Role;
  name: string;
  sections: string[];
}


export async function inspectInvite(invite: string, signal?: AbortSignal): Promise<InviteSummary> {
  const body = (await request('/api/invites/inspect', { ...jsonBody({ invite }), signal })) as Record<string, unknown> | null;
  const title = body?.title as Record<string, unknown> | undefined;
  if (
    typeof body?.declarationId !== 'string' ||
    !isRole(body.role) ||
    typeof title?.fr !== 'string' ||
    typeof title.ja !== 'string' ||
    !isStringArray(body.sections)
  ) {
    throw badResponse(200);
  }
  return {
    declarationId: body.declarationId,
    title: { fr: title.fr, ja: title.ja },
    role: body.role,
    sections: body.sections,
    sectionTitles: readTitles(body.sectionTitles),
    expiresAt: typeof body.expiresAt === 'string' ? body.expiresAt : null,
  };
}

/** Opens the invitation: the server makes a member and sets the session cookie (A3). */
export async function joinWithInvite(invite: string, name: string, language: UiLanguage): Promise<JoinedSession> {
  const body = (await request('/api/session', jsonBody({ invite, name, language }))) as Record<string, unknown> | null;
  if (typeof body?.declarationId !== 'string' || !isRole(body.role) || typeof body.name !== 'string' || !isStringArray(body.sections)) {
    throw badResponse(201);
  }
  return { declarationId: body.declarationId, role: body.role, name: body.name, sections: body.sections };
}

/** Signs this browser in as administrator (A1); the server sets the `accord_admin` cookie. */
export async function signInAsAdmin(adminToken: string, name: string, language: UiLanguage): Promise<void> {
  await request('/api/session', jsonBody({ adminToken, name, language }));
}

function readTitles(value: unknown): Record<string, Bilingual> {
  const out: Record<string, Bilingual> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [id, title] of Object.entries(value as Record<string, unknown>)) {
    const pair = title as Partial<Record<string, unknown>> | null;
    if (typeof pair?.fr === 'string' && typeof pair.ja === 'string') out[id] = { fr: pair.fr, ja: pair.ja };
  }
  return out;
}
