import { getSections, isSectionKind, type SectionKind } from '@accord/model/declarationLayout';
import { useSyncExternalStore } from 'react';
import * as Y from 'yjs';

export interface SectionRef {
  id: string;
  kind: SectionKind;
  /** The `{fr, ja}` title map, edited in place; null if another client stored something else. */
  title: Y.Map<string> | null;
}

const cache = new WeakMap<Y.Doc, { version: number; sections: SectionRef[] }>();

/**
 * The sections of the declaration, in order, kept up to date as sections are added, removed or
 * moved. Same tolerance as the model's reader: entries without an id, or repeating one, are
 * skipped rather than crashing the page.
 */
export function useSections(doc: Y.Doc): SectionRef[] {
  return useSyncExternalStore(
    (onChange) => {
      const array = getSections(doc);
      const handler = () => {
        cache.delete(doc);
        onChange();
      };
      array.observe(handler);
      return () => array.unobserve(handler);
    },
    () => {
      let entry = cache.get(doc);
      if (!entry) {
        entry = { version: 0, sections: readSections(doc) };
        cache.set(doc, entry);
      }
      return entry.sections;
    },
  );
}

function readSections(doc: Y.Doc): SectionRef[] {
  const seen = new Set<string>();
  const out: SectionRef[] = [];
  for (const section of getSections(doc).toArray()) {
    if (!(section instanceof Y.Map)) continue;
    const id = section.get('id');
    if (typeof id !== 'string' || id === '' || seen.has(id)) continue;
    seen.add(id);
    const kind = section.get('kind');
    const title = section.get('title');
    out.push({ id, kind: isSectionKind(kind) ? kind : 'other', title: title instanceof Y.Map ? (title as Y.Map<string>) : null });
  }
  return out;
}
