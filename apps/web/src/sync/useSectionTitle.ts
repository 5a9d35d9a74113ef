import type { Bilingual, Lang } from '@accord/model/declarationLayout';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useYMapString } from './useYMapString';

/**
 * A section's two titles, live, and the one to show in this interface: the title in the interface
 * language (French for English), else the other one, else "untitled". `lang` is the language of
 * the one shown.
 */
export function useSectionTitle(title: Y.Map<string> | null): { titles: Bilingual; text: string; lang: Lang } {
  const { t, i18n } = useTranslation();
  const titles = { fr: useYMapString(title, 'fr'), ja: useYMapString(title, 'ja') };
  const preferred: Lang = i18n.language === 'ja' ? 'ja' : 'fr';
  const other: Lang = preferred === 'fr' ? 'ja' : 'fr';
  if (titles[preferred]) return { titles, text: titles[preferred], lang: preferred };
  if (titles[other]) return { titles, text: titles[other], lang: other };
  return { titles, text: t('editor.untitled'), lang: preferred };
}
