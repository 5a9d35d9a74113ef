/**
 * What marks a line as a heading when the text has no markup (plain text, or a bold line), and
 * the number it carries. One home for these patterns: the text parser and section detection
 * both read them.
 */

const KANJI_DIGITS = '〇一二三四五六七八九';

/** `一` → 1 … `十二` → 12; full-width digits too. `null` when `s` is not a small number. */
export function smallNumber(s: string): number | null {
  const ascii = s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d{1,3}$/.test(ascii)) return Number(ascii);
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || s === '') return null;
  const tens = m[2] ? (m[1] ? KANJI_DIGITS.indexOf(m[1]) : 1) : 0;
  const units = m[2] ? (m[3] ? KANJI_DIGITS.indexOf(m[3]) : 0) : KANJI_DIGITS.indexOf(m[1]!);
  return tens * 10 + units;
}

const NUM = '[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}';

/** « Atelier 2 : … », « Session 2 — … », 分科会2 / 第2分科会 / 分科会二: a workshop and its number. */
export function workshopNumber(plain: string): number | null {
  const fr = /^\s*(?:atelier|session|table ronde)\s*(?:n[°o]\s*)?([0-9]{1,2})\b/iu.exec(plain);
  if (fr) return Number(fr[1]);
  const ja = new RegExp(`^\\s*(?:第\\s*(${NUM})\\s*分科会|分科会\\s*(${NUM}))`, 'u').exec(plain);
  if (ja) return smallNumber((ja[1] ?? ja[2])!);
  return null;
}

/** « 2. Société ~ … », « 2) … », ２．, 二、: the number heading a short numbered line. */
export function numberedHeading(plain: string): { number: number; rest: string } | null {
  const m = new RegExp(`^\\s*(${NUM})\\s*[.)．、]\\s*(.+)$`, 'u').exec(plain);
  if (!m) return null;
  const number = smallNumber(m[1]!);
  const rest = m[2]!.trim();
  if (number === null || rest.length > 110 || /[.;,:。、]$/u.test(rest)) return null;
  return { number, rest };
}

/** A line in capitals (« THÈME GÉNÉRAL », « 8e RENCONTRES … »), as framing notes title their parts. */
export function isCapitalsLine(plain: string): boolean {
  const letters = plain.match(/\p{L}/gu) ?? [];
  if (letters.length < 4 || plain.length > 100) return false;
  const upper = letters.filter((ch) => /\p{Lu}/u.test(ch)).length;
  return upper / letters.length >= 0.8;
}
