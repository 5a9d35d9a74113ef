import * as Y from 'yjs';
import { getSections, isSectionKind, newBilingualMap, readBilingual, sectionEntries } from './declarationLayout';
import type { RemovedSection } from './removeSection';

/**
 * Puts a removed section back in the list (an undo of `removeSection`), in one transaction of
 * `doc`: a new entry with the same id, kind, title and position, so it shows again where it was,
 * with its text (its fragments never left the document). Does nothing and returns `false` when a
 * section with that id is listed already (someone else brought it back first).
 */
export function reinsertSection(doc: Y.Doc, removed: RemovedSection, origin: unknown = null): boolean {
  if (sectionEntries(doc).some((entry) => entry.id === removed.id)) return false;
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('id', removed.id);
    map.set('kind', isSectionKind(removed.entry.kind) ? removed.entry.kind : 'other');
    map.set('title', newBilingualMap(readBilingual(removed.entry.title)));
    const position = removed.entry.position;
    if (typeof position === 'number' && Number.isFinite(position)) map.set('position', position);
    getSections(doc).push([map]);
  }, origin);
  return true;
}
