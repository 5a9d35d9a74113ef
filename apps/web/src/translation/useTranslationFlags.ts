import { getFragment, type Lang } from '@accord/model/declarationLayout';
import { readSegments } from '@accord/model/readDeclaration';
import { confirmTranslation } from '@accord/model/translationState';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { translateHere } from '../tables/translateHere';
import type { Editor } from '@tiptap/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalUser } from '../user/localUser';
import type { TranslationStatus } from './TranslationStatus';
import { setTranslationFlags } from './translationFlagsPlugin';
import { useSectionTranslation } from './useTranslationStatus';

/**
 * Keeps the flags of one section editor in step with the declaration's translation state and the
 * interface language. Dispatches only when what the editor shows would change, so typing in a
 * paragraph whose flags stay the same costs no extra transaction.
 */
export function useTranslationFlags(
  editor: Editor,
  status: TranslationStatus,
  sectionId: string,
  lang: Lang,
  user: LocalUser,
  canConfirm: boolean,
  canWrite: boolean,
): void {
  const { t, i18n } = useTranslation();
  const section = useSectionTranslation(status, sectionId);
  // The confirmation is signed with the name the user has when they click, not at mount.
  const userRef = useRef(user);
  userRef.current = user;
  const language = i18n.language;

  useEffect(() => {
    if (editor.isDestroyed) return;
    const labels = {
      review: t('translation.needsReview'),
      confirm: t('translation.markUpToDate'),
      confirmHint: t('translation.markUpToDateHint'),
      untranslated: t('translation.untranslated'),
      translateHere: t('tables.translateHere'),
      translateHereHint: t('tables.translateHereHint'),
    };
    const onConfirm = (sid: string) => {
      const segment = status.currentSegment(sectionId, sid);
      if (segment) confirmTranslation(status.doc, segment, userRef.current.name);
    };
    // Read fresh at the click: the other language's text as it is then, through this editor's
    // schema, and a local edit of this editor, so the binding writes it like typing.
    const onTranslateHere = (sid: string) => {
      if (editor.isDestroyed || !editor.isEditable) return;
      const other = yXmlFragmentToProseMirrorRootNode(getFragment(status.doc, sectionId, lang === 'fr' ? 'ja' : 'fr'), editor.schema);
      const order = readSegments(status.doc, sectionId).map((s) => s.sid);
      const tr = translateHere(editor.state, other, order, sid);
      if (!tr) return;
      editor.view.dispatch(tr);
      editor.view.focus();
    };
    editor.view.dispatch(
      setTranslationFlags(editor.state.tr, {
        lang,
        section,
        labels,
        onConfirm: canConfirm ? onConfirm : null,
        onTranslateHere: canWrite ? onTranslateHere : null,
      }),
    );
    // `t` follows `language`; `section` keeps its identity until a flag would change.
  }, [editor, status, section, sectionId, lang, language, canConfirm, canWrite]);
}
