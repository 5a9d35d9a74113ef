import type { SectionProgress } from '@accord/workflow/declarationProgress';
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { type WorkflowSnapshot, WorkflowStatus } from './WorkflowStatus';

/** The document's workflow store (it watches the document while subscribed to). */
export function useWorkflowStatus(doc: Y.Doc): WorkflowStatus {
  return useMemo(() => new WorkflowStatus(doc), [doc]);
}

export function useWorkflow(status: WorkflowStatus): WorkflowSnapshot {
  return useSyncExternalStore(status.subscribe, status.get);
}

export function useSectionProgress(status: WorkflowStatus, sectionId: string): SectionProgress | null {
  return useSyncExternalStore(status.subscribe, () => status.get().byId.get(sectionId) ?? null);
}
