import type * as Y from 'yjs';
import { type Bilingual, readBilingual, type SectionKind, sectionEntries } from './declarationLayout';

/** One section as the list shows it: what structure changes are decided from. */
export interface ListedSection {
  id: string;
  kind: SectionKind;
  title: Bilingual;
}

export type SectionListChange =
  | { action: 'section-added'; sectionId: string; kind: SectionKind; title: Bilingual; index: number }
  | { action: 'section-removed'; sectionId: string; kind: SectionKind; title: Bilingual; index: number }
  | { action: 'section-moved'; sectionId: string; title: Bilingual; from: number; to: number }
  | { action: 'section-kind-changed'; sectionId: string; title: Bilingual; from: SectionKind; to: SectionKind };

/** The sections of `doc` as listed, in reading order. */
export function listSections(doc: Y.Doc): ListedSection[] {
  return sectionEntries(doc).map(({ id, kind, map }) => ({ id, kind, title: readBilingual(map.get('title')) }));
}

/**
 * What changed in the section list between two readings (titles aside: they are text edits).
 * A section counts as moved when it is not among the longest run of sections that kept their
 * relative order, so moving one section reports that one, not every section it jumped over.
 * Indices are 0-based places in the `before` (removed, `from`) or `after` (added, `to`) list.
 */
export function sectionListChanges(before: readonly ListedSection[], after: readonly ListedSection[]): SectionListChange[] {
  const changes: SectionListChange[] = [];
  const afterIndex = new Map(after.map((section, index) => [section.id, index]));
  const beforeIndex = new Map(before.map((section, index) => [section.id, index]));
  before.forEach((section, index) => {
    if (!afterIndex.has(section.id)) changes.push({ action: 'section-removed', sectionId: section.id, kind: section.kind, title: section.title, index });
  });
  after.forEach((section, index) => {
    if (!beforeIndex.has(section.id)) changes.push({ action: 'section-added', sectionId: section.id, kind: section.kind, title: section.title, index });
  });
  const kept = before.filter((section) => afterIndex.has(section.id));
  const stayed = longestIncreasing(kept.map((section) => afterIndex.get(section.id)!));
  kept.forEach((section, i) => {
    if (!stayed.has(i)) {
      changes.push({ action: 'section-moved', sectionId: section.id, title: after[afterIndex.get(section.id)!]!.title, from: beforeIndex.get(section.id)!, to: afterIndex.get(section.id)! });
    }
  });
  for (const section of kept) {
    const now = after[afterIndex.get(section.id)!]!;
    if (now.kind !== section.kind) changes.push({ action: 'section-kind-changed', sectionId: section.id, title: now.title, from: section.kind, to: now.kind });
  }
  return changes;
}

/** Indices (into `values`) of one longest strictly increasing subsequence; O(n²), lists are short. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const length = values.map(() => 1);
  const previous = values.map(() => -1);
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < i; j++) {
      if (values[j]! < values[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
  }
  let best = -1;
  for (let i = 0; i < values.length; i++) if (best === -1 || length[i]! > length[best]!) best = i;
  const result = new Set<number>();
  for (let i = best; i !== -1; i = previous[i]!) result.add(i);
  return result;
}
