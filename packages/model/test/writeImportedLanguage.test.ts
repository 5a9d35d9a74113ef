import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createImportedDeclaration } from '../src/createImportedDeclaration';
import { getFragment } from '../src/declarationLayout';
import { readDeclaration } from '../src/readDeclaration';
import { readOutline, readOutlines } from '../src/readOutline';
import { readConfirmations } from '../src/translationState';
import { writeImportedLanguage } from '../src/writeImportedLanguage';
import type { RichBlock } from '../src/writeRichBlocks';

const META = {
  title: { fr: 'Déclaration de Cannes', ja: '取り込んだ宣言' },
  edition: 9,
  hostCity: { fr: 'Cannes', ja: '' },
  nextHostCity: { fr: '', ja: '' },
  startDate: '',
  endDate: '',
};
const fr = (text: string) => ({ text: { fr: [{ text, marks: [] }], ja: [] }, confirmed: false });
const ja = (text: string) => [{ text, marks: [] as const }];

/** A French-only declaration whose Japanese side has no blocks at all: a paragraph, a list, a table with a header row. */
function frenchOnly(): Y.Doc {
  let n = 0;
  const doc = new Y.Doc();
  const blocks: RichBlock[] = [
    { type: 'heading', level: 3, ...fr('Innovation') },
    { type: 'orderedList', start: 3, items: [fr('Partager.'), fr('Accueillir.')] },
    { type: 'table', rows: [{ header: true, cells: [fr('Ville'), fr('Participants')] }, { header: false, cells: [fr('Cannes'), fr('120')] }] },
  ];
  createImportedDeclaration(doc, { meta: META, sections: [{ kind: 'workshop', title: { fr: 'Atelier 1', ja: '' }, blocks }] }, 'Claire', () => `s${++n}`);
  doc.transact(() => {
    const f = getFragment(doc, 'workshop', 'ja');
    f.delete(0, f.length);
  });
  return doc;
}

describe('reading a section as an import aligns it (readOutline)', () => {
  it('gives headings, numbered items with their numbers, and tables row by row with their header flag', () => {
    const doc = frenchOnly();
    expect(readOutline(getFragment(doc, 'workshop', 'fr'))).toEqual([
      { type: 'heading', sid: 's1', text: 'Innovation' },
      { type: 'ordered', number: 3, sid: 's2', text: 'Partager.' },
      { type: 'ordered', number: 4, sid: 's3', text: 'Accueillir.' },
      {
        type: 'table',
        header: true,
        rows: [
          [{ sid: 's4', text: 'Ville' }, { sid: 's5', text: 'Participants' }],
          [{ sid: 's6', text: 'Cannes' }, { sid: 's7', text: '120' }],
        ],
      },
    ]);
    expect(readOutlines(doc).sections.map((s) => [s.id, s.outline.ja])).toEqual([['workshop', []]]);
  });
});

describe('writing an imported language into a declaration (writeImportedLanguage)', () => {
  it('creates the missing blocks in the French shape — a heading, one ordered list from the same start, a mirrored table — and confirms', () => {
    const doc = frenchOnly();
    const frXml = getFragment(doc, 'workshop', 'fr').toJSON();
    const segment = (sid: string, text: string, confirmed = true) => ({ segment: { sid, was: '', text: ja(text), confirmed } });
    const result = writeImportedLanguage(
      doc,
      'ja',
      {
        sections: [
          {
            id: 'workshop',
            title: '分科会1',
            items: [segment('s1', 'イノベーション'), segment('s2', '共有する。'), segment('s3', '受け入れる。', false), segment('s4', '都市'), segment('s5', '参加者'), segment('s6', 'カンヌ'), segment('s7', '120')],
          },
        ],
        meta: [
          { key: 'title', text: 'カンヌ宣言', over: ['', '取り込んだ宣言'] },
          { key: 'hostCity', text: 'カンヌ', over: [''] },
        ],
      },
      'Kenji',
    );
    expect(result).toEqual({ written: 7, addedSegments: 7, addedSections: 0, kept: [] });
    expect(getFragment(doc, 'workshop', 'fr').toJSON()).toBe(frXml);
    expect(getFragment(doc, 'workshop', 'ja').toJSON()).toBe(
      '<heading level="3" sid="s1">イノベーション</heading>' +
        '<orderedlist start="3"><listitem><paragraph sid="s2">共有する。</paragraph></listitem><listitem><paragraph sid="s3">受け入れる。</paragraph></listitem></orderedlist>' +
        '<table><tablerow><tableheader colspan="1" rowspan="1"><paragraph sid="s4">都市</paragraph></tableheader><tableheader colspan="1" rowspan="1"><paragraph sid="s5">参加者</paragraph></tableheader></tablerow>' +
        '<tablerow><tablecell colspan="1" rowspan="1"><paragraph sid="s6">カンヌ</paragraph></tablecell><tablecell colspan="1" rowspan="1"><paragraph sid="s7">120</paragraph></tablecell></tablerow></table>',
    );
    const json = readDeclaration(doc);
    expect(json.meta.title).toEqual({ fr: 'Déclaration de Cannes', ja: 'カンヌ宣言' });
    expect(json.meta.hostCity).toEqual({ fr: 'Cannes', ja: 'カンヌ' });
    expect(json.sections[0]!.title).toEqual({ fr: 'Atelier 1', ja: '分科会1' });
    const confirmations = readConfirmations(doc);
    expect(confirmations.get('s2')?.by).toBe('Kenji');
    expect(confirmations.has('s3')).toBe(false);
  });

  it('keeps a segment, a title or a field someone wrote since the preview', () => {
    const doc = frenchOnly();
    writeImportedLanguage(doc, 'ja', { sections: [{ id: 'workshop', title: '', items: [{ segment: { sid: 's1', was: '', text: ja('イノベーション'), confirmed: true } }] }], meta: [] }, 'Yuki');
    const result = writeImportedLanguage(
      doc,
      'ja',
      { sections: [{ id: 'workshop', title: '', items: [{ segment: { sid: 's1', was: '', text: ja('革新'), confirmed: true } }] }], meta: [{ key: 'title', text: '別の題', over: [''] }] },
      'Kenji',
    );
    expect(result.kept).toEqual([{ sectionId: 'workshop', sid: 's1' }]);
    expect(readDeclaration(doc).sections[0]!.segments[0]!.ja).toBe('イノベーション');
    expect(readDeclaration(doc).meta.title.ja).toBe('取り込んだ宣言');
  });

  it('adds a section of the text that matches none after the section before it, its Japanese only', () => {
    const doc = frenchOnly();
    const result = writeImportedLanguage(
      doc,
      'ja',
      { sections: [{ id: 'workshop', title: '', items: [] }, { id: null, kind: 'workshop', title: '分科会2', blocks: [{ type: 'paragraph', text: { fr: [], ja: ja('森を守る。') }, confirmed: false }] }], meta: [] },
      'Kenji',
    );
    expect(result).toMatchObject({ addedSections: 1, addedSegments: 1 });
    const json = readDeclaration(doc);
    expect(json.sections.map((s) => [s.kind, s.title])).toEqual([
      ['workshop', { fr: 'Atelier 1', ja: '' }],
      ['workshop', { fr: '', ja: '分科会2' }],
    ]);
    expect(json.sections[1]!.segments.map((g) => [g.fr, g.ja])).toEqual([['', '森を守る。']]);
  });
});
