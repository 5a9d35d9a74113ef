import { changedPassages } from './changedPassages';
import type { DeclarationDiff } from './diffDeclarations';

/** How much a change holds, as a person sums it up: « 3 passages dans 2 sections ». */
export interface ChangeCounts {
  /** Passages whose French or Japanese text differs (`changedPassages`). */
  passages: number;
  /** Sections holding such a passage, or whose title differs. */
  sections: number;
}

export function changeCounts(diff: DeclarationDiff): ChangeCounts {
  const sections = diff.sections.filter((section) => section.title.languages !== 'unchanged' || section.segments.some((segment) => segment.textChanged));
  return { passages: changedPassages(diff).length, sections: sections.length };
}
