import { Extension, getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { Bold } from '@tiptap/extension-bold';
import { Document } from '@tiptap/extension-document';
import { HardBreak } from '@tiptap/extension-hard-break';
import { Heading } from '@tiptap/extension-heading';
import { Italic } from '@tiptap/extension-italic';
import { BulletList } from '@tiptap/extension-list/bullet-list';
import { ListItem } from '@tiptap/extension-list/item';
import { ListKeymap } from '@tiptap/extension-list/keymap';
import { OrderedList } from '@tiptap/extension-list/ordered-list';
import { Paragraph } from '@tiptap/extension-paragraph';
import { Text } from '@tiptap/extension-text';
import { Dropcursor } from '@tiptap/extensions/drop-cursor';
import { Gapcursor } from '@tiptap/extensions/gap-cursor';
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
        // StarterKit's extensions that a declaration uses, in StarterKit's order, imported one by
        // one: StarterKit imports all of its extensions whatever is switched off, and those weighed
        // about 35 KB (the link extension and linkifyjs most) in a first visit on conference wifi.
        // Left out: history (Yjs's yUndo reverts only this user's edits); the trailing node (each
        // client would append its own empty paragraph after a list); blockquote, code, code block,
        // horizontal rule, link, strike and underline — a code block's text is no paragraph, and
        // "> " or "---" typed by accident would make blocks nobody asked for.
        Bold,
        BulletList,
        Document,
        Dropcursor,
        Gapcursor,
        HardBreak,
        Heading.configure({ levels: [2, 3] }),
        Italic,
        ListItem,
        ListKeymap,
        OrderedList,
        Paragraph,
        Text,
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
