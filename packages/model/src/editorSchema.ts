/** A table cell's attributes, header or not (`@tiptap/extension-table`). */
const CELL_ATTRIBUTES = ['colspan', 'rowspan', 'colwidth', 'align'] as const;

/**
 * The nodes and marks a section's text may hold, with the attributes of each: the editor's schema
 * (TipTap's StarterKit, table and superscript extensions as `apps/web/src/editor/declarationStarterKit.ts`
 * configures them, plus the `sid` of every textblock). The server refuses anything else inside a
 * section fragment (A14), and a test checks that this list and the editor's schema are the same,
 * so neither can drift.
 */
export const EDITOR_NODES: Readonly<Record<string, readonly string[]>> = {
  paragraph: ['sid'],
  heading: ['level', 'sid'],
  bulletList: [],
  orderedList: ['start', 'type'],
  listItem: [],
  hardBreak: [],
  table: [],
  tableRow: [],
  tableHeader: CELL_ATTRIBUTES,
  tableCell: CELL_ATTRIBUTES,
};

/** Marks, stored by the binding as formatting attributes of the text, with their attributes. */
export const EDITOR_MARKS: Readonly<Record<string, readonly string[]>> = {
  bold: [],
  italic: [],
  superscript: [],
};

/** More columns or rows than a cell may span: no declaration's table comes near it. */
const MAX_SPAN = 100;

/**
 * Whether `value` is one the editor may store for the attribute `key` of a node (the binding
 * stores every non-null attribute as it is: numbers stay numbers, `colwidth` an array). Most
 * attributes take any plain value (string, finite number, boolean, null); a table cell's are
 * checked by shape, since prosemirror-tables computes with them: `colspan`/`rowspan` are integers
 * from 1, `colwidth` is `null` or one width (an integer ≥ 0, 0 for "not set") per spanned
 * column, `align` is `left`, `right`, `center` or `null`.
 */
export function isEditorAttributeValue(key: string, value: unknown): boolean {
  switch (key) {
    case 'colspan':
    case 'rowspan':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_SPAN;
    case 'colwidth':
      return (
        value === null ||
        (Array.isArray(value) && value.length >= 1 && value.length <= MAX_SPAN && value.every((w) => Number.isInteger(w) && w >= 0 && w <= 100_000))
      );
    case 'align':
      return value === null || value === 'left' || value === 'right' || value === 'center';
    default:
      return isPlainValue(value);
  }
}

/** A string, a finite number, a boolean or null: what an attribute of a node or mark may be. */
export function isPlainValue(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}
