import type { Lang } from '@accord/model/declarationLayout';
import { LruCache } from '@accord/model/LruCache';
import { tokenize } from './tokenize';

/**
 * What the remembered tokens may weigh, counted as a text's characters plus, for each token, a
 * string and an array slot (about 16 characters' worth): several versions of a 60 KB
 * declaration, a few MB in all. A Japanese text has about a token per two characters, so counting
 * characters alone undercounted it many times over.
 */
const CACHED_CHARACTERS = 4_000_000;
const TOKEN_WEIGHT = 16;

/**
 * One cache per language, keyed by the text itself: a key built by concatenation would be a new
 * string to hash in full on every look-up, while a text read from a remembered version is the same
 * string each time, its hash computed once.
 */
const caches: Record<Lang, LruCache<string, readonly string[]>> = {
  fr: new LruCache(CACHED_CHARACTERS / 2, (text, tokens) => text.length + tokens.length * TOKEN_WEIGHT),
  ja: new LruCache(CACHED_CHARACTERS / 2, (text, tokens) => text.length + tokens.length * TOKEN_WEIGHT),
};

/**
 * `tokenize`, remembered. Tokenising is nearly all the cost of a diff (ICU word segmentation of
 * Japanese above all), and the same texts come back: the old side of « since my last visit » is
 * the same saved version for every report until the member moves their mark, the compare view
 * diffs the same two versions again and again. Tokens are a pure function of text and language,
 * so a remembered list is exactly what tokenising again would give; it is frozen, so no caller can
 * change what the next one reads.
 */
export function cachedTokenize(text: string, lang: Lang): readonly string[] {
  const cache = caches[lang];
  let tokens = cache.get(text);
  if (!tokens) {
    tokens = Object.freeze(tokenize(text, lang));
    cache.set(text, tokens);
  }
  return tokens;
}
