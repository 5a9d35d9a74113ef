import { fragmentName, type Lang } from '@accord/model/declarationLayout';
import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { DeclarationConnection } from '../sync/DeclarationConnection';
import type { LocalUser } from '../user/localUser';
import { CompositionHoldExtension } from './compositionHoldExtension';
import { renderCaret } from './renderCaret';
import { TranslationFlagsExtension } from '../translation/TranslationFlagsExtension';
import { declarationStarterKit } from './declarationStarterKit';
import { SidExtension } from './sidExtension';
import { NbspExtension } from '../typography/NbspExtension';

/** The TipTap extensions of the editor for one section in one language. */
export function editorExtensions(connection: DeclarationConnection, sectionId: string, lang: Lang, user: LocalUser): Extensions {
  return [
    declarationStarterKit(),
    Collaboration.configure({ document: connection.doc, field: fragmentName(sectionId, lang) }),
    CollaborationCaret.configure({ provider: connection.provider, user, render: renderCaret }),
    SidExtension,
    TranslationFlagsExtension,
    CompositionHoldExtension,
    NbspExtension,
  ];
}
