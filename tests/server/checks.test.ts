/**
 * The review over the REST API and the document (docs/review-checks.md R1–R4, A19): findings from
 * the live text, « not an error » dismissals written by the server with who and why, reversible and
 * audited, and the glossary writable by the committees only — each role a real member, edits made
 * with the real y-websocket client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDeclarationViaApi, deleteJson, getJson, joinAs, postJson } from '../support/api';
import { typeAtEnd } from '../support/editText';
import { type InProcessAccord, startInProcess } from '../support/startInProcess';
import { connectClient, nextClose, synced, waitForDoc, type YClient } from '../support/yClient';

let server: InProcessAccord;
const clients: YClient[] = [];
const client = (id: string, token: string) => {
  const c = connectClient(server.collabUrl, id, { token });
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startInProcess();
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

interface FindingRow {
  id: string;
  rule: string;
  sectionId: string;
  sid: string | null;
  lang: string;
  dismissal: { by: string; role: string; reason: string } | null;
}

describe('review checks (R1–R4, A19)', () => {
  let id: string;
  const people: Record<string, { token: string }> = {};
  const findings = async (who = 'obs') => {
    const reply = await getJson(`${server.url}/api/declarations/${id}/checks`, { token: people[who]!.token });
    expect(reply.status).toBe(200);
    return (reply.body as { findings: FindingRow[] }).findings;
  };
  const numberFinding = async () => (await findings()).find((f) => f.rule === 'numbers' && f.sectionId === 'workshop-1');

  beforeAll(async () => {
    id = await createDeclarationViaApi(server.url);
    people.hanako = await joinAs(server.url, id, { role: 'rapporteur', name: 'Hanako', sections: ['workshop-2'] });
    people.claire = await joinAs(server.url, id, { role: 'committee-fr', name: 'Claire' });
    people.kenji = await joinAs(server.url, id, { role: 'committee-ja', name: 'Kenji' });
    people.mairie = await joinAs(server.url, id, { role: 'mayor-office', name: 'Mairie' });
    people.obs = await joinAs(server.url, id, { role: 'observer', name: 'Obs' });
  });

  it('R1: every member reads the findings of the live text; a wrong figure typed in Japanese appears, and goes when corrected', async () => {
    expect((await getJson(`${server.url}/api/declarations/${id}/checks`, { token: null })).status).toBe(401);
    expect(await numberFinding()).toBeUndefined();
    const kenji = client(id, people.kenji!.token);
    await synced(kenji);
    typeAtEnd(kenji.doc, 'workshop-1', 'fr', ' 35 collectivités.');
    typeAtEnd(kenji.doc, 'workshop-1', 'ja', '36の自治体。');
    await expect.poll(async () => (await numberFinding())?.lang).toBe('both');
    const before = await numberFinding();
    // The same evidence, the same id (what a dismissal names).
    expect((await numberFinding())?.id).toBe(before?.id);
  });

  it('R2: « not an error » needs a reason and a role that writes the section; it is stored for everyone and audited', async () => {
    const finding = (await numberFinding())!;
    const dismiss = (who: string, body: unknown) => postJson(`${server.url}/api/declarations/${id}/checks/dismissals`, body, { token: people[who]!.token });
    expect(await dismiss('claire', { findingId: finding.id })).toMatchObject({ status: 400 });
    expect(await dismiss('claire', { findingId: finding.id, reason: '  ' })).toMatchObject({ status: 400 });
    expect(await dismiss('claire', { findingId: finding.id, reason: 'ok', extra: 1 })).toMatchObject({ status: 400 });
    expect(await dismiss('obs', { findingId: finding.id, reason: 'ok' })).toMatchObject({ status: 403 });
    expect(await dismiss('mairie', { findingId: finding.id, reason: 'ok' })).toMatchObject({ status: 403 });
    expect(await dismiss('hanako', { findingId: finding.id, reason: 'ok' })).toMatchObject({ status: 403 });
    expect(await dismiss('claire', { findingId: 'numbers:nope:0', reason: 'ok' })).toMatchObject({ status: 404, body: { error: { code: 'unknown_finding' } } });
    const watcher = client(id, people.obs!.token);
    await synced(watcher);
    expect(await dismiss('claire', { findingId: finding.id, reason: 'Le japonais compte les communes fusionnées.' })).toMatchObject({ status: 201 });
    expect((await numberFinding())?.dismissal).toMatchObject({ by: 'Claire', role: 'committee-fr', reason: 'Le japonais compte les communes fusionnées.' });
    // Live, through the document, for every client.
    await waitForDoc(watcher.doc, (doc) => doc.getMap('review').has(finding.id));
    const audit = (await getJson(`${server.url}/api/declarations/${id}/audit`)).body as { entries: Array<{ action: string; actor: { name: string }; sectionId: string | null; detail: { findingId?: string; reason?: string } }> };
    expect(audit.entries.find((e) => e.action === 'check-dismissed')).toMatchObject({
      actor: { name: 'Claire' },
      sectionId: 'workshop-1',
      detail: { findingId: finding.id, reason: 'Le japonais compte les communes fusionnées.' },
    });
  });

  it('R3: a dismissal is withdrawn by a member who may write the section, and that is audited too', async () => {
    const finding = (await numberFinding())!;
    const url = `${server.url}/api/declarations/${id}/checks/dismissals/${encodeURIComponent(finding.id)}`;
    expect(await deleteJson(url, { token: people.obs!.token })).toMatchObject({ status: 403 });
    expect(await deleteJson(url, { token: people.kenji!.token })).toMatchObject({ status: 200, body: { dismissal: null } });
    expect((await numberFinding())?.dismissal).toBeNull();
    expect(await deleteJson(url, { token: people.kenji!.token })).toMatchObject({ status: 404, body: { error: { code: 'not_dismissed' } } });
    const audit = (await getJson(`${server.url}/api/declarations/${id}/audit`)).body as { entries: Array<{ action: string; actor: { name: string } }> };
    expect(audit.entries.find((e) => e.action === 'check-restored')).toMatchObject({ actor: { name: 'Kenji' } });
  });

  it('R4: no client writes the review map, whatever its role', async () => {
    const admin = connectClient(server.collabUrl, id);
    clients.push(admin);
    await synced(admin);
    const closed = nextClose(admin);
    admin.doc.getMap('review').set('numbers:x:y', { by: 'forged', role: 'admin', at: '', reason: 'forged' });
    expect(await closed).toMatchObject({ code: 4403 });
    expect((await findings()).every((f) => f.dismissal?.by !== 'forged')).toBe(true);
  });

  it('A19: a committee writes the glossary, and the review uses it; a rapporteur’s glossary write is refused', async () => {
    const hanako = client(id, people.hanako!.token);
    await synced(hanako);
    const closed = nextClose(hanako);
    hanako.doc.getMap('glossary').set('g-forged', { fr: 'collectivités', ja: '国' });
    expect(await closed).toMatchObject({ code: 4403 });

    const claire = client(id, people.claire!.token);
    await synced(claire);
    claire.doc.getMap('glossary').set('g1', { fr: 'collectivités', ja: '地方公共団体' });
    await expect.poll(async () => (await findings()).some((f) => f.rule === 'glossary' && f.sectionId === 'workshop-1' && f.lang === 'ja')).toBe(true);
    expect(claire.doc.getMap('glossary').has('g-forged')).toBe(false);
  });

  it('R1: the figure corrected in Japanese, the finding is gone', async () => {
    const kenji = client(id, people.kenji!.token);
    await synced(kenji);
    const ja = kenji.doc.getXmlFragment('section/workshop-1/ja');
    const text = JSON.stringify(ja.toJSON());
    expect(text).toContain('36の自治体');
    kenji.doc.transact(() => {
      const visit = (node: unknown): void => {
        if (node instanceof Y.XmlText) {
          const at = node.toString().indexOf('36の自治体');
          if (at >= 0) {
            node.delete(at, 2);
            node.insert(at, '35');
          }
        } else if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) node.toArray().forEach(visit);
      };
      visit(ja);
    });
    await expect.poll(async () => await numberFinding()).toBeUndefined();
  });
});
