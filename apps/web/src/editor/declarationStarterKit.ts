import { Extension, getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { Superscript } from '@tiptap/extension-superscript';
import { TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { DeclarationTable } from '../tables/DeclarationTable';
import { SidExtension } from './sidExtension';

/**
 * The nodes and marks of a section's text, as StarterKit is configured for a declaration, plus
 * tables and superscript (the `sid` attribute comes from `SidExtension`). The server accepts
 * exactly what these make inside section fragments (A14), from their list in
 * `packages/model/src/editorSchema.ts`; a test compares the two.
 */
export function declarationStarterKit(): Extension {
  return Extension.create({
    name: 'declarationKit',
    addExtensions() {
      return [
        StarterKit.configure({
          // History comes from Yjs (Collaboration's yUndo): undo reverts only this user's edits.
          undoRedo: false,
          heading: { levels: [2, 3] },
          // Each client would append its own empty paragraph to every section that ends with a list.
          trailingNode: false,
          // Only what a declaration uses and the model reads as segments: a code block's text is no
          // paragraph, and "> " or "---" typed by accident would make blocks nobody asked for.
          blockquote: false,
          codeBlock: false,
          code: false,
          horizontalRule: false,
          link: false,
          strike: false,
          underline: false,
        }),
        // Tables of interventions (Chartres 2012): no resizing, so no column widths are written
        // by this editor (a pasted table may still bring `colwidth`, which the server accepts as
        // the binding stores it). A cell holds paragraphs only: each is one segment with its sid.
        DeclarationTable,
        TableRow,
        TableHeader.extend({ content: 'paragraph+' }),
        TableCell.extend({ content: 'paragraph+' }),
        // French ordinals: « 8ᵉ Rencontres », « 1ʳᵉˢ ». Mod-. toggles it.
        Superscript,
      ];
    },
  });
}

/** The ProseMirror schema of a section's editor: what a section may hold. */
export function editorSchema(): Schema {
  return getSchema([declarationStarterKit(), SidExtension]);
}
