import { EditorState } from '@tiptap/pm/state';
import type { Node as PmNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { editorSchema } from '../src/editor/declarationStarterKit';
import { translateHere } from '../src/tables/translateHere';

const schema = editorSchema();
const p = (sid: string, text = '') => ({ type: 'paragraph', attrs: { sid }, ...(text ? { content: [{ type: 'text', text }] } : {}) });
const cellOf = (type: string, sid: string, text = '') => ({ type, content: [p(sid, text)] });
const rowOf = (...cells: object[]) => ({ type: 'tableRow', content: cells });
const docOf = (...content: object[]) => schema.nodeFromJSON({ type: 'doc', content });

/** A document as [node type, sid, text] of its textblocks and the structure around them, compactly. */
function outline(doc: PmNode): string {
  const parts: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'paragraph' || node.type.name === 'heading') {
      parts.push(`${node.attrs.sid}:${node.textContent}`);
      return false;
    }
    parts.push(node.type.name);
    return true;
  });
  return parts.join(' ');
}

const frTable = {
  type: 'table',
  content: [
    rowOf(cellOf('tableHeader', 'h0', 'Collectivité'), cellOf('tableHeader', 'h1', 'Intitulé')),
    rowOf(cellOf('tableCell', 'a0', 'Chartres'), cellOf('tableCell', 'a1', 'Le plan vélo')),
    rowOf(cellOf('tableCell', 'b0', 'Kōchi'), cellOf('tableCell', 'b1', 'Les marchés')),
  ],
};
const order = ['intro', 'h0', 'h1', 'a0', 'a1', 'b0', 'b1', 'end'];

describe('translateHere', () => {
  it('mirrors a table only the other side has: same shape, same sids, empty, after the preceding segment', () => {
    const fr = docOf(p('intro', 'Les interventions'), frTable, p('end', 'Fin'));
    const ja = EditorState.create({ schema, doc: docOf(p('intro', '発表'), p('end', '終わり')) });
    const tr = translateHere(ja, fr, order, 'a1')!;
    expect(outline(tr.doc)).toBe(
      'intro:発表 table tableRow tableHeader h0: tableHeader h1: tableRow tableCell a0: tableCell a1: tableRow tableCell b0: tableCell b1: end:終わり',
    );
    // The caret is in the cell that was clicked.
    expect(tr.selection.$from.parent.attrs.sid).toBe('a1');
    expect(translateHere(ja.apply(tr), fr, order, 'a1')).toBeNull();
  });

  it('creates a row added on the other side at the same index, and a missing cell in its row', () => {
    const ja = EditorState.create({
      schema,
      doc: docOf({ type: 'table', content: [rowOf(cellOf('tableHeader', 'h0', '自治体'), cellOf('tableHeader', 'h1', '題目')), rowOf(cellOf('tableCell', 'b0', '高知'), cellOf('tableCell', 'b1', '日曜市'))] }),
    });
    const fr = docOf(frTable);
    const withRow = ja.apply(translateHere(ja, fr, order, 'a0')!);
    expect(outline(withRow.doc)).toBe(
      'table tableRow tableHeader h0:自治体 tableHeader h1:題目 tableRow tableCell a0: tableCell a1: tableRow tableCell b0:高知 tableCell b1:日曜市',
    );
    const oneCell = EditorState.create({ schema, doc: docOf({ type: 'table', content: [rowOf(cellOf('tableHeader', 'h1', '題目'))] }) });
    expect(outline(translateHere(oneCell, fr, order, 'h0')!.doc)).toBe('table tableRow tableHeader h0: tableHeader h1:題目');
  });

  it('creates a paragraph, a heading of the same level, a list item in the list, or a new list', () => {
    const fr = docOf(
      { type: 'heading', attrs: { level: 3, sid: 'h' }, content: [{ type: 'text', text: 'Conclusions' }] },
      { type: 'orderedList', attrs: { start: 4, type: null }, content: [{ type: 'listItem', content: [p('i1', 'Un')] }, { type: 'listItem', content: [p('i2', 'Deux')] }] },
    );
    const ja = EditorState.create({ schema, doc: docOf({ type: 'orderedList', attrs: { start: 1, type: null }, content: [{ type: 'listItem', content: [p('i1', '一')] }] }) });
    const listOrder = ['h', 'i1', 'i2'];
    expect(outline(translateHere(ja, fr, listOrder, 'i2')!.doc)).toBe('orderedList listItem i1:一 listItem i2:');
    const heading = translateHere(ja, fr, listOrder, 'h')!.doc;
    expect(heading.firstChild!.type.name).toBe('heading');
    expect(heading.firstChild!.attrs).toMatchObject({ level: 3, sid: 'h' });
    const empty = EditorState.create({ schema, doc: docOf(p('x', '')) });
    const newList = translateHere(empty, fr, ['x', ...listOrder], 'i2')!.doc;
    expect(outline(newList)).toBe('x: orderedList listItem i2:');
    // Numbered commitments keep their numbering: the new list starts where the other side's does.
    expect(newList.child(1).attrs.start).toBe(4);
  });
});
