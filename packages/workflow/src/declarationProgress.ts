import { readBilingual, sectionEntries } from '@accord/model/declarationLayout';
import { readSegments } from '@accord/model/readDeclaration';
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

/**
 * Every section's effective state against its current text, in reading order. `knownHash` may
 * give the hash of a section whose title and text are known not to have changed, so a live view
 * re-hashes only the section being typed in.
 */
export function declarationProgress(doc: Y.Doc, knownHash: (sectionId: string) => string | undefined = () => undefined): DeclarationProgress {
  const workflow = readWorkflow(doc);
  const sections = sectionEntries(doc).map(({ id, map }) => {
    const hash = knownHash(id) ?? sectionHash({ title: readBilingual(map.get('title')), segments: readSegments(doc, id) });
    const record = sectionRecord(workflow, id);
    return { id, hash, record, ...effectiveState(record, hash) };
  });
  return {
    sections,
    adoption: workflow.adoption,
    adoptable: sections.length > 0 && sections.every((s) => s.state === 'approved'),
  };
}
