import type { Lang } from '@accord/model/declarationLayout';
import type { ImportedLanguagePlan, ImportedLanguageSection, SegmentWrite } from '@accord/model/writeImportedLanguage';
import type { TextRun } from '@accord/model/writeRichBlocks';
import { type ImportIntoPreview, type PreviewPair, isAccepted } from './ImportPreview';
import { unsetMeta } from './buildIntoPreview';
import { previewBlocks, previewRuns } from './previewSections';

/**
 * What a (reviewed) preview of an import into an existing declaration writes
 * (`writeImportedLanguage`): per pair that names the declaration's segments, the imported text
 * of its blocks into the first of them — a table's cells into its cells, row by row, any extra
 * cells joined into the last one so that no imported text is dropped; runs of pairs with no
 * counterpart as blocks of their own; a section matching none of the declaration's as a new one.
 * An accepted pair starts confirmed when it maps one block onto one segment (or cell onto cell);
 * several of the declaration's segments facing one imported block start « to review ». The
 * metadata (title, host cities) of the language is filled in where the declaration has none.
 */
export function previewIntoWrites(preview: ImportIntoPreview): ImportedLanguagePlan {
  const lang = preview.language;
  const meta = (['title', 'hostCity', 'nextHostCity'] as const).flatMap((key) => {
    const text = preview.meta[key][lang].trim();
    return text === '' ? [] : [{ key, text, over: unsetMeta(key, lang) }];
  });
  const sections = preview.sections.map((section): ImportedLanguageSection => {
    if (section.id === undefined) return { id: null, kind: section.kind, title: section.title[lang], blocks: previewBlocks(section.pairs) };
    const items: Array<{ segment: SegmentWrite } | { blocks: ReturnType<typeof previewBlocks> }> = [];
    let loose: PreviewPair[] = [];
    const flush = () => {
      if (loose.length > 0) items.push({ blocks: previewBlocks(loose) });
      loose = [];
    };
    for (const pair of section.pairs) {
      const segments = pair.segments ?? [];
      if (segments.length === 0) {
        if (pair[lang].trim() !== '') loose.push(pair);
        continue;
      }
      flush();
      for (const segment of segmentWrites(pair, lang)) items.push({ segment });
    }
    flush();
    return { id: section.id, title: section.title[lang], items };
  });
  return { sections, meta };
}

function segmentWrites(pair: PreviewPair, lang: Lang): SegmentWrite[] {
  const segments = pair.segments ?? [];
  const accepted = isAccepted(pair);
  const texts: TextRun[][] = [];
  if (pair.type === 'table' && pair.table) {
    const cells = pair.table[lang].flat();
    const fit = cells.slice(0, segments.length);
    if (cells.length > segments.length && fit.length > 0) fit[fit.length - 1] = cells.slice(segments.length - 1).join(' ');
    for (const cell of fit) texts.push(previewRuns(cell, lang));
  } else if (pair[lang].trim() !== '') texts.push(previewRuns(pair[lang], lang));
  return texts.flatMap((text, i) => {
    const segment = segments[i];
    if (!segment || text.every((r) => r.text.trim() === '')) return [];
    const confirmed = accepted && (pair.type === 'table' || segments.length === 1);
    return [{ sid: segment.sid, was: segment.was, text, confirmed }];
  });
}
