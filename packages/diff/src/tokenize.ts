import type { Lang } from '@accord/model/declarationLayout';
import { tokenizeFrench } from './tokenizeFrench';
import { tokenizeJapanese } from './tokenizeJapanese';

/**
 * Splits `text` into the tokens a diff compares, by the rules of `lang` (README, rules T1–T12).
 * Contract: `tokenize(text, lang).join('') === text` and no token is empty, for any string.
 */
export function tokenize(text: string, lang: Lang): string[] {
  return lang === 'fr' ? tokenizeFrench(text) : tokenizeJapanese(text);
}
