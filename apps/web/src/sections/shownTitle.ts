import type { Bilingual } from '@accord/model/declarationLayout';

/** The title to name a section by in the interface language (French for English), else the other one; `""` when untitled. */
export function shownTitle(titles: Bilingual, uiLanguage: string): string {
  const preferred = uiLanguage === 'ja' ? titles.ja : titles.fr;
  return preferred || (uiLanguage === 'ja' ? titles.fr : titles.ja);
}
