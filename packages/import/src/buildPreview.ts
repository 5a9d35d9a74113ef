import type { Lang } from '@accord/model/declarationLayout';
import type { ImportBlock, ImportWarning, ParsedText } from './ImportBlock';
import type { ImportPreview, PairType, PreviewPair, PreviewSection } from './ImportPreview';
import { type BlockPair, alignBlocks } from './alignBlocks';
import { alignSections } from './alignSections';
import { detectSections } from './detectSections';
import { estimateLengthModel } from './estimateLengthModel';
import { type FoundMeta, extractMeta } from './extractMeta';
import { plainInline } from './inlineText';

/** Titles proposed when a text has none, so that `?commit=1` always has one to store. */
export const FALLBACK_TITLE = { fr: 'Déclaration importée', ja: '取り込んだ宣言' } as const;

/**
 * The import preview of one or two parsed texts: sections detected in each, matched across the
 * languages and aligned pair by pair (`alignSections`, `alignBlocks`, with the FR:JA length
 * ratio of these very texts), the metadata they state, and every warning on the way.
 */
export function buildPreview(texts: { fr?: ParsedText; ja?: ParsedText }): ImportPreview {
  const warnings: ImportWarning[] = [];
  const detected = { fr: texts.fr && detectSections(texts.fr.blocks, 'fr'), ja: texts.ja && detectSections(texts.ja.blocks, 'ja') };
  for (const lang of ['fr', 'ja'] as const) for (const w of texts[lang]?.warnings ?? []) warnings.push({ ...w, lang });
  const frSections = detected.fr?.sections ?? [];
  const jaSections = detected.ja?.sections ?? [];
  const model = estimateLengthModel(frSections, jaSections);
  const sections: PreviewSection[] = [];
  for (const match of alignSections(frSections, jaSections, model.ratio)) {
    const { fr, ja } = match;
    if (fr && ja) {
      const { pairs, reordered } = alignBlocks(fr.blocks, ja.blocks, model);
      if (reordered) warnings.push({ code: 'list-reordered', message: `items of a list in "${ja.title}" were paired in another order than the Japanese text's` });
      sections.push({ kind: fr.kind !== 'other' ? fr.kind : ja.kind, title: { fr: fr.title, ja: ja.title }, pairs: pairs.map(toPreviewPair) });
    } else {
      const only = (fr ?? ja)!;
      const lang: Lang = fr ? 'fr' : 'ja';
      if (texts.fr && texts.ja) warnings.push({ code: 'section-unmatched', lang, message: `the section "${only.title}" has no counterpart in the other language` });
      sections.push({
        kind: only.kind,
        title: { fr: fr?.title ?? '', ja: ja?.title ?? '' },
        pairs: only.blocks.map((b) => toPreviewPair({ fr: fr ? [b] : [], ja: ja ? [b] : [], confidence: 0 })),
      });
    }
  }
  for (const lang of ['fr', 'ja'] as const) {
    if (texts.fr || texts.ja) if (!texts[lang]) warnings.push({ code: 'language-missing', lang, message: `no ${lang === 'fr' ? 'French' : 'Japanese'} text: every block starts untranslated` });
  }
  const found = { fr: detected.fr && extractMeta(detected.fr, 'fr'), ja: detected.ja && extractMeta(detected.ja, 'ja') };
  const pick = <K extends keyof FoundMeta>(key: K) => found.fr?.[key] ?? found.ja?.[key] ?? null;
  const bilingual = (key: 'title' | 'hostCity' | 'nextHostCity') => ({ fr: found.fr?.[key] ?? '', ja: found.ja?.[key] ?? '' });
  const title = bilingual('title');
  return {
    meta: {
      title: { fr: title.fr || FALLBACK_TITLE.fr, ja: title.ja || FALLBACK_TITLE.ja },
      edition: pick('edition'),
      hostCity: bilingual('hostCity'),
      nextHostCity: bilingual('nextHostCity'),
      startDate: pick('startDate') ?? '',
      endDate: pick('endDate') ?? '',
    },
    sections,
    warnings,
  };
}

/** One aligned pair as the preview shows it: inline text per side, a table's cells, an item's number. */
export function toPreviewPair(pair: BlockPair): PreviewPair {
  const first: ImportBlock = (pair.fr[0] ?? pair.ja[0])!;
  const side = (blocks: readonly ImportBlock[]) => blocks.map((b) => (b.type === 'table' ? b.rows.map((r) => r.map(plainInline).join('\t')).join('\n') : b.text)).join('\n');
  const out: PreviewPair = { type: first.type as PairType, fr: side(pair.fr), ja: side(pair.ja), confidence: pair.confidence };
  if (first.type === 'ordered') out.number = first.number;
  if (first.type === 'table') {
    const rows = (blocks: readonly ImportBlock[]) => blocks.flatMap((b) => (b.type === 'table' ? b.rows : []));
    out.table = { fr: rows(pair.fr), ja: rows(pair.ja) };
    // Either language's text saying its first row is a header is enough: the rows are the same.
    if ([...pair.fr, ...pair.ja].some((b) => b.type === 'table' && b.header)) out.table.header = true;
  }
  return out;
}
