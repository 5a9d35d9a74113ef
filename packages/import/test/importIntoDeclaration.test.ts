import { createImportedDeclaration } from '@accord/model/createImportedDeclaration';
import { getFragment } from '@accord/model/declarationLayout';
import { findTextblock } from '@accord/model/findTextblock';
import { readDeclaration } from '@accord/model/readDeclaration';
import { readOutlines } from '@accord/model/readOutline';
import { replaceTextblockText } from '@accord/model/replaceTextblockText';
import { readConfirmations, segmentTranslation } from '@accord/model/translationState';
import { writeImportedLanguage } from '@accord/model/writeImportedLanguage';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildIntoPreview } from '../src/buildIntoPreview';
import { buildPreview } from '../src/buildPreview';
import { parseMarkdown } from '../src/parseMarkdown';
import { previewIntoWrites } from '../src/previewIntoWrites';
import { previewSections } from '../src/previewSections';
import { markUntranslated, splitPair } from '../src/reviewEdits';

const FR = `# Déclaration de Cannes

Nous, représentants de 40 collectivités, réunis à Cannes du 16 au 19 novembre 2026, adoptons la déclaration suivante.

## Atelier 1 : Économie

Les collectivités soutiendront les 12 jeunes entreprises du réseau.

Elles accueilleront des chercheurs chaque année.

| Ville | Participants |
| --- | --- |
| Cannes | 120 |

## Atelier 2 : Société

- Favoriser les échanges de jeunes.
- Partager les pratiques de 2025.
`;

const JA = `# カンヌ宣言

我々40の自治体の代表は、2026年11月16日から19日までカンヌに集い、以下の宣言を採択する。

## 分科会1：経済

自治体はネットワークの12のスタートアップを支援する。

毎年、研究者を受け入れる。

その成果を共有する。

| 都市 | 参加者 |
| --- | --- |
| カンヌ | 120 |

## 分科会2：社会

- 若者の交流を促進する。
- 2025年の実践を共有する。

## 分科会3：環境

森林を守る。
`;

let counter = 0;
const makeSid = () => `s${++counter}`;

/** A French declaration as Accord holds it after a French-only import: Japanese side empty, same sids. */
function frenchDeclaration(): Y.Doc {
  const doc = new Y.Doc();
  const preview = buildPreview({ fr: parseMarkdown(FR) });
  createImportedDeclaration(doc, { meta: preview.meta, sections: previewSections(preview.sections) }, 'Claire', makeSid);
  return doc;
}

describe('importing a Japanese text into an existing French declaration', () => {
  it('pairs the Japanese blocks with the existing French segments, section by section', () => {
    const doc = frenchDeclaration();
    const preview = buildIntoPreview(readOutlines(doc), 'ja', parseMarkdown(JA));
    expect(preview.language).toBe('ja');
    expect(preview.meta.title.fr).toBe('Déclaration de Cannes');
    const ids = preview.sections.map((s) => s.id ?? null);
    expect(ids).toEqual(['preamble', 'workshop', 'workshop-2', null]);
    const w1 = preview.sections[1]!;
    expect(w1.title).toEqual({ fr: 'Atelier 1 : Économie', ja: '分科会1：経済' });
    const fr = readDeclaration(doc).sections.find((s) => s.id === 'workshop')!.segments;
    expect(w1.pairs[0]).toMatchObject({ ja: '自治体はネットワークの12のスタートアップを支援する。', segments: [{ sid: fr[0]!.sid, was: '' }] });
    // The Japanese adds a paragraph the French lacks: joined to a neighbour, or alone without segment.
    const table = w1.pairs.find((p) => p.type === 'table')!;
    expect(table.segments?.map((s) => s.sid)).toEqual(fr.filter((s) => s.table).map((s) => s.sid));
    expect(preview.warnings.map((w) => w.code)).toContain('section-unmatched');
  });

  it('writes the Japanese into the segments, adds blocks and a section, confirms accepted pairs, writes no French', () => {
    const doc = frenchDeclaration();
    const frBefore = readDeclaration(doc).sections.map((s) => s.segments.map((g) => g.fr));
    const frXml = getFragment(doc, 'workshop', 'fr').toJSON();
    const preview = buildIntoPreview(readOutlines(doc), 'ja', parseMarkdown(JA));
    // The reviewer separates the joined paragraph, if the aligner joined it, so it gets its own block.
    const w1 = preview.sections[1]!;
    const joined = w1.pairs.findIndex((p) => p.ja.includes('\n'));
    if (joined >= 0) w1.pairs = splitPair(w1.pairs, joined, 'fr');
    let result!: ReturnType<typeof writeImportedLanguage>;
    doc.transact(() => (result = writeImportedLanguage(doc, 'ja', previewIntoWrites(preview), 'Kenji', new Date(), makeSid)));
    const json = readDeclaration(doc);
    expect(json.sections.map((s) => s.segments.filter((g) => g.fr !== '').map((g) => g.fr))).toEqual([...frBefore.map((s) => s.filter((t) => t !== '')), []]);
    expect(getFragment(doc, 'workshop', 'fr').toJSON()).toBe(frXml);
    // The French-only import proposed a Japanese title; the Japanese text's own replaces it.
    expect(json.meta.title).toEqual({ fr: 'Déclaration de Cannes', ja: 'カンヌ宣言' });
    expect(json.meta.hostCity.ja).toBe('カンヌ');
    const w = json.sections.find((s) => s.id === 'workshop')!;
    expect(w.title).toEqual({ fr: 'Atelier 1 : Économie', ja: '分科会1：経済' });
    expect(w.segments.map((g) => g.ja)).toEqual(['自治体はネットワークの12のスタートアップを支援する。', '毎年、研究者を受け入れる。', 'その成果を共有する。', '都市', '参加者', 'カンヌ', '120']);
    expect(w.segments[2]).toMatchObject({ fr: '' }); // the paragraph only the Japanese has
    expect(getFragment(doc, 'workshop', 'ja').toJSON()).toContain('<tableheader colspan="1" rowspan="1"><paragraph sid="');
    const w2 = json.sections.find((s) => s.id === 'workshop-2')!;
    expect(w2.segments.map((g) => [g.fr, g.ja])).toEqual([
      ['Favoriser les échanges de jeunes.', '若者の交流を促進する。'],
      ['Partager les pratiques de 2025.', '2025年の実践を共有する。'],
    ]);
    expect(getFragment(doc, 'workshop-2', 'ja').toJSON()).toMatch(/^<bulletlist><listitem><paragraph sid="[^"]+">若者/);
    const added = json.sections[3]!;
    expect(added).toMatchObject({ kind: 'workshop', title: { fr: '', ja: '分科会3：環境' } });
    expect(added.segments.map((g) => g.ja)).toEqual(['森林を守る。']);
    const confirmations = readConfirmations(doc);
    const state = (sid: string) => segmentTranslation(json.sections.flatMap((s) => s.segments).find((g) => g.sid === sid)!, confirmations.get(sid)).state;
    expect(state(w.segments[0]!.sid)).toBe('in-sync');
    expect(confirmations.get(w.segments[0]!.sid)?.by).toBe('Kenji');
    expect(state(w.segments[2]!.sid)).toBe('untranslated');
    expect(result).toMatchObject({ addedSections: 1, kept: [] });
    expect(result.written).toBeGreaterThanOrEqual(9);
  });

  it('keeps what someone typed in Japanese since the preview, and a block marked untranslated stays apart', () => {
    const doc = frenchDeclaration();
    const preview = buildIntoPreview(readOutlines(doc), 'ja', parseMarkdown(JA));
    const preamble = preview.sections[0]!;
    const sid = preamble.pairs[0]!.segments![0]!.sid;
    // Meanwhile, a Japanese committee member types the preamble herself.
    doc.transact(() => replaceTextblockText(findTextblock(getFragment(doc, 'preamble', 'ja'), sid)!, '我々は宣言する。'));
    const w2 = preview.sections[2]!;
    w2.pairs = markUntranslated(w2.pairs, 0, 'fr', 'fr');
    let result!: ReturnType<typeof writeImportedLanguage>;
    doc.transact(() => (result = writeImportedLanguage(doc, 'ja', previewIntoWrites(preview), 'Kenji', new Date(), makeSid)));
    expect(result.kept).toEqual([{ sectionId: 'preamble', sid }]);
    const json = readDeclaration(doc);
    expect(json.sections[0]!.segments[0]!.ja).toBe('我々は宣言する。');
    // The first French item now has no Japanese; its Japanese went to the second, the second's to a block of its own.
    expect(json.sections.find((s) => s.id === 'workshop-2')!.segments.map((g) => [g.fr, g.ja])).toEqual([
      ['Favoriser les échanges de jeunes.', ''],
      ['Partager les pratiques de 2025.', '若者の交流を促進する。'],
      ['', '2025年の実践を共有する。'],
    ]);
  });

  it('creates the Japanese block of a segment the Japanese side lacks, in the French shape', () => {
    const doc = frenchDeclaration();
    // A French-only segment: the Japanese side has no block for it at all.
    doc.transact(() => {
      const ja = getFragment(doc, 'workshop-2', 'ja');
      ja.delete(0, ja.length);
    });
    const preview = buildIntoPreview(readOutlines(doc), 'ja', parseMarkdown(JA));
    doc.transact(() => writeImportedLanguage(doc, 'ja', previewIntoWrites(preview), 'Kenji', new Date(), makeSid));
    const fr = readDeclaration(doc).sections.find((s) => s.id === 'workshop-2')!.segments;
    expect(fr.map((g) => g.ja)).toEqual(['若者の交流を促進する。', '2025年の実践を共有する。']);
    expect(getFragment(doc, 'workshop-2', 'ja').toJSON()).toMatch(/^<bulletlist><listitem><paragraph sid="[^"]+">若者[^<]*<\/paragraph><\/listitem><listitem>/);
  });
});
