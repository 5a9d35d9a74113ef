/**
 * The modern Japanese eras and the Gregorian year of their first year (元年). Parsing is ours: no
 * parser on npm works on Node 20. `Intl.DateTimeFormat('ja-JP-u-ca-japanese')` formats years the
 * same way; a test checks the table against it.
 */
export const ERAS: ReadonlyArray<{ name: string; firstYear: number }> = [
  { name: '明治', firstYear: 1868 },
  { name: '大正', firstYear: 1912 },
  { name: '昭和', firstYear: 1926 },
  { name: '平成', firstYear: 1989 },
  { name: '令和', firstYear: 2019 },
];

export const ERA_NAMES = ERAS.map((e) => e.name).join('|');

/** The Gregorian year of `era` year `n` (1 for 元年), or `null` for an unknown era. */
export function eraToGregorian(era: string, n: number): number | null {
  const found = ERAS.find((e) => e.name === era);
  return found ? found.firstYear + n - 1 : null;
}

const eraFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });

/** A Gregorian year as the Japanese calendar writes it (2024 → 令和6年), for messages. */
export function gregorianToEra(year: number): string {
  // Mid-year: the era changes of 1989 and 2019 happened early in the year.
  return eraFormat.format(new Date(Date.UTC(year, 6, 1)));
}
