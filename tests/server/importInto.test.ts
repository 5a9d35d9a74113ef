/**
 * Adding an imported language to an existing declaration (docs/import.md, I5–I8), through the
 * real server on SQLite and, when DATABASE_URL is set, on PostgreSQL: a Japanese text aligned
 * with the French declaration's segments, written as one server change that connected
 * y-websocket clients see live, refused whole where the importer may not write, and never
 * losing what someone typed meanwhile.
 */
import { readDeclaration, type DeclarationJson } from '@accord/model/readDeclaration';
import { readConfirmations, segmentTranslation } from '@accord/model/translationState';
import type { ImportedLanguage, ImportIntoPreviewBody } from '@accord/protocol/rest/import';
import { writeAdoption } from '@accord/workflow/workflowMap';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { getJson, joinAs, postJson } from '../support/api';
import { segmentText, typeAtEnd } from '../support/editText';
import { inProcessBackends } from '../support/inProcessBackends';
import { type InProcessAccord, startInProcess } from '../support/startInProcess';
import { connectClient, synced, waitForDoc, type YClient } from '../support/yClient';

const FR = readFileSync(fileURLToPath(new URL('../../../shared/seeds/002_08bef9b35709208c.txt', import.meta.url)), 'utf8');
const JA = readFileSync(fileURLToPath(new URL('../bench/fixtures/shizuoka-2024.ja.md', import.meta.url)), 'utf8');
/** The Japanese text of workshop 2 alone, as its rapporteur would bring it. */
const JA_WORKSHOP_2 = JA.slice(JA.indexOf('### ***分科会2'), JA.indexOf('### ***分科会3'));

const backends = inProcessBackends('import_into');

describe.each(backends)('importing a Japanese text into a French declaration on %s (I5–I8)', (_name, start) => {
  let server: InProcessAccord;
  const clients: YClient[] = [];
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.close();
  });

  /** A French declaration, as a French-only import makes it: its Japanese side empty. */
  const frenchDeclaration = async () => {
    const made = await postJson(`${server.url}/api/declarations/import?commit=1`, { fr: { format: 'markdown', content: FR } });
    expect(made.status).toBe(201);
    return (made.body as { id: string }).id;
  };
  const importUrl = (id: string, commit = false) => `${server.url}/api/declarations/${id}/import${commit ? '?commit=1' : ''}`;
  const declaration = async (id: string) => (await getJson(`${server.url}/api/declarations/${id}`)).body as DeclarationJson;
  const japanese = (json: DeclarationJson) => json.sections.flatMap((s) => s.segments.map((g) => g.ja)).filter((t) => t !== '');
  const client = async (id: string, token?: string) => {
    const c = connectClient(server.collabUrl, id, token === undefined ? {} : { token });
    clients.push(c);
    await synced(c);
    return c;
  };
  const audit = async (id: string) => ((await getJson(`${server.url}/api/declarations/${id}/audit`)).body as { entries: Array<{ action: string; actor: { name: string }; detail: unknown }> }).entries;

  it('previews without writing, then writes the Japanese into the French segments as one change a connected client sees live', async () => {
    const id = await frenchDeclaration();
    const kenji = await joinAs(server.url, id, { role: 'committee-ja', name: 'Kenji', language: 'ja' });
    const watcher = await client(id);
    let updates = 0;
    watcher.doc.on('update', () => updates++);
    const before = await declaration(id);
    expect(japanese(before)).toEqual([]);

    const previewed = await postJson(importUrl(id), { ja: { format: 'markdown', content: JA } }, { token: kenji.token });
    expect(previewed.status).toBe(200);
    const preview = previewed.body as ImportIntoPreviewBody;
    expect(preview.language).toBe('ja');
    expect(preview.sections.map((s) => s.id)).toEqual(before.sections.map((s) => s.id));
    const context = preview.sections[1]!;
    const frContext = before.sections[1]!.segments;
    expect(context.pairs[0]).toMatchObject({ fr: expect.stringMatching(/^Depuis les 1/), ja: expect.stringMatching(/^2008年にナンシー/), segments: [{ sid: frContext[0]!.sid, was: '' }] });
    // Nothing stored; and nothing relayed, which the single update counted after the write shows
    // (a preview that wrote would have reached the watcher before it).
    expect(japanese(await declaration(id))).toEqual([]);

    const written = await postJson(importUrl(id), preview, { token: kenji.token });
    expect(written.status).toBe(200);
    const result = written.body as ImportedLanguage;
    expect(result).toMatchObject({ id, language: 'ja', addedSections: 0, kept: [] });
    expect(result.written).toBeGreaterThan(40);
    // Live: the first update the watcher gets from it carries the whole import.
    await waitForDoc(watcher.doc, (doc) => segmentText(doc, 'preamble', 'ja') !== '');
    expect(updates).toBe(1);
    const live = readDeclaration(watcher.doc);
    expect(japanese(live)).toEqual(japanese(await declaration(id)));
    expect(japanese(live).length).toBe(result.written + result.addedSegments);
    expect(live.sections.map((s) => s.segments.map((g) => g.fr))).toEqual(before.sections.map((s) => s.segments.map((g) => g.fr)));
    expect(live.meta.title).toEqual({ fr: before.meta.title.fr, ja: '第8回日仏自治体交流会議 静岡宣言' });
    expect(live.sections.find((s) => s.id === 'workshop-2')!.title).toEqual({ fr: expect.stringMatching(/^Atelier 2/), ja: expect.stringMatching(/^分科会2/) });
    const confirmations = readConfirmations(watcher.doc);
    const states = live.sections.flatMap((s) => s.segments.filter((g) => g.fr !== '' && g.ja !== '').map((g) => segmentTranslation(g, confirmations.get(g.sid)).state));
    expect(states.filter((s) => s === 'in-sync').length).toBeGreaterThan(states.length * 0.9);
    expect([...confirmations.values()].some((c) => c.by === 'Kenji')).toBe(true);
    const entry = (await audit(id)).find((e) => e.action === 'import-language');
    expect(entry).toMatchObject({ actor: { name: 'Kenji' }, detail: { language: 'ja', written: result.written, kept: [] } });
  });

  it('refuses, changing nothing, a rapporteur writing outside her workshop, an observer, and any import once adopted', async () => {
    const id = await frenchDeclaration();
    const aiko = await joinAs(server.url, id, { role: 'rapporteur', name: 'Aiko', sections: ['workshop-2'], language: 'ja' });
    const observer = await joinAs(server.url, id, { role: 'observer', name: 'Olivier' });
    const body = { ja: { format: 'markdown', content: JA } };
    const before = await declaration(id);

    const whole = await postJson(importUrl(id, true), body, { token: aiko.token });
    expect(whole).toMatchObject({ status: 403, body: { error: { code: 'forbidden', message: expect.stringContaining('belongs to another workshop') } } });
    expect(await postJson(importUrl(id), body, { token: observer.token })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await postJson(importUrl(id, true), body, { token: observer.token })).toMatchObject({ status: 403 });
    expect(await declaration(id)).toEqual(before);
    // Refusals are audited without holding up the answer (W8).
    await expect.poll(async () => (await audit(id)).filter((e) => e.action === 'request-refused').map((e) => e.actor.name)).toEqual(['Aiko', 'Olivier', 'Olivier']);

    // Her own workshop's text, alone, she may bring: it lands in workshop 2 and nowhere else.
    const own = await postJson(importUrl(id, true), { ja: { format: 'markdown', content: JA_WORKSHOP_2 } }, { token: aiko.token });
    expect(own.status).toBe(200);
    const after = await declaration(id);
    for (const section of after.sections) {
      if (section.id === 'workshop-2') expect(section.segments.filter((g) => g.ja !== '').length).toBeGreaterThan(5);
      else expect(section.segments.every((g) => g.ja === '')).toBe(true);
    }
    // Titles are the section list's, which a rapporteur does not write: left as they were.
    expect(after.sections.map((s) => s.title)).toEqual(before.sections.map((s) => s.title));
    expect(after.meta).toEqual(before.meta);

    await server.accord.hub.change(id, (doc) => writeAdoption(doc, { by: 'Mairie', at: new Date().toISOString(), hash: 'h', versionId: '' }));
    const frozen = await declaration(id);
    expect(await postJson(importUrl(id), body)).toMatchObject({ status: 409, body: { error: { code: 'frozen' } } });
    const preview = (await postJson(importUrl(id), { ja: { format: 'markdown', content: JA_WORKSHOP_2 } })).status;
    expect(preview).toBe(409);
    expect(await declaration(id)).toEqual(frozen);
  });

  it('refuses a preview of the wrong shape or with both languages (400), and an unknown declaration (404)', async () => {
    const id = await frenchDeclaration();
    expect(await postJson(importUrl(id), { fr: { format: 'markdown', content: FR }, ja: { format: 'markdown', content: JA } })).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    expect(await postJson(importUrl(id), { language: 'ja', meta: {}, sections: [], warnings: [] })).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    expect(await postJson(importUrl(id), { ja: { format: 'text', content: '' } })).toMatchObject({ status: 400, body: { error: { code: 'empty_text' } } });
    expect(await postJson(importUrl('nope-nope'), { ja: { format: 'markdown', content: JA } })).toMatchObject({ status: 404 });
  });

  it('keeps what another person typed meanwhile: in the Japanese before the write, in the French as it goes in', async () => {
    const id = await frenchDeclaration();
    const yuki = await joinAs(server.url, id, { role: 'committee-ja', name: 'Yuki', language: 'ja' });
    const claire = await joinAs(server.url, id, { role: 'committee-fr', name: 'Claire' });
    const kenji = await joinAs(server.url, id, { role: 'committee-ja', name: 'Kenji', language: 'ja' });
    const typist = await client(id, yuki.token);
    const french = await client(id, claire.token);
    const watcher = await client(id);
    const preview = (await postJson(importUrl(id), { ja: { format: 'markdown', content: JA } }, { token: kenji.token })).body as ImportIntoPreviewBody;

    // Between the preview and the write, Yuki types the preamble's first passage in Japanese.
    typeAtEnd(typist.doc, 'preamble', 'ja', '我々は');
    await waitForDoc(watcher.doc, (doc) => segmentText(doc, 'preamble', 'ja') === '我々は');
    // And Claire types in French as the import is sent: both reach the room's queue, in either order.
    typeAtEnd(french.doc, 'context', 'fr', ' (modifié)');
    const written = await postJson(importUrl(id), preview, { token: kenji.token });
    expect(written.status).toBe(200);
    const result = written.body as ImportedLanguage;
    const preambleSid = preview.sections[0]!.pairs[0]!.segments![0]!.sid;
    expect(result.kept).toEqual([{ sectionId: 'preamble', sid: preambleSid }]);

    const settled = (doc: Y.Doc) => segmentText(doc, 'context', 'fr').endsWith(' (modifié)') && segmentText(doc, 'context', 'ja') !== '';
    await waitForDoc(watcher.doc, settled);
    const fresh = await client(id);
    await waitForDoc(fresh.doc, settled);
    for (const doc of [watcher.doc, fresh.doc, typist.doc, french.doc]) {
      await waitForDoc(doc, settled);
      expect(segmentText(doc, 'preamble', 'ja')).toBe('我々は');
      expect(segmentText(doc, 'context', 'fr')).toMatch(/^Depuis les 1.*\(modifié\)$/s);
      expect(segmentText(doc, 'context', 'ja')).toMatch(/^2008年にナンシー/);
    }
    const stored = await declaration(id);
    expect(stored.sections[0]!.segments[0]!.ja).toBe('我々は');
    expect(stored.sections[1]!.segments[0]!.fr.endsWith(' (modifié)')).toBe(true);
  });
});

describe('an import into a declaration past its size limit', () => {
  it('is refused with 413 document_too_large, nothing written', async () => {
    // Room for the French declaration (some 20 KB stored), not for its Japanese on top.
    const server = await startInProcess({ hub: { maxDocumentBytes: 30_000 } });
    try {
      const made = await postJson(`${server.url}/api/declarations/import?commit=1`, { fr: { format: 'markdown', content: FR } });
      const id = (made.body as { id: string }).id;
      const before = (await getJson(`${server.url}/api/declarations/${id}`)).body;
      const refused = await postJson(`${server.url}/api/declarations/${id}/import?commit=1`, { ja: { format: 'markdown', content: JA } });
      expect(refused).toMatchObject({ status: 413, body: { error: { code: 'document_too_large' } } });
      expect((await getJson(`${server.url}/api/declarations/${id}`)).body).toEqual(before);
    } finally {
      await server.close();
    }
  });
});
