import type { DeclarationJson, SectionJson } from '@accord/model/readDeclaration';
import { SHIZUOKA_2024_JA } from './fixtures/shizuoka2024.ja';
import { shizuokaFrenchSegments } from './shizuokaSeed';

/** Where the seed's sections start (its passage numbers), as its headings divide it. */
const SECTIONS: Array<{ id: string; kind: SectionJson['kind']; start: number; title: { fr: string; ja: string } }> = [
  { id: 'preamble', kind: 'preamble', start: 0, title: { fr: 'Préambule', ja: '前文' } },
  { id: 'workshop-1', kind: 'workshop', start: 18, title: { fr: 'Atelier 1', ja: '第1分科会' } },
  { id: 'workshop-2', kind: 'workshop', start: 28, title: { fr: 'Atelier 2', ja: '第2分科会' } },
  { id: 'workshop-3', kind: 'workshop', start: 38, title: { fr: 'Atelier 3', ja: '第3分科会' } },
  { id: 'conclusion', kind: 'conclusion', start: 49, title: { fr: 'Conclusion', ja: '結論' } },
];

/** The Shizuoka 2024 declaration paired with our Japanese translation, passage by passage. */
export function shizuokaDeclaration(): DeclarationJson {
  const fr = shizuokaFrenchSegments();
  if (fr.length !== SHIZUOKA_2024_JA.length) throw new Error(`the seed has ${fr.length} passages, the translation ${SHIZUOKA_2024_JA.length}`);
  return {
    meta: {
      title: { fr: '8e Rencontres franco-japonaises de la coopération décentralisée', ja: '第8回日仏自治体交流会議' },
      edition: 8,
      hostCity: { fr: 'Shizuoka', ja: '静岡市' },
      nextHostCity: { fr: 'Cannes', ja: 'カンヌ' },
      startDate: '2024-11-18',
      endDate: '2024-11-21',
    },
    sections: SECTIONS.map((section, i) => {
      const end = SECTIONS[i + 1]?.start ?? fr.length;
      return {
        id: section.id,
        kind: section.kind,
        title: section.title,
        segments: fr.slice(section.start, end).map((text, k) => ({ sid: `p${section.start + k}`, fr: text, ja: SHIZUOKA_2024_JA[section.start + k] ?? '' })),
      };
    }),
  };
}
