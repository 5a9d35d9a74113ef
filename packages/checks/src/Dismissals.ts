import { REVIEW } from '@accord/permissions/writeTarget';
import type * as Y from 'yjs';

/*
 * The `review` root map holds « not an error » dismissals: finding id → who said so, and why. The
 * server alone writes it (A9), through `POST/DELETE …/checks/dismissals`, which also writes the
 * audit log; every client sees it live through the document.
 */

export interface Dismissal {
  by: string;
  role: string;
  at: string;
  reason: string;
}

/** Dismissals by finding id; entries of a foreign shape are skipped. */
export function readDismissals(doc: Y.Doc): Map<string, Dismissal> {
  const result = new Map<string, Dismissal>();
  doc.getMap(REVIEW).forEach((value, id) => {
    if (typeof value !== 'object' || value === null) return;
    const { by, role, at, reason } = value as Record<string, unknown>;
    if (typeof by === 'string' && typeof role === 'string' && typeof at === 'string' && typeof reason === 'string') result.set(id, { by, role, at, reason });
  });
  return result;
}

/** Server only. */
export function writeDismissal(doc: Y.Doc, findingId: string, dismissal: Dismissal | null): void {
  if (dismissal) doc.getMap(REVIEW).set(findingId, { ...dismissal });
  else doc.getMap(REVIEW).delete(findingId);
}
