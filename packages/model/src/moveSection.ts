import * as Y from 'yjs';
import { getSections } from './declarationLayout';
import { type SectionPlace, sectionPosition } from './sectionPosition';

/**
 * Moves a section before or after another, in one transaction of `doc`, by setting its entry's
 * `position` only: the entry stays the same `Y.Map`, so a title or kind being edited at the same
 * moment by someone else lands in it and is kept, and two people moving the same section at once
 * leave it at one place (the last write of the key), never twice in the list. Returns `false`
 * when no section has that id (removed meanwhile) or when it is its own anchor.
 *
 * Throws when `place` names a section the document does not list (misuse: check first).
 */
export function moveSection(doc: Y.Doc, id: string, place: SectionPlace, origin: unknown = null, random?: () => number): boolean {
  const anchor = 'before' in place ? place.before : place.after;
  if (anchor === id) return false;
  const maps = getSections(doc)
    .toArray()
    .filter((map): map is Y.Map<unknown> => map instanceof Y.Map && map.get('id') === id);
  if (maps.length === 0) return false;
  doc.transact(() => {
    const position = sectionPosition(doc, place, id, random);
    // A repeat written by a foreign client moves along, so readers keep showing one entry.
    for (const map of maps) map.set('position', position);
  }, origin);
  return true;
}
