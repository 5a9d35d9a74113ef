import { readBilingual, sectionEntries } from '@accord/model/declarationLayout';
import type { TranslationSnapshot } from '../translation/TranslationStatus';
import type { ReviewSnapshot } from './ReviewStatus';

/** One open problem of the text, as the adoption and validation dialogs list it. */
export interface OpenProblem {
  key: string;
  sectionId: string;
  kind: 'stale' | 'untranslated' | 'finding';
  /** The passage quoted (stale, untranslated) or the finding's message in each language. */
  text: string;
  message: { fr: string; ja: string; en: string } | null;
}

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * What is still open in the declaration, or in one section: passages « à revoir » or untranslated
 * (the translation state), then the review findings nobody set aside — except « missing passage »,
 * which the untranslated passages already list.
 */
export function openProblems(translation: TranslationSnapshot, review: ReviewSnapshot, sectionId: string | null): OpenProblem[] {
  const problems: OpenProblem[] = [];
  for (const [id, section] of translation.sections) {
    if (sectionId !== null && id !== sectionId) continue;
    for (const segment of section.segments) {
      const state = section.states.get(segment.sid);
      if (!state || state.state === 'in-sync') continue;
      const kind = state.state === 'untranslated' ? 'untranslated' : 'stale';
      problems.push({ key: `${kind}:${segment.sid}`, sectionId: id, kind, text: excerpt(segment.fr || segment.ja), message: null });
    }
  }
  for (const [id, findings] of review.open) {
    if (sectionId !== null && id !== sectionId) continue;
    for (const f of findings) if (f.rule !== 'untranslated') problems.push({ key: f.id, sectionId: id, kind: 'finding', text: '', message: f.message });
  }
  return problems;
}

/** Section titles by id in the interface's language (French for English), for the lists. */
export function sectionTitles(doc: import('yjs').Doc, language: string): Map<string, string> {
  const titles = new Map<string, string>();
  for (const { id, map } of sectionEntries(doc)) {
    const title = readBilingual(map.get('title'));
    titles.set(id, (language === 'ja' ? title.ja || title.fr : title.fr || title.ja) || id);
  }
  return titles;
}
