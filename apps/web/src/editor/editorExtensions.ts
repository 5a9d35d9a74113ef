import { fragmentName, type Lang } from '@accord/model/declarationLayout';
import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import StarterKit from '@tiptap/starter-kit';
import type { DeclarationConnection } from '../sync/DeclarationConnection';
import type { LocalUser } from '../user/localUser';
import { CompositionHoldExtension } from './compositionHoldExtension';
import { renderCaret } from './renderCaret';
import { TranslationFlagsExtension } from '../translation/TranslationFlagsExtension';
import { SidExtension } from './sidExtension';

/** The TipTap extensions of the editor for one section in one language. */
export function editorExtensions(connection: DeclarationConnection, sectionId: string, lang: Lang, user: LocalUser): Extensions {
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
    Collaboration.configure({ document: connection.doc, field: fragmentName(sectionId, lang) }),
    CollaborationCaret.configure({ provider: connection.provider, user, render: renderCaret }),
    SidExtension,
    TranslationFlagsExtension,
    CompositionHoldExtension,
  ];
}
