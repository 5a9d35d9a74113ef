import type { Bilingual, Lang } from '@accord/model/declarationLayout';

/**
 * The two titles of a bilingual pair, the one in the interface language first (French for an
 * English interface: the declaration is drafted in French first). An empty side is skipped.
 */
export function orderedTitles(title: Bilingual, uiLanguage: string): Array<{ lang: Lang; text: string }> {
  const first: Lang = uiLanguage === 'ja' ? 'ja' : 'fr';
  const second: Lang = first === 'fr' ? 'ja' : 'fr';
  return [
    { lang: first, text: title[first] },
    { lang: second, text: title[second] },
  ].filter((entry) => entry.text.trim() !== '');
}
