import { type InviteSummary, inviteSummary, type JoinedSession as JoinedReply, joinedSession, type SessionState, sessionState } from '@accord/protocol/rest/session';
import type { UiLanguage } from '../i18n/resources';
import { parseResponse, request } from './apiRequest';
import { jsonBody } from './jsonBody';

export type { InviteSummary, SessionState };

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

/** Who this browser is (A18): always answered, a visitor without a session included. */
export async function getSession(signal?: AbortSignal): Promise<SessionState> {
  return parseResponse(sessionState, await request('/api/session', { signal }));
}

/** Removes every Accord cookie from this browser (A18). */
export async function signOut(): Promise<void> {
  await request('/api/session', { method: 'DELETE' });
}
