import type { Lang } from '@accord/model/declarationLayout';
import type { ImportedSection } from '@accord/model/createImportedDeclaration';
import { EDITOR_MARKS, EDITOR_NODES } from '@accord/model/editorSchema';
import type { RichBlock, RichText, RichTextblock, TextMark, TextRun } from '@accord/model/writeRichBlocks';
import { type PreviewPair, type PreviewSection, isAccepted } from './ImportPreview';
import { parseInline } from './inlineText';

/**
 * The sections to write for a (reviewed) preview: consecutive `bullet` and `ordered` pairs become
 * one list, headings inside a section are level 3, blocks the aligner joined (`\n`) become one
 * paragraph (a space between French sentences, none between Japanese ones), and each textblock
 * is confirmed when its pair is accepted (`isAccepted`). Only what the editor's schema has is
 * written (`EDITOR_NODES`, `EDITOR_MARKS`): the binding deletes a text whose mark the editor does
 * not know, so without superscript in the schema a superscript is kept as plain characters, and
 * without tables a table's rows are written as paragraphs, cells separated by « | ».
 */
export function previewSections(sections: readonly PreviewSection[]): ImportedSection[] {
  return sections.map((section) => ({ kind: section.kind, title: section.title, blocks: previewBlocks(section.pairs) }));
}

/** The blocks to write for a run of pairs (see `previewSections`). */
export function previewBlocks(pairs: readonly PreviewPair[]): RichBlock[] {
  const blocks: RichBlock[] = [];
  for (const pair of pairs) {
    const last = blocks[blocks.length - 1];
    const tb = textblock(pair.fr, pair.ja, isAccepted(pair));
    switch (pair.type) {
      case 'paragraph':
        blocks.push({ type: 'paragraph', ...tb });
        break;
      case 'heading':
        blocks.push({ type: 'heading', level: 3, ...tb });
        break;
      case 'bullet':
        if (last?.type === 'bulletList') last.items.push(tb);
        else blocks.push({ type: 'bulletList', items: [tb] });
        break;
      case 'ordered':
        if (last?.type === 'orderedList') last.items.push(tb);
        else blocks.push({ type: 'orderedList', start: pair.number ?? 1, items: [tb] });
        break;
      case 'table': {
        if (!TABLES) {
          const rows = (lang: Lang) => (pair.table?.[lang] ?? []).map((row) => row.join(' | '));
          const fr = rows('fr');
          const ja = rows('ja');
          for (let r = 0; r < Math.max(fr.length, ja.length); r++) blocks.push({ type: 'paragraph', ...textblock(fr[r] ?? '', ja[r] ?? '', isAccepted(pair)) });
          break;
        }
        const fr = pair.table?.fr ?? [];
        const ja = pair.table?.ja ?? [];
        const rows = Math.max(fr.length, ja.length, 1);
        const cols = Math.max(1, ...fr.map((r) => r.length), ...ja.map((r) => r.length));
        blocks.push({
          type: 'table',
          rows: Array.from({ length: rows }, (_, r) => ({
            header: r === 0 && pair.table?.header === true,
            cells: Array.from({ length: cols }, (_, c) => textblock(fr[r]?.[c] ?? '', ja[r]?.[c] ?? '', isAccepted(pair))),
          })),
        });
        break;
      }
    }
  }
  return blocks;
}

function textblock(fr: string, ja: string, confirmed: boolean): RichTextblock {
  const text: RichText = { fr: previewRuns(fr, 'fr'), ja: previewRuns(ja, 'ja') };
  const empty = (lang: Lang) => text[lang].every((r) => r.text.trim() === '');
  // A side with no text has nothing to confirm: it starts untranslated.
  return { text, confirmed: confirmed && !empty('fr') && !empty('ja') };
}

const TABLES = 'table' in EDITOR_NODES;
const keptMark = (mark: TextMark) => mark in EDITOR_MARKS;

/** The text runs of a pair's side: its blocks joined (`\n`) into one, formatting the editor lacks dropped. */
export function previewRuns(inline: string, lang: Lang): TextRun[] {
  return parseInline(inline.split('\n').map((s) => s.trim()).filter((s) => s !== '').join(lang === 'fr' ? ' ' : '')).map((run) => ({ text: run.text, marks: run.marks.filter(keptMark) }));
}
