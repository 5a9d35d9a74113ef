/**
 * An administrator gives a member another role in place (docs/access-and-workflow.md A3): the
 * body is validated, the change is audited, and the member's open connections are closed with
 * 4100 so that nothing more is judged with the old rights; the client reconnects with the new ones.
 * On SQLite here; the storage rule (AccessStore rule 6) runs on both stores in server/test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeclarationViaApi, deleteJson, getJson, joinAs, postJson } from '../support/api';
import { segmentText, typeAtEnd } from '../support/editText';
import { type InProcessAccord, startInProcess } from '../support/startInProcess';
import { connectClient, nextClose, synced, waitForDoc, type YClient } from '../support/yClient';

let server: InProcessAccord;
const clients: YClient[] = [];
const client = (id: string, token: string) => {
  const c = connectClient(server.collabUrl, id, { token });
  clients.push(c);
  return c;
};
const api = (id: string, path = '') => `${server.url}/api/declarations/${id}${path}`;
const patch = (id: string, memberId: string, body: unknown, token?: string) =>
  postJson(api(id, `/members/${memberId}`), body, { method: 'PATCH', ...(token ? { token } : {}) });
const members = async (id: string) => ((await getJson(api(id, '/members'))).body as { members: { id: string; role: string; sections: string[] }[] }).members;

beforeAll(async () => {
  server = await startInProcess();
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

/** Resolves once the client is connected and synced again after a close. */
function resynced(c: YClient): Promise<void> {
  return new Promise((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      c.provider.off('sync', onSync);
      resolve();
    };
    c.provider.on('sync', onSync);
  });
}

describe('changing a member’s role (A3)', () => {
  it('refuses what is not an administrator’s valid request, and changes nothing', async () => {
    const id = await createDeclarationViaApi(server.url);
    const claire = await joinAs(server.url, id, { role: 'committee-fr', name: 'Claire' });
    const hanako = await joinAs(server.url, id, { role: 'observer', name: 'Hanako' });
    const before = await members(id);
    // Only administrators: a committee member may not promote anyone, herself included.
    expect(await patch(id, claire.memberId, { role: 'admin' }, claire.token)).toMatchObject({ status: 403 });
    expect(await patch(id, hanako.memberId, { role: 'superuser' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    expect(await patch(id, hanako.memberId, { role: 'observer', extra: 1 })).toMatchObject({ status: 400 });
    expect(await patch(id, hanako.memberId, '{not json')).toMatchObject({ status: 400 });
    expect(await patch(id, hanako.memberId, { role: 'rapporteur' })).toMatchObject({ status: 400 });
    expect(await patch(id, hanako.memberId, { role: 'rapporteur', sections: ['workshop-99'] })).toMatchObject({ status: 400 });
    expect(await patch(id, hanako.memberId, { role: 'committee-ja', sections: ['workshop-1'] })).toMatchObject({ status: 400 });
    expect(await patch(id, 'm-nobody', { role: 'observer' })).toMatchObject({ status: 404 });
    // A member of another declaration is nobody here.
    const other = await createDeclarationViaApi(server.url);
    const elsewhere = await joinAs(server.url, other, { role: 'observer', name: 'Léa' });
    expect(await patch(id, elsewhere.memberId, { role: 'committee-fr' })).toMatchObject({ status: 404 });
    // A revoked member stays revoked: a new role does not bring her back.
    expect((await deleteJson(api(id, `/members/${hanako.memberId}`))).status).toBe(204);
    expect(await patch(id, hanako.memberId, { role: 'committee-ja' })).toMatchObject({ status: 404 });
    expect((await getJson(api(id), { token: hanako.token })).status).toBe(401);
    const after = await members(id);
    expect(after.map(({ id: m, role, sections }) => ({ m, role, sections }))).toEqual(before.map(({ id: m, role, sections }) => ({ m, role, sections })));
  });

  it('a downgrade stops writes at once: the connection closes with 4100 and comes back read-only', async () => {
    const id = await createDeclarationViaApi(server.url);
    const claire = await joinAs(server.url, id, { role: 'committee-fr', name: 'Claire' });
    const socket = client(id, claire.token);
    await synced(socket);
    typeAtEnd(socket.doc, 'theme', 'fr', ' avant');
    const closed = nextClose(socket);
    const back = resynced(socket);
    const answer = await patch(id, claire.memberId, { role: 'observer' });
    expect(answer).toMatchObject({ status: 200, body: { id: claire.memberId, name: 'Claire', role: 'observer', sections: [] } });
    expect(await closed).toMatchObject({ code: 4100 });
    // REST judges with the new role at once; the socket reconnects by itself, with it.
    expect((await getJson(api(id, '/me'), { token: claire.token })).body).toMatchObject({ role: 'observer' });
    await back;
    expect(segmentText(socket.doc, 'theme', 'fr')).toContain(' avant');
    const refused = nextClose(socket);
    typeAtEnd(socket.doc, 'theme', 'fr', ' APRÈS');
    expect(await refused).toMatchObject({ code: 4403 });
    const stored = (await getJson(api(id))).body as { sections: { id: string; segments: { fr: string }[] }[] };
    const theme = stored.sections.find((s) => s.id === 'theme')!.segments.map((s) => s.fr).join('\n');
    expect(theme).toContain(' avant');
    expect(theme).not.toContain('APRÈS');
    socket.provider.disconnect();

    const entries = ((await getJson(api(id, '/audit'))).body as { entries: { action: string; actor: { role: string }; detail: unknown }[] }).entries;
    expect(entries.filter((e) => e.action === 'member-role-changed')).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ role: 'admin' }),
        detail: { memberId: claire.memberId, name: 'Claire', from: { role: 'committee-fr', sections: [] }, to: { role: 'observer', sections: [] } },
      }),
    ]);
  });

  it('an upgrade takes effect on the reconnection: an observer made rapporteur writes her workshop', async () => {
    const id = await createDeclarationViaApi(server.url);
    const hanako = await joinAs(server.url, id, { role: 'observer', name: 'Hanako', language: 'ja' });
    const watcher = client(id, (await joinAs(server.url, id, { role: 'committee-ja', name: 'Kenji' })).token);
    const socket = client(id, hanako.token);
    await Promise.all([synced(socket), synced(watcher)]);
    const closed = nextClose(socket);
    const back = resynced(socket);
    expect(await patch(id, hanako.memberId, { role: 'rapporteur', sections: ['workshop-1', 'workshop-1'] })).toMatchObject({
      status: 200,
      body: { role: 'rapporteur', sections: ['workshop-1'] },
    });
    expect(await closed).toMatchObject({ code: 4100 });
    await back;
    typeAtEnd(socket.doc, 'workshop-1', 'ja', '分科会の結論。');
    await waitForDoc(watcher.doc, (doc) => segmentText(doc, 'workshop-1', 'ja').endsWith('分科会の結論。'));
    expect((await members(id)).find((m) => m.id === hanako.memberId)).toMatchObject({ role: 'rapporteur', sections: ['workshop-1'] });
    // Her own section only, as any rapporteur.
    const refused = nextClose(socket);
    typeAtEnd(socket.doc, 'workshop-2', 'ja', '侵入');
    expect(await refused).toMatchObject({ code: 4403 });
  });
});
