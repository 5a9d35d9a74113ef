import * as Y from 'yjs';
import type { Lang } from './declarationLayout';

/** A mark the editor keeps, as the binding stores it: a formatting attribute of the text. */
export type TextMark = 'bold' | 'italic' | 'superscript';

export interface TextRun {
  text: string;
  marks: readonly TextMark[];
}

/** Formatted text in both languages. */
export interface RichText {
  fr: readonly TextRun[];
  ja: readonly TextRun[];
}

/** A textblock's content and whether its two languages start as a confirmed translation. */
export interface RichTextblock {
  text: RichText;
  confirmed: boolean;
}

/** Content of any shape, as an import brings it: the editor's nodes, tables and superscript included. */
export type RichBlock =
  | ({ type: 'paragraph' } & RichTextblock)
  | ({ type: 'heading'; level: 2 | 3 } & RichTextblock)
  | { type: 'bulletList'; items: RichTextblock[] }
  | { type: 'orderedList'; start: number; items: RichTextblock[] }
  | { type: 'table'; rows: Array<{ header: boolean; cells: RichTextblock[] }> };

/** The textblocks of `blocks` in document order: one segment id each, the same in both languages. */
export function richTextblocks(blocks: readonly RichBlock[]): RichTextblock[] {
  return blocks.flatMap((b) => (b.type === 'paragraph' || b.type === 'heading' ? [b] : b.type === 'table' ? b.rows.flatMap((r) => r.cells) : b.items));
}

/**
 * Appends `blocks` to a fragment in the shape TipTap's Collaboration extension reads (the
 * y-prosemirror mapping): one `Y.XmlElement` per node, text in `Y.XmlText` with marks as
 * formatting attributes (`{ bold: {} }`), tables as `table` > `tableRow` > `tableHeader` |
 * `tableCell` (`colspan`, `rowspan` numbers) holding one paragraph each. `sids` gives one id per
 * textblock in the order of `richTextblocks`; the same ids for both languages align each block
 * with its translation. `at`: the index to insert at (by default, the end); returns the nodes written.
 */
export function writeRichBlocks(fragment: Y.XmlFragment, blocks: readonly RichBlock[], lang: Lang, sids: readonly string[], at: number = fragment.length): Y.XmlElement[] {
  let next = 0;
  const textblock = (type: 'paragraph' | 'heading', block: RichTextblock, attrs: Record<string, number> = {}) => {
    const el = new Y.XmlElement(type);
    // TipTap's numeric attributes (heading `level`) stay numbers, as the binding writes them.
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v as unknown as string);
    const sid = sids[next++];
    if (sid === undefined) throw new Error('writeRichBlocks: fewer sids than textblocks');
    el.setAttribute('sid', sid);
    const runs = block.text[lang].filter((r) => r.text !== '');
    if (runs.length > 0) {
      const text = new Y.XmlText();
      el.insert(0, [text]);
      let at = 0;
      for (const run of runs) {
        text.insert(at, run.text, Object.fromEntries(run.marks.map((m) => [m, {}])));
        at += run.text.length;
      }
    }
    return el;
  };
  const element = (type: string, children: Y.XmlElement[], attrs: Record<string, number> = {}) => {
    const el = new Y.XmlElement(type);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v as unknown as string);
    el.insert(0, children);
    return el;
  };
  const nodes = blocks.map((block) => {
    switch (block.type) {
      case 'paragraph':
        return textblock('paragraph', block);
      case 'heading':
        return textblock('heading', block, { level: block.level });
      case 'bulletList':
        return element('bulletList', block.items.map((item) => element('listItem', [textblock('paragraph', item)])));
      case 'orderedList':
        return element('orderedList', block.items.map((item) => element('listItem', [textblock('paragraph', item)])), block.start === 1 ? {} : { start: block.start });
      case 'table':
        return element(
          'table',
          block.rows.map((row) =>
            element('tableRow', row.cells.map((cell) => element(row.header ? 'tableHeader' : 'tableCell', [textblock('paragraph', cell)], { colspan: 1, rowspan: 1 }))),
          ),
        );
    }
  });
  fragment.insert(at, nodes);
  return nodes;
}
