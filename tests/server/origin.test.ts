/**
 * Cookie-authenticated changes from another site are refused (docs/access-and-workflow.md A16):
 * REST writes and the WebSocket upgrade, on a real server on port 0. Requests that name their
 * credential (Bearer, `?token=`) and requests without `Origin` are not browsers riding a cookie.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ADMIN_TOKEN } from '../support/adminToken';
import { createDeclarationViaApi, getJson, postJson } from '../support/api';
import { type InProcessAccord, startInProcess } from '../support/startInProcess';
import { socketUrl } from '../support/yClient';

let server: InProcessAccord;
let id: string;
/** `accord_<id>=…` of a committee member who joined through the API, as a browser holds it. */
let memberCookie: string;
let memberId: string;
const ATTACKER = 'https://mairie-de-cannes.example';

beforeAll(async () => {
  server = await startInProcess();
  id = await createDeclarationViaApi(server.url);
  const invite = (await postJson(`${server.url}/api/declarations/${id}/invites`, { role: 'committee-fr' })).body as { token: string };
  const response = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ invite: invite.token, name: 'Claire', language: 'fr' }),
  });
  memberId = ((await response.json()) as { memberId: string }).memberId;
  memberCookie = response.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => {
  await server.close();
});

const ownOrigin = () => server.url;
const saveVersion = (headers: Record<string, string>) =>
  postJson(`${server.url}/api/declarations/${id}/versions`, { label: 'avant la séance' }, { token: null, headers });

/** The HTTP status of an upgrade to `url` with `headers`: 101 when it opened. */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.once('unexpected-response', (request, response) => {
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    ws.once('open', () => {
      resolve(101);
      ws.close();
    });
  });
}

describe('Origin on cookie-authenticated requests (A16)', () => {
  it('refuses a REST write riding the session cookie from another site (403 foreign_origin), and audits it with the member', async () => {
    const refused = await saveVersion({ cookie: memberCookie, origin: ATTACKER });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'foreign_origin' } } });
    await expect
      .poll(async () => ((await getJson(`${server.url}/api/declarations/${id}/audit`)).body as { entries: { action: string }[] }).entries.find((e) => e.action === 'origin-refused'))
      .toMatchObject({ actor: { name: 'Claire', role: 'committee-fr' }, detail: { origin: ATTACKER, method: 'POST', actorMemberId: memberId } });
    // Nothing was saved.
    const versions = (await getJson(`${server.url}/api/declarations/${id}/versions`)).body as { versions: unknown[] };
    expect(versions.versions).toHaveLength(0);
  });

  it('lets the same write through from Accord’s own origin, without Origin, and behind a TLS proxy', async () => {
    expect((await saveVersion({ cookie: memberCookie, origin: ownOrigin() })).status).toBe(201);
    expect((await saveVersion({ cookie: memberCookie })).status).toBe(201);
    const host = new URL(server.url).host;
    expect((await saveVersion({ cookie: memberCookie, origin: `https://${host}`, 'x-forwarded-proto': 'https' })).status).toBe(201);
    // Without the proxy saying so, https:// is not this http server's origin.
    expect((await saveVersion({ cookie: memberCookie, origin: `https://${host}` })).status).toBe(403);
    expect((await saveVersion({ cookie: memberCookie, origin: 'null' })).status).toBe(403);
  });

  it('does not check Origin on reads, nor on writes that name their credential (Bearer)', async () => {
    const read = await fetch(`${server.url}/api/declarations/${id}/me`, { headers: { cookie: memberCookie, origin: ATTACKER } });
    expect(read.status).toBe(200);
    const withBearer = await postJson(`${server.url}/api/declarations/${id}/invites`, { role: 'observer' }, { headers: { origin: ATTACKER, cookie: memberCookie } });
    expect(withBearer.status).toBe(201);
  });

  it('refuses the administrator cookie from another site, on a declaration and on creating one', async () => {
    const signIn = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ adminToken: ADMIN_TOKEN, name: 'Yuki' }),
    });
    const adminCookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const invite = (origin: string) =>
      postJson(`${server.url}/api/declarations/${id}/invites`, { role: 'observer' }, { token: null, headers: { cookie: adminCookie, origin } });
    expect((await invite(ATTACKER)).status).toBe(403);
    expect((await invite(ownOrigin())).status).toBe(201);
    const create = (origin: string) =>
      postJson(`${server.url}/api/declarations`, { title: { fr: 'x', ja: 'x' } }, { token: null, headers: { cookie: adminCookie, origin } });
    expect(await create(ATTACKER)).toMatchObject({ status: 403, body: { error: { code: 'foreign_origin' } } });
    expect((await create(ownOrigin())).status).toBe(201);
  });

  it('refuses to open a session from another site’s page (login forgery), not from Accord’s own or without Origin', async () => {
    const invite = async () => ((await postJson(`${server.url}/api/declarations/${id}/invites`, { role: 'observer' })).body as { token: string }).token;
    const join = async (headers: Record<string, string>) =>
      postJson(`${server.url}/api/session`, { invite: await invite(), name: 'Obs', language: 'fr' }, { token: null, headers });
    expect(await join({ origin: ATTACKER })).toMatchObject({ status: 403, body: { error: { code: 'foreign_origin' } } });
    expect((await join({ origin: ownOrigin() })).status).toBe(201);
    expect((await join({})).status).toBe(201);
    const admin = await postJson(`${server.url}/api/session`, { adminToken: ADMIN_TOKEN }, { token: null, headers: { origin: ATTACKER } });
    expect(admin.status).toBe(403);
  });

  it('refuses a WebSocket upgrade riding the cookie from another site (403), even with a bogus ?token=', async () => {
    const cookieOnly = socketUrl(server.collabUrl, id, {}, null);
    expect(await upgradeStatus(cookieOnly, { cookie: memberCookie, origin: ATTACKER })).toBe(403);
    expect(await upgradeStatus(socketUrl(server.collabUrl, id, {}, 'not-a-token'), { cookie: memberCookie, origin: ATTACKER })).toBe(403);
    expect(await upgradeStatus(cookieOnly, { cookie: memberCookie, origin: ownOrigin() })).toBe(101);
    expect(await upgradeStatus(cookieOnly, { cookie: memberCookie })).toBe(101);
    // A token in the query is the caller's own secret, not something a browser attaches by itself.
    expect(await upgradeStatus(socketUrl(server.collabUrl, id), { origin: ATTACKER })).toBe(101);
  });
});
