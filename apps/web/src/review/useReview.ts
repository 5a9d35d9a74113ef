import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { type ReviewSnapshot, ReviewStatus } from './ReviewStatus';

/** The document's review store (it watches the document while subscribed to); `null` without a document. */
export function useReviewStatus(doc: Y.Doc | null): ReviewStatus | null {
  return useMemo(() => (doc ? new ReviewStatus(doc) : null), [doc]);
}

export function useReview(status: ReviewStatus): ReviewSnapshot {
  return useSyncExternalStore(status.subscribe, status.get);
}
