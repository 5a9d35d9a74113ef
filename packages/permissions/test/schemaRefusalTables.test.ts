/**
 * Tables and superscript inside a section (A14): the shapes the editor writes are accepted (see
 * also apps/web/test/tableWrites.test.ts, which writes through the real binding), and anything
 * else a crafted client could put in a table is refused.
 */
import { createDeclaration } from '@accord/model/createDeclaration';
import { getFragment } from '@accord/model/declarationLayout';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planIntegration } from '../src/planIntegration';
import { schemaRefusal } from '../src/schemaRefusal';

/** What `edit` on a fresh client would send, and the schema check's verdict on it. */
function verdict(edit: (fragment: Y.XmlFragment) => void): string | null {
  const server = new Y.Doc();
  createDeclaration(server, { title: { fr: 'Déclaration', ja: '宣言' } });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  edit(getFragment(client, 'workshop-1', 'fr'));
  const plan = planIntegration(server, Y.encodeStateAsUpdate(client, before));
  expect(plan.malformed).toBeNull();
  return schemaRefusal(plan.items);
}

const set = (element: Y.XmlElement, key: string, value: unknown) => element.setAttribute(key, value as string);

/** A one-row table whose cell gets `cellAttributes`, as the binding stores them (numbers stay numbers). */
function table(cellAttributes: Record<string, unknown>, cellType = 'tableCell'): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.setAttribute('sid', 'sCell');
  const text = new Y.XmlText();
  text.insert(0, '8');
  text.insert(1, 'e', { superscript: {} });
  paragraph.insert(0, [text]);
  const cell = new Y.XmlElement(cellType);
  for (const [key, value] of Object.entries(cellAttributes)) set(cell, key, value);
  cell.insert(0, [paragraph]);
  const row = new Y.XmlElement('tableRow');
  row.insert(0, [cell]);
  const tableElement = new Y.XmlElement('table');
  tableElement.insert(0, [row]);
  return tableElement;
}

describe('schemaRefusal: tables and superscript (A14)', () => {
  it('accepts header and body cells with their spans, widths, alignment, and superscript text', () => {
    expect(verdict((f) => f.insert(0, [table({ colspan: 1, rowspan: 1 }, 'tableHeader')]))).toBeNull();
    expect(verdict((f) => f.insert(0, [table({ colspan: 2, rowspan: 3, colwidth: [120, 0], align: 'center' })]))).toBeNull();
  });

  it('refuses foreign attributes on tables, rows and cells', () => {
    expect(verdict((f) => f.insert(0, [table({ style: 'background:url(x)' })]))).toMatch(/tableCell has no attribute "style"/);
    expect(
      verdict((f) => {
        const t = table({});
        set(t, 'onclick', 'steal()');
        f.insert(0, [t]);
      }),
    ).toMatch(/table has no attribute "onclick"/);
    expect(
      verdict((f) => {
        f.insert(0, [table({})]);
        set((f.get(0) as Y.XmlElement).get(0) as Y.XmlElement, 'class', 'x');
      }),
    ).toMatch(/tableRow has no attribute "class"/);
  });

  it('refuses cell attribute values prosemirror-tables could not compute with', () => {
    for (const [attributes, key] of [
      [{ colspan: '2' }, 'colspan'],
      [{ colspan: 0 }, 'colspan'],
      [{ rowspan: 1.5 }, 'rowspan'],
      [{ rowspan: 1e9 }, 'rowspan'],
      [{ colwidth: 'wide' }, 'colwidth'],
      [{ colwidth: [] }, 'colwidth'],
      [{ colwidth: [120, -1] }, 'colwidth'],
      [{ colwidth: [{ px: 1 }] }, 'colwidth'],
      [{ align: 'justify' }, 'align'],
    ] as const) {
      expect(verdict((f) => f.insert(0, [table(attributes)]))).toMatch(new RegExp(`"${key}" cannot be that value`));
    }
  });

  it('refuses nodes and marks tables elsewhere have but the editor does not', () => {
    expect(
      verdict((f) => {
        f.insert(0, [table({})]);
        (f.get(0) as Y.XmlElement).insert(0, [new Y.XmlElement('caption')]);
      }),
    ).toMatch(/"caption" is not a node/);
    expect(
      verdict((f) => {
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        text.insert(0, 'H2O', { subscript: {} });
        paragraph.insert(0, [text]);
        f.insert(0, [paragraph]);
      }),
    ).toMatch(/"subscript" is not a mark/);
    expect(
      verdict((f) => {
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        text.insert(0, 'e', { superscript: { style: 'x' } });
        paragraph.insert(0, [text]);
        f.insert(0, [paragraph]);
      }),
    ).toMatch(/mark "superscript" has no attribute "style"/);
  });
});
