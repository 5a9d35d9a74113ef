import type { DateFact, TextFacts } from './Facts';
import { finding, type Finding } from './Finding';
import { gregorianToEra } from './japaneseEras';
import { weekdayOf } from './months';

export interface Place {
  sectionId: string;
  sid: string;
}

const list = (items: readonly string[]) => [...new Set(items)].join(', ');
const none = { fr: 'rien', ja: 'なし', en: 'nothing' };
const shown = (items: readonly string[], lang: keyof typeof none) => (items.length ? `« ${list(items)} »` : none[lang]);
const shownJa = (items: readonly string[]) => (items.length ? `「${list(items)}」` : none.ja);
const shownEn = (items: readonly string[]) => (items.length ? `“${list(items)}”` : none.en);

/** Values one side may be matched by: its figures, ordinals and the years of its dates. */
function values(facts: TextFacts): Set<number> {
  const set = new Set<number>();
  for (const n of facts.numbers) set.add(n.value);
  for (const o of facts.ordinals) set.add(o.value);
  for (const d of facts.dates) if (d.year !== null) set.add(d.year);
  return set;
}

/** Per aligned segment: a figure on one side must be on the other (soft words may match, never must). */
export function numberFindings(place: Place, fr: TextFacts, ja: TextFacts): Finding[] {
  const frValues = values(fr);
  const jaValues = values(ja);
  const missingInJa = fr.numbers.filter((n) => !n.soft && !jaValues.has(n.value)).map((n) => n.text);
  const missingInFr = ja.numbers.filter((n) => !n.soft && !frValues.has(n.value)).map((n) => n.text);
  if (!missingInJa.length && !missingInFr.length) return [];
  const lang = missingInJa.length && missingInFr.length ? 'both' : missingInJa.length ? 'ja' : 'fr';
  return [
    finding('numbers', 'error', place, lang, { fr: list(missingInJa), ja: list(missingInFr) }, {
      fr: `Chiffres différents : ${shown(missingInJa, 'fr')} en français sans équivalent en japonais, ${shown(missingInFr, 'fr')} en japonais sans équivalent en français.`,
      ja: `数字が一致しません：フランス語の${shownJa(missingInJa)}が日本語になく、日本語の${shownJa(missingInFr)}がフランス語にありません。`,
      en: `Figures differ: ${shownEn(missingInJa)} in French has no Japanese counterpart, ${shownEn(missingInFr)} in Japanese has no French counterpart.`,
    }),
  ];
}

/** Two readings of a date agree when month, day and year agree wherever both give them. */
function sameDate(a: DateFact, b: DateFact): boolean {
  return a.month === b.month && a.day === b.day && (a.year === null || b.year === null || a.year === b.year);
}

const describe = (d: DateFact) => `${d.year ?? '….'}-${String(d.month).padStart(2, '0')}${d.day === null ? '' : `-${String(d.day).padStart(2, '0')}`}`;

/** Per aligned segment: every date on one side is on the other (« 18 novembre 2024 » = 2024年11月18日 = 令和6年11月18日). */
export function dateFindings(place: Place, fr: TextFacts, ja: TextFacts): Finding[] {
  const missingInJa = fr.dates.filter((d) => !ja.dates.some((o) => sameDate(d, o)));
  const missingInFr = ja.dates.filter((d) => !fr.dates.some((o) => sameDate(d, o)));
  if (!missingInJa.length && !missingInFr.length) return [];
  const lang = missingInJa.length && missingInFr.length ? 'both' : missingInJa.length ? 'ja' : 'fr';
  const frShown = missingInJa.map(describe);
  const jaShown = missingInFr.map((d) => (d.year ? `${describe(d)} (${gregorianToEra(d.year)})` : describe(d)));
  return [
    finding('dates', 'error', place, lang, { fr: list(missingInJa.map((d) => d.text)), ja: list(missingInFr.map((d) => d.text)) }, {
      fr: `Dates différentes : ${shown(frShown, 'fr')} en français, ${shown(jaShown, 'fr')} en japonais.`,
      ja: `日付が一致しません：フランス語は${shownJa(frShown)}、日本語は${shownJa(jaShown)}。`,
      en: `Dates differ: ${shownEn(frShown)} in French, ${shownEn(jaShown)} in Japanese.`,
    }),
  ];
}

const WEEKDAYS = {
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  ja: ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** A weekday named with a date must be that date's (the year is the meeting's when the text omits it). */
export function weekdayFindings(place: Place, lang: 'fr' | 'ja', facts: TextFacts, meetingYear: number | null): Finding[] {
  const found: Finding[] = [];
  for (const d of facts.dates) {
    const year = d.year ?? meetingYear;
    if (d.weekday === null || d.day === null || year === null) continue;
    const real = weekdayOf(year, d.month, d.day);
    if (real === d.weekday) continue;
    const day = `${year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    found.push(
      finding('weekday', 'error', place, lang, { [lang]: d.text }, {
        fr: `« ${d.text} » : le ${day} est un ${WEEKDAYS.fr[real]}, pas un ${WEEKDAYS.fr[d.weekday]}.`,
        ja: `「${d.text}」：${day}は${WEEKDAYS.ja[real]}で、${WEEKDAYS.ja[d.weekday]}ではありません。`,
        en: `“${d.text}”: ${day} is a ${WEEKDAYS.en[real]}, not a ${WEEKDAYS.en[d.weekday]}.`,
      }, day),
    );
  }
  return found;
}

/** Per aligned segment: 8e / VIIIe / huitième ↔ 第8回; an ordinal on one side is an ordinal or figure on the other. */
export function ordinalFindings(place: Place, fr: TextFacts, ja: TextFacts): Finding[] {
  const frValues = values(fr);
  const jaValues = values(ja);
  const missingInJa = fr.ordinals.filter((o) => !o.soft && !jaValues.has(o.value)).map((o) => o.text);
  const missingInFr = ja.ordinals.filter((o) => !o.soft && !frValues.has(o.value)).map((o) => o.text);
  if (!missingInJa.length && !missingInFr.length) return [];
  const lang = missingInJa.length && missingInFr.length ? 'both' : missingInJa.length ? 'ja' : 'fr';
  return [
    finding('ordinals', 'error', place, lang, { fr: list(missingInJa), ja: list(missingInFr) }, {
      fr: `Ordinaux différents : ${shown(missingInJa, 'fr')} en français, ${shown(missingInFr, 'fr')} en japonais.`,
      ja: `序数が一致しません：フランス語は${shownJa(missingInJa)}、日本語は${shownJa(missingInFr)}。`,
      en: `Ordinals differ: ${shownEn(missingInJa)} in French, ${shownEn(missingInFr)} in Japanese.`,
    }),
  ];
}
