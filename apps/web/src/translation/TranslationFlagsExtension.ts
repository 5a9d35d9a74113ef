import { Extension } from '@tiptap/core';
import { translationFlagsPlugin } from './translationFlagsPlugin';

/** Stale and untranslated segment flags; fed by `useTranslationFlags` through a transaction meta. */
export const TranslationFlagsExtension = Extension.create({
  name: 'translationFlags',
  addProseMirrorPlugins() {
    return [translationFlagsPlugin()];
  },
});
