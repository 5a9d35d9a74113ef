import { TEXTBLOCK_TYPES } from '@accord/model/declarationLayout';
import type { Node as PmNode, ResolvedPos } from '@tiptap/pm/model';
import { type EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';

/** Where a textblock with a given sid sits in a document. */
interface Found {
  pos: number;
  node: PmNode;
  $pos: ResolvedPos;
}

function findSid(doc: PmNode, sid: string): Found | null {
  let found: Found | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if ((TEXTBLOCK_TYPES as readonly string[]).includes(node.type.name)) {
      if (node.attrs.sid === sid) found = { pos, node, $pos: doc.resolve(pos) };
      return false;
    }
    return true;
  });
  return found;
}

function sidsIn(node: PmNode): Set<string> {
  const out = new Set<string>();
  node.descendants((child) => {
    if ((TEXTBLOCK_TYPES as readonly string[]).includes(child.type.name)) {
      if (typeof child.attrs.sid === 'string') out.add(child.attrs.sid);
      return false;
    }
    return true;
  });
  return out;
}

/** The depth of the innermost ancestor of type `name`, or -1. */
function depthOf($pos: ResolvedPos, name: string): number {
  for (let depth = $pos.depth; depth > 0; depth--) if ($pos.node(depth).type.name === name) return depth;
  return -1;
}

/**
 * The same node with every textblock emptied, its `sid` and other attributes kept: the mirror of
 * the other language's block, row or table, ready to be translated.
 */
function emptied(node: PmNode): PmNode {
  if ((TEXTBLOCK_TYPES as readonly string[]).includes(node.type.name)) return node.type.create(node.attrs);
  const children: PmNode[] = [];
  node.forEach((child) => {
    if (child.isBlock) children.push(emptied(child));
  });
  return node.type.create(node.attrs, children, node.marks);
}

/**
 * « Traduire ici »: the transaction that creates, in `state` (one language's text of a section),
 * the segment `sid` that only `other` (the other language's text) has, empty, carrying that sid,
 * with the caret in it — or `null` when `other` lacks it or `state` already has it.
 *
 * - A table cell's paragraph: when a table here already holds cells of the same table there, the
 *   missing row is created at the same index (or, if the row is here, the missing cell at the
 *   same index in it); otherwise the whole table is mirrored: same rows and cells, same sids,
 *   empty text.
 * - A list item's paragraph: a list item after the nearest preceding segment's list item, or a
 *   new list of the same kind (and `start`) when that segment is not in a list.
 * - Any other block: the same kind of block (a heading keeps its level).
 *
 * The new content goes after the nearest segment preceding `sid` in `order` (the section's
 * reading order) that is present here, outside any table, or at the start of the text.
 */
export function translateHere(state: EditorState, other: PmNode, order: readonly string[], sid: string): Transaction | null {
  const doc = state.doc;
  if (findSid(doc, sid)) return null;
  const source = findSid(other, sid);
  if (!source) return null;
  const tr = state.tr;
  const tableDepth = depthOf(source.$pos, 'table');

  if (tableDepth > 0) {
    const otherTable = source.$pos.node(tableDepth);
    const tableSids = sidsIn(otherTable);
    const rowIndex = source.$pos.index(tableDepth);
    const otherRow = otherTable.child(rowIndex);
    // A table here that mirrors this one: any of its cells' sids.
    const mirror = [...tableSids].map((s) => findSid(doc, s)).find((f): f is Found => f !== null && depthOf(f.$pos, 'table') > 0);
    if (mirror) {
      const hereDepth = depthOf(mirror.$pos, 'table');
      const hereTable = mirror.$pos.node(hereDepth);
      const tableStart = mirror.$pos.start(hereDepth);
      const rowSids = sidsIn(otherRow);
      let hereRowIndex = -1;
      hereTable.forEach((row, _offset, index) => {
        if (hereRowIndex < 0 && [...sidsIn(row)].some((s) => rowSids.has(s))) hereRowIndex = index;
      });
      if (hereRowIndex < 0) {
        const at = Math.min(rowIndex, hereTable.childCount);
        let pos = tableStart;
        for (let i = 0; i < at; i++) pos += hereTable.child(i).nodeSize;
        tr.insert(pos, emptied(otherRow));
      } else {
        const cellIndex = source.$pos.index(tableDepth + 1);
        const hereRow = hereTable.child(hereRowIndex);
        let pos = tableStart;
        for (let i = 0; i < hereRowIndex; i++) pos += hereTable.child(i).nodeSize;
        pos += 1; // into the row
        const at = Math.min(cellIndex, hereRow.childCount);
        for (let i = 0; i < at; i++) pos += hereRow.child(i).nodeSize;
        tr.insert(pos, emptied(otherRow.child(cellIndex)));
      }
    } else {
      tr.insert(topLevelAfter(doc, order, sid, tableSids), emptied(otherTable));
    }
  } else {
    const listItemDepth = depthOf(source.$pos, 'listItem');
    if (listItemDepth > 0) {
      const item = source.$pos.node(listItemDepth);
      const list = source.$pos.node(listItemDepth - 1);
      const anchor = precedingHere(doc, order, sid, new Set());
      const anchorItem = anchor ? depthOf(anchor.$pos, 'listItem') : -1;
      const newItem = item.type.create(item.attrs, [emptied(source.node)]);
      if (anchor && anchorItem > 0 && depthOf(anchor.$pos, 'table') < 0) tr.insert(anchor.$pos.after(anchorItem), newItem);
      else tr.insert(topLevelAfter(doc, order, sid, new Set()), list.type.create(list.attrs, [newItem]));
    } else {
      tr.insert(topLevelAfter(doc, order, sid, new Set()), emptied(source.node));
    }
  }
  const created = findSid(tr.doc, sid);
  if (created) tr.setSelection(TextSelection.create(tr.doc, created.pos + 1));
  return tr.scrollIntoView();
}

/** The nearest segment before `sid` in reading order that is present in `doc` and not in `skip`. */
function precedingHere(doc: PmNode, order: readonly string[], sid: string, skip: ReadonlySet<string>): Found | null {
  const index = order.indexOf(sid);
  for (let i = index - 1; i >= 0; i--) {
    const candidate = order[i]!;
    if (skip.has(candidate)) continue;
    const found = findSid(doc, candidate);
    if (found) return found;
  }
  return null;
}

/** A position between top-level blocks: after the top-level block holding the preceding segment. */
function topLevelAfter(doc: PmNode, order: readonly string[], sid: string, skip: ReadonlySet<string>): number {
  const anchor = precedingHere(doc, order, sid, skip);
  if (!anchor) return 0;
  return anchor.$pos.depth === 0 ? anchor.pos + anchor.node.nodeSize : anchor.$pos.after(1);
}
