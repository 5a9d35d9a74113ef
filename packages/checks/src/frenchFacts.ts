import type { CountFact, CountNoun, DateFact, NumberFact, OrdinalFact, TextFacts } from './Facts';
import { FRENCH_NUMBER_WORDS, FRENCH_ORDINAL_WORDS, frenchOrdinalWordValue, frenchWordsValue, romanValue } from './frenchNumberWords';
import { maskAddresses, narrowDigits } from './mask';
import { FRENCH_MONTHS, FRENCH_WEEKDAYS } from './months';

const MONTH = Object.keys(FRENCH_MONTHS).join('|');
const WEEKDAY = Object.keys(FRENCH_WEEKDAYS).join('|');
const DAY = String.raw`1er|\d{1,2}`;
/** « mardi 19 novembre 2024 », « du 18 au 21 novembre 2024 », « novembre 2024 », « 18/11/2024 ». */
const DATE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:(?:(${WEEKDAY})\s+)?(${DAY})(?:\s*(?:au|et|-|–|à)\s*(?:(${WEEKDAY})\s+)?(${DAY}))?\s+)?(${MONTH})(?:\s+(\d{4}))?(?![\p{L}\d])` +
    String.raw`|(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)`,
  'giu',
);
/** 8e, 8ème, 1er, 1ères, 2nd; VIIIe, XXIe, Ier (single Roman letters other than I, V, X are words: « Le », « Ce »). */
const ORDINAL = /(?<![\p{L}\d])(?:(\d+)|([IVXLC]{2,}|[IVX]))(?:e|è|ème|eme|er|re|ère|nd|nde)s?(?![\p{L}\d])/gu;
/** A figure: French thousands (« 1 000 », with a space, NBSP or NNBSP), decimals with a comma. */
const NUMBER = /(?<![\d,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])(?:,\d+)?|(?<![\d])\d+(?:,\d+)?/gu;
const MULTIPLIER = /^[ \u00a0\u202f]*(millions?|milliards?)(?![\p{L}])/iu;
const RENCONTRE = /^[^.;:!?]{0,40}?\brencontres?\b/iu;

const COUNT_NOUNS: Array<[RegExp, CountNoun]> = [
  [/^(?:collectivités?|communes?|municipalités?)(?![\p{L}])/iu, 'collectivities'],
  [/^(?:participants?|participantes?|personnes|délégués?|déléguées?)(?![\p{L}])/iu, 'participants'],
  [/^pays(?![\p{L}])/iu, 'countries'],
  [/^villes?(?![\p{L}])/iu, 'cities'],
];
const COUNT_NUMBER = /(?<![\d,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)[ \u00a0\u202f]+/gu;
/** « … et (de) M », closing « N collectivités japonaises et M françaises ». */
const PAIR_TAIL = /^[^.;:!?\d]{0,60}?\set\s+(?:de\s+|d['’]\s*)?(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?![\d,])/iu;

const toNumber = (digits: string) => Number(digits.replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
const dayValue = (text: string) => (text.toLowerCase() === '1er' ? 1 : Number(text));

/** What a French text says in figures: dates first, then ordinals, then the remaining figures. */
export function frenchFacts(input: string): TextFacts {
  let text = narrowDigits(maskAddresses(input));
  const dates: DateFact[] = [];
  const ordinals: OrdinalFact[] = [];
  const numbers: NumberFact[] = [];
  const counts = frenchCounts(text);

  text = text.replace(DATE, (match, wd1?: string, d1?: string, wd2?: string, d2?: string, month?: string, year?: string, nd?: string, nm?: string, ny?: string) => {
    if (nd && nm && ny) {
      dates.push({ year: Number(ny), month: Number(nm), day: Number(nd), weekday: null, text: match });
    } else if (month) {
      const m = FRENCH_MONTHS[month.toLowerCase()] ?? 0;
      const y = year ? Number(year) : null;
      const weekday = (w?: string) => (w ? (FRENCH_WEEKDAYS[w.toLowerCase()] ?? null) : null);
      if (d1) dates.push({ year: y, month: m, day: dayValue(d1), weekday: weekday(wd1), text: match });
      if (d2) dates.push({ year: y, month: m, day: dayValue(d2), weekday: weekday(wd2), text: match });
      if (!d1) dates.push({ year: y, month: m, day: null, weekday: null, text: match });
    }
    return ' '.repeat(match.length);
  });

  text = text.replace(ORDINAL, (match, digits?: string, roman?: string, offset?: number) => {
    const value = digits ? Number(digits) : romanValue(roman ?? '');
    if (value === null) return match;
    ordinals.push({ value, text: match, soft: false, edition: RENCONTRE.test(text.slice((offset ?? 0) + match.length)) });
    return ' '.repeat(match.length);
  });
  text = text.replace(FRENCH_ORDINAL_WORDS, (match, offset: number) => {
    const value = frenchOrdinalWordValue(match);
    if (value !== null) ordinals.push({ value, text: match, soft: true, edition: RENCONTRE.test(text.slice(offset + match.length)) });
    return ' '.repeat(match.length);
  });

  for (const m of text.matchAll(NUMBER)) {
    const multiplier = MULTIPLIER.exec(text.slice((m.index ?? 0) + m[0].length));
    const factor = multiplier ? (multiplier[1]?.toLowerCase().startsWith('milliard') ? 1e9 : 1e6) : 1;
    numbers.push({ value: Math.round(toNumber(m[0]) * factor * 1000) / 1000, text: m[0], soft: false });
  }
  for (const m of text.matchAll(FRENCH_NUMBER_WORDS)) {
    const value = frenchWordsValue(m[0]);
    if (value !== null) numbers.push({ value, text: m[0], soft: true });
  }
  return { dates, numbers, ordinals, counts };
}

function nounAt(text: string): CountNoun | null {
  for (const [pattern, noun] of COUNT_NOUNS) if (pattern.test(text)) return noun;
  return null;
}

/** « 35 collectivités … et (de) 19 … »: pairs and single counts of collectivités, participants, pays, villes. */
function frenchCounts(text: string): CountFact[] {
  const counts: CountFact[] = [];
  let skipUntil = -1;
  for (const m of text.matchAll(COUNT_NUMBER)) {
    const start = m.index ?? 0;
    if (start < skipUntil) continue;
    const end = start + m[0].length;
    const noun = nounAt(text.slice(end));
    if (!noun) continue;
    const value = toNumber(m[1] ?? '');
    const tail = PAIR_TAIL.exec(text.slice(end));
    if (tail) {
      const other = toNumber(tail[1] ?? '');
      const tailEnd = end + tail.index + tail[0].length;
      counts.push({ value, noun, text: m[0].trim(), partner: other });
      counts.push({ value: other, noun, text: tail[1] ?? '', partner: value });
      skipUntil = tailEnd;
    } else {
      counts.push({ value, noun, text: `${m[0]}${/^[\p{L}]+/u.exec(text.slice(end))?.[0] ?? ''}`, partner: null });
    }
  }
  return counts;
}


