import * as Y from 'yjs';
import { TEXTBLOCK_TYPES } from './declarationLayout';

/**
 * Where a segment sits when it is a table cell's paragraph. 0-based, in the table's grid: `row`
 * counts the table's rows from its first (the header row, when there is one, is row 0); `column`
 * is the grid column the cell starts in, counting the columns taken by cells of earlier rows that
 * span down (`rowspan`) and by earlier cells of the row (`colspan`). `header` is true for a
 * `tableHeader` cell. A cell holding several paragraphs gives each the same place.
 */
export interface SegmentTable {
  row: number;
  column: number;
  header: boolean;
}

export interface FragmentSegment {
  sid: string;
  /** The textblock's node type: `paragraph` or `heading` (a list item's text is a paragraph). */
  type: string;
  text: string;
  /** Only for a table cell's paragraph: no key at all elsewhere. */
  table?: SegmentTable;
}

/** Spans beyond this are read as this: a crafted `rowspan` must not make reading loop for ever. */
const MAX_SPAN = 100;

/**
 * The textblocks of one language fragment, in document order, as plain text. Blocks without a
 * `sid` (written by a client that does not follow the model) are skipped rather than invented
 * here: assigning ids is the editor's job, reading must not change the document.
 */
export function fragmentSegments(fragment: Y.XmlFragment): FragmentSegment[] {
  const out: FragmentSegment[] = [];
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook, table: SegmentTable | undefined) => {
    if (!(node instanceof Y.XmlElement)) return;
    if ((TEXTBLOCK_TYPES as readonly string[]).includes(node.nodeName)) {
      const sid = node.getAttribute('sid');
      if (typeof sid === 'string' && sid !== '') {
        out.push(table ? { sid, type: node.nodeName, text: textblockText(node), table } : { sid, type: node.nodeName, text: textblockText(node) });
      }
      return;
    }
    if (node.nodeName === 'table') {
      // Row by row, cell by cell: the reading order of a table.
      for (const { cell, place } of tableCells(node)) cell.toArray().forEach((child) => visit(child, place));
      return;
    }
    node.toArray().forEach((child) => visit(child, table));
  };
  fragment.toArray().forEach((child) => visit(child, undefined));
  return out;
}

/** The cells of a table in reading order, each with its place in the grid (see `SegmentTable`). */
function tableCells(table: Y.XmlElement): Array<{ cell: Y.XmlElement; place: SegmentTable }> {
  const cells: Array<{ cell: Y.XmlElement; place: SegmentTable }> = [];
  // Grid slots taken by cells of earlier rows spanning down: row → columns.
  const taken = new Map<number, Set<number>>();
  const rows = table.toArray().filter((row): row is Y.XmlElement => row instanceof Y.XmlElement && row.nodeName === 'tableRow');
  rows.forEach((row, r) => {
    let column = 0;
    for (const cell of row.toArray()) {
      if (!(cell instanceof Y.XmlElement) || (cell.nodeName !== 'tableCell' && cell.nodeName !== 'tableHeader')) continue;
      while (taken.get(r)?.has(column)) column++;
      cells.push({ cell, place: { row: r, column, header: cell.nodeName === 'tableHeader' } });
      const colspan = span(cell.getAttribute('colspan'));
      const rowspan = Math.min(span(cell.getAttribute('rowspan')), rows.length - r);
      for (let dr = 1; dr < rowspan; dr++) {
        const set = taken.get(r + dr) ?? new Set<number>();
        for (let dc = 0; dc < colspan; dc++) set.add(column + dc);
        taken.set(r + dr, set);
      }
      column += colspan;
    }
  });
  return cells;
}

function span(value: unknown): number {
  return Number.isInteger(value) && (value as number) >= 1 ? Math.min(value as number, MAX_SPAN) : 1;
}

/** Plain text of a textblock: its text runs without formatting, a hard break as a newline. */
export function textblockText(block: Y.XmlElement): string {
  let text = '';
  for (const child of block.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{ insert: unknown }>) {
        if (typeof op.insert === 'string') text += op.insert;
      }
    } else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
      text += '\n';
    }
  }
  return text;
}
