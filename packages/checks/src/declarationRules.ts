import type { Lang } from '@accord/model/declarationLayout';
import type { DeclarationMeta } from '@accord/model/readDeclaration';
import type { CountNoun, TextFacts } from './Facts';
import { finding, type Finding } from './Finding';

/** A segment's facts in document order, where the declaration-level rules read them. */
export interface PlacedFacts {
  sectionId: string;
  sid: string;
  fr: TextFacts;
  ja: TextFacts;
  /** Whether each side narrates the meeting (« réunis », « Rencontres », 開催, 会議…). */
  narrates: { fr: boolean; ja: boolean };
}

const LANG_NAME = { fr: { fr: 'français', ja: 'フランス語', en: 'French' }, ja: { fr: 'japonais', ja: '日本語', en: 'Japanese' } };

/**
 * The edition in `meta` against the text: an ordinal in the title that is not it (error), and a
 * text whose meeting ordinals (8e Rencontres, 第8回) never give it (warning).
 */
export function editionFindings(meta: DeclarationMeta, title: { fr: TextFacts; ja: TextFacts }, facts: readonly PlacedFacts[], firstSectionId: string): Finding[] {
  const edition = meta.edition;
  if (edition === null) return [];
  const found: Finding[] = [];
  for (const lang of ['fr', 'ja'] as const) {
    const wrong = title[lang].ordinals.filter((o) => o.value !== edition);
    if (wrong.length) {
      const text = wrong.map((o) => o.text).join(', ');
      found.push(finding('edition', 'error', { sectionId: firstSectionId, sid: null }, lang, { [lang]: text }, {
        fr: `Le titre (${LANG_NAME[lang].fr}) dit « ${text} », mais l’édition est la ${edition}e.`,
        ja: `タイトル（${LANG_NAME[lang].ja}）は「${text}」ですが、回次は第${edition}回です。`,
        en: `The title (${LANG_NAME[lang].en}) says “${text}”, but this is edition ${edition}.`,
      }, `title-${lang}`));
    }
    const editions = facts.flatMap((f) => f[lang].ordinals.filter((o) => o.edition && !o.soft).map((o) => ({ o, f })));
    const first = editions[0];
    if (first && !editions.some(({ o }) => o.value === edition)) {
      found.push(finding('edition', 'warning', { sectionId: first.f.sectionId, sid: first.f.sid }, lang, { [lang]: first.o.text }, {
        fr: `Le texte (${LANG_NAME[lang].fr}) parle de « ${first.o.text} » mais jamais de la ${edition}e édition, celle des métadonnées.`,
        ja: `本文（${LANG_NAME[lang].ja}）は「${first.o.text}」としていますが、メタデータの第${edition}回が一度も出てきません。`,
        en: `The text (${LANG_NAME[lang].en}) speaks of “${first.o.text}” but never of edition ${edition}, the one in the metadata.`,
      }, `text-${lang}`));
    }
  }
  return found;
}

/** Days and months outside the meeting's dates, in passages that narrate the meeting (warning). */
export function outsideMeetingFindings(meta: DeclarationMeta, facts: readonly PlacedFacts[]): Finding[] {
  const start = meta.startDate;
  const end = meta.endDate || meta.startDate;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end)) return [];
  const year = Number(start.slice(0, 4));
  const found: Finding[] = [];
  for (const f of facts) {
    for (const lang of ['fr', 'ja'] as const) {
      if (!f.narrates[lang]) continue;
      for (const d of f[lang].dates) {
        // A date of another year is another event (« décembre 2023 », the COP28), not a slip.
        if (d.day === null || (d.year !== null && d.year !== year)) continue;
        const iso = `${year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
        if (iso >= start && iso <= end) continue;
        found.push(finding('outside-meeting', 'warning', f, lang, { [lang]: d.text }, {
          fr: `« ${d.text} » tombe en dehors des Rencontres (du ${start} au ${end}).`,
          ja: `「${d.text}」は会期（${start}〜${end}）の外の日付です。`,
          en: `“${d.text}” falls outside the meeting (${start} to ${end}).`,
        }, iso));
      }
    }
  }
  return found;
}

const NOUN = {
  collectivities: { fr: 'collectivités', ja: '自治体', en: 'local authorities' },
  participants: { fr: 'participants', ja: '参加者', en: 'participants' },
  countries: { fr: 'pays', ja: '国', en: 'countries' },
  cities: { fr: 'villes', ja: '都市', en: 'cities' },
} satisfies Record<CountNoun, { fr: string; ja: string; en: string }>;

/**
 * « N collectivités japonaises et M françaises », then later a total of collectivités larger than
 * either part and not N + M: the count does not add up (error). Read per language, in document order.
 */
export function countFindings(facts: readonly PlacedFacts[]): Finding[] {
  const found: Finding[] = [];
  for (const lang of ['fr', 'ja'] as Lang[]) {
    const pairs = new Map<CountNoun, { a: number; b: number }>();
    for (const f of facts) {
      const counts = f[lang].counts;
      for (let i = 0; i < counts.length; i++) {
        const c = counts[i];
        if (!c) continue;
        if (c.partner !== null) {
          pairs.set(c.noun, { a: c.value, b: c.partner });
          i++; // the pair's second part
          continue;
        }
        const pair = pairs.get(c.noun);
        if (!pair || c.value <= Math.max(pair.a, pair.b) || c.value === pair.a + pair.b) continue;
        const sum = pair.a + pair.b;
        found.push(finding('counts', 'error', f, lang, { [lang]: c.text }, {
          fr: `« ${c.text} » : plus haut, ${pair.a} + ${pair.b} = ${sum} ${NOUN[c.noun].fr}.`,
          ja: `「${c.text}」：前の記述では${pair.a}＋${pair.b}＝${sum}（${NOUN[c.noun].ja}）です。`,
          en: `“${c.text}”: earlier, ${pair.a} + ${pair.b} = ${sum} ${NOUN[c.noun].en}.`,
        }, `${pair.a}+${pair.b}`));
      }
    }
  }
  return found;
}
