import { declarationProgress, type SectionProgress } from '@accord/workflow/declarationProgress';
import { SECTION_STATES, type SectionState } from '@accord/workflow/sectionWorkflow';
import type { Adoption } from '@accord/workflow/workflowMap';
import type * as Y from 'yjs';

export interface WorkflowSnapshot {
  /** In reading order. */
  sections: SectionProgress[];
  byId: ReadonlyMap<string, SectionProgress>;
  adoption: Adoption | null;
  adoptable: boolean;
  /** Sections per effective state. */
  counts: Record<SectionState, number>;
  /** Sections whose validation or approval no longer matches their text (W5). */
  changedSince: number;
}

/**
 * The workflow of the whole declaration, live: the `workflow` map (written by the server) read
 * against each section's current hash. A stored state is never rewritten by edits (W5), so the
 * effective state must be derived again whenever a section's text changes, not only when the map
 * does: a keystroke after an approval turns it into "changed since approval" at once.
 *
 * Derived with the package's `declarationProgress`, the function the server uses, once per burst
 * of transactions. Sections whose state did not change keep their object identity, so only the
 * badges that change re-render.
 */
export class WorkflowStatus {
  private snapshot: WorkflowSnapshot;
  private readonly listeners = new Set<() => void>();
  private scheduled = false;

  constructor(readonly doc: Y.Doc) {
    this.snapshot = this.compute(null);
  }

  get = (): WorkflowSnapshot => {
    // Unwatched, the snapshot may be behind the document.
    if (this.listeners.size === 0) this.snapshot = this.compute(this.snapshot);
    return this.snapshot;
  };

  subscribe = (listener: () => void): (() => void) => {
    if (this.listeners.size === 0) {
      this.doc.on('afterTransaction', this.onTransaction);
      this.snapshot = this.compute(this.snapshot);
    }
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.doc.off('afterTransaction', this.onTransaction);
    };
  };

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.changed.size === 0 || this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (this.listeners.size === 0) return;
      const next = this.compute(this.snapshot);
      if (next === this.snapshot) return;
      this.snapshot = next;
      for (const listener of [...this.listeners]) listener();
    });
  };

  /** The new snapshot, or `previous` itself when nothing a reader sees changed. */
  private compute(previous: WorkflowSnapshot | null): WorkflowSnapshot {
    const progress = declarationProgress(this.doc);
    let changed = previous === null || previous.sections.length !== progress.sections.length;
    const sections = progress.sections.map((section, index) => {
      const before = previous?.byId.get(section.id);
      if (before && sameProgress(before, section)) {
        if (previous?.sections[index] !== before) changed = true;
        return before;
      }
      changed = true;
      return section;
    });
    if (!changed && previous && JSON.stringify(previous.adoption) === JSON.stringify(progress.adoption) && previous.adoptable === progress.adoptable) {
      return previous;
    }
    const counts = Object.fromEntries(SECTION_STATES.map((state) => [state, 0])) as Record<SectionState, number>;
    for (const section of sections) counts[section.state]++;
    return {
      sections,
      byId: new Map(sections.map((section) => [section.id, section])),
      adoption: progress.adoption,
      adoptable: progress.adoptable,
      counts,
      changedSince: sections.filter((section) => section.changedSince !== null).length,
    };
  }
}

/**
 * Same badge, same actions. The hash itself is left out: it changes on every keystroke, and it
 * matters to a reader (and to `availableActions`) only through the effective state it yields.
 */
function sameProgress(a: SectionProgress, b: SectionProgress): boolean {
  return (
    a.state === b.state &&
    a.changedSince === b.changedSince &&
    a.validatedBy.join() === b.validatedBy.join() &&
    JSON.stringify(a.record) === JSON.stringify(b.record)
  );
}
