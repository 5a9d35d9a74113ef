import type { Bilingual, SectionKind } from '@accord/model/declarationLayout';
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
}

export interface PreviewSection {
  kind: SectionKind;
  title: Bilingual;
  pairs: PreviewPair[];
}

/** What `POST /api/declarations/import` answers, and what its second call may send back reviewed. */
export interface ImportPreview {
  meta: DeclarationMeta;
  sections: PreviewSection[];
  warnings: ImportWarning[];
}

/** Below this confidence a pair is marked doubtful and does not start as confirmed. */
export const DOUBTFUL_BELOW = 0.5;

/** Whether a pair starts as a confirmed translation when the user said nothing of it. */
export function isAccepted(pair: PreviewPair): boolean {
  return pair.accepted ?? (pair.confidence >= DOUBTFUL_BELOW && pair.fr.trim() !== '' && pair.ja.trim() !== '');
}
