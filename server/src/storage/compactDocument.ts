import * as Y from 'yjs';
import { docFromStored } from './docFromStored';
import type { Store } from './Store';

/**
 * Folds a document's update log into its snapshot. It reads what is stored rather than trusting
 * a copy in memory, so it is safe whichever process appended the updates, and re-encodes through
 * a Y.Doc: `Y.mergeUpdates` is superlinear on keystroke-sized updates and hangs on some crafted
 * input. The store replaces snapshot and log in one transaction (Store rule 3), so a crash at any
 * point loses nothing. Returns the number of updates folded.
 */
export async function compactDocument(store: Store, id: string): Promise<number> {
  const stored = await store.loadDocument(id);
  if (!stored || stored.updates.length === 0) return 0;
  const doc = docFromStored(id, stored);
  try {
    await store.replaceSnapshot(id, Y.encodeStateAsUpdate(doc), stored.throughSeq);
  } finally {
    doc.destroy();
  }
  return stored.updates.length;
}
