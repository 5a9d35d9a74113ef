/** French number words from two upwards (« un », « une » are articles far more often than numbers). */
const UNITS: Record<string, number> = {
  deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40,
  cinquante: 50, soixante: 60, cent: 100, cents: 100, mille: 1000, un: 1, et: 0,
};

/** Ordinal words: « premier » … « vingtième », « second ». */
const ORDINAL_WORDS: Record<string, number> = {
  premier: 1, première: 1, premiers: 1, premières: 1, second: 2, seconde: 2, seconds: 2, secondes: 2,
};
for (const [word, value] of Object.entries(UNITS)) {
  if (value < 2 || value > 1000) continue;
  const stem = word.endsWith('e') ? word.slice(0, -1) : word === 'cinq' ? 'cinqu' : word === 'neuf' ? 'neuv' : word;
  ORDINAL_WORDS[`${stem}ième`] = value;
  ORDINAL_WORDS[`${stem}ièmes`] = value;
}

/** Matches a run of number words joined by hyphens or spaces (« vingt-cinq », « trois cents »). */
const NUMBER_WORD = Object.keys(UNITS).filter((w) => w !== 'et' && w !== 'un').join('|');
export const FRENCH_NUMBER_WORDS = new RegExp(
  `(?<![\\p{L}])(?:${NUMBER_WORD})(?:[- ]et[- ]un(?![\\p{L}])|[- ](?:${NUMBER_WORD})(?![\\p{L}]))*(?![\\p{L}])`,
  'giu',
);

export const FRENCH_ORDINAL_WORDS = new RegExp(`(?<![\\p{L}])(?:${Object.keys(ORDINAL_WORDS).join('|')})(?![\\p{L}])`, 'giu');

/** The value of a run `FRENCH_NUMBER_WORDS` matched, or `null` when it does not read as one number. */
export function frenchWordsValue(run: string): number | null {
  let total = 0;
  let current = 0;
  for (const word of run.toLowerCase().split(/[- ]/)) {
    const value = UNITS[word];
    if (value === undefined) return null;
    if (value === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else if (value === 100) current = (current || 1) * 100;
    else if (value === 20 && current % 100 === 4) current = current - 4 + 80; // quatre-vingt(s)
    else current += value;
  }
  const result = total + current;
  return result > 0 ? result : null;
}

export function frenchOrdinalWordValue(word: string): number | null {
  return ORDINAL_WORDS[word.toLowerCase()] ?? null;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** The value of an upper-case Roman numeral (I … CCCXCIX), or `null` when it is not well formed. */
export function romanValue(text: string): number | null {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN[text[i] ?? ''];
    const next = ROMAN[text[i + 1] ?? ''] ?? 0;
    if (value === undefined) return null;
    total += value < next ? -value : value;
  }
  return total > 0 ? total : null;
}
