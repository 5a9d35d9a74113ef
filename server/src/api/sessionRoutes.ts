import { readBilingual, sectionEntries } from '@accord/model/declarationLayout';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { callerScope } from '../access/callerScope';
import { type AdminSession, inspectBody, type InviteSummary, type JoinedSession, sessionBody, type SessionState } from '@accord/protocol/rest/session';
import type { AccessService } from '../access/AccessService';
import { ADMIN_COOKIE, sessionCookieName } from '../access/credentials';
import { foreignOrigin } from '../access/foreignOrigin';
import type { Store } from '../storage/Store';
import type { DocumentHub } from '../sync/DocumentHub';
import { apiError } from '../http/apiError';
import { readJsonBody } from './readJsonBody';

/** Sessions last as long as a Rencontres and its follow-up: the cookie's lifetime, not the member's. */
const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 180;

const INVITE_PROBLEM = {
  unknown: [404, 'no such invitation'],
  expired: [410, 'this invitation has expired; ask the administrator for a new one'],
  revoked: [410, 'this invitation was revoked; ask the administrator for a new one'],
  used: [410, 'this invitation has already been used; each one admits one person unless made reusable: ask the administrator for your own'],
} as const;

/** `POST /api/session` (join with an invite, or sign in as administrator) and `POST /api/invites/inspect`. */
export function sessionRoutes(access: AccessService, store: Store, hub: DocumentHub): Hono {
  const api = new Hono();

  api.post('/session', async (c) => {
    // No credential comes with this request, but it sets one: another site's page must not sign a
    // visitor's browser in under a session of its choosing (login forgery, A16). The web app
    // posts from Accord's own origin; API clients send no Origin.
    const origin = foreignOrigin(c);
    if (origin !== null) return apiError(c, 403, 'foreign_origin', `a page from ${origin} may not open an Accord session; open the invitation link itself`);
    const body = await readJsonBody(c, sessionBody);
    if (!body.ok) return body.response;
    if ('adminToken' in body.value) {
      const { adminToken, name, language } = body.value;
      if (!access.isAdminToken(adminToken)) return apiError(c, 401, 'unauthorized', 'this is not the administrator token');
      const session = await access.adminSession(name ?? 'Admin', language ?? 'en');
      setSessionCookie(c, ADMIN_COOKIE, session);
      return c.json({ token: session, role: 'admin' } satisfies AdminSession, 201);
    }
    const joined = await access.join(body.value.invite, body.value.name, body.value.language);
    if (!joined.ok) {
      // A used invite is 410 as on inspection: the link was good and is spent (A17). The others keep
      // the 401 they always had on joining, which clients already branch on.
      const status = joined.problem === 'used' ? 410 : 401;
      return apiError(c, status, `invite_${joined.problem}`, INVITE_PROBLEM[joined.problem][1]);
    }
    const { member } = joined;
    const declarationId = member.declarationId!; // a member made by joining belongs to the invite's declaration
    setSessionCookie(c, sessionCookieName(declarationId), joined.token);
    return c.json(
      { token: joined.token, role: member.role, declarationId, memberId: member.id, name: member.name, sections: member.sections } satisfies JoinedSession,
      201,
    );
  });

  // A18: who this browser is, without a refusal when it is nobody yet.
  api.get('/session', async (c) => {
    const scope = await callerScope(access, c);
    const state: SessionState = scope === 'all' ? { admin: true, declarations: [] } : { admin: false, declarations: scope ? [...scope].sort() : [] };
    return c.json(state);
  });

  // A18: signing out removes every Accord cookie from this browser (a shared phone at the
  // conference). The member stays a member: their invitation link, if still valid, or a new one
  // lets them back in; revoking is the administrator's (A3).
  api.delete('/session', (c) => {
    const origin = foreignOrigin(c);
    if (origin !== null) return apiError(c, 403, 'foreign_origin', `a page from ${origin} may not sign this browser out`);
    for (const name of Object.keys(getCookie(c))) {
      if (name.startsWith('accord_')) deleteCookie(c, name, { path: '/', secure: new URL(c.req.url).protocol === 'https:' });
    }
    return c.body(null, 204);
  });

  api.post('/invites/inspect', async (c) => {
    const body = await readJsonBody(c, inspectBody);
    if (!body.ok) return body.response;
    const inspected = await access.inspectInvite(body.value.invite);
    if (!inspected.ok) {
      const [status, message] = INVITE_PROBLEM[inspected.problem];
      return apiError(c, status, `invite_${inspected.problem}`, message);
    }
    const { invite } = inspected;
    const declaration = await store.getDeclaration(invite.declarationId);
    // The invitee sees the workshops' names, not their ids.
    const titles = await hub.read(invite.declarationId, (doc) =>
      Object.fromEntries(sectionEntries(doc).filter((s) => invite.sections.includes(s.id)).map((s) => [s.id, readBilingual(s.map.get('title'))])),
    );
    return c.json({
      sectionTitles: titles ?? {},
      declarationId: invite.declarationId,
      title: declaration?.title ?? { fr: '', ja: '' },
      role: invite.role,
      sections: invite.sections,
      expiresAt: invite.expiresAt,
    } satisfies InviteSummary);
  });

  return api;
}

function setSessionCookie(c: Context, name: string, value: string): void {
  setCookie(c, name, value, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
