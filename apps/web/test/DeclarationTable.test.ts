import { EditorState } from '@tiptap/pm/state';
import { tableEditing } from '@tiptap/pm/tables';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { editorSchema } from '../src/editor/declarationStarterKit';
import { onlyAfterLocalEdits } from '../src/tables/DeclarationTable';

const schema = editorSchema();
const cell = (sid: string) => ({ type: 'tableCell', content: [{ type: 'paragraph', attrs: { sid } }] });
const table = { type: 'table', content: [{ type: 'tableRow', content: [cell('a'), cell('b')] }, { type: 'tableRow', content: [cell('c'), cell('d')] }] };

/** Cells per row of the first table. */
const shape = (state: EditorState) => {
  const rows: number[] = [];
  state.doc.firstChild!.forEach((row) => rows.push(row.childCount));
  return rows;
};

describe('table repairs only after local edits', () => {
  it('leaves a ragged table from a remote change to the editor that edits it, and repairs it then', () => {
    const state = EditorState.create({ schema, doc: schema.nodeFromJSON({ type: 'doc', content: [table] }), plugins: [onlyAfterLocalEdits(tableEditing())] });
    // A remote change (the binding tags it) removes a cell: the row is now short of one.
    const lastCell = state.doc.firstChild!.child(1).child(1);
    const from = 1 + state.doc.firstChild!.child(0).nodeSize + 1 + state.doc.firstChild!.child(1).child(0).nodeSize;
    const remote = state.applyTransaction(state.tr.delete(from, from + lastCell.nodeSize).setMeta(ySyncPluginKey, { isChangeOrigin: true }));
    expect(shape(remote.state)).toEqual([2, 1]);
    expect(remote.transactions).toHaveLength(1);
    // The same change made here is repaired at once, as prosemirror-tables does.
    const local = state.applyTransaction(state.tr.delete(from, from + lastCell.nodeSize));
    expect(shape(local.state)).toEqual([2, 2]);
    // And the ragged table is repaired by the next local edit that touches it.
    const next = remote.state.applyTransaction(remote.state.tr.insertText('x', 3));
    expect(shape(next.state)).toEqual([2, 2]);
  });
});
