/**
 * Comments in the exports, only when asked (docs/export.md X7): the DOCX unzipped (Word comments
 * anchored on their passages, replies threaded, a resolved thread done), the print view, the PDF
 * printed by Debian's Chromium; without `comments=1` none of it is there.
 */
import { createPassageAnchor } from '@accord/model/commentAnchor';
import { readDeclaration } from '@accord/model/readDeclaration';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeclarationViaApi, joinAs, postJson } from '../support/api';
import { ChromiumPdfRenderer } from '@accord/server/export/ChromiumPdfRenderer';
import { CHROMIUM, chromiumAvailable } from '../support/browser';
import { segmentText, textblock } from '../support/editText';
import { pdfText } from '../support/exportFixture';
import { type InProcessAccord, startInProcess } from '../support/startInProcess';
import { connectClient, synced, type YClient } from '../support/yClient';
import type * as Y from 'yjs';

const OBSERVER_SAYS = 'Pourquoi ce mot ici ? Ambigu pour nous.';
const REPLY = 'Parce que le terme japonais est plus large.';
const RESOLVED_SAYS = 'Kenji : la date est-elle juste ?';

let server: InProcessAccord;
let client: YClient;
let id: string;
const people = {} as Record<'claire' | 'kenji' | 'obs', { token: string; memberId: string }>;
let jaQuote = '';
let frQuote = '';

const exportOf = async (query: Record<string, string>, who: keyof typeof people = 'claire') => {
  const response = await fetch(`${server.url}/api/declarations/${id}/export?${new URLSearchParams(query)}`, { headers: { Authorization: `Bearer ${people[who].token}` } });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
};
const zipOf = async (bytes: Uint8Array) => {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => (await zip.file(name)?.async('string')) ?? null;
  return { names: Object.keys(zip.files), part, all: async () => (await Promise.all(Object.keys(zip.files).map((n) => zip.file(n)!.async('string')))).join('\n') };
};
const wordText = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join('');

beforeAll(async () => {
  server = await startInProcess(chromiumAvailable() ? { pdf: new ChromiumPdfRenderer(CHROMIUM) } : {});
  id = await createDeclarationViaApi(server.url);
  people.claire = await joinAs(server.url, id, { role: 'committee-fr', name: 'Claire Martin' });
  people.kenji = await joinAs(server.url, id, { role: 'committee-ja', name: 'Kenji 健二', language: 'ja' });
  people.obs = await joinAs(server.url, id, { role: 'observer', name: 'Observateur' });
  client = connectClient(server.collabUrl, id, { token: people.claire.token });
  await synced(client);
  const doc = client.doc;
  const sid = readDeclaration(doc).sections.find((s) => s.id === 'theme')!.segments[0]!.sid;
  const api = (path: string) => `${server.url}/api/declarations/${id}${path}`;
  jaQuote = segmentText(doc, 'theme', 'ja').slice(2, 6);
  frQuote = segmentText(doc, 'theme', 'fr').slice(3, 12);
  const ja = await postJson(api('/comments'), { anchor: createPassageAnchor(doc, { sectionId: 'theme', sid, language: 'ja' }, 2, 6), body: OBSERVER_SAYS }, { token: people.obs.token });
  expect(ja.status).toBe(201);
  const jaThread = ja.body as { id: string };
  expect((await postJson(api(`/comments/${jaThread.id}/replies`), { body: REPLY }, { token: people.claire.token })).status).toBe(201);
  const fr = await postJson(api('/comments'), { anchor: createPassageAnchor(doc, { sectionId: 'theme', sid, language: 'fr' }, 3, 12), body: RESOLVED_SAYS }, { token: people.kenji.token });
  expect(fr.status).toBe(201);
  expect((await postJson(api(`/comments/${(fr.body as { id: string }).id}/resolve`), {}, { token: people.claire.token })).status).toBe(200);
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
});

describe('comments in the exports (X7)', () => {
  it('DOCX, bilingual: every thread is a Word comment on its passage, replies threaded, the resolved one done', async () => {
    const { response, bytes } = await exportOf({ format: 'docx', lang: 'bilingual', comments: '1' });
    expect(response.status).toBe(200);
    const zip = await zipOf(bytes);
    const comments = await zip.part('word/comments.xml');
    expect(comments, zip.names.join(', ')).not.toBeNull();
    const said = wordText(comments!);
    expect(said).toContain(OBSERVER_SAYS);
    expect(said).toContain(REPLY);
    expect(said).toContain(RESOLVED_SAYS);
    expect(comments).toMatch(/w:author="Observateur"/);
    expect(comments).toMatch(/w:author="Claire Martin"/);
    const documentXml = (await zip.part('word/document.xml'))!;
    // The Japanese passage sits between its comment's range marks, in its own run.
    const range = /<w:commentRangeStart w:id="0"\/>([\s\S]*?)<w:commentRangeEnd w:id="0"\/>/.exec(documentXml);
    expect(range, 'a range for the first thread').not.toBeNull();
    expect(wordText(range![1]!)).toBe(jaQuote);
    const frRange = /<w:commentRangeStart w:id="2"\/>([\s\S]*?)<w:commentRangeEnd w:id="2"\/>/.exec(documentXml);
    expect(wordText(frRange![1]!)).toBe(frQuote);
    expect(documentXml).toMatch(/<w:commentReference w:id="1"\/>/); // the reply is referenced too
    const extended = (await zip.part('word/commentsExtended.xml')) ?? '';
    expect(extended).toMatch(/w15:paraIdParent=/);
    expect(extended).toMatch(/w15:done="1"/);
  });

  it('DOCX, French only: the Japanese passage is not printed, so its thread quotes it on the section title', async () => {
    const { bytes } = await exportOf({ format: 'docx', lang: 'fr', comments: '1' });
    const zip = await zipOf(bytes);
    const said = wordText((await zip.part('word/comments.xml'))!);
    expect(said).toContain(`「${jaQuote}」`);
    expect(said).toContain('passage du texte japonais');
    expect(said).toContain('Résolu par Claire Martin');
  });

  it('the print view numbers the passages and lists the threads after their section; an observer gets them too', async () => {
    const { response, bytes } = await exportOf({ format: 'html', lang: 'bilingual', comments: '1' }, 'obs');
    expect(response.status).toBe(200);
    const html = new TextDecoder().decode(bytes);
    expect(html).toContain(`<mark class="commented">${jaQuote}</mark><sup class="comment-ref"><a href="#comment-1">1</a></sup>`);
    expect(html).toMatch(/<aside class="comment-notes">/);
    expect(html).toContain(OBSERVER_SAYS);
    expect(html).toContain(REPLY);
    expect(html).toContain('Résolu par Claire Martin');
    expect(html).toMatch(/<li id="comment-2" value="2" class="comment--resolved">/);
  });

  it('without comments=1 (or with 0) no export holds a comment; a bad value is a 400', async () => {
    for (const query of [{}, { comments: '0' }] as Array<Record<string, string>>) {
      const docx = await zipOf((await exportOf({ format: 'docx', lang: 'bilingual', ...query })).bytes);
      expect(docx.names).not.toContain('word/comments.xml');
      const everything = await docx.all();
      expect(everything).not.toContain(REPLY);
      expect(everything).not.toMatch(/commentRangeStart/);
      const html = new TextDecoder().decode((await exportOf({ format: 'html', lang: 'ja', ...query })).bytes);
      expect(html).not.toContain(OBSERVER_SAYS);
      expect(html).not.toContain('<aside class="comment-notes"');
    }
    const bad = await exportOf({ format: 'html', lang: 'fr', comments: 'yes' });
    expect(bad.response.status).toBe(400);
  });

  it.skipIf(!chromiumAvailable())('the PDF prints the threads; without the flag it does not', async () => {
    const withComments = await exportOf({ format: 'pdf', lang: 'fr', comments: '1' });
    expect(withComments.response.status).toBe(200);
    const text = pdfText(withComments.bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Parce que le terme japonais');
    expect(text).toContain('Commentaires');
    const without = pdfText((await exportOf({ format: 'pdf', lang: 'fr' })).bytes).replace(/\s+/g, ' ');
    expect(without).not.toContain('Parce que le terme japonais');
  });

  it('a saved version places the threads by their quote; a passage deleted from the live text is listed as such', async () => {
    const saved = await postJson(`${server.url}/api/declarations/${id}/versions`, { label: 'Avant la plénière' }, { token: people.claire.token });
    expect(saved.status).toBe(201);
    const versionId = (saved.body as { id: string }).id;
    // The French passage of the resolved thread goes from the live text.
    const block = textblock(client.doc, 'theme', 'fr');
    const rewritten = 'Un tout autre texte pour le thème.';
    client.doc.transact(() => {
      const run = block.get(0) as Y.XmlText;
      run.delete(0, run.length);
      run.insert(0, rewritten);
    });
    const html = async (query: Record<string, string>) => new TextDecoder().decode((await exportOf({ format: 'html', comments: '1', ...query })).bytes);
    await expect.poll(async () => (await html({ lang: 'fr' })).includes(rewritten)).toBe(true);
    const live = await html({ lang: 'fr' });
    expect(live).toMatch(/<span class="comment-where" lang="fr">\(passage supprimé du texte\)<\/span>/);
    expect(live).not.toContain(`<mark class="commented">${frQuote}`);
    const version = await html({ lang: 'fr', version: versionId });
    expect(version).toContain(`<mark class="commented">${frQuote}</mark>`);
    const versionJa = await html({ lang: 'ja', version: versionId });
    expect(versionJa).toContain(`<mark class="commented">${jaQuote}</mark>`);
    expect(versionJa).toContain('<span class="comment-where" lang="ja">（フランス語本文の箇所）</span>');
  });
});
