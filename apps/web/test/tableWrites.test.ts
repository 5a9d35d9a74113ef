/**
 * What the editor really stores for a table and a superscript, through the real binding
 * (`@tiptap/y-tiptap`'s `updateYFragment`, the function the sync plugin calls on every local
 * change), and the server's schema check (A14) on that update: it must accept all of it.
 */
import { createDeclaration } from '@accord/model/createDeclaration';
import { getFragment } from '@accord/model/declarationLayout';
import { planIntegration } from '@accord/permissions/planIntegration';
import { schemaRefusal } from '@accord/permissions/schemaRefusal';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { addColumnAfter, addRowAfter, deleteColumn, mergeCells, CellSelection } from '@tiptap/pm/tables';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { Node as PmNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editorSchema } from '../src/editor/declarationStarterKit';

const schema = editorSchema();

function cell(type: 'tableHeader' | 'tableCell', sid: string, text: string, marks?: Array<{ type: string }>) {
  return { type, content: [{ type: 'paragraph', attrs: { sid }, content: text ? [{ type: 'text', text, ...(marks ? { marks } : {}) }] : undefined }] };
}

/** The Chartres shape: a header row, then one row per intervention; an ordinal in superscript. */
const chartres = {
  type: 'doc',
  content: [
    { type: 'paragraph', attrs: { sid: 'p1' }, content: [{ type: 'text', text: '8' }, { type: 'text', text: 'e', marks: [{ type: 'superscript' }] }, { type: 'text', text: '\u202fRencontres' }] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'h1', 'Collectivité'), cell('tableHeader', 'h2', 'Intitulé de l’intervention')] },
        { type: 'tableRow', content: [cell('tableCell', 'c1', 'Chartres'), cell('tableCell', 'c2', 'Le plan vélo')] },
      ],
    },
  ],
};

/** Writes `doc` into the fragment the way the sync plugin does, and returns the update it made. */
function write(ydoc: Y.Doc, fragment: Y.XmlFragment, doc: PmNode, meta: { mapping: Map<unknown, unknown>; isOMark: Map<unknown, unknown> }): Uint8Array {
  const before = Y.encodeStateVector(ydoc);
  ydoc.transact(() => updateYFragment(ydoc, fragment, doc, meta as never));
  return Y.encodeStateAsUpdate(ydoc, before);
}

function verdict(server: Y.Doc, update: Uint8Array): string | null {
  const plan = planIntegration(server, update);
  expect(plan.malformed).toBeNull();
  const refusal = schemaRefusal(plan.items);
  if (refusal === null) Y.applyUpdate(server, update);
  return refusal;
}

describe('tables and superscript through the binding and the schema check (A14)', () => {
  it('accepts the table the editor writes, its row and column edits, a merge, a pasted width and a superscript', () => {
    const server = new Y.Doc();
    createDeclaration(server, { title: { fr: 'D', ja: 'D' } });
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const fragment = getFragment(client, 'workshop-1', 'fr');
    const meta = { mapping: new Map(), isOMark: new Map() };

    let state = EditorState.create({ schema, doc: schema.nodeFromJSON(chartres) });
    expect(verdict(server, write(client, fragment, state.doc, meta))).toBeNull();

    // What the binding stored: spans as numbers, no colwidth, no align (null is not written).
    const table = fragment.toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === 'table') as Y.XmlElement;
    const header = (table.get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    expect(header.nodeName).toBe('tableHeader');
    expect(header.getAttributes()).toEqual({ colspan: 1, rowspan: 1 });
    const first = fragment.get(0) as Y.XmlElement;
    expect((first.get(0) as Y.XmlText).toDelta()).toEqual([{ insert: '8' }, { insert: 'e', attributes: { superscript: {} } }, { insert: '\u202fRencontres' }]);

    // Caret in the last cell: add a row and a column, as the toolbar does.
    const inCell = (s: EditorState, text: string) => {
      let at = -1;
      s.doc.descendants((node, pos) => {
        if (at < 0 && node.isText && node.text === text) at = pos;
      });
      return s.apply(s.tr.setSelection(TextSelection.create(s.doc, at + 1)));
    };
    const run = (s: EditorState, command: (st: EditorState, dispatch: (tr: import('@tiptap/pm/state').Transaction) => void) => boolean) => {
      let next = s;
      expect(command(s, (tr) => (next = s.apply(tr)))).toBe(true);
      return next;
    };
    state = run(inCell(state, 'Le plan vélo'), addRowAfter);
    state = run(inCell(state, 'Le plan vélo'), addColumnAfter);
    expect(verdict(server, write(client, fragment, state.doc, meta))).toBeNull();

    // Merging two cells writes colspan 2; a width (from a pasted table) is stored as an array.
    let chartresCell = -1;
    let planCell = -1;
    state.doc.descendants((node, pos) => {
      if (node.type.name === 'tableCell' && node.textContent === 'Chartres') chartresCell = pos;
      if (node.type.name === 'tableCell' && node.textContent === 'Le plan vélo') planCell = pos;
    });
    state = state.apply(state.tr.setSelection(CellSelection.create(state.doc, chartresCell, planCell)));
    state = run(state, mergeCells);
    let merged = -1;
    state.doc.descendants((node, pos) => {
      if (merged < 0 && node.type.name === 'tableCell' && (node.attrs.colspan as number) === 2) merged = pos;
    });
    expect(merged).toBeGreaterThan(0);
    state = state.apply(state.tr.setNodeAttribute(merged, 'colwidth', [120, 0]));
    expect(verdict(server, write(client, fragment, state.doc, meta))).toBeNull();
    state = run(inCell(state, 'Collectivité'), deleteColumn);
    expect(verdict(server, write(client, fragment, state.doc, meta))).toBeNull();

    // Numbered commitments: an ordered list's `start` is stored as the number it is, and kept.
    const list = schema.nodeFromJSON({ type: 'orderedList', attrs: { start: 4 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', attrs: { sid: 'n4' } }] }] });
    state = state.apply(state.tr.insert(state.doc.content.size, list));
    expect(verdict(server, write(client, fragment, state.doc, meta))).toBeNull();
    const storedList = fragment.toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === 'orderedList') as Y.XmlElement;
    expect(storedList.getAttribute('start')).toBe(4);

    // The server's copy reads back as the same document.
    const back = yXmlFragmentToProseMirrorRootNode(getFragment(server, 'workshop-1', 'fr'), schema);
    expect(back.toJSON()).toEqual(state.doc.toJSON());
  });
});
