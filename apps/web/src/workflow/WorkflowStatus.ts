import { declarationProgress, type SectionProgress } from '@accord/workflow/declarationProgress';
import { SECTION_STATES, type SectionState } from '@accord/workflow/sectionWorkflow';
import type { Adoption } from '@accord/workflow/workflowMap';
import { SECTIONS } from '@accord/model/declarationLayout';
import type * as Y from 'yjs';
import { type ChangedRoots, changedSections, DerivedFromDoc } from '../sync/DerivedFromDoc';

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

const EMPTY: WorkflowSnapshot = {
  sections: [],
  byId: new Map(),
  adoption: null,
  adoptable: false,
  counts: Object.fromEntries(SECTION_STATES.map((state) => [state, 0])) as Record<SectionState, number>,
  changedSince: 0,
};

/**
 * The workflow of the whole declaration, live: the `workflow` map (written by the server) read
 * against each section's current hash. A stored state is never rewritten by edits (W5), so the
 * effective state must be derived again whenever a section's text changes, not only when the map
 * does: a keystroke after an approval turns it into "changed since approval" at once.
 *
 * Derived with the package's `declarationProgress`, the function the server uses; only the
 * sections whose text changed are hashed again. Sections whose state did not change keep their
 * object identity, so only the badges that change re-render.
 */
export class WorkflowStatus extends DerivedFromDoc<WorkflowSnapshot> {
  private hashes = new Map<string, string>();

  constructor(doc: Y.Doc) {
    super(doc, EMPTY);
  }

  protected derive(previous: WorkflowSnapshot, changed: ChangedRoots): WorkflowSnapshot {
    // A title lives in the section list: a change there may concern any section.
    const rehash = changedSections(changed, [SECTIONS]);
    const progress = declarationProgress(this.doc, (id) => (rehash === 'all' || rehash.has(id) ? undefined : this.hashes.get(id)));
    this.hashes = new Map(progress.sections.map((section) => [section.id, section.hash]));
    let changedAny = previous.sections.length !== progress.sections.length;
    const sections = progress.sections.map((section, index) => {
      const before = previous.byId.get(section.id);
      if (before && sameProgress(before, section)) {
        if (previous.sections[index] !== before) changedAny = true;
        return before;
      }
      changedAny = true;
      return section;
    });
    if (!changedAny && JSON.stringify(previous.adoption) === JSON.stringify(progress.adoption) && previous.adoptable === progress.adoptable) {
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
