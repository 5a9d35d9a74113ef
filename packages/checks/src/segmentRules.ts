import type { Segment } from '@accord/model/readDeclaration';
import { finding, type Finding } from './Finding';
import type { GlossaryEntry } from './Glossary';
import type { Place } from './pairRules';

/** A segment with text on one side only: untranslated (a list item missing on one side is one). */
export function untranslatedFindings(place: Place, segment: Segment): Finding[] {
  const fr = segment.fr.trim();
  const ja = segment.ja.trim();
  if (Boolean(fr) === Boolean(ja)) return [];
  const missing = fr ? 'ja' : 'fr';
  const quote = (fr || ja).slice(0, 60);
  return [
    finding('untranslated', 'warning', place, missing, fr ? { fr: quote } : { ja: quote }, missing === 'ja'
      ? { fr: `Passage sans traduction japonaise : « ${quote} »`, ja: `日本語訳がない段落：「${quote}」`, en: `Passage with no Japanese translation: “${quote}”` }
      : { fr: `Passage sans traduction française : « ${quote} »`, ja: `フランス語訳がない段落：「${quote}」`, en: `Passage with no French translation: “${quote}”` }),
  ];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A glossary prepared for matching: French terms as whole words, whatever the case. */
export interface PreparedGlossary {
  entries: Array<GlossaryEntry & { frPattern: RegExp }>;
}

export function prepareGlossary(entries: readonly GlossaryEntry[]): PreparedGlossary {
  return {
    entries: entries.map((e) => ({ ...e, frPattern: new RegExp(`(?<![\\p{L}])${escape(e.fr.normalize('NFC'))}(?![\\p{L}])`, 'iu') })),
  };
}

/** A glossary term used on one side of a segment whose partner term is absent from the other side. */
export function glossaryFindings(place: Place, segment: Segment, glossary: PreparedGlossary): Finding[] {
  const found: Finding[] = [];
  if (!segment.fr.trim() || !segment.ja.trim()) return found;
  const fr = segment.fr.normalize('NFC');
  const ja = segment.ja.normalize('NFC');
  for (const entry of glossary.entries) {
    const inFr = entry.frPattern.test(fr);
    const inJa = ja.includes(entry.ja);
    if (inFr === inJa) continue;
    const evidence = { fr: entry.fr, ja: entry.ja };
    found.push(
      finding('glossary', 'warning', place, inFr ? 'ja' : 'fr', evidence, inFr
        ? { fr: `Glossaire : « ${entry.fr} » est en français, mais pas « ${entry.ja} » en japonais.`, ja: `用語集：フランス語に「${entry.fr}」がありますが、日本語に「${entry.ja}」がありません。`, en: `Glossary: “${entry.fr}” is in the French, but “${entry.ja}” is not in the Japanese.` }
        : { fr: `Glossaire : « ${entry.ja} » est en japonais, mais pas « ${entry.fr} » en français.`, ja: `用語集：日本語に「${entry.ja}」がありますが、フランス語に「${entry.fr}」がありません。`, en: `Glossary: “${entry.ja}” is in the Japanese, but “${entry.fr}” is not in the French.` }, entry.id),
    );
  }
  return found;
}
