import * as Y from 'yjs';
import { getSections, sectionEntries } from './declarationLayout';

/**
 * Takes a section out of the list, in one transaction of `doc`: every entry of the `sections`
 * array with that id leaves it (a foreign client may have written a repeat). Its two text
 * fragments stay in the document, untouched, so its text stays in the history and a restore, or
 * re-inserting the entry (`reinsertSection`), brings it back. Returns the removed entry as
 * plain data (for an undo), or `null` when no section has that id.
 */
export function removeSection(doc: Y.Doc, id: string, origin: unknown = null): RemovedSection | null {
  const shown = sectionEntries(doc).find((entry) => entry.id === id);
  if (!shown) return null;
  const removed: RemovedSection = { id, entry: shown.map.toJSON() };
  doc.transact(() => {
    const sections = getSections(doc);
    for (let index = sections.length - 1; index >= 0; index--) {
      const map = sections.get(index);
      if (!(map instanceof Y.Map) || map.get('id') !== id) continue;
      sections.delete(index, 1);
    }
  }, origin);
  return removed;
}

/** A removed section's entry as plain JSON (`id`, `kind`, `title`, `position`), enough to bring it back. */
export interface RemovedSection {
  id: string;
  entry: Record<string, unknown>;
}
