import type { Bilingual, Lang } from '@accord/model/declarationLayout';
import type { OutlineBlock, OutlineSection, OutlineSegment } from '@accord/model/readOutline';
import type { DeclarationMeta } from '@accord/model/readDeclaration';
import type { DetectedSection, ImportBlock, ImportWarning, ParsedText } from './ImportBlock';
import type { ImportIntoPreview, PairSegment, PreviewPair, PreviewSection } from './ImportPreview';
import { alignBlocks } from './alignBlocks';
import { alignSections } from './alignSections';
import { FALLBACK_TITLE, toPreviewPair } from './buildPreview';
import { detectSections } from './detectSections';
import { estimateLengthModel } from './estimateLengthModel';
import { extractMeta } from './extractMeta';
import { workshopNumber } from './headingPatterns';
import { escapeInline } from './inlineText';

/** The declaration an import goes into, as `readOutlines` reads it. */
export interface ExistingDeclaration {
  meta: DeclarationMeta;
  sections: readonly OutlineSection[];
}

const other = (lang: Lang): Lang => (lang === 'fr' ? 'ja' : 'fr');

/**
 * The preview of adding `language` (one parsed text) to a declaration that has the other
 * language already: the declaration's sections and blocks in that other language take the place
 * of a second file, and the same aligner pairs them — sections first (`alignSections`), then the
 * blocks inside each pair of sections (`alignBlocks`), with the length ratio of these very texts.
 * Each pair names the existing segments it writes into (`segments`), with the text they had in
 * `language` now, so that writing it later keeps what someone typed meanwhile. A section of the
 * text that matches none of the declaration comes as a new section (no `id`).
 */
export function buildIntoPreview(existing: ExistingDeclaration, language: Lang, text: ParsedText): ImportIntoPreview {
  const kept = other(language);
  const warnings: ImportWarning[] = text.warnings.map((w) => ({ ...w, lang: language }));
  const detected = detectSections(text.blocks, language);
  const imported = detected.sections;
  const segmentsOf = new Map<ImportBlock, OutlineSegment[]>();
  const sectionOf = new Map<DetectedSection, OutlineSection>();
  const was = new Map<string, string>();
  let workshops = 0;
  const present: DetectedSection[] = existing.sections.map((section) => {
    for (const block of section.outline[language]) for (const s of outlineSegments(block)) was.set(s.sid, s.text);
    const blocks: ImportBlock[] = [];
    for (const block of section.outline[kept]) {
      const converted = importBlockOf(block);
      if (!converted) continue;
      segmentsOf.set(converted, outlineSegments(block));
      blocks.push(converted);
    }
    const number = section.kind === 'workshop' ? (workshopNumber(section.title[kept]) ?? ++workshops) : null;
    const detected: DetectedSection = { kind: section.kind, title: section.title[kept], blocks, number };
    sectionOf.set(detected, section);
    return detected;
  });
  const fr = language === 'fr' ? imported : present;
  const ja = language === 'ja' ? imported : present;
  const model = estimateLengthModel(fr, ja);
  const withSegments = (pair: PreviewPair, blocks: readonly ImportBlock[]): PreviewPair => {
    const segments: PairSegment[] = blocks.flatMap((b) => segmentsOf.get(b) ?? []).map((s) => ({ sid: s.sid, was: was.get(s.sid) ?? '' }));
    return segments.length > 0 ? { ...pair, segments } : pair;
  };
  const sections: PreviewSection[] = [];
  for (const match of alignSections(fr, ja, model.ratio)) {
    const theirs = match[kept];
    const mine = match[language];
    const target = theirs ? sectionOf.get(theirs)! : null;
    if (theirs && mine && target) {
      const { pairs, reordered } = alignBlocks(match.fr!.blocks, match.ja!.blocks, model);
      if (reordered) warnings.push({ code: 'list-reordered', lang: language, message: `items of a list in "${mine.title}" were paired in another order than the text's` });
      const title = bilingual(language, mine.title, target.title[kept]);
      sections.push({ id: target.id, kind: target.kind, title, pairs: pairs.map((p) => withSegments(toPreviewPair(p), p[kept])) });
    } else if (target && theirs) {
      // A section the text does not have: shown as it is, with nothing to write.
      sections.push({
        id: target.id,
        kind: target.kind,
        title: target.title,
        pairs: theirs.blocks.map((b) => withSegments(toPreviewPair({ fr: kept === 'fr' ? [b] : [], ja: kept === 'ja' ? [b] : [], confidence: 0 }), [b])),
      });
    } else if (mine) {
      warnings.push({ code: 'section-unmatched', lang: language, message: `the section "${mine.title}" matches none of the declaration: it will be added` });
      sections.push({
        kind: mine.kind,
        title: bilingual(language, mine.title, ''),
        pairs: mine.blocks.map((b) => toPreviewPair({ fr: language === 'fr' ? [b] : [], ja: language === 'ja' ? [b] : [], confidence: 0 })),
      });
    }
  }
  return { language, meta: filledMeta(existing.meta, language, extractMeta(detected, language)), sections, warnings };
}

/**
 * The declaration's metadata, with what the text says in `language` where the declaration has
 * nothing in that language yet (or the title an import proposes when a text states none).
 */
function filledMeta(meta: DeclarationMeta, language: Lang, found: ReturnType<typeof extractMeta>): DeclarationMeta {
  const out: DeclarationMeta = { ...meta, title: { ...meta.title }, hostCity: { ...meta.hostCity }, nextHostCity: { ...meta.nextHostCity } };
  for (const key of ['title', 'hostCity', 'nextHostCity'] as const) {
    const value = found[key];
    if (value && unsetMeta(key, language).includes(meta[key][language].trim())) out[key][language] = value;
  }
  return out;
}

/** The values of a metadata field that an import into the declaration may replace: none, or the proposed title. */
export function unsetMeta(key: 'title' | 'hostCity' | 'nextHostCity', language: Lang): string[] {
  return key === 'title' ? ['', FALLBACK_TITLE[language]] : [''];
}

function bilingual(language: Lang, mine: string, theirs: string): Bilingual {
  return language === 'fr' ? { fr: mine, ja: theirs } : { fr: theirs, ja: mine };
}

function outlineSegments(block: OutlineBlock): OutlineSegment[] {
  return block.type === 'table' ? block.rows.flat() : [block];
}

/** The block the aligner reads for a block of the declaration; `null` for one without text. */
function importBlockOf(block: OutlineBlock): ImportBlock | null {
  // A hard break inside a block is no join of the aligner's (`\n` in a preview's text).
  const inline = (s: OutlineSegment) => escapeInline(s.text.replace(/\n/g, ' ').trim());
  if (block.type === 'table') {
    const rows = block.rows.map((row) => row.map(inline));
    return rows.flat().some((c) => c !== '') ? { type: 'table', rows, header: block.header } : null;
  }
  const text = inline(block);
  if (text === '') return null;
  if (block.type === 'heading') return { type: 'heading', level: 3, text };
  if (block.type === 'ordered') return { type: 'ordered', text, number: block.number };
  return { type: block.type, text };
}
