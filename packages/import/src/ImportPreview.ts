import type { Bilingual, Lang, SectionKind } from '@accord/model/declarationLayout';
import type { DeclarationMeta } from '@accord/model/readDeclaration';
import type { ImportWarning } from './ImportBlock';

export type PairType = 'paragraph' | 'heading' | 'bullet' | 'ordered' | 'table';

/**
 * One aligned pair of the preview: a block in each language (inline text, `""` on a side with
 * no counterpart). Blocks the aligner joined are separated by `\n` (a split point for the review
 * screen; they become one paragraph). Consecutive `bullet` / `ordered` pairs form one list.
 */
export interface PreviewPair {
  type: PairType;
  fr: string;
  ja: string;
  /** 0–1, from the aligner; 0 for a side without counterpart. */
  confidence: number;
  /** The cells of a `table` pair, rows of inline text, per language; `header`: the first row is a header row. */
  table?: { fr: string[][]; ja: string[][]; header?: boolean };
  /** The number of an `ordered` item. */
  number?: number;
  /** Whether the pair starts as a confirmed translation; absent: confident pairs with both sides. */
  accepted?: boolean;
  /**
   * Only in the preview of an import into an existing declaration (`ImportIntoPreview`): the
   * declaration's segments that the side already in it shows, one per `\n`-separated block (one
   * per cell, row by row, for a table), each with the imported language's text it had when the
   * preview was made (`was`). Absent: the imported block has no counterpart there yet.
   */
  segments?: PairSegment[];
}

/** A segment of the existing declaration a pair writes into, and the text it had in the imported language. */
export interface PairSegment {
  sid: string;
  was: string;
}

export interface PreviewSection {
  kind: SectionKind;
  title: Bilingual;
  pairs: PreviewPair[];
  /** Into an existing declaration: the section the pairs go into; absent, a new section. */
  id?: string;
}

/** What `POST /api/declarations/import` answers, and what its second call may send back reviewed. */
export interface ImportPreview {
  meta: DeclarationMeta;
  sections: PreviewSection[];
  warnings: ImportWarning[];
}

/** The preview of an import of one language into an existing declaration: `language` is the one it brings. */
export interface ImportIntoPreview extends ImportPreview {
  language: Lang;
}

/** Below this confidence a pair is marked doubtful and does not start as confirmed. */
export const DOUBTFUL_BELOW = 0.5;

/** Whether a pair starts as a confirmed translation when the user said nothing of it. */
export function isAccepted(pair: PreviewPair): boolean {
  return pair.accepted ?? (pair.confidence >= DOUBTFUL_BELOW && pair.fr.trim() !== '' && pair.ja.trim() !== '');
}
