/**
 * The rich content of a section as the printed document needs it: the node shape of the editor
 * (TipTap names) read into plain, serialisable values, so it can be taken out of a live room in one
 * read and rendered elsewhere, at leisure.
 */

/** A run of text with its marks, or a line break inside a textblock. */
export type Inline =
  | { kind: 'text'; text: string; bold: boolean; italic: boolean; superscript: boolean }
  | { kind: 'break' };

export interface Textblock {
  type: 'paragraph' | 'heading';
  /** Heading level 1–6; 0 for a paragraph. */
  level: number;
  /** The segment id; `null` for a block written without one (it never aligns with a translation). */
  sid: string | null;
  inlines: Inline[];
}

export interface ListItem {
  blocks: RichBlock[];
}

export interface RichList {
  type: 'bulletList' | 'orderedList';
  /** The first number of an ordered list (TipTap's `start`); 1 for a bulleted one. */
  start: number;
  items: ListItem[];
}

export interface TableCell {
  header: boolean;
  colspan: number;
  rowspan: number;
  blocks: RichBlock[];
}

export interface RichTable {
  type: 'table';
  rows: TableCell[][];
}

export type RichBlock = Textblock | RichList | RichTable;

/** The plain text of a textblock's inlines, a break as `\n` (what `textblockText` of the model reads). */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : '\n')).join('');
}

export function isTextblock(block: RichBlock): block is Textblock {
  return block.type === 'paragraph' || block.type === 'heading';
}
