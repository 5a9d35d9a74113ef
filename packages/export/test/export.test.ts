import { createDeclaration, DEMO_DECLARATION } from '@accord/model/createDeclaration';
import { getFragment } from '@accord/model/declarationLayout';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bilingualRows } from '../src/bilingualRows';
import { contentDisposition, exportFilename } from '../src/exportFilename';
import { printHtml } from '../src/printHtml';
import { readExportContent } from '../src/readExportContent';
import { readRichSection } from '../src/readRichSection';
import { inlineText, isTextblock, type RichBlock } from '../src/richText';
import { appendRichSection, RICH_SECTION_ID } from './richFixture';

const richDoc = () => {
  const doc = new Y.Doc();
  createDeclaration(doc, DEMO_DECLARATION);
  appendRichSection(doc);
  return doc;
};

describe('readRichSection', () => {
  it('reads headings, marks, breaks, lists with their start and tables with spans', () => {
    const blocks = readRichSection(getFragment(richDoc(), RICH_SECTION_ID, 'fr'));
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph', 'orderedList', 'bulletList', 'table']);
    const [heading, para, , ordered, , table] = blocks as [RichBlock, RichBlock, RichBlock, RichBlock, RichBlock, RichBlock];
    expect(heading).toMatchObject({ type: 'heading', level: 3, sid: 'x-h' });
    if (!isTextblock(para)) throw new Error('paragraph expected');
    expect(para.inlines).toEqual([
      { kind: 'text', text: 'Les ', bold: false, italic: false, superscript: false },
      { kind: 'text', text: 'collectivités', bold: true, italic: false, superscript: false },
      { kind: 'text', text: ' réunies pour la 9', bold: false, italic: false, superscript: false },
      { kind: 'text', text: 'e', bold: false, italic: false, superscript: true },
      { kind: 'text', text: ' fois', bold: false, italic: false, superscript: false },
      { kind: 'break' },
      { kind: 'text', text: 'à Cannes.', bold: false, italic: true, superscript: false },
    ]);
    expect(inlineText(para.inlines)).toBe('Les collectivités réunies pour la 9e fois\nà Cannes.');
    expect(ordered).toMatchObject({ type: 'orderedList', start: 3 });
    if (table.type !== 'table') throw new Error('table expected');
    expect(table.rows.map((r) => r.map((c) => [c.header, c.colspan]))).toEqual([
      [
        [true, 1],
        [true, 1],
      ],
      [
        [false, 1],
        [false, 1],
      ],
      [[false, 2]],
    ]);
  });

  it('keeps the text of shapes it does not know, and never writes', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('section/x/fr');
    const unknown = new Y.XmlElement('blockquote');
    const inner = new Y.XmlElement('paragraph');
    inner.insert(0, [new Y.XmlText('cité')]);
    unknown.insert(0, [inner]);
    const table = new Y.XmlElement('table');
    const row = new Y.XmlElement('tableRow');
    const td = new Y.XmlElement('tableCell');
    td.setAttribute('colspan', 'beaucoup');
    td.insert(0, [new Y.XmlText('nu')]);
    row.insert(0, [td]);
    table.insert(0, [row]);
    fragment.insert(0, [unknown, new Y.XmlText('égaré'), table]);
    const before = Y.encodeStateVector(doc);
    const blocks = readRichSection(fragment);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(blocks.map((b) => (isTextblock(b) ? inlineText(b.inlines) : b.type))).toEqual(['cité', 'égaré', 'table']);
    expect(blocks[2]).toMatchObject({ rows: [[{ colspan: 1, blocks: [{ type: 'paragraph', sid: null }] }]] });
  });
});

describe('bilingualRows', () => {
  it('aligns by segment id: French order leads, one-sided segments face an empty cell, a table is one row', () => {
    const doc = richDoc();
    const rows = bilingualRows(readRichSection(getFragment(doc, RICH_SECTION_ID, 'fr')), readRichSection(getFragment(doc, RICH_SECTION_ID, 'ja')));
    const describe = (u: (typeof rows)[number]['fr']) => (u === null ? null : u.kind === 'table' ? 'table' : `${u.marker ?? ''}${inlineText(u.block.inlines)}`);
    expect(rows.map((r) => [describe(r.fr), describe(r.ja)])).toEqual([
      ['Annexe\u202f: chiffres', '付録：数字'],
      ['Les collectivités réunies pour la 9e fois\nà Cannes.', '第9回会議に集まった自治体\nカンヌにて。'],
      [null, '日本語のみの文。'],
      ['Phrase seulement en français.', null],
      ['3.Troisième engagement', '3.第三の約束'],
      ['4.Quatrième engagement', '4.第四の約束'],
      ['•Jeunesse', '•青少年'],
      ['table', 'table'],
    ]);
  });
});

describe('exportFilename', () => {
  it('names the file after the host city and the year, folds accents for the ASCII name, marks drafts', () => {
    const { meta } = readExportContent(richDoc());
    expect(exportFilename(meta, 'fr', 'docx', true)).toEqual({ unicode: 'Déclaration-de-Cannes-2026-fr.docx', ascii: 'Declaration-de-Cannes-2026-fr.docx' });
    expect(exportFilename(meta, 'bilingual', 'pdf', false).ascii).toBe('Declaration-de-Cannes-2026-bilingual-projet.pdf');
    const aix = exportFilename({ ...meta, hostCity: { fr: 'Aix-en-Provence', ja: '' } }, 'ja', 'pdf', true);
    expect(aix).toEqual({ unicode: 'Déclaration-d’Aix-en-Provence-2026-ja.pdf', ascii: 'Declaration-d-Aix-en-Provence-2026-ja.pdf' });
    expect(contentDisposition('attachment', aix)).toBe(
      `attachment; filename="Declaration-d-Aix-en-Provence-2026-ja.pdf"; filename*=UTF-8''D%C3%A9claration-d%E2%80%99Aix-en-Provence-2026-ja.pdf`,
    );
    const hostile = exportFilename({ ...meta, hostCity: { fr: 'a"b\\c;d\r\n静岡', ja: '' } }, 'fr', 'html', true);
    expect(hostile.ascii).toMatch(/^[\x21-\x7e]+$/);
    expect(hostile.ascii).not.toMatch(/["\\;]/);
  });
});

describe('printHtml', () => {
  it('puts lang on every block, marks a draft, escapes text, and ends with the hash', () => {
    const doc = richDoc();
    const fr = getFragment(doc, 'preamble', 'fr');
    const el = fr.get(0) as Y.XmlElement;
    (el.get(0) as Y.XmlText).insert(0, '<script>alert(1)</script>');
    const content = readExportContent(doc);
    const html = printHtml(content, { lang: 'bilingual', versionLabel: { fr: 'Texte en cours', ja: '現在の本文' }, versionDate: '2026-11-18T10:00:00Z', adopted: false });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    for (const tag of html.matchAll(/<(p|td|h1|h2|h3|h4|li|ul|ol|section)\b[^>]*>/g)) {
      if (tag[1] === 'h2' && tag[0] === '<h2>') continue; // the spanning title holds two lang spans
      expect(tag[0], tag[0]).toMatch(/ lang="(fr|ja)"/);
    }
    expect(html).toContain('PROJET');
    expect(html).toContain('草案');
    expect(html).toContain(content.hash);
    expect(html).toContain('class="untranslated"');
    const adopted = printHtml(content, { lang: 'ja', versionLabel: { fr: 'Adopté', ja: '採択' }, versionDate: '2026-11-18T10:00:00Z', adopted: true });
    expect(adopted).not.toContain('草案');
    expect(adopted).toContain('class="signatures"');
  });
});
