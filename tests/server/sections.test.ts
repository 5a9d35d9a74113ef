/**
 * Sections as the committees' to shape (issue 13), with the real y-websocket client: structure
 * changes by committees reach everyone; a rapporteur's are refused (A6); a removed section stays
 * restorable without any version saved since it was made, and every structure change is audited
 * as the server applied it (W9).
 */
import { docFromStored } from '@accord/server/storage/docFromStored';
import { sectionEntries } from '@accord/model/declarationLayout';
import { insertSection } from '@accord/model/insertSection';
import { moveSection } from '@accord/model/moveSection';
import { readDeclaration } from '@accord/model/readDeclaration';
import { removeSection } from '@accord/model/removeSection';
import { setSectionKind } from '@accord/model/setSectionKind';
import { syncUpdateMessage } from '@accord/protocol/frames';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDeclarationViaApi, getJson, joinAs, postJson } from '../support/api';
import { segmentText, typeAtEnd } from '../support/editText';
import { type InProcessAccord, startInProcess } from '../support/startInProcess';
import { connectClient, nextClose, synced, waitForDoc, type YClient } from '../support/yClient';

let server: InProcessAccord;
const clients: YClient[] = [];

async function connect(id: string, token: string): Promise<YClient> {
  const c = connectClient(server.collabUrl, id, { token });
  clients.push(c);
  await synced(c);
  return c;
}

const ids = (doc: Y.Doc) => sectionEntries(doc).map((entry) => entry.id);
const storedJson = async (id: string) => readDeclaration(docFromStored(id, (await server.store.loadDocument(id))!));

interface AuditLine {
  action: string;
  sectionId: string | null;
  actor: { name: string; role: string };
  detail: Record<string, unknown> | null;
}
const auditOf = async (id: string) => ((await getJson(`${server.url}/api/declarations/${id}/audit`)).body as { entries: AuditLine[] }).entries;

/** A declaration with a French and a Japanese committee member and a rapporteur for workshop 1. */
async function declaration() {
  const id = await createDeclarationViaApi(server.url);
  const claire = await joinAs(server.url, id, { role: 'committee-fr', name: 'Claire' });
  const kenji = await joinAs(server.url, id, { role: 'committee-ja', name: 'Kenji', language: 'ja' });
  const hanako = await joinAs(server.url, id, { role: 'rapporteur', name: 'Hanako', sections: ['workshop-1'], language: 'ja' });
  return { id, claire, kenji, hanako };
}

beforeAll(async () => {
  server = await startInProcess();
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

describe('sections: committees shape the list', () => {
  it('a committee adds a section: another client sees it, it starts in draft, counts and members follow, the log says who', async () => {
    const { id, claire, kenji } = await declaration();
    const fr = await connect(id, claire.token);
    const ja = await connect(id, kenji.token);
    const saved = await postJson(`${server.url}/api/declarations/${id}/versions`, { label: 'Avant l’atelier 4', author: 'Claire' });
    expect(saved.status).toBe(201);
    const added = insertSection(fr.doc, { kind: 'workshop', title: { fr: 'Atelier 4 — Jeunesse', ja: '' } });
    await waitForDoc(ja.doc, (doc) => ids(doc).includes(added));
    expect(ids(ja.doc).slice(-2)).toEqual([added, 'closing']);
    typeAtEnd(ja.doc, added, 'ja', '若者の参加');
    await waitForDoc(fr.doc, (doc) => segmentText(doc, added, 'ja') === '若者の参加');

    const stored = await storedJson(id);
    const section = stored.sections.find((s) => s.id === added)!;
    expect(section).toMatchObject({ kind: 'workshop', title: { fr: 'Atelier 4 — Jeunesse' } });
    expect(section.segments).toHaveLength(1);
    expect(section.segments[0]).toMatchObject({ fr: '', ja: '若者の参加' });

    const progress = (await getJson(`${server.url}/api/declarations/${id}/workflow`)).body as { sections: { id: string; state: string }[] };
    expect(progress.sections.map((s) => s.id)).toEqual(stored.sections.map((s) => s.id));
    expect(progress.sections.find((s) => s.id === added)!.state).toBe('draft');
    // The diff since the version saved before shows it added.
    const diff = (await getJson(`${server.url}/api/declarations/${id}/diff?from=${(saved.body as { id: string }).id}`)).body as { sections: { id: string; status: string }[] };
    expect(diff.sections.find((s) => s.id === added)!.status).toBe('added');
    // The new workshop can be given to a rapporteur.
    const invite = await postJson(`${server.url}/api/declarations/${id}/invites`, { role: 'rapporteur', sections: [added] });
    expect(invite.status).toBe(201);

    await expect.poll(async () => (await auditOf(id)).filter((e) => e.action === 'section-added')).toEqual([
      expect.objectContaining({ sectionId: added, actor: { name: 'Claire', role: 'committee-fr' }, detail: expect.objectContaining({ kind: 'workshop' }) }),
    ]);
  });

  it('A6: a rapporteur’s attempt to add, remove, move or re-kind a section is refused with 4403, nothing stored (honest and crafted clients)', async () => {
    const { id, hanako } = await declaration();
    const attempts: Array<[string, (doc: Y.Doc) => void]> = [
      ['add', (doc) => void insertSection(doc, { kind: 'other', title: { fr: 'Pirate', ja: '海賊' } })],
      ['remove', (doc) => void removeSection(doc, 'plenary')],
      ['move', (doc) => void moveSection(doc, 'workshop-1', { before: 'preamble' })],
      ['kind', (doc) => void setSectionKind(doc, 'workshop-1', 'closing')],
    ];
    for (const [name, attempt] of attempts) {
      for (const crafted of [false, true]) {
        const before = await storedJson(id);
        const rapporteur = await connect(id, hanako.token);
        const closed = nextClose(rapporteur);
        if (crafted) {
          // Made on a copy and sent as a raw frame: the server decides from what Yjs would do.
          const copy = new Y.Doc();
          Y.applyUpdate(copy, Y.encodeStateAsUpdate(rapporteur.doc));
          const sv = Y.encodeStateVector(copy);
          attempt(copy);
          rapporteur.provider.ws!.send(syncUpdateMessage(Y.encodeStateAsUpdate(copy, sv)));
        } else {
          attempt(rapporteur.doc);
        }
        const close = await closed;
        rapporteur.destroy();
        expect(close.code, `${name}, crafted: ${crafted}`).toBe(4403);
        expect(close.reason).toMatch(/section list or titles/);
        expect(await storedJson(id), name).toEqual(before);
      }
    }
    const refused = (await auditOf(id)).filter((e) => e.action === 'write-refused');
    expect(refused).toHaveLength(8);
    expect((await auditOf(id)).some((e) => e.action.startsWith('section-'))).toBe(false);
  });

  it('W9: a removed section comes back with a restore, though no version was saved since it was made', async () => {
    const { id, claire, kenji } = await declaration();
    const fr = await connect(id, claire.token);
    const ja = await connect(id, kenji.token);
    const added = insertSection(fr.doc, { kind: 'other', title: { fr: 'Forum citoyen', ja: '市民フォーラム' }, place: { after: 'plenary' } });
    typeAtEnd(fr.doc, added, 'fr', 'Les habitants ont débattu.');
    await waitForDoc(ja.doc, (doc) => segmentText(doc, added, 'fr') === 'Les habitants ont débattu.');
    expect(((await getJson(`${server.url}/api/declarations/${id}/versions`)).body as { versions: unknown[] }).versions).toHaveLength(0);

    removeSection(ja.doc, added);
    await waitForDoc(fr.doc, (doc) => !ids(doc).includes(added));
    const versions = ((await getJson(`${server.url}/api/declarations/${id}/versions`)).body as { versions: { id: string; kind: string }[] }).versions;
    const kept = versions.find((v) => v.kind === 'before-removal');
    expect(kept).toBeDefined();
    const read = (await getJson(`${server.url}/api/declarations/${id}/versions/${kept!.id}`)).body as { declaration: { sections: { id: string; segments: { fr: string }[] }[] } };
    expect(read.declaration.sections.find((s) => s.id === added)!.segments[0]!.fr).toBe('Les habitants ont débattu.');
    // The diff against the version shows the section removed.
    const diff = (await getJson(`${server.url}/api/declarations/${id}/diff?from=${kept!.id}`)).body as { sections: { id: string; status: string }[] };
    expect(diff.sections.find((s) => s.id === added)!.status).toBe('removed');
    // A removed section leaves the workflow counts.
    const progress = (await getJson(`${server.url}/api/declarations/${id}/workflow`)).body as { sections: { id: string }[] };
    expect(progress.sections.map((s) => s.id)).not.toContain(added);
    // Nor can it be given to a rapporteur any more.
    expect((await postJson(`${server.url}/api/declarations/${id}/invites`, { role: 'rapporteur', sections: [added] })).status).toBe(400);

    expect((await postJson(`${server.url}/api/declarations/${id}/versions/${kept!.id}/restore`, { author: 'Claire' })).status).toBe(200);
    await waitForDoc(fr.doc, (doc) => ids(doc).includes(added));
    expect(ids(fr.doc).indexOf(added)).toBe(ids(fr.doc).indexOf('plenary') + 1);
    expect(segmentText(fr.doc, added, 'fr')).toBe('Les habitants ont débattu.');
    expect((await storedJson(id)).sections.find((s) => s.id === added)!.title).toEqual({ fr: 'Forum citoyen', ja: '市民フォーラム' });

    await expect.poll(async () => (await auditOf(id)).filter((e) => e.action === 'section-removed').map((e) => [e.sectionId, e.actor.name])).toEqual([[added, 'Kenji']]);
  });

  it('two committees moving sections at the same moment converge, each section shown once, each move audited', async () => {
    const { id, claire, kenji } = await declaration();
    const fr = await connect(id, claire.token);
    const ja = await connect(id, kenji.token);
    const saved = (await postJson(`${server.url}/api/declarations/${id}/versions`, { label: 'Avant', author: 'Claire' })).body as { id: string };
    // Both move before either hears of the other's move: same section, opposite ends; and another one.
    moveSection(fr.doc, 'plenary', { before: 'preamble' });
    moveSection(ja.doc, 'plenary', { after: 'closing' });
    moveSection(ja.doc, 'theme', { after: 'workshop-3' });
    await waitForDoc(fr.doc, (doc) => ids(doc).indexOf('theme') === ids(doc).indexOf('workshop-3') + 1);
    await expect.poll(() => JSON.stringify(ids(ja.doc))).toBe(JSON.stringify(ids(fr.doc)));
    const list = ids(fr.doc);
    expect(list.filter((s) => s === 'plenary')).toHaveLength(1);
    expect([0, list.length - 1]).toContain(list.indexOf('plenary'));
    expect((await storedJson(id)).sections.map((s) => s.id)).toEqual(list);
    await expect.poll(async () => new Set((await auditOf(id)).filter((e) => e.action === 'section-moved').map((e) => e.sectionId))).toEqual(new Set(['plenary', 'theme']));
    const diff = (await getJson(`${server.url}/api/declarations/${id}/diff?from=${saved.id}`)).body as { sections: { id: string; status: string }[] };
    expect(diff.sections.filter((s) => s.status === 'moved').map((s) => s.id)).toEqual(expect.arrayContaining(['theme']));
  });

  it('two committees adding a section at the same moment both get theirs, before the next meeting', async () => {
    const { id, claire, kenji } = await declaration();
    const fr = await connect(id, claire.token);
    const ja = await connect(id, kenji.token);
    const a = insertSection(fr.doc, { kind: 'workshop', title: { fr: 'Atelier 4', ja: '' } });
    const b = insertSection(ja.doc, { kind: 'plenary', title: { fr: '', ja: '第二全体会議' } });
    for (const c of [fr, ja]) await waitForDoc(c.doc, (doc) => ids(doc).includes(a) && ids(doc).includes(b));
    expect(ids(fr.doc)).toEqual(ids(ja.doc));
    expect(ids(fr.doc).slice(-3).sort()).toEqual([a, b, 'closing'].sort());
    expect(ids(fr.doc).at(-1)).toBe('closing');
    expect((await storedJson(id)).sections.map((s) => s.id)).toEqual(ids(fr.doc));
  });

  it('typing into a section while another client moves it keeps the typing; a rapporteur’s workshop keeps its id', async () => {
    const { id, claire, hanako } = await declaration();
    const committee = await connect(id, claire.token);
    const rapporteur = await connect(id, hanako.token);
    typeAtEnd(rapporteur.doc, 'workshop-1', 'ja', '【移動中に入力】');
    moveSection(committee.doc, 'workshop-1', { before: 'context' });
    typeAtEnd(rapporteur.doc, 'workshop-1', 'ja', '続き');
    await waitForDoc(committee.doc, (doc) => segmentText(doc, 'workshop-1', 'ja').endsWith('【移動中に入力】続き'));
    await waitForDoc(rapporteur.doc, (doc) => ids(doc).indexOf('workshop-1') === ids(doc).indexOf('context') - 1);
    // Still writable by its rapporteur under the same id: no refusal closed her connection.
    typeAtEnd(rapporteur.doc, 'workshop-1', 'ja', '。');
    await waitForDoc(committee.doc, (doc) => segmentText(doc, 'workshop-1', 'ja').endsWith('続き。'));
    const me = (await getJson(`${server.url}/api/declarations/${id}/me`, { token: hanako.token })).body as { sections: string[] };
    expect(me.sections).toEqual(['workshop-1']);
  });
});
