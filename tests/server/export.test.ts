/**
 * Exports (issue 16, docs/export.md X1–X6): DOCX unzipped and read back by mammoth, PDF printed
 * by Debian's Chromium and read by poppler, the print view, permissions, errors, and an edit that
 * goes through while an export renders.
 */
import { ChromiumPdfRenderer } from '@accord/server/export/ChromiumPdfRenderer';
import type { PdfRenderer } from '@accord/server/export/PdfRenderer';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RICH_TEXTS } from '../../packages/export/test/richFixture';
import { ADMIN_TOKEN } from '../support/adminToken';
import { createDeclarationViaApi, getJson, joinAs, postJson } from '../support/api';
import { artifactPath, CHROMIUM, chromiumAvailable } from '../support/browser';
import { typeAtEnd } from '../support/editText';
import { furnishForExport, pdfFacts, pdfFirstPagePng, pdfText } from '../support/exportFixture';
import { type InProcessAccord, startInProcess } from '../support/startInProcess';
import { connectClient, synced } from '../support/yClient';

interface DeclarationJson {
  sections: Array<{ id: string; segments: Array<{ fr: string; ja: string }> }>;
}

const hasChromium = chromiumAvailable();

/** A real Chromium renderer that waits for `release()` before printing: to hold a render open. */
class HeldRenderer implements PdfRenderer {
  private readonly real = new ChromiumPdfRenderer(CHROMIUM);
  private releaseHeld: (() => void) | null = null;
  started: Promise<void> = Promise.resolve();
  private markStarted: (() => void) | null = null;

  hold(): void {
    const released = new Promise<void>((resolve) => (this.releaseHeld = resolve));
    this.started = new Promise<void>((resolve) => (this.markStarted = resolve));
    this.gate = released;
  }
  release(): void {
    this.releaseHeld?.();
    this.gate = null;
  }
  private gate: Promise<void> | null = null;

  async render(html: string) {
    this.markStarted?.();
    if (this.gate) await this.gate;
    return this.real.render(html);
  }
  close() {
    return this.real.close();
  }
}

describe.skipIf(!hasChromium)('export', () => {
  let server: InProcessAccord;
  let id: string;
  const renderer = new HeldRenderer();
  const exportUrl = (query: Record<string, string>, declaration = id) => `${server.url}/api/declarations/${declaration}/export?${new URLSearchParams(query)}`;
  const download = async (query: Record<string, string>, token?: string) => {
    const response = await fetch(exportUrl(query), { headers: { Authorization: `Bearer ${token ?? ADMIN_TOKEN}` } });
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  };
  const documentXml = async (bytes: Uint8Array, part = 'word/document.xml') => {
    const zip = await JSZip.loadAsync(bytes);
    const file = zip.file(part);
    if (!file) throw new Error(`no ${part} in the DOCX; parts: ${Object.keys(zip.files).join(', ')}`);
    return file.async('string');
  };
  const zipParts = async (bytes: Uint8Array, pattern: RegExp) => {
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).filter((n) => pattern.test(n));
    return Promise.all(names.map((n) => zip.file(n)!.async('string')));
  };
  /** The text of every `w:t` in order, XML entities decoded. */
  const wordText = (xml: string) =>
    [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')).join('');
  const expectInOrder = (haystack: string, needles: readonly string[]) => {
    let from = 0;
    for (const needle of needles) {
      const at = haystack.indexOf(needle, from);
      expect(at, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + needle.length;
    }
  };
  const segmentsOf = async (lang: 'fr' | 'ja') => {
    const json = (await getJson(`${server.url}/api/declarations/${id}`)).body as DeclarationJson;
    return json.sections.flatMap((s) => s.segments.flatMap((seg) => seg[lang].split('\n'))).filter((t) => t !== '');
  };

  beforeAll(async () => {
    server = await startInProcess({ pdf: renderer });
    id = await createDeclarationViaApi(server.url, { fr: '9e Rencontres franco-japonaises — Déclaration de Cannes', ja: '第9回日仏自治体交流会議 カンヌ宣言' });
    await furnishForExport(server.accord.hub, id);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('DOCX: a French one has every segment in order, Word lists and tables, marks, fonts and languages, the hash in its footer', async () => {
    const { response, bytes } = await download({ format: 'docx', lang: 'fr' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Declaration-de-Cannes-2026-fr-projet.docx"; filename*=UTF-8''D%C3%A9claration-de-Cannes-2026-fr-projet.docx`,
    );
    const hash = response.headers.get('x-accord-hash')!;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const xml = await documentXml(bytes);
    const text = wordText(xml);
    expectInOrder(text, await segmentsOf('fr'));
    expectInOrder(text, RICH_TEXTS.fr);
    expect(text).toContain('Annexe\u202f: chiffres'); // French no-break spaces kept
    expect(text).toContain('PROJET');
    // Lists are Word lists: numbered paragraphs, one numbering per list, the annex's from 3.
    expect((xml.match(/<w:numPr>/g) ?? []).length).toBeGreaterThanOrEqual(5);
    const numbering = await documentXml(bytes, 'word/numbering.xml');
    expect(numbering).toMatch(/<w:start w:val="3"\/>/);
    expect(numbering).toMatch(/<w:numFmt w:val="decimal"\/>/);
    expect(numbering).toMatch(/<w:numFmt w:val="bullet"\/>/);
    // Tables are Word tables, the spanning cell a grid span.
    expect(xml).toMatch(/<w:tbl>/);
    expect(xml).toMatch(/<w:gridSpan w:val="2"\/>/);
    expect(xml).toMatch(/<w:vertAlign w:val="superscript"\/>/);
    expect(xml).toMatch(/<w:b\/>/);
    expect(xml).toMatch(/<w:i\/>/);
    expect(xml).toMatch(/<w:lang w:val="fr-FR" w:eastAsia="ja-JP"\/>/);
    // Document defaults name all four fonts, East Asian included; so do the styles.
    const styles = await documentXml(bytes, 'word/styles.xml');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toMatch(/<w:rFonts [^>]*w:ascii="Times New Roman"[^>]*\/>/);
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="Yu Mincho"[^>]*\/>/);
    expect(defaults).toMatch(/<w:rFonts [^>]*w:hAnsi="Times New Roman"[^>]*w:cs="Times New Roman"|w:cs="Times New Roman"[^>]*w:hAnsi/);
    expect(defaults).toMatch(/<w:lang w:val="fr-FR" w:eastAsia="ja-JP"\/>/);
    const jaStyle = /<w:style [^>]*w:styleId="AccordJa"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(jaStyle).toMatch(/w:eastAsia="Yu Mincho"/);
    expect(jaStyle).toMatch(/<w:lang w:val="ja-JP" w:eastAsia="ja-JP"\/>/);
    const footers = (await zipParts(bytes, /^word\/footer\d*\.xml$/)).join('');
    expect(wordText(footers)).toContain(`SHA-256 ${hash.slice(0, 12)}`);
    expect(footers).toMatch(/PAGE/);
    const headers = (await zipParts(bytes, /^word\/header\d*\.xml$/)).join('');
    expect(wordText(headers)).toContain('PROJET');

    // A second reader: mammoth gets the text back, with the structure.
    const raw = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expectInOrder(raw.value.replace(/\s+/g, ' '), RICH_TEXTS.fr.map((t) => t.replace(/\s+/g, ' ')));
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    expect(html).toContain('<strong>collectivités</strong>');
    expect(html).toContain('<sup>e</sup>');
    expect(html).toContain('<em>à Cannes.</em>');
    expect(html).toMatch(/<ol><li>Troisième engagement<\/li><li>Quatrième engagement<\/li><\/ol>/);
    expect(html).toMatch(/<table>[\s\S]*Ville[\s\S]*<td colspan="2">/);
  });

  it('DOCX: a Japanese one is in Japanese throughout; a bilingual one has a row per segment and marks the untranslated', async () => {
    const ja = await download({ format: 'docx', lang: 'ja' });
    expect(ja.response.status).toBe(200);
    const jaXml = await documentXml(ja.bytes);
    expectInOrder(wordText(jaXml), await segmentsOf('ja'));
    expectInOrder(wordText(jaXml), RICH_TEXTS.ja);
    expect(jaXml).toMatch(/<w:lang w:val="ja-JP" w:eastAsia="ja-JP"\/>/);
    expect(jaXml).not.toMatch(/w:val="fr-FR"/);
    expect(wordText(jaXml)).toContain('草案');

    const both = await download({ format: 'docx', lang: 'bilingual' });
    const xml = await documentXml(both.bytes);
    const rows = [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    // The Japanese-only and the French-only segments face a visible mark.
    const jaOnly = rows.find((r) => wordText(r).includes('日本語のみの文。'))!;
    expect(wordText(jaOnly)).toContain('[non traduit]');
    const frOnly = rows.find((r) => wordText(r).includes('Phrase seulement en français.'))!;
    expect(wordText(frOnly)).toContain('［未翻訳］');
    // One row holds a segment and its translation, French first.
    const pair = rows.find((r) => wordText(r).includes('Quatrième engagement'))!;
    expect(wordText(pair)).toMatch(/4\.\s*Quatrième engagement.*4\.\s*第四の約束/);
    // Section titles span both columns.
    const titleRow = rows.find((r) => wordText(r).includes('Annexe') && wordText(r).includes('付録') && r.includes('w:gridSpan w:val="2"'));
    expect(titleRow).toBeDefined();
    const raw = (await mammoth.extractRawText({ buffer: Buffer.from(both.bytes) })).value.replace(/\s+/g, ' ');
    expect(raw).toContain('第9回会議に集まった自治体');
    expect(raw).toContain('Les collectivités réunies pour la 9e fois');
  });

  it('PDF: in French, Japanese and side by side: text with no missing glyph, Japanese fonts embedded, page 1 as PNG', async () => {
    for (const lang of ['fr', 'ja', 'bilingual'] as const) {
      const { response, bytes } = await download({ format: 'pdf', lang });
      expect(response.status, lang).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const { pages, fonts } = pdfFacts(bytes);
      expect(pages, lang).toBeGreaterThanOrEqual(2);
      const text = pdfText(bytes).replace(/\s+/g, '');
      const squeeze = (t: string) => t.replace(/\s+/g, '');
      expect(text).not.toContain('\ufffd');
      if (lang !== 'ja') for (const t of ['Troisièmeengagement', 'Jeunesse', 'Total:54collectivités', 'PROJET']) expect(text, `${lang}: ${t}`).toContain(squeeze(t));
      if (lang !== 'fr') {
        for (const t of RICH_TEXTS.ja) expect(text, `${lang}: ${t}`).toContain(squeeze(t));
        expect(text).toContain('草案');
        // Chromium embeds Noto CJK (CFF outlines in a font collection) as Type 3 glyphs: every
        // font must be embedded and carry a ToUnicode map, so nothing is missing or unreadable.
        const rows = fonts.split('\n').slice(2).filter((r) => r.trim() !== '');
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          const [, emb, , uni] = /(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(row) ?? [];
          expect({ emb, uni }, row).toEqual({ emb: 'yes', uni: 'yes' });
        }
      }
      expect(text).toContain(squeeze(`SHA-256${response.headers.get('x-accord-hash')!.slice(0, 12)}`));
      pdfFirstPagePng(bytes, artifactPath(`export-pdf-${lang}-page1.png`));
    }
  }, 180_000);

  it('X1, X2: every role that reads may export; no credential, a stranger and bad queries are refused', async () => {
    for (const role of ['observer', 'mayor-office', 'rapporteur', 'committee-ja'] as const) {
      const { token } = await joinAs(server.url, id, { role, name: `Lecteur ${role}`, ...(role === 'rapporteur' ? { sections: ['theme'] } : {}) });
      const { response } = await download({ format: 'html', lang: 'ja' }, token);
      expect(response.status, role).toBe(200);
    }
    expect((await fetch(exportUrl({ format: 'docx', lang: 'fr' }))).status).toBe(401);
    const other = await createDeclarationViaApi(server.url);
    const stranger = await joinAs(server.url, other, { role: 'committee-fr', name: 'Ailleurs' });
    expect((await download({ format: 'docx', lang: 'fr' }, stranger.token)).response.status).toBe(401);
    const badQueries: Array<Record<string, string>> = [{ format: 'odt', lang: 'fr' }, { format: 'pdf', lang: 'en' }, { format: 'pdf', lang: 'fr', version: '../../etc' }, { format: 'pdf' }, { format: 'html', lang: 'fr', extra: '1' }];
    for (const query of badQueries) {
      const { response, bytes } = await download(query);
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(JSON.parse(Buffer.from(bytes).toString('utf8'))).toMatchObject({ error: { code: 'invalid_query' } });
    }
    expect((await download({ format: 'docx', lang: 'fr', version: 'vnosuchversion' })).response.status).toBe(404);
  });

  it('X4: the print view is one page that runs nothing and loads nothing', async () => {
    const { response, bytes } = await download({ format: 'html', lang: 'bilingual' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="Declaration-de-Cannes-2026-bilingual-projet.html"/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = Buffer.from(bytes).toString('utf8');
    expect(html).toContain('<td lang="ja">');
    expect(html).not.toMatch(/<script|src=|href=/);
  });

  it('X6: adopted refuses until adoption, then the adopted text comes without the draft mark and with both signature blocks', async () => {
    const before = await download({ format: 'docx', lang: 'bilingual', version: 'adopted' });
    expect(before.response.status).toBe(409);
    expect(JSON.parse(Buffer.from(before.bytes).toString('utf8'))).toMatchObject({ error: { code: 'not_adopted' } });

    const join = (role: string, name: string) => joinAs(server.url, id, { role, name });
    const [fr, ja, mayor] = await Promise.all([join('committee-fr', 'Claire'), join('committee-ja', 'Kenji'), join('mayor-office', 'Mairie')]);
    const { sections } = (await getJson(`${server.url}/api/declarations/${id}/workflow`)).body as { sections: { id: string }[] };
    for (const { id: sectionId } of sections) {
      for (const [token, action] of [[fr.token, 'submit'], [fr.token, 'validate'], [ja.token, 'validate'], [mayor.token, 'approve']] as const) {
        expect((await postJson(`${server.url}/api/declarations/${id}/sections/${sectionId}/actions`, { action }, { token })).status).toBe(200);
      }
    }
    expect((await postJson(`${server.url}/api/declarations/${id}/adopt`, {}, { token: mayor.token })).status).toBe(200);
    const adoption = ((await getJson(`${server.url}/api/declarations/${id}/workflow`)).body as { adoption: { hash: string } }).adoption;

    const docx = await download({ format: 'docx', lang: 'bilingual', version: 'adopted' });
    expect(docx.response.status).toBe(200);
    expect(docx.response.headers.get('content-disposition')).toMatch(/filename="Declaration-de-Cannes-2026-bilingual.docx"/);
    expect(docx.response.headers.get('x-accord-hash')).toBe(adoption.hash);
    const xml = wordText(await documentXml(docx.bytes));
    expect(xml).not.toContain('PROJET');
    expect(xml).not.toContain('草案');
    expectInOrder(xml, ['Pour la partie française', 'Maire de Cannes', 'Hélène Dupont-Mercier', 'カンヌ市長', 'エレーヌ・デュポン＝メルシエ']);
    expectInOrder(xml, ['Pour la partie japonaise', 'Maire de Shizuoka', 'Takeshi Yamamoto', '静岡市長', '山本 武']);
    expect(xml).toContain(adoption.hash);
    expect((await zipParts(docx.bytes, /^word\/header\d*\.xml$/)).join('')).not.toContain('PROJET');

    const pdf = await download({ format: 'pdf', lang: 'bilingual', version: 'adopted' });
    expect(pdf.response.status).toBe(200);
    const text = pdfText(pdf.bytes).replace(/\s+/g, '');
    expect(text).not.toContain('PROJET');
    expect(text).toContain('HélèneDupont-Mercier');
    expect(text).toContain('静岡市長');
    pdfFirstPagePng(pdf.bytes, artifactPath('export-pdf-adopted-bilingual-page1.png'));
    const pages = pdfFacts(pdf.bytes).pages;
    pdfFirstPagePng(pdf.bytes, artifactPath('export-pdf-adopted-bilingual-before-last-page.png'), 80, pages - 1);
    pdfFirstPagePng(pdf.bytes, artifactPath('export-pdf-adopted-bilingual-last-page.png'), 80, pages);
    // The current text, while adopted, is the adopted text too.
    const current = await download({ format: 'html', lang: 'fr' });
    expect(Buffer.from(current.bytes).toString('utf8')).toContain('class="signatures"');
  }, 180_000);

  it('X5: an edit goes through while a PDF renders, and the PDF prints the state read before it', async () => {
    const live = await createDeclarationViaApi(server.url, { fr: 'Déclaration vivante', ja: '生きている宣言' });
    await furnishForExport(server.accord.hub, live);
    const editor = connectClient(server.collabUrl, live);
    await synced(editor);
    try {
      renderer.hold();
      const pending = fetch(exportUrl({ format: 'pdf', lang: 'fr' }, live), { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
      await renderer.started; // the state is read; the render is held open
      typeAtEnd(editor.doc, 'context', 'fr', ' Ajout pendant l’export.');
      // The room serves a read after the edit while the export is still rendering: its queue is free.
      await expect
        .poll(async () => ((await getJson(`${server.url}/api/declarations/${live}`)).body as DeclarationJson).sections.find((s) => s.id === 'context')!.segments[0]!.fr)
        .toMatch(/Ajout pendant l’export\.$/);
      let settled = false;
      void pending.then(() => (settled = true));
      expect(settled).toBe(false);
      renderer.release();
      const response = await pending;
      expect(response.status).toBe(200);
      const text = pdfText(new Uint8Array(await response.arrayBuffer()));
      expect(text).not.toContain('Ajout pendant');
    } finally {
      renderer.release();
      editor.destroy();
    }
  }, 180_000);
});

describe('export without Chromium', () => {
  let server: InProcessAccord;
  beforeAll(async () => {
    server = await startInProcess();
  });
  afterAll(async () => {
    await server.close();
  });

  it('X3: PDF answers 503 with the reason; DOCX and the print view still work', async () => {
    const id = await createDeclarationViaApi(server.url);
    const pdf = await getJson(`${server.url}/api/declarations/${id}/export?format=pdf&lang=fr`);
    expect(pdf.status).toBe(503);
    expect(pdf.body).toMatchObject({ error: { code: 'pdf_unavailable', message: expect.stringMatching(/Chromium.*CHROMIUM_PATH.*format=html/) } });
    const missing = await new ChromiumPdfRenderer('/nonexistent/chromium').render('<p>x</p>');
    expect(missing).toEqual({ ok: false, reason: 'Chromium is not installed at /nonexistent/chromium on this server' });
    for (const format of ['docx', 'html']) {
      const response = await fetch(`${server.url}/api/declarations/${id}/export?format=${format}&lang=bilingual`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(response.status, format).toBe(200);
    }
  });
});
