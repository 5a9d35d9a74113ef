/**
 * The nodes and marks a section's text may hold, with the attributes of each: the editor's schema
 * (TipTap's StarterKit as `apps/web/src/editor/declarationStarterKit.ts` configures it, plus the
 * `sid` of every textblock). The server refuses anything else inside a section fragment (A14), and
 * a test checks that this list and the editor's schema are the same, so neither can drift.
 */
export const EDITOR_NODES: Readonly<Record<string, readonly string[]>> = {
  paragraph: ['sid'],
  heading: ['level', 'sid'],
  bulletList: [],
  orderedList: ['start', 'type'],
  listItem: [],
  hardBreak: [],
};

/** Marks, stored by the binding as formatting attributes of the text, with their attributes. */
export const EDITOR_MARKS: Readonly<Record<string, readonly string[]>> = {
  bold: [],
  italic: [],
};
