import * as Y from 'yjs';
import { docFromStored } from './docFromStored';
import type { Store } from './Store';

/**
 * Folds a document's update log into its snapshot. It reads what is stored rather than trusting
 * a copy in memory, so it is safe whichever process appended the updates, and re-encodes through
 * a Y.Doc: `Y.mergeUpdates` is superlinear on keystroke-sized updates and hangs on some crafted
 * input. The store replaces snapshot and log in one transaction (Store rule 3), so a crash at any
 * point loses nothing. Returns the number of updates folded and the size of the snapshot now
 * stored; `null` for an unknown document.
 */
export async function compactDocument(store: Store, id: string): Promise<{ folded: number; snapshotBytes: number } | null> {
  const stored = await store.loadDocument(id);
  if (!stored) return null;
  if (stored.updates.length === 0) return { folded: 0, snapshotBytes: stored.snapshot?.length ?? 0 };
  const doc = docFromStored(id, stored);
  try {
    const snapshot = Y.encodeStateAsUpdate(doc);
    await store.replaceSnapshot(id, snapshot, stored.throughSeq);
    return { folded: stored.updates.length, snapshotBytes: snapshot.length };
  } finally {
    doc.destroy();
  }
}
