import { getSections, type SectionKind, sectionEntries } from '@accord/model/declarationLayout';
import * as Y from 'yjs';
import { useYjs } from './useYjs';

export interface SectionRef {
  id: string;
  kind: SectionKind;
  /** The `{fr, ja}` title map, edited in place; null if another client stored something else. */
  title: Y.Map<string> | null;
}

/**
 * The sections of the declaration, in order, kept up to date as sections are added, removed or
 * moved. Same tolerance as the model's reader: entries without an id, or repeating one, are
 * skipped rather than crashing the page.
 */
export function useSections(doc: Y.Doc): SectionRef[] {
  return useYjs(getSections(doc), () => readSections(doc));
}

function readSections(doc: Y.Doc): SectionRef[] {
  return sectionEntries(doc).map(({ id, kind, map }) => {
    const title = map.get('title');
    return { id, kind, title: title instanceof Y.Map ? (title as Y.Map<string>) : null };
  });
}
