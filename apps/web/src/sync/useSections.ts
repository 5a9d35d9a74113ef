import { getSections, type SectionKind, sectionEntries } from '@accord/model/declarationLayout';
import { useCallback, useSyncExternalStore } from 'react';
import * as Y from 'yjs';

export interface SectionRef {
  id: string;
  kind: SectionKind;
  /** The `{fr, ja}` title map, edited in place; null if another client stored something else. */
  title: Y.Map<string> | null;
}

const cache = new WeakMap<Y.Doc, SectionRef[]>();

/**
 * The sections of the declaration, in order, kept up to date as sections are added, removed or
 * moved. Same tolerance as the model's reader: entries without an id, or repeating one, are
 * skipped rather than crashing the page.
 */
export function useSections(doc: Y.Doc): SectionRef[] {
  // Stable per document: an inline function would make React resubscribe on every render.
  const subscribe = useCallback(
    (onChange: () => void) => {
      const array = getSections(doc);
      const handler = () => {
        cache.delete(doc);
        onChange();
      };
      array.observe(handler);
      return () => array.unobserve(handler);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => {
    let sections = cache.get(doc);
    if (!sections) cache.set(doc, (sections = readSections(doc)));
    return sections;
  });
}

function readSections(doc: Y.Doc): SectionRef[] {
  return sectionEntries(doc).map(({ id, kind, map }) => {
    const title = map.get('title');
    return { id, kind, title: title instanceof Y.Map ? (title as Y.Map<string>) : null };
  });
}
