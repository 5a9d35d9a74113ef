import { finding, type Finding } from './Finding';
import { blank, maskAddresses } from './mask';
import type { Place } from './pairRules';

/**
 * Which no-break space French wants before « ; : ! ? » and inside « »: `any` accepts a no-break
 * space (U+00A0) or a narrow one (U+202F); `imprimerie-nationale` wants U+00A0 before « : » and
 * inside guillemets, U+202F before « ; ! ? »; `nbsp` and `nnbsp` want that one everywhere.
 */
export type FrenchSpacing = 'any' | 'imprimerie-nationale' | 'nbsp' | 'nnbsp';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const FRENCH_MARKS = /[;:!?»«"]| {2,}/g;
/** Times (10:30, 9 h 30 has no colon) and ratios (1:2) are not punctuation to space. */
const TIME = /\d{1,2}:\d{2}|\d:\d/g;

function wanted(spacing: FrenchSpacing, mark: string): string[] {
  if (spacing === 'nbsp') return [NBSP];
  if (spacing === 'nnbsp') return [NNBSP];
  if (spacing === 'imprimerie-nationale') return mark === ':' || mark === '«' || mark === '»' ? [NBSP] : [NNBSP];
  return [NBSP, NNBSP];
}

interface Problem {
  kind: string;
  at: number;
  fr: string;
  ja: string;
  en: string;
}

const context = (text: string, at: number) => text.slice(Math.max(0, at - 12), at + 12).trim();
const spaceName = { fr: ['espace insécable', 'espace fine insécable'], ja: ['ノーブレークスペース', '狭いノーブレークスペース'], en: ['no-break space', 'narrow no-break space'] };

/** French typography of one segment: spaces before ; : ! ? and inside « », straight quotes, doubled spaces. */
export function frenchTypography(place: Place, input: string, spacing: FrenchSpacing): Finding[] {
  const text = blank(maskAddresses(input, 'x'), TIME, '0');
  const problems: Problem[] = [];
  const want = (mark: string) => wanted(spacing, mark);
  const named = (mark: string, lang: 'fr' | 'ja' | 'en') => want(mark).map((s) => spaceName[lang][s === NBSP ? 0 : 1]).join(lang === 'fr' ? ' ou ' : lang === 'ja' ? 'または' : ' or ');
  // Only the marks concerned are visited (a regex finds them far faster than a loop over every character).
  for (const m of text.matchAll(FRENCH_MARKS)) {
    const i = m.index ?? 0;
    const c = m[0][0] ?? '';
    if (c === ';' || c === ':' || c === '!' || c === '?' || c === '»') {
      const before = text[i - 1] ?? '';
      if (i === 0 || '!?;:…'.includes(before)) continue;
      // A « : » straight after a letter with no space and a letter after is a word (« Atelier 1 :… »
      // has one): « http: » is masked, « Re:Make » is a name.
      if (before === ' ') problems.push({ kind: `space-${c}`, at: i, fr: `espace ordinaire avant « ${c} » (${named(c, 'fr')} attendue)`, ja: `「${c}」の前が通常のスペース（${named(c, 'ja')}にする）`, en: `ordinary space before “${c}” (${named(c, 'en')} expected)` });
      else if (before === NBSP || before === NNBSP) {
        if (!want(c).includes(before)) problems.push({ kind: `kind-${c}`, at: i, fr: `mauvaise espace avant « ${c} » (${named(c, 'fr')} attendue)`, ja: `「${c}」の前のスペースの種類（${named(c, 'ja')}にする）`, en: `wrong space before “${c}” (${named(c, 'en')} expected)` });
      } else if (!/\s/.test(before)) problems.push({ kind: `missing-${c}`, at: i, fr: `pas d’espace avant « ${c} »`, ja: `「${c}」の前にスペースがない`, en: `no space before “${c}”` });
    } else if (c === '«') {
      const after = text[i + 1] ?? '';
      if (after === ' ') problems.push({ kind: 'space-«', at: i, fr: `espace ordinaire après « « » (${named('«', 'fr')} attendue)`, ja: `「«」の後が通常のスペース（${named('«', 'ja')}にする）`, en: `ordinary space after “«” (${named('«', 'en')} expected)` });
      else if (after !== NBSP && after !== NNBSP && after !== '') problems.push({ kind: 'missing-«', at: i, fr: 'pas d’espace après « « »', ja: '「«」の後にスペースがない', en: 'no space after “«”' });
    } else if (c === '"') {
      problems.push({ kind: 'straight-quote', at: i, fr: 'guillemet droit " (« » attendus)', ja: 'ストレートの引用符 "（« » を使う）', en: 'straight quote " (« » expected)' });
    } else if (c === ' ') {
      problems.push({ kind: 'double-space', at: i, fr: 'espace double', ja: 'スペースの重複', en: 'doubled space' });
    }
  }
  return grouped(place, 'fr', input, problems);
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]/u;
const HALF_WIDTH_MARKS = /[,.!?:;()]/g;
const FULL = { ',': '，or、', '.': '。', '!': '！', '?': '？', ':': '：', ';': '；', '(': '（', ')': '）' } as const;

/** Japanese punctuation of one segment: half-width marks next to Japanese characters. */
export function japaneseTypography(place: Place, input: string): Finding[] {
  const text = maskAddresses(input, 'x');
  const problems: Problem[] = [];
  for (const m of text.matchAll(HALF_WIDTH_MARKS)) {
    const i = m.index ?? 0;
    const c = m[0];
    const before = text[i - 1] ?? '';
    const after = text[i + 1] ?? '';
    // « 3.5 », « 1,000 », « 10:30 » stay half-width: a mark between Latin letters or digits is theirs.
    const japaneseNeighbour = CJK.test(before) || (c !== ')' && CJK.test(after)) || (c === ')' && CJK.test(before));
    if (!japaneseNeighbour) continue;
    const full = FULL[c as keyof typeof FULL];
    problems.push({ kind: `half-${c === ')' ? '(' : c}`, at: i, fr: `ponctuation demi-chasse « ${c} » dans le japonais (${full})`, ja: `和文中の半角「${c}」（${full}にする）`, en: `half-width “${c}” in Japanese (${full})` });
  }
  if (/[、。]/.test(text) && /[，．]/.test(text)) {
    const at = text.search(/[，．]/);
    problems.push({ kind: 'mixed', at, fr: 'ponctuations 、。 et ，． mêlées', ja: '「、。」と「，．」が混在', en: 'mixed 、。 and ，． punctuation' });
  }
  return grouped(place, 'ja', input, problems);
}

/** One finding per kind of problem in a segment, quoting its first place. */
function grouped(place: Place, lang: 'fr' | 'ja', text: string, problems: Problem[]): Finding[] {
  const byKind = new Map<string, Problem[]>();
  for (const p of problems) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p]);
  const rule = lang === 'fr' ? 'typography-fr' : 'typography-ja';
  return [...byKind.entries()].map(([kind, [first, ...rest]]) => {
    const p = first as Problem;
    const more = rest.length ? { fr: ` (et ${rest.length} autre${rest.length > 1 ? 's' : ''})`, ja: `（ほか${rest.length}か所）`, en: ` (and ${rest.length} more)` } : { fr: '', ja: '', en: '' };
    const quote = context(text, p.at);
    return finding(rule, 'warning', place, lang, { [lang]: quote }, {
      fr: `Typographie : ${p.fr}${more.fr} — « ${quote} »`,
      ja: `表記：${p.ja}${more.ja} —「${quote}」`,
      en: `Typography: ${p.en}${more.en} — “${quote}”`,
    }, kind);
  });
}
