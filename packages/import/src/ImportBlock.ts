import type { SectionKind } from '@accord/model/declarationLayout';

/**
 * One block of an imported text, as every parser (Markdown, plain text, DOCX) yields it: a flat
 * stream, list items one by one. `text` is *inline text* (see `inlineText.ts`): plain characters
 * where `<sup>`, `<b>` and `<i>` mark formatting.
 */
export type ImportBlock =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'bullet'; text: string }
  | { type: 'ordered'; text: string; number: number }
  /** `header`: the first row is a header row (a Markdown table's, a DOCX row marked as header or all in bold). */
  | { type: 'table'; rows: string[][]; header: boolean };

/** A section found in one language's text: its guessed kind, its title and its blocks. */
export interface DetectedSection {
  kind: SectionKind;
  title: string;
  blocks: ImportBlock[];
  /** The number in « Atelier 2 », 分科会2, « 2. Société ~ … »: what matches workshops across languages. */
  number: number | null;
}

/** Something the user should know about an import; `code` is stable, `message` is English. */
export interface ImportWarning {
  code: 'tracked-changes' | 'docx-messages' | 'section-unmatched' | 'list-reordered' | 'language-missing';
  lang?: 'fr' | 'ja';
  message: string;
}

/** What a parser returns: the blocks, and what it noticed on the way. */
export interface ParsedText {
  blocks: ImportBlock[];
  warnings: ImportWarning[];
}
