import type * as Y from 'yjs';
import { orderedSectionMaps, sectionEntries } from './declarationLayout';

/** Where a section goes: before or after another section, by id; `null` for the default place. */
export type SectionPlace = { before: string } | { after: string };

/** Smallest gap between two neighbours' positions before the list is renumbered. */
const MIN_GAP = 1e-6;

/**
 * A position that reads at `place` in the sections list of `doc`, for an entry other than
 * `moving` (the section being moved, left out of its own neighbours). Call inside a transaction:
 * when the neighbours have no room between them (an older declaration without positions, or many
 * inserts into one gap), every section is first given a position 1, 2, 3… in reading order.
 *
 * The position is drawn at random in the middle half of the gap, so two clients placing a section
 * into the same gap at the same moment get two different positions: both sections show, in an
 * order every client agrees on. `random` is `Math.random` unless a test seeds it.
 *
 * Throws when `place` names a section the document does not list (misuse: check first).
 */
export function sectionPosition(doc: Y.Doc, place: SectionPlace | null, moving: string | null, random: () => number = Math.random): number {
  const attempt = () => {
    const list = sectionEntries(doc).filter((entry) => entry.id !== moving);
    const positions = new Map(orderedSectionMaps(doc).map(({ map, position }) => [map, position]));
    let index: number;
    if (place === null) {
      // New sections go before the next meeting's section, which stays last unless moved on purpose.
      const closing = list.findIndex((entry) => entry.kind === 'closing');
      index = closing === -1 ? list.length : closing;
    } else {
      const anchor = 'before' in place ? place.before : place.after;
      const found = list.findIndex((entry) => entry.id === anchor);
      if (found === -1) throw new Error(`sectionPosition: no section ${anchor}`);
      index = 'before' in place ? found : found + 1;
    }
    const below = index > 0 ? positions.get(list[index - 1]!.map)! : null;
    const above = index < list.length ? positions.get(list[index]!.map)! : null;
    if (below === null && above === null) return 1;
    if (below === null) return Number.isFinite(above!) ? above! - 1 - random() : null;
    if (above === null) return Number.isFinite(below) ? below + 1 + random() : null;
    if (!Number.isFinite(below) || !Number.isFinite(above) || above - below < MIN_GAP) return null;
    return below + (above - below) * (0.25 + 0.5 * random());
  };
  const first = attempt();
  if (first !== null) return first;
  renumberSections(doc);
  const second = attempt();
  if (second === null) throw new Error('sectionPosition: no room after renumbering');
  return second;
}

/** Gives every entry of the array (repeats included) the position 1, 2, 3… of its reading order. */
export function renumberSections(doc: Y.Doc): void {
  orderedSectionMaps(doc).forEach(({ map }, index) => {
    if (map.get('position') !== index + 1) map.set('position', index + 1);
  });
}
