import { readDeclaration } from '@accord/model/readDeclaration';
import type * as Y from 'yjs';
import { sectionHash } from './sectionHash';
import { effectiveState, type EffectiveState, type SectionRecord } from './sectionWorkflow';
import { readWorkflow, sectionRecord, type Adoption } from './workflowMap';

export interface SectionProgress extends EffectiveState {
  id: string;
  hash: string;
  record: SectionRecord;
}

export interface DeclarationProgress {
  sections: SectionProgress[];
  adoption: Adoption | null;
  /** Every section is effectively approved: the mayor's office may adopt (W6). */
  adoptable: boolean;
}

/** Every section's effective state against its current text, in reading order. */
export function declarationProgress(doc: Y.Doc): DeclarationProgress {
  const workflow = readWorkflow(doc);
  const sections = readDeclaration(doc).sections.map((section) => {
    const hash = sectionHash(section);
    const record = sectionRecord(workflow, section.id);
    return { id: section.id, hash, record, ...effectiveState(record, hash) };
  });
  return {
    sections,
    adoption: workflow.adoption,
    adoptable: sections.length > 0 && sections.every((s) => s.state === 'approved'),
  };
}
