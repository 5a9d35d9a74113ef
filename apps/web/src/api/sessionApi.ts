import { type InviteSummary, inviteSummary, type JoinedSession as JoinedReply, joinedSession } from '@accord/protocol/rest/session';
import type { UiLanguage } from '../i18n/resources';
import { parseResponse, request } from './apiRequest';
import { jsonBody } from './jsonBody';

export type { InviteSummary };

/** What the page keeps of joining: the token itself stays in the cookie the server set. */
export type JoinedSession = Pick<JoinedReply, 'declarationId' | 'role' | 'name' | 'sections'>;

export async function inspectInvite(invite: string, signal?: AbortSignal): Promise<InviteSummary> {
  return parseResponse(inviteSummary, await request('/api/invites/inspect', { ...jsonBody({ invite }), signal }));
}

/** Opens the invitation: the server makes a member and sets the session cookie (A3). */
export async function joinWithInvite(invite: string, name: string, language: UiLanguage): Promise<JoinedSession> {
  const { declarationId, role, name: joinedName, sections } = parseResponse(
    joinedSession,
    await request('/api/session', jsonBody({ invite, name, language })),
    201,
  );
  return { declarationId, role, name: joinedName, sections };
}

/** Signs this browser in as administrator (A1); the server sets the `accord_admin` cookie. */
export async function signInAsAdmin(adminToken: string, name: string, language: UiLanguage): Promise<void> {
  await request('/api/session', jsonBody({ adminToken, name, language }));
}
