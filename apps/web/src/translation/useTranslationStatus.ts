import type { TranslationCounts } from '@accord/model/translationState';
import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { type SectionTranslation, TranslationStatus } from './TranslationStatus';

/** The document's translation status store (it watches the document while subscribed to). */
export function useTranslationStatus(doc: Y.Doc): TranslationStatus {
  return useMemo(() => new TranslationStatus(doc), [doc]);
}

export function useSectionTranslation(status: TranslationStatus, sectionId: string): SectionTranslation | null {
  return useSyncExternalStore(status.subscribe, () => status.get().sections.get(sectionId) ?? null);
}

export function useTranslationTotal(status: TranslationStatus): TranslationCounts {
  return useSyncExternalStore(status.subscribe, () => status.get().total);
}
