import * as Y from 'yjs';
import { getSections, isSectionKind, type SectionKind } from './declarationLayout';

/**
 * Changes a section's kind, in one transaction of `doc` (every repeat of its entry too). Returns
 * `false` when no section has that id; throws for an unknown kind (misuse).
 */
export function setSectionKind(doc: Y.Doc, id: string, kind: SectionKind, origin: unknown = null): boolean {
  if (!isSectionKind(kind)) throw new Error(`setSectionKind: unknown kind ${String(kind)}`);
  const maps = getSections(doc)
    .toArray()
    .filter((map): map is Y.Map<unknown> => map instanceof Y.Map && map.get('id') === id);
  if (maps.length === 0) return false;
  doc.transact(() => {
    for (const map of maps) if (map.get('kind') !== kind) map.set('kind', kind);
  }, origin);
  return true;
}
