import { parseFragmentName, SECTIONS, sectionEntries } from '@accord/model/declarationLayout';
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
import * as Y from 'yjs';

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
 * The translation state of the whole declaration, recomputed from the Y.Doc after changes and
 * shared by every editor, row and counter of the page. Recomputed once per burst of transactions
 * (a microtask later), not once per subscriber: 18 editors each reading the whole document on
 * every keystroke would be 18 times the work. Unchanged sections keep their object identity, so
 * React and the editors' decorations only update where a state actually changed.
 *
 * It watches the document only while someone subscribes, so it needs no explicit teardown.
 */
export class TranslationStatus {
  private snapshot: TranslationSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  private scheduled = false;
  /** Sections whose text changed since the last recompute; `all` after a confirmation or a section change. */
  private dirty: Set<string> | 'all' = 'all';

  constructor(readonly doc: Y.Doc) {
    this.recompute();
  }

  get = (): TranslationSnapshot => {
    // Unwatched, the snapshot may be behind the document.
    if (this.listeners.size === 0) {
      this.dirty = 'all';
      this.recompute();
    }
    return this.snapshot;
  };

  subscribe = (listener: () => void): (() => void) => {
    if (this.listeners.size === 0) {
      this.doc.on('afterTransaction', this.onTransaction);
      this.dirty = 'all';
      this.recompute();
    }
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.doc.off('afterTransaction', this.onTransaction);
    };
  };

  /** The section's current segment `sid`, read fresh from the document (for a confirmation). */
  currentSegment(sectionId: string, sid: string): Segment | null {
    return readSegments(this.doc, sectionId).find((s) => s.sid === sid) ?? null;
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.changed.size === 0) return;
    this.markDirty(transaction);
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (this.listeners.size === 0) return;
      if (this.recompute()) for (const listener of [...this.listeners]) listener();
    });
  };

  /**
   * Typing in one section changes only that section's state: the others keep their entries
   * without being read again. Root types are found by name (`doc.share`), the fragments being
   * `section/<id>/<lang>` (declarationLayout).
   */
  private markDirty(transaction: Y.Transaction): void {
    if (this.dirty === 'all') return;
    for (const [name, type] of this.doc.share) {
      if (!transaction.changed.has(type) && !transaction.changedParentTypes.has(type)) continue;
      if (name === TRANSLATIONS || name === SECTIONS) {
        this.dirty = 'all';
        return;
      }
      const fragment = parseFragmentName(name);
      if (fragment) this.dirty.add(fragment.sectionId);
    }
  }

  /** Returns whether anything a reader sees changed. */
  private recompute(): boolean {
    const dirty = this.dirty;
    this.dirty = new Set();
    const confirmations = readConfirmations(this.doc);
    const previous = this.snapshot.sections;
    const sections = new Map<string, SectionTranslation>();
    let total = tallyStates([]);
    let changed = false;
    for (const sectionId of sectionIds(this.doc)) {
      const before = previous.get(sectionId);
      let entry: SectionTranslation;
      if (before && dirty !== 'all' && !dirty.has(sectionId)) entry = before;
      else {
        const next = sectionTranslation(sectionId, readSegments(this.doc, sectionId), confirmations);
        entry = before && before.key === next.key ? before : next;
      }
      if (entry !== before) changed = true;
      sections.set(sectionId, entry);
      total = addCounts(total, entry.counts);
    }
    if (sections.size !== previous.size) changed = true;
    if (!changed) return false;
    this.snapshot = { sections, total };
    return true;
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
    // The texts matter only where a placeholder quotes the other side: an untranslated segment.
    const quote = state.state === 'untranslated' ? `${segment.fr}\u0001${segment.ja}` : '';
    keyParts.push(`${segment.sid}\u0000${state.state}\u0000${state.review ?? ''}\u0000${state.missing ?? ''}\u0000${quote}`);
  }
  const counts = tallyStates([...states.values()].map((s) => s.state));
  return { sectionId, segments, states, counts, key: keyParts.join('\u0002') };
}
