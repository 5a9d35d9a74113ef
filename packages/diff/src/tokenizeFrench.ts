/**
 * French tokenisation (README rules T1–T7). Hand-written rather than `Intl.Segmenter('fr')`,
 * because ICU keeps elisions glued to their word (`l'État` is one segment) and glues digits across
 * a narrow no-break space (`1 000`) while splitting dates; we want the opposite on both counts so a
 * diff reads as "l' → d'" or "21 novembre 2024 → 22 novembre 2024".
 */

/** Characters joining the day, month and year of a date, and the groups of a number (rule T4, T5). */
const DATE_SPACE = '[ \\u00A0\\u202F]';
const MONTHS = 'janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre';
const DIGIT = '[0-9０-９]';
/** Not preceded / followed by a letter, mark or digit: a whole word, not the middle of one. */
const WORD_START = '(?<![\\p{L}\\p{M}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{M}\\p{N}])';

/**
 * The rules, tried in this order at each position; the first that matches there wins. Each is a
 * sticky regex so it only ever matches at the current position.
 */
const RULES: readonly RegExp[] = [
  // T2: a whitespace run, no-break spaces (U+00A0, U+202F) included, is one token.
  /\s+/uy,
  // T4: a date — "21 novembre 2024", "1er mai", "novembre 2024" — is one token.
  new RegExp(
    `${WORD_START}(?:(?:1er|[0-9]{1,2})${DATE_SPACE}(?:${MONTHS})(?:${DATE_SPACE}[0-9]{4})?|(?:${MONTHS})${DATE_SPACE}[0-9]{4})${WORD_END}`,
    'iuy',
  ),
  // T5: a number with its thousands groups (only after a no-break space, the French typographic
  // separator: a plain space is too ambiguous, "en 2024 300 délégués"), its decimals, and a
  // trailing ordinal or unit suffix ("11e", "1res", "9es", "XXIe" falls under T6).
  new RegExp(`${DIGIT}+(?:[\\u00A0\\u202F]${DIGIT}{3}(?!${DIGIT}))*(?:[,.]${DIGIT}+)*[\\p{L}\\p{M}]*`, 'uy'),
  // T3: an elision with its apostrophe (' or ’), when a word follows: "l'", "qu'", "jusqu’".
  new RegExp(`${WORD_START}(?:jusqu|lorsqu|puisqu|quoiqu|qu|[cdjlmnst])['’](?=[\\p{L}\\p{N}])`, 'iuy'),
  // T6: a word: letters, marks and digits, with apostrophes inside it ("aujourd'hui").
  /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/uy,
  // T7: anything else (punctuation, symbols, a hyphen) is one code point per token.
  /[\s\S]/uy,
];

/**
 * Splits French text into tokens. Contract: `tokens.join('') === text`, and no token is empty.
 */
export function tokenizeFrench(text: string): string[] {
  const tokens: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    const token = matchAt(text, pos);
    tokens.push(token);
    pos += token.length;
  }
  return tokens;
}

function matchAt(text: string, pos: number): string {
  for (const rule of RULES) {
    rule.lastIndex = pos;
    const match = rule.exec(text);
    if (match !== null && match[0] !== '') return match[0];
  }
  // Unreachable: the last rule matches any code point. Kept so the loop always advances.
  return text.charAt(pos);
}
