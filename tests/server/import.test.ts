/**
 * Importing a declaration through the real server (docs/import.md, rules I1–I4): the preview
 * stores nothing, `?commit=1` and a reviewed preview create, only committees and administrators
 * import, and bad input is a clear 4xx with nothing created.
 */
import { getFragment, getSections } from '@accord/model/declarationLayout';
import { EDITOR_MARKS } from '@accord/model/editorSchema';
import { readDeclaration } from '@accord/model/readDeclaration';
import { readConfirmations, segmentTranslation } from '@accord/model/translationState';
import type { ImportPreviewBody } from '@accord/protocol/rest/import';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { ADMIN_TOKEN } from '../support/adminToken';
import { createDeclarationViaApi, getJson, joinAs, postJson } from '../support/api';
import { type AccordProcess, startAccord } from '../support/startAccord';
import { typeAtEnd } from '../support/editText';
import { connectClient, synced } from '../support/yClient';

const FR = readFileSync(fileURLToPath(new URL('../../../shared/seeds/002_08bef9b35709208c.txt', import.meta.url)), 'utf8');
const JA = readFileSync(fileURLToPath(new URL('../bench/fixtures/shizuoka-2024.ja.md', import.meta.url)), 'utf8');
const SOURCES = { fr: { format: 'markdown', content: FR }, ja: { format: 'markdown', content: JA } };

let server: AccordProcess;
let url: string;
let existing: string;

beforeAll(async () => {
  server = await startAccord();
  url = `${server.url}/api/declarations/import`;
  existing = await createDeclarationViaApi(server.url);
});
afterAll(async () => {
  await server.kill();
});

/**
 * Posts a JSON import of about `size` bytes as a client streaming a file does. The server answers
 * 413 from the declared length and closes: the rest of the upload may then fail to write (EPIPE),
 * which is the client's concern, not the answer's.
 */
function postLarge(target: string, size: number): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const head = Buffer.from('{"fr":{"format":"text","content":"');
    const tail = Buffer.from('"}}');
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    const chunks = Math.ceil(size / chunk.length);
    const req = request(target, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': head.length + chunks * chunk.length + tail.length, authorization: `Bearer ${ADMIN_TOKEN}` } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(data) as unknown }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    req.write(head);
    let sent = 0;
    const pump = () => {
      while (sent < chunks && !req.destroyed) {
        sent++;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!req.destroyed) req.end(tail);
    };
    pump();
  });
}

const count = async () => ((await getJson(`${server.url}/api/declarations`)).body as { declarations: unknown[] }).declarations.length;

/** The stored document of `id`, as a real y-websocket client syncs it. */
async function syncedDoc(id: string): Promise<{ doc: Y.Doc; close: () => void }> {
  const client = connectClient(server.collabUrl, id);
  await synced(client);
  return { doc: client.doc, close: () => client.destroy() };
}

describe('POST /api/declarations/import', () => {
  it('answers a preview of both texts, aligned, and stores nothing (I2)', async () => {
    const before = await count();
    const { status, body } = await postJson(url, SOURCES);
    expect(status).toBe(200);
    const preview = body as ImportPreviewBody;
    expect(preview.sections.map((s) => s.kind)).toEqual(['preamble', 'context', 'theme', 'plenary', 'workshop', 'workshop', 'workshop', 'conclusion', 'closing']);
    expect(preview.meta).toMatchObject({ edition: 8, hostCity: { fr: 'Shizuoka', ja: '静岡' }, nextHostCity: { fr: 'Cannes', ja: 'カンヌ' }, startDate: '2024-11-18' });
    const pairs = preview.sections.flatMap((s) => s.pairs);
    expect(pairs.every((p) => p.fr !== '' && p.ja !== '')).toBe(true);
    expect(pairs.find((p) => p.fr.startsWith('Depuis 2013'))?.ja).toMatch(/^2013年以来/);
    expect(await count()).toBe(before);
  });

  it('creates the declaration with ?commit=1: sections, lists, superscript, confirmed pairs (I2, I4)', async () => {
    const { status, body } = await postJson(`${url}?commit=1`, SOURCES);
    expect(status).toBe(201);
    const { id } = body as { id: string };
    const json = (await getJson(`${server.url}/api/declarations/${id}`)).body as ReturnType<typeof readDeclaration>;
    expect(json.meta.title.ja).toBe('第8回日仏自治体交流会議 静岡宣言');
    expect(json.sections.map((s) => s.id)).toEqual(['preamble', 'context', 'theme', 'plenary', 'workshop', 'workshop-2', 'workshop-3', 'conclusion', 'closing']);
    const { doc, close } = await syncedDoc(id);
    try {
      const fr = getFragment(doc, 'context', 'fr').toJSON();
      // Superscript is written once the editor has the mark; until then as plain characters, since
      // the binding would delete a text whose mark the editor does not know.
      if ('superscript' in EDITOR_MARKS) expect(fr).toContain('<superscript>ères</superscript>');
      else expect(fr).toContain('Depuis les 1ères Rencontres');
      expect(getFragment(doc, 'conclusion', 'ja').toJSON()).toContain('<orderedlist>'); // toJSON spells node names in lower case
      const confirmations = readConfirmations(doc);
      const states = readDeclaration(doc).sections.flatMap((s) => s.segments.map((seg) => segmentTranslation(seg, confirmations.get(seg.sid)).state));
      // Every pair of a faithful translation is confident: all start as confirmed translations.
      expect(states.length).toBeGreaterThan(40);
      expect(states.filter((s) => s !== 'in-sync')).toEqual([]);
    } finally {
      close();
    }
  });

  it('creates from a reviewed preview: a changed kind, a pair left to review, a block untranslated (I2)', async () => {
    const preview = (await postJson(url, SOURCES)).body as ImportPreviewBody;
    preview.sections[3]!.kind = 'other';
    preview.sections[1]!.pairs[0]!.accepted = false;
    preview.sections[1]!.pairs[1]!.ja = '';
    const { status, body } = await postJson(url, preview);
    expect(status).toBe(201);
    const { doc, close } = await syncedDoc((body as { id: string }).id);
    try {
      expect(getSections(doc).get(3).get('kind')).toBe('other');
      const context = readDeclaration(doc).sections[1]!;
      const confirmations = readConfirmations(doc);
      expect(context.segments.slice(0, 3).map((seg) => segmentTranslation(seg, confirmations.get(seg.sid)).state)).toEqual(['needs-review', 'untranslated', 'in-sync']);
    } finally {
      close();
    }
  });

  it('writes a table the editor\'s schema check accepts: a committee member types in a cell, the server stores it (A14)', async () => {
    const markdown = '## Atelier 1 : Économie\n\n| Ville | Participants |\n| --- | --- |\n| Cannes | 120 |\n\nLes 9<sup>e</sup> Rencontres.';
    const japanese = '## 分科会1：経済\n\n| 都市 | 参加者 |\n| --- | --- |\n| カンヌ | 120 |\n\n第9回会議。';
    const { status, body } = await postJson(`${url}?commit=1`, { fr: { format: 'markdown', content: markdown }, ja: { format: 'markdown', content: japanese } });
    expect(status).toBe(201);
    const { id } = body as { id: string };
    const committee = await joinAs(server.url, id, { role: 'committee-fr', name: 'Claire' });
    const client = connectClient(server.collabUrl, id, { token: committee.token });
    try {
      await synced(client);
      expect(getFragment(client.doc, 'workshop', 'fr').toJSON()).toContain('<tablecell colspan="1" rowspan="1"><paragraph');
      typeAtEnd(client.doc, 'workshop', 'fr', ' (estimation)', 3); // the cell « 120 »
      await expect.poll(async () => {
        const json = (await getJson(`${server.url}/api/declarations/${id}`)).body as { sections: Array<{ segments: Array<{ fr: string }> }> };
        return json.sections[0]!.segments.map((seg) => seg.fr);
      }).toContain('120 (estimation)');
      expect(client.provider.wsconnected).toBe(true); // not closed with 4403: the write was accepted
    } finally {
      client.destroy();
    }
  });

  it('lets a committee member import, and makes them a member of the new declaration (I1, I4)', async () => {
    const committee = await joinAs(server.url, existing, { role: 'committee-ja', name: '佐藤', language: 'ja' });
    const { status, body } = await postJson(`${url}?commit=1`, { ja: { format: 'markdown', content: JA } }, { token: committee.token });
    expect(status).toBe(201);
    const created = body as { id: string; token: string };
    const me = await getJson(`${server.url}/api/declarations/${created.id}/me`, { token: created.token });
    expect(me).toMatchObject({ status: 200, body: { role: 'committee-ja', name: '佐藤' } });
  });

  it('refuses an import riding a committee member\'s cookie from another site (A16), and takes it from this one', async () => {
    const committee = await joinAs(server.url, existing, { role: 'committee-fr', name: 'Claire' });
    const cookie = `accord_${existing}=${committee.token}`;
    const before = await count();
    const refused = await postJson(`${url}?commit=1`, SOURCES, { token: null, headers: { cookie, origin: 'https://attacker.example' } });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'foreign_origin' } } });
    expect(await count()).toBe(before);
    const own = await postJson(url, SOURCES, { token: null, headers: { cookie, origin: new URL(server.url).origin } });
    expect(own.status).toBe(200);
  });

  it('refuses anyone else: no credential 401, a rapporteur or an observer 403, and creates nothing (I1)', async () => {
    const before = await count();
    expect((await postJson(`${url}?commit=1`, SOURCES, { token: null })).status).toBe(401);
    const rapporteur = await joinAs(server.url, existing, { role: 'rapporteur', name: 'Léa', sections: ['workshop-1'] });
    const observer = await joinAs(server.url, existing, { role: 'observer', name: 'Ken' });
    for (const who of [rapporteur, observer]) {
      const refused = await postJson(`${url}?commit=1`, SOURCES, { token: who.token });
      expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    }
    expect((await postJson(`${url}?commit=1`, SOURCES, { token: 'not-a-token' })).status).toBe(401);
    expect(await count()).toBe(before);
  });

  it('answers bad input with a clear 4xx and creates nothing (I3)', async () => {
    const before = await count();
    const cases: Array<[unknown, number, string]> = [
      ['{not json', 400, 'invalid_json'],
      [{}, 400, 'invalid_body'],
      [{ fr: { format: 'pdf', content: 'x' } }, 400, 'invalid_body'],
      [{ fr: { format: 'text', content: ' \n\n \t ' } }, 400, 'empty_text'],
      [{ fr: { format: 'text', content: `PK\u0003\u0004\u0000\u0000binary${'\u0001'.repeat(50)}` } }, 400, 'binary_content'],
      [{ fr: { format: 'docx', content: 'this is not base64!' } }, 400, 'invalid_base64'],
      [{ fr: { format: 'docx', content: Buffer.from('plain text, not a zip archive').toString('base64') } }, 400, 'unreadable_docx'],
      [{ fr: { format: 'markdown', content: 'Bonjour.' }, en: { format: 'markdown', content: 'Hello.' } }, 400, 'invalid_body'],
      [{ meta: {}, sections: [], warnings: [] }, 400, 'invalid_body'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await postJson(`${url}?commit=1`, body);
      expect({ sent: body, ...answer }).toMatchObject({ status, body: { error: { code } } });
      expect((answer.body as { error: { message: string } }).error.message.length).toBeGreaterThan(10);
    }
    // A 50 MB file: refused by its size before it is read.
    const huge = await postLarge(`${url}?commit=1`, 50 * 1024 * 1024);
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'body_too_large' } } });
    expect(await count()).toBe(before);
    expect((await getJson(`${server.url}/api/health`)).status).toBe(200);
  });
});
