import * as Y from 'yjs';
import type { Inline, ListItem, RichBlock, RichTable, TableCell, Textblock } from './richText';

/**
 * The rich text of one language fragment of a section, in the editor's node shape (TipTap names):
 * `paragraph`, `heading` (`level`), `bulletList` / `orderedList` (`start`) of `listItem`s,
 * `hardBreak`, `table` > `tableRow` > `tableHeader` | `tableCell` (`colspan`, `rowspan`), and text
 * with the `bold`, `italic` and `superscript` marks.
 *
 * Pure: it never writes. It tolerates any shape another Yjs client may have written: an unknown
 * element is read through (its blocks kept, the wrapper dropped), stray text outside a textblock
 * becomes a paragraph, odd attribute values fall back to their defaults. Nothing is dropped that
 * holds text, so an export never silently loses a sentence.
 */
export function readRichSection(fragment: Y.XmlFragment): RichBlock[] {
  return readBlocks(fragment.toArray());
}

type YNode = Y.XmlElement | Y.XmlText | Y.XmlHook;

function readBlocks(nodes: readonly YNode[]): RichBlock[] {
  const blocks: RichBlock[] = [];
  for (const node of nodes) {
    if (node instanceof Y.XmlText) {
      const inlines = readInlines([node]);
      if (inlines.length > 0) blocks.push({ type: 'paragraph', level: 0, sid: null, inlines });
      continue;
    }
    if (!(node instanceof Y.XmlElement)) continue;
    switch (node.nodeName) {
      case 'paragraph':
      case 'heading':
        blocks.push(readTextblock(node));
        break;
      case 'bulletList':
      case 'orderedList':
        blocks.push({
          type: node.nodeName,
          start: node.nodeName === 'orderedList' ? positiveInt(node.getAttribute('start'), 1) : 1,
          items: node.toArray().flatMap((child) => readListItem(child)),
        });
        break;
      case 'table':
        blocks.push(readTable(node));
        break;
      default:
        blocks.push(...readBlocks(node.toArray()));
    }
  }
  return blocks;
}

function readTextblock(node: Y.XmlElement): Textblock {
  const sid = node.getAttribute('sid');
  const heading = node.nodeName === 'heading';
  return {
    type: heading ? 'heading' : 'paragraph',
    level: heading ? Math.min(6, positiveInt(node.getAttribute('level'), 2)) : 0,
    sid: typeof sid === 'string' && sid !== '' ? sid : null,
    inlines: readInlines(node.toArray()),
  };
}

function readListItem(node: YNode): ListItem[] {
  if (node instanceof Y.XmlElement && node.nodeName === 'listItem') return [{ blocks: readBlocks(node.toArray()) }];
  // Anything else directly in a list still shows, as an item of its own.
  const blocks = readBlocks([node]);
  return blocks.length > 0 ? [{ blocks }] : [];
}

function readTable(node: Y.XmlElement): RichTable {
  const rows: TableCell[][] = [];
  for (const row of node.toArray()) {
    if (!(row instanceof Y.XmlElement)) continue;
    const cellNodes = row.nodeName === 'tableRow' ? row.toArray() : [row];
    const cells: TableCell[] = [];
    for (const cell of cellNodes) {
      if (!(cell instanceof Y.XmlElement)) continue;
      const isCell = cell.nodeName === 'tableCell' || cell.nodeName === 'tableHeader';
      cells.push({
        header: cell.nodeName === 'tableHeader',
        colspan: isCell ? positiveInt(cell.getAttribute('colspan'), 1) : 1,
        rowspan: isCell ? positiveInt(cell.getAttribute('rowspan'), 1) : 1,
        blocks: readBlocks(isCell ? cell.toArray() : [cell]),
      });
    }
    if (cells.length > 0) rows.push(cells);
  }
  return { type: 'table', rows };
}

/** A mark is on when y-prosemirror stored it: its attribute holds the mark's attrs (`{}`), not null. */
const hasMark = (attributes: Record<string, unknown> | undefined, mark: string) =>
  attributes !== undefined && attributes[mark] !== undefined && attributes[mark] !== null && attributes[mark] !== false;

function readInlines(nodes: readonly YNode[]): Inline[] {
  const inlines: Inline[] = [];
  const visit = (node: YNode) => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
        if (typeof op.insert !== 'string' || op.insert === '') continue;
        inlines.push({
          kind: 'text',
          text: op.insert,
          bold: hasMark(op.attributes, 'bold'),
          italic: hasMark(op.attributes, 'italic'),
          superscript: hasMark(op.attributes, 'superscript'),
        });
      }
    } else if (node instanceof Y.XmlElement) {
      if (node.nodeName === 'hardBreak') inlines.push({ kind: 'break' });
      else node.toArray().forEach(visit);
    }
  };
  nodes.forEach(visit);
  return inlines;
}

/** A positive integer attribute (stored as a number by TipTap, maybe a string by another client). */
function positiveInt(value: unknown, fallback: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : fallback;
}
