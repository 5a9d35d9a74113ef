import { kanji2number } from '@geolonia/japanese-numeral';
import type { CountFact, CountNoun, DateFact, NumberFact, OrdinalFact, TextFacts } from './Facts';
import { ERA_NAMES, eraToGregorian } from './japaneseEras';
import { maskAddresses, narrowDigits } from './mask';
import { JAPANESE_WEEKDAYS } from './months';

/** Arabic figures (full-width ones are narrowed first), with 万/億/千 groups: 1万2千, 150万, 3,000. */
const ARABIC = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:[万億兆千百]\d*)*|\d+(?:\.\d+)?(?:[万億兆千百]\d*)*`;
const KANJI = '[〇一二三四五六七八九十百千万億兆]+';
const FIGURE = `(?:${ARABIC}|${KANJI})`;
const WEEKDAY = String.raw`(?:\s*[（(]([月火水木金土日])(?:曜日?)?[）)])?`;
const RANGE = String.raw`\s*(?:から|～|〜|~|－|-|–|—)\s*`;
/** 2024年11月18日（月）から21日, 令和6年11月18日, 11月18日～21日, 2023年12月, 十一月. */
const DATE = new RegExp(
  String.raw`(?:(?:(${ERA_NAMES})(元|\d+|${KANJI})年|(\d{4}|[〇一二三四五六七八九]{4})年)\s*)?(?<![\d〇一二三四五六七八九十])(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(\d{1,2}|${KANJI})日)?${WEEKDAY}` +
    String.raw`(?:${RANGE}(?:(\d{1,2})月)?(\d{1,2}|${KANJI})日${WEEKDAY})?`,
  'gu',
);
/** An era year alone (令和6年, 平成元年): a year, as a figure. */
const ERA_YEAR = new RegExp(String.raw`(${ERA_NAMES})(元|\d+|${KANJI})年`, 'gu');
/** 第8回, 第八回, 8回目, 二つ目, 3番目. */
const ORDINAL = new RegExp(String.raw`第\s*(${FIGURE})\s*(回)?|(${FIGURE})\s*(?:つ目|番目|(回)目|度目)`, 'gu');
/**
 * The words after which a kanji numeral is a number. Kanji numerals elsewhere are words: 一般,
 * 十分 (enough; 分 is left out on purpose), 唯一, 統一; 参 of 参加 is not in the numeral class at all.
 */
const COUNTER = String.raw`(?:の)?(?:年|か月|ヶ月|カ月|回|名|人|か国|カ国|ヶ国|ケ国|自治体|市町村|都市|団体|件|つ|個|項目|歳|％|%|円|ユーロ|ドル|倍|割|世紀|点|本|校|社|か所|カ所|箇所|週間|時間|時|日間|分野|テーマ|パネル|分科会|言語|期)`;
const NUMBER = new RegExp(String.raw`${ARABIC}|(?<![数幾])${KANJI}(?=${COUNTER})`, 'gu');

const COUNT_NOUNS: Record<string, CountNoun> = {
  自治体: 'collectivities', 市町村: 'collectivities', 団体: 'collectivities',
  名: 'participants', 人: 'participants',
  か国: 'countries', カ国: 'countries', ヶ国: 'countries', ケ国: 'countries',
  都市: 'cities',
};
const COUNT = new RegExp(
  String.raw`(${ARABIC}|(?<![数幾])${KANJI})\s*(?:の)?\s*(?:(?:日本|フランス|仏|日|国内|海外)(?:側)?(?:の)?)?\s*(${Object.keys(COUNT_NOUNS).join('|')})`,
  'gu',
);
const PAIR_TAIL = new RegExp(String.raw`^\s*(?:と|及び|および|並びに|ならびに)\s*[^\d。、]{0,12}?(${ARABIC}|${KANJI})`, 'u');

/** The value of a Japanese figure (Arabic, kanji or mixed), or `null` when it does not parse. */
export function japaneseNumberValue(figure: string): number | null {
  const plain = figure.replace(/,/g, '');
  if (/^\d+(?:\.\d+)?$/.test(plain)) return Number(plain);
  const decimal = /^(\d+\.\d+)([万億兆])$/.exec(plain);
  if (decimal) return Number(decimal[1]) * ({ 万: 1e4, 億: 1e8, 兆: 1e12 } as const)[decimal[2] as '万' | '億' | '兆'];
  try {
    const value = kanji2number(plain);
    return Number.isFinite(value) ? value : null;
  } catch {
    // Not a numeral after all (a kanji run such as 千万千): a word, not a figure.
    return null;
  }
}

const blankOut = (m: string) => ' '.repeat(m.length);

/** What a Japanese text says in figures: dates and era years first, then ordinals, then figures. */
export function japaneseFacts(input: string): TextFacts {
  let text = narrowDigits(maskAddresses(input));
  const dates: DateFact[] = [];
  const ordinals: OrdinalFact[] = [];
  const numbers: NumberFact[] = [];
  const counts = japaneseCounts(text);
  const weekday = (w?: string) => (w ? (JAPANESE_WEEKDAYS[w] ?? null) : null);

  text = text.replace(DATE, (match, era?: string, eraYear?: string, year?: string, month?: string, day?: string, wd?: string, month2?: string, day2?: string, wd2?: string) => {
    const y = era ? eraToGregorian(era, eraYear === '元' ? 1 : (japaneseNumberValue(eraYear ?? '') ?? 0)) : year ? japaneseNumberValue(year) : null;
    const m = japaneseNumberValue(month ?? '') ?? 0;
    const d = day ? japaneseNumberValue(day) : null;
    dates.push({ year: y, month: m, day: d, weekday: weekday(wd), text: match });
    if (day2) dates.push({ year: y, month: month2 ? Number(month2) : m, day: japaneseNumberValue(day2), weekday: weekday(wd2), text: match });
    return blankOut(match);
  });
  text = text.replace(ERA_YEAR, (match, era: string, n: string) => {
    const year = eraToGregorian(era, n === '元' ? 1 : (japaneseNumberValue(n) ?? 0));
    if (year !== null) numbers.push({ value: year, text: match, soft: false });
    return blankOut(match);
  });
  text = text.replace(ORDINAL, (match, first?: string, firstKai?: string, second?: string, secondKai?: string) => {
    const value = japaneseNumberValue(first ?? second ?? '');
    if (value === null) return match;
    ordinals.push({ value, text: match, soft: false, edition: Boolean(firstKai ?? secondKai) });
    return blankOut(match);
  });
  for (const m of text.matchAll(NUMBER)) {
    const value = japaneseNumberValue(m[0]);
    if (value === null) continue;
    // 一 is a numeral in 一つ, 一人 but a word in 一層, 一緒, 一方: a one may match, never needs to.
    const kanji = !/\d/.test(m[0]);
    numbers.push({ value, text: m[0], soft: kanji && value === 1 });
  }
  return { dates, numbers, ordinals, counts };
}

/** 35の日本の自治体と19のフランスの自治体, 日本の35自治体, 120名: counts, and the pairs among them. */
function japaneseCounts(text: string): CountFact[] {
  const counts: CountFact[] = [];
  let skipUntil = -1;
  for (const m of text.matchAll(COUNT)) {
    const start = m.index ?? 0;
    if (start < skipUntil) continue;
    const value = japaneseNumberValue(m[1] ?? '');
    const noun = COUNT_NOUNS[m[2] ?? ''];
    if (value === null || !noun) continue;
    const end = start + m[0].length;
    const tail = PAIR_TAIL.exec(text.slice(end));
    const other = tail ? japaneseNumberValue(tail[1] ?? '') : null;
    if (tail && other !== null) {
      counts.push({ value, noun, text: m[0], partner: other });
      counts.push({ value: other, noun, text: tail[1] ?? '', partner: value });
      skipUntil = end + tail[0].length;
    } else {
      counts.push({ value, noun, text: m[0], partner: null });
    }
  }
  return counts;
}
