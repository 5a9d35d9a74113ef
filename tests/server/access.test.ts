/**
 * Access (docs/access-and-workflow.md A1–A10): invites, sessions, and the server refusing what a
 * connection may not write — tested with the real y-websocket client crafting forbidden updates.
 */
import { getTranslations } from '@accord/model/translationState';
import { AccessService } from '@accord/server/access/AccessService';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { ADMIN_TOKEN } from '../support/adminToken';
import { createDeclarationViaApi, deleteJson, getJson, joinAs, postJson } from '../support/api';
import { segmentText, textblock, typeAtEnd } from '../support/editText';
import { startAccord } from '../support/startAccord';
import { type InProcessAccord, startInProcess } from '../support/startInProcess';
import { connectClient, nextClose, socketUrl, synced, waitForDoc, type YClient } from '../support/yClient';

let server: InProcessAccord;
let now = new Date('2026-11-23T09:00:00Z');
const clients: YClient[] = [];
const client = (id: string, token: string) => {
  const c = connectClient(server.collabUrl, id, { token });
  clients.push(c);
  return c;
};
const api = (id: string, path = '') => `${server.url}/api/declarations/${id}${path}`;

beforeAll(async () => {
  server = await startInProcess({ clock: () => now });
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

/** What the store holds for a declaration, as plain JSON: unchanged means nothing was stored. */
const storedJson = async (id: string) => JSON.stringify((await getJson(api(id))).body);

/** Opens a raw socket and resolves with the HTTP status of a refused upgrade, or 101. */
function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.once('unexpected-response', (request, response) => {
      resolve(response.statusCode ?? 0);
      // With this listener, ws leaves the refused request to us to end.
      request.destroy();
    });
    ws.once('open', () => {
      resolve(101);
      ws.close();
    });
  });
}

describe('the administrator token (A1)', () => {
  it('is generated and printed once at the first start, never logged, and works; a restart keeps it', async () => {
    const first = await startAccord({ demo: true, env: { ACCORD_ADMIN_TOKEN: '' } });
    let token = '';
    try {
      await expect.poll(() => /\/admin#([A-Za-z0-9_-]{43})/.exec(first.stdout())?.[1]).toBeTruthy();
      token = /\/admin#([A-Za-z0-9_-]{43})/.exec(first.stdout())![1]!;
      expect(first.log()).not.toContain(token);
      const listed = await getJson(`${first.url}/api/declarations`, { token });
      expect(listed.status).toBe(200);
      expect((listed.body as { declarations: unknown[] }).declarations).toHaveLength(1);
    } finally {
      await first.stop();
    }
    const second = await startAccord({ dataDir: first.dataDir, env: { ACCORD_ADMIN_TOKEN: '' } });
    try {
      expect((await getJson(`${second.url}/api/declarations`, { token })).status).toBe(200);
      expect((await getJson(`${second.url}/api/declarations`)).status).toBe(401);
    } finally {
      await second.stop();
    }
    expect(second.stdout()).not.toContain('admin#');
  });
});

describe('sessions (A1–A4)', () => {
  it('refuses REST and WebSocket without a valid credential, and with a session of another declaration', async () => {
    const id = await createDeclarationViaApi(server.url);
    const other = await createDeclarationViaApi(server.url);
    const elsewhere = await joinAs(server.url, other, { role: 'committee-fr', name: 'Claire' });
    for (const token of [null, 'not-a-token', elsewhere.token]) {
      expect((await getJson(api(id), { token })).status).toBe(401);
      expect((await getJson(api(id, '/versions'), { token })).status).toBe(401);
      expect(await upgradeStatus(socketUrl(server.collabUrl, id, {}, token))).toBe(401);
    }
    expect((await getJson(`${server.url}/api/declarations`, { token: null })).status).toBe(401);
    expect(await upgradeStatus(socketUrl(server.collabUrl, id))).toBe(101);
  });

  it('joins through an invite: a session for that declaration, a cookie, and only what the caller may see', async () => {
    const id = await createDeclarationViaApi(server.url);
    const invite = await postJson(api(id, '/invites'), { role: 'rapporteur', sections: ['workshop-1'], expiresInHours: 48 });
    expect(invite.status).toBe(201);
    const { token: inviteToken, url } = invite.body as { token: string; url: string };
    expect(url).toBe(`${server.url}/join#${inviteToken}`);
    const inspected = await postJson(`${server.url}/api/invites/inspect`, { invite: inviteToken }, { token: null });
    expect(inspected.body).toMatchObject({ declarationId: id, role: 'rapporteur', sections: ['workshop-1'] });
    expect((inspected.body as { sectionTitles: Record<string, { fr: string }> }).sectionTitles['workshop-1']!.fr).toMatch(/^Atelier 1/);

    const response = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: inviteToken, name: '田中 花子', language: 'ja' }),
    });
    expect(response.status).toBe(201);
    const session = (await response.json()) as { token: string; role: string };
    expect(session.role).toBe('rapporteur');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^accord_${id}=`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    // The cookie alone authenticates, as a browser would send it.
    const me = await fetch(api(id, '/me'), { headers: { cookie: cookie.split(';')[0]! } });
    expect(await me.json()).toMatchObject({ name: '田中 花子', role: 'rapporteur', sections: ['workshop-1'], language: 'ja' });
    const listed = (await getJson(`${server.url}/api/declarations`, { token: null })).status;
    expect(listed).toBe(401);
    const mine = await fetch(`${server.url}/api/declarations`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(await mine.json()).toMatchObject({ declarations: [{ id }], admin: false });
    expect((await getJson(`${server.url}/api/declarations`)).body).toMatchObject({ admin: true });

    // Administrators only: inviting, listing members; a rapporteur gets 403.
    expect((await postJson(api(id, '/invites'), { role: 'observer' }, { token: session.token })).status).toBe(403);
    expect((await getJson(api(id, '/members'), { token: session.token })).status).toBe(403);
    const members = (await getJson(api(id, '/members'))).body as { members: { name: string; role: string }[] };
    expect(members.members).toEqual([expect.objectContaining({ name: '田中 花子', role: 'rapporteur' })]);
  });

  it('refuses expired, revoked and unknown invites, and invites for sections that do not exist', async () => {
    const id = await createDeclarationViaApi(server.url);
    const join = (invite: string) => postJson(`${server.url}/api/session`, { invite, name: 'X', language: 'fr' }, { token: null });
    const expiring = (await postJson(api(id, '/invites'), { role: 'observer', expiresInHours: 1 })).body as { token: string };
    const revoked = (await postJson(api(id, '/invites'), { role: 'observer' })).body as { token: string; inviteId: string };
    expect((await deleteJson(api(id, `/invites/${revoked.inviteId}`))).status).toBe(204);
    now = new Date(now.getTime() + 61 * 60_000);
    expect(await join(expiring.token)).toMatchObject({ status: 401, body: { error: { code: 'invite_expired' } } });
    expect(await join(revoked.token)).toMatchObject({ status: 401, body: { error: { code: 'invite_revoked' } } });
    expect(await join('no-such-invite')).toMatchObject({ status: 401, body: { error: { code: 'invite_unknown' } } });
    expect((await postJson(`${server.url}/api/invites/inspect`, { invite: expiring.token }, { token: null })).status).toBe(410);
    expect((await postJson(api(id, '/invites'), { role: 'rapporteur', sections: ['workshop-99'] })).status).toBe(400);
    expect((await postJson(api(id, '/invites'), { role: 'rapporteur' })).status).toBe(400);
    expect((await postJson(api(id, '/invites'), { role: 'superuser' })).status).toBe(400);
    expect((await getJson(api(id, '/members'))).body).toEqual({ members: [] });
  });

  it('a revoked member loses REST at once and is disconnected with 4401', async () => {
    const id = await createDeclarationViaApi(server.url);
    const claire = await joinAs(server.url, id, { role: 'committee-fr', name: 'Claire' });
    const socket = client(id, claire.token);
    await synced(socket);
    const closed = nextClose(socket);
    expect((await deleteJson(api(id, `/members/${claire.memberId}`))).status).toBe(204);
    expect(await closed).toMatchObject({ code: 4401 });
    socket.provider.disconnect();
    expect((await getJson(api(id), { token: claire.token })).status).toBe(401);
    expect(await upgradeStatus(socketUrl(server.collabUrl, id, {}, claire.token))).toBe(401);
  });

  it('stores tokens only as hashes', async () => {
    const id = await createDeclarationViaApi(server.url);
    const invite = (await postJson(api(id, '/invites'), { role: 'observer' })).body as { token: string };
    const session = await joinAs(server.url, id, { role: 'observer', name: 'Obs' });
    // What main.ts does with ACCORD_ADMIN_TOKEN (startInProcess takes the hash directly).
    await AccessService.adminToken(server.store.access, ADMIN_TOKEN);
    const file = readFileSync(server.dbFile).toString('latin1') + readFileSync(`${server.dbFile}-wal`).toString('latin1');
    for (const secret of [invite.token, session.token, ADMIN_TOKEN]) {
      expect(file).not.toContain(secret);
      // The rows were read: their hashes are there.
      expect(file).toContain(createHash('sha256').update(secret).digest('hex'));
    }
  });
});

describe('write enforcement (A6–A10), with the real y-websocket client', () => {
  let id: string;
  let rapporteur: { token: string };
  let observer: { token: string };
  let committee: { token: string };

  beforeAll(async () => {
    id = await createDeclarationViaApi(server.url);
    rapporteur = await joinAs(server.url, id, { role: 'rapporteur', name: 'Hanako', sections: ['workshop-1'] });
    observer = await joinAs(server.url, id, { role: 'observer', name: 'Obs' });
    committee = await joinAs(server.url, id, { role: 'committee-ja', name: 'Kenji' });
  });

  /** Sends `edit` from a fresh client of `token`; resolves with how the server closed it. */
  async function forbidden(token: string, edit: (doc: Y.Doc) => void) {
    const witness = client(id, committee.token);
    await synced(witness);
    const before = await storedJson(id);
    const witnessBefore = Y.encodeStateVector(witness.doc);
    const offender = client(id, token);
    await synced(offender);
    const closed = nextClose(offender);
    edit(offender.doc);
    const close = await closed;
    offender.destroy();
    // The server keeps serving: the witness edits, and that edit is stored and relayed.
    const other = client(id, committee.token);
    typeAtEnd(witness.doc, 'theme', 'ja', '。');
    await waitForDoc(other.doc, (doc) => segmentText(doc, 'theme', 'ja') === segmentText(witness.doc, 'theme', 'ja'));
    // Nothing of the forbidden update reached the witness either: all it has since is its own edit.
    const received = Y.decodeUpdate(Y.encodeStateAsUpdate(witness.doc, witnessBefore)).structs.map((s) => s.id.client);
    expect(new Set(received)).toEqual(new Set([witness.doc.clientID]));
    return { close, before, after: await storedJson(id) };
  }

  it('accepts a rapporteur’s typing in its own workshop, in both languages, and relays it', async () => {
    const hanako = client(id, rapporteur.token);
    const watcher = client(id, committee.token);
    await Promise.all([synced(hanako), synced(watcher)]);
    typeAtEnd(hanako.doc, 'workshop-1', 'fr', ' Conclusion de l’atelier.');
    typeAtEnd(hanako.doc, 'workshop-1', 'ja', '分科会の結論。');
    await waitForDoc(watcher.doc, (doc) => segmentText(doc, 'workshop-1', 'ja').endsWith('分科会の結論。'));
    expect(segmentText(watcher.doc, 'workshop-1', 'fr')).toContain('Conclusion de l’atelier.');
  });

  it('refuses a rapporteur writing into another workshop: 4403, nothing stored or relayed', async () => {
    const result = await forbidden(rapporteur.token, (doc) => typeAtEnd(doc, 'workshop-2', 'fr', ' INTRUSION'));
    expect(result.close.code).toBe(4403);
    expect(result.close.reason).toMatch(/workshop-2/);
    expect(result.after).not.toContain('INTRUSION');
    expect(result.after.replace(/。/g, '')).toBe(result.before.replace(/。/g, ''));
  });

  it('refuses a rapporteur mixing an allowed and a forbidden change in one update: none of it is applied', async () => {
    const result = await forbidden(rapporteur.token, (doc) =>
      doc.transact(() => {
        typeAtEnd(doc, 'workshop-1', 'fr', ' PERMIS');
        typeAtEnd(doc, 'preamble', 'fr', ' INTERDIT');
      }),
    );
    expect(result.close.code).toBe(4403);
    expect(result.after).not.toContain('PERMIS');
    expect(result.after).not.toContain('INTERDIT');
  });

  it('refuses a rapporteur renaming a section, confirming another section’s translation, or writing the workflow', async () => {
    const rename = await forbidden(rapporteur.token, (doc) => {
      const title = doc.getArray<Y.Map<unknown>>('sections').get(0).get('title') as Y.Map<string>;
      title.set('fr', 'Préambule détourné');
    });
    expect(rename.close.code).toBe(4403);
    const confirm = await forbidden(rapporteur.token, (doc) => {
      const sid = textblock(doc, 'preamble', 'fr').getAttribute('sid') as string;
      getTranslations(doc).set(sid, { fr: 'x', ja: 'y', by: 'Hanako', at: 'now' });
    });
    expect(confirm.close.code).toBe(4403);
    const workflow = await forbidden(committee.token, (doc) => doc.getMap('workflow').set('section/preamble', { state: 'approved' }));
    expect(workflow.close.code).toBe(4403);
    const states = (await getJson(api(id, '/workflow'))).body as { sections: { id: string; state: string }[] };
    expect(states.sections.find((s) => s.id === 'preamble')!.state).toBe('draft');
  });

  it('lets a rapporteur confirm the translation of its own segments', async () => {
    const hanako = client(id, rapporteur.token);
    const watcher = client(id, committee.token);
    await Promise.all([synced(hanako), synced(watcher)]);
    const sid = textblock(hanako.doc, 'workshop-1', 'fr').getAttribute('sid') as string;
    getTranslations(hanako.doc).set(sid, { fr: 'a', ja: 'b', by: 'Hanako', at: 'now' });
    await waitForDoc(watcher.doc, (doc) => getTranslations(doc).has(sid));
  });

  it('refuses every write of an observer, while giving it the document and presence', async () => {
    const watcher = client(id, committee.token);
    await synced(watcher);
    watcher.provider.awareness.setLocalStateField('user', { name: 'Kenji' });
    const reader = client(id, observer.token);
    await synced(reader);
    expect(segmentText(reader.doc, 'workshop-1', 'ja')).toBe(segmentText(watcher.doc, 'workshop-1', 'ja'));
    await expect.poll(() => [...reader.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string })?.name === 'Kenji')).toBe(true);
    reader.destroy();
    const result = await forbidden(observer.token, (doc) => typeAtEnd(doc, 'theme', 'fr', ' LECTEUR'));
    expect(result.close.code).toBe(4403);
    expect(result.after).not.toContain('LECTEUR');
  });

  it('records refused writes in the audit log', async () => {
    const entries = ((await getJson(api(id, '/audit'))).body as { entries: { action: string; actor: { name: string } }[] }).entries;
    const refused = entries.filter((e) => e.action === 'write-refused');
    expect(refused.map((e) => e.actor.name)).toEqual(expect.arrayContaining(['Hanako', 'Obs', 'Kenji']));
    expect(entries.filter((e) => e.action === 'join')).toHaveLength(3);
  });
});
