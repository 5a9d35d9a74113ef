import type { Lang } from '@accord/model/declarationLayout';
import { confirmTranslation } from '@accord/model/translationState';
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
    };
    const onConfirm = (sid: string) => {
      const segment = status.currentSegment(sectionId, sid);
      if (segment) confirmTranslation(status.doc, segment, userRef.current.name);
    };
    editor.view.dispatch(setTranslationFlags(editor.state.tr, { lang, section, labels, onConfirm: canConfirm ? onConfirm : null }));
    // `t` follows `language`; `section` keeps its identity until a flag would change.
  }, [editor, status, section, sectionId, lang, language, canConfirm]);
}
