import { createImportedDeclaration } from '@accord/model/createImportedDeclaration';
import { getFragment } from '@accord/model/declarationLayout';
import { EDITOR_MARKS, EDITOR_NODES } from '@accord/model/editorSchema';
import { readDeclaration } from '@accord/model/readDeclaration';
import { readConfirmations, segmentTranslation } from '@accord/model/translationState';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PreviewSection } from '../src/ImportPreview';
import { buildPreview } from '../src/buildPreview';
import { parseMarkdown } from '../src/parseMarkdown';
import { previewSections } from '../src/previewSections';

const META = {
  title: { fr: 'Déclaration de Cannes', ja: 'カンヌ宣言' },
  edition: 9,
  hostCity: { fr: 'Cannes', ja: 'カンヌ' },
  nextHostCity: { fr: '', ja: '' },
  startDate: '2026-11-16',
  endDate: '2026-11-19',
};
const run = (text: string, marks: Array<'bold' | 'italic' | 'superscript'> = []) => ({ text, marks });
let counter = 0;
const makeSid = () => `s${++counter}`;

describe('writing an imported declaration into the Y.Doc', () => {
  it('writes tables (table > tableRow > tableHeader | tableCell > paragraph) and superscript in both languages with shared sids', () => {
    const doc = new Y.Doc();
    createImportedDeclaration(
      doc,
      {
        meta: META,
        sections: [
          {
            kind: 'context',
            title: { fr: 'Contexte', ja: '背景' },
            blocks: [
              { type: 'paragraph', text: { fr: [run('Les 9'), run('e', ['superscript']), run(' Rencontres')], ja: [run('第9回会議')] }, confirmed: true },
              {
                type: 'table',
                rows: [
                  { header: true, cells: [{ text: { fr: [run('Ville')], ja: [run('都市')] }, confirmed: true }] },
                  { header: false, cells: [{ text: { fr: [run('Cannes')], ja: [run('カンヌ')] }, confirmed: false }] },
                ],
              },
            ],
          },
        ],
      },
      'Claire',
      makeSid,
    );
    expect(getFragment(doc, 'context', 'fr').toJSON()).toBe(
      '<paragraph sid="s1">Les 9<superscript>e</superscript> Rencontres</paragraph>' +
        '<table><tablerow><tableheader colspan="1" rowspan="1"><paragraph sid="s2">Ville</paragraph></tableheader></tablerow>' +
        '<tablerow><tablecell colspan="1" rowspan="1"><paragraph sid="s3">Cannes</paragraph></tablecell></tablerow></table>',
    );
    const cell = (getFragment(doc, 'context', 'ja').get(1) as Y.XmlElement).get(0) as Y.XmlElement;
    expect((cell.get(0) as Y.XmlElement).getAttribute('colspan')).toBe(1); // a number, as TipTap writes it
    const json = readDeclaration(doc);
    expect(json.meta).toEqual(META);
    const confirmations = readConfirmations(doc);
    const [paragraph] = json.sections[0]!.segments;
    expect(paragraph).toMatchObject({ sid: 's1', fr: 'Les 9e Rencontres', ja: '第9回会議' });
    expect(segmentTranslation(paragraph!, confirmations.get('s1')).state).toBe('in-sync');
    expect(confirmations.has('s3')).toBe(false);
    expect(confirmations.get('s1')?.by).toBe('Claire');
  });

  it('writes from a preview only what the editor schema has, never losing the text', () => {
    const sections: PreviewSection[] = [
      {
        kind: 'workshop',
        title: { fr: 'Atelier 1', ja: '分科会1' },
        pairs: [
          { type: 'paragraph', fr: 'Les 9<sup>e</sup> Rencontres', ja: '第9回', confidence: 1 },
          { type: 'table', fr: 'Ville', ja: '都市', table: { fr: [['Ville', 'Participants'], ['Cannes', '120']], ja: [['都市', '参加者'], ['カンヌ', '120']] }, confidence: 1 },
          { type: 'bullet', fr: 'A', ja: 'あ', confidence: 0.2 },
          { type: 'bullet', fr: 'B\nC', ja: 'い', confidence: 0.9 },
        ],
      },
    ];
    const doc = new Y.Doc();
    createImportedDeclaration(doc, { meta: META, sections: previewSections(sections) }, 'Claire', makeSid);
    const xml = getFragment(doc, 'workshop', 'fr').toJSON();
    expect(xml.includes('<superscript>e</superscript>')).toBe('superscript' in EDITOR_MARKS);
    expect(xml).toContain('Les 9');
    expect(xml.includes('<table>')).toBe('table' in EDITOR_NODES);
    expect(xml).toContain('Cannes');
    expect(xml).toContain('<bulletlist><listitem><paragraph sid="');
    const segments = readDeclaration(doc).sections[0]!.segments;
    const confirmations = readConfirmations(doc);
    const state = (fr: string) => segmentTranslation(segments.find((s) => s.fr === fr)!, confirmations.get(segments.find((s) => s.fr === fr)!.sid)).state;
    expect(state('A')).toBe('needs-review'); // a doubtful pair starts « to review »
    expect(state('B C')).toBe('in-sync'); // two French items the aligner joined: one paragraph
  });

  it('writes the header row of an imported table as tableHeader cells, the other rows as tableCell', () => {
    const md = { fr: '## Atelier 1 : Économie\n\n| Ville | Participants |\n| --- | --- |\n| Cannes | 120 |\n', ja: '## 分科会1：経済\n\n| 都市 | 参加者 |\n| --- | --- |\n| カンヌ | 120 |\n' };
    const preview = buildPreview({ fr: parseMarkdown(md.fr), ja: parseMarkdown(md.ja) });
    const pair = preview.sections[0]!.pairs.find((p) => p.type === 'table')!;
    expect(pair.table).toEqual({ fr: [['Ville', 'Participants'], ['Cannes', '120']], ja: [['都市', '参加者'], ['カンヌ', '120']], header: true });
    const doc = new Y.Doc();
    createImportedDeclaration(doc, { meta: META, sections: previewSections(preview.sections) }, 'Claire', makeSid);
    for (const lang of ['fr', 'ja'] as const) {
      const xml = getFragment(doc, 'workshop', lang).toJSON();
      expect(xml).toMatch(/<table><tablerow><tableheader colspan="1" rowspan="1"><paragraph sid="s\d+">(Ville|都市)<\/paragraph><\/tableheader>/);
      expect(xml).toMatch(/<\/tablerow><tablerow><tablecell colspan="1" rowspan="1"><paragraph sid="s\d+">(Cannes|カンヌ)/);
    }
    const segments = readDeclaration(doc).sections[0]!.segments.filter((s) => s.table);
    expect(segments.map((s) => s.table!.header)).toEqual([true, true, false, false]);
    // Without the flag (a text that says nothing of it), every row is an ordinary one.
    const plain = new Y.Doc();
    const { header: _, ...cells } = pair.table!;
    createImportedDeclaration(plain, { meta: META, sections: previewSections([{ ...preview.sections[0]!, pairs: [{ ...pair, table: cells }] }]) }, 'Claire', makeSid);
    expect(getFragment(plain, 'workshop', 'fr').toJSON()).not.toContain('tableheader');
  });
});
