import { getSections, type SectionKind, sectionEntries } from '@accord/model/declarationLayout';
import { useRef } from 'react';
import * as Y from 'yjs';
import { useYjs } from './useYjs';

export interface SectionRef {
  id: string;
  kind: SectionKind;
  /** The `{fr, ja}` title map, edited in place; null if another client stored something else. */
  title: Y.Map<string> | null;
}

/**
 * The sections of the declaration, in reading order, kept up to date as sections are added,
 * removed, moved or change kind. Same tolerance as the model's reader: entries without an id, or
 * repeating one, are skipped rather than crashing the page.
 *
 * Moves and kinds are keys of each section's own map, so the array is observed deeply; a change
 * that leaves the list as it was (a title being typed) returns the same array, so the page does
 * not re-render every section for it.
 */
export function useSections(doc: Y.Doc): SectionRef[] {
  const last = useRef<SectionRef[]>([]);
  return useYjs(
    getSections(doc),
    () => {
      const next = readSections(doc);
      const same = next.length === last.current.length && next.every((s, i) => sameRef(s, last.current[i]!));
      if (!same) last.current = next;
      return last.current;
    },
    { deep: true },
  );
}

function sameRef(a: SectionRef, b: SectionRef): boolean {
  return a.id === b.id && a.kind === b.kind && a.title === b.title;
}

function readSections(doc: Y.Doc): SectionRef[] {
  return sectionEntries(doc).map(({ id, kind, map }) => {
    const title = map.get('title');
    return { id, kind, title: title instanceof Y.Map ? (title as Y.Map<string>) : null };
  });
}
