import { SECTIONS, sectionEntries } from '@accord/model/declarationLayout';
import { readSegments, type Segment } from '@accord/model/readDeclaration';
import {
  addCounts,
  type Confirmation,
  readConfirmations,
  type SegmentTranslation,
  TRANSLATIONS,
  type TranslationCounts,
  segmentTranslation,
  tallyStates,
} from '@accord/model/translationState';
import type * as Y from 'yjs';
import { type ChangedRoots, changedSections, DerivedFromDoc } from '../sync/DerivedFromDoc';

/** The translation state of one section: its aligned segments and the state of each pair. */
export interface SectionTranslation {
  sectionId: string;
  segments: Segment[];
  states: ReadonlyMap<string, SegmentTranslation>;
  counts: TranslationCounts;
  /**
   * Changes whenever a state, a segment's presence or text changes; equal keys mean the same
   * flags, so editors and counters can skip work on every keystroke that changes nothing.
   */
  key: string;
}

export interface TranslationSnapshot {
  sections: ReadonlyMap<string, SectionTranslation>;
  total: TranslationCounts;
}

const EMPTY: TranslationSnapshot = { sections: new Map(), total: { inSync: 0, stale: 0, untranslated: 0 } };

/**
 * The translation state of the whole declaration, shared by every editor, row and counter of the
 * page. Typing in one section re-reads only that section; a confirmation or a change to the section
 * list re-reads them all. Unchanged sections keep their object identity, so React and the editors'
 * decorations only update where a state actually changed.
 */
export class TranslationStatus extends DerivedFromDoc<TranslationSnapshot> {
  constructor(doc: Y.Doc) {
    super(doc, EMPTY);
  }

  /** The section's current segment `sid`, read fresh from the document (for a confirmation). */
  currentSegment(sectionId: string, sid: string): Segment | null {
    return readSegments(this.doc, sectionId).find((s) => s.sid === sid) ?? null;
  }

  protected derive(previous: TranslationSnapshot, changed: ChangedRoots): TranslationSnapshot {
    const dirty = changedSections(changed, [TRANSLATIONS, SECTIONS]);
    const confirmations = readConfirmations(this.doc);
    const sections = new Map<string, SectionTranslation>();
    let total = tallyStates([]);
    let changedAny = false;
    for (const sectionId of sectionIds(this.doc)) {
      const before = previous.sections.get(sectionId);
      let entry: SectionTranslation;
      if (before && dirty !== 'all' && !dirty.has(sectionId)) entry = before;
      else {
        const next = sectionTranslation(sectionId, readSegments(this.doc, sectionId), confirmations);
        entry = before && before.key === next.key ? before : next;
      }
      if (entry !== before) changedAny = true;
      sections.set(sectionId, entry);
      total = addCounts(total, entry.counts);
    }
    if (!changedAny && sections.size === previous.sections.size) return previous;
    return { sections, total };
  }
}

function sectionIds(doc: Y.Doc): string[] {
  return sectionEntries(doc).map((entry) => entry.id);
}

function sectionTranslation(sectionId: string, segments: Segment[], confirmations: ReadonlyMap<string, Confirmation>): SectionTranslation {
  const states = new Map<string, SegmentTranslation>();
  const keyParts: string[] = [];
  for (const segment of segments) {
    const state = segmentTranslation(segment, confirmations.get(segment.sid));
    states.set(segment.sid, state);
    // The texts matter only where a placeholder quotes the other side: an untranslated segment
    // (and its table row, since the cells of one row share one placeholder).
    const quote = state.state === 'untranslated' ? `${segment.fr}\u0001${segment.ja}\u0001${segment.table?.row ?? ''}` : '';
    keyParts.push(`${segment.sid}\u0000${state.state}\u0000${state.review ?? ''}\u0000${state.missing ?? ''}\u0000${quote}`);
  }
  const counts = tallyStates([...states.values()].map((s) => s.state));
  return { sectionId, segments, states, counts, key: keyParts.join('\u0002') };
}
