/**
 * Japanese tokenisation (README rules T1, T2, T8–T12): `Intl.Segmenter('ja', word)` for words,
 * after a regex pre-scan that lifts out numbers, dates, ordinals and era years whole. The pre-scan
 * exists because ICU cuts 二〇二六年 into 二|〇|二|六年, 第十一回 into 第十|一回, 2026年11月21日
 * into six pieces: a diff over those pieces would scatter a changed date into digits.
 */

const ERAS = '令和|平成|昭和|大正|明治';
/** Half-width or full-width digits, with inner separators: 2,024.5 / ２０２６／１１ / 10:30. */
const ARABIC = '[0-9０-９]+(?:[,.，．:：/／-][0-9０-９]+)*';
const KANJI_DIGIT = '[〇一二三四五六七八九十百千万億兆]';
const NUM = `(?:${ARABIC}|${KANJI_DIGIT}+)`;
/** What may follow a year, a month or a day; 年間/年度 before 年 because alternation is ordered. */
const DATE_TAIL = `(?:年間|年度|年(?:${NUM}月(?:${NUM}日)?)?|月(?:${NUM}日)?|日間|日)`;
/** Counters and units that belong with the number before them (longest spellings first). */
const COUNTER =
  '(?:周年|か国|カ国|ヶ国|ヵ国|か月|カ月|ヶ月|ヵ月|回目|番目|週間|時間|回|人|名|件|歳|倍|割|度|時|分|秒|号|条|章|項|期|位|円|ドル|ユーロ|％|%|点|つ|部|校|社|都市)';
/**
 * A kanji numeral may start a token only if no other kanji precedes it (except 約, 第, 各, 毎, 全,
 * 計, 満, 翌 which read naturally before a number), so 同一人物 or 統一年 are left to the segmenter
 * instead of yielding 一人 / 一年. The inner lookahead excludes those prefixes from "other kanji".
 */
const KANJI_START = '(?<!(?![約第各毎全計満翌])\\p{sc=Han})';
/** An Arabic number never starts inside a Latin word or another number ("G7", "A2026"). */
const ARABIC_START = '(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９])';

/** The pre-scan: each alternative is a whole token (rules T8–T10). */
const NUMERIC = new RegExp(
  [
    // T9: era year, optionally with month and day: 令和8年, 令和元年度, 平成三十一年四月.
    `(?:${ERAS})(?:元|${NUM})年(?:度|${NUM}月(?:${NUM}日)?)?`,
    // T10: ordinal, optionally with its counter: 第十一回, 第9回, 第一.
    `第${NUM}${COUNTER}?`,
    // T8: Arabic number, alone or with a date tail or counter: 2026年11月21日, ２０２６, 3割.
    `${ARABIC_START}${ARABIC}(?:${DATE_TAIL}|${COUNTER})?`,
    // T8: kanji numeral with a date tail or counter: 二〇二六年, 十一月二十一日, 百二十五人.
    `${KANJI_START}${KANJI_DIGIT}+(?:${DATE_TAIL}|${COUNTER})`,
    // T8: a bare kanji numeral of two characters or more: 二〇二六, 三十.
    `${KANJI_START}${KANJI_DIGIT}{2,}`,
  ].join('|'),
  'gu',
);

const SEGMENTER = new Intl.Segmenter('ja', { granularity: 'word' });
const WHITESPACE = /^\s+$/u;

/**
 * Splits Japanese text into tokens. Contract: `tokens.join('') === text`, no token is empty, a
 * whitespace run is one token (rule T2), numbers come whole from the pre-scan (rules T8–T10), the
 * rest is ICU's word segmentation (rule T11), and a digit run is never split (rule T12).
 */
export function tokenizeJapanese(text: string): string[] {
  const tokens: string[] = [];
  let pos = 0;
  for (const match of text.matchAll(NUMERIC)) {
    segmentInto(tokens, text.slice(pos, match.index));
    tokens.push(match[0]);
    pos = match.index + match[0].length;
  }
  segmentInto(tokens, text.slice(pos));
  return tokens;
}

/** Appends the ICU word segments of `text`, joining consecutive whitespace segments (rule T2). */
function segmentInto(tokens: string[], text: string): void {
  for (const { segment } of SEGMENTER.segment(text)) {
    const last = tokens[tokens.length - 1];
    if (last !== undefined && WHITESPACE.test(last) && WHITESPACE.test(segment)) {
      tokens[tokens.length - 1] = last + segment;
    } else {
      tokens.push(segment);
    }
  }
}
