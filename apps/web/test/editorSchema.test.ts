/**
 * One schema, two homes that must agree: the editor's (TipTap, in the web app) and the list the
 * server enforces inside section fragments (A14). A node or attribute added to one and not the
 * other would either be refused on the server while typing, or let through unchecked.
 */
import { EDITOR_MARKS, EDITOR_NODES } from '@accord/model/editorSchema';
import { describe, expect, it } from 'vitest';
import { editorSchema } from '../src/editor/declarationStarterKit';

describe('the editor schema (A14)', () => {
  it('has exactly the nodes, marks and attributes the server accepts', () => {
    const schema = editorSchema();
    const attrs = (spec: { attrs?: object | null }) => Object.keys(spec.attrs ?? {}).sort();
    const nodes = Object.fromEntries(
      Object.entries(schema.nodes)
        // The document and text are not stored as elements: the fragment is the doc, text is text.
        .filter(([name]) => name !== 'doc' && name !== 'text')
        .map(([name, type]) => [name, attrs(type.spec)]),
    );
    expect(nodes).toEqual(Object.fromEntries(Object.entries(EDITOR_NODES).map(([name, list]) => [name, [...list].sort()])));
    const marks = Object.fromEntries(Object.entries(schema.marks).map(([name, type]) => [name, attrs(type.spec)]));
    expect(marks).toEqual(Object.fromEntries(Object.entries(EDITOR_MARKS).map(([name, list]) => [name, [...list].sort()])));
  });
});
