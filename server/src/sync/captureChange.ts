import type * as Y from 'yjs';

/**
 * Runs `mutate` on `doc` in one transaction of `origin` and returns the update it made (`null`:
 * none) and what it threw: a throw after part of a change was integrated still leaves that part
 * to store, so memory never gets ahead of disk.
 */
export function captureChange(doc: Y.Doc, origin: unknown, mutate: () => void): { update: Uint8Array | null; error: unknown } {
  let update: Uint8Array | null = null;
  // One transaction emits one update event, after `mutate` returns or throws.
  const capture = (made: Uint8Array) => (update = made);
  doc.on('update', capture);
  try {
    doc.transact(mutate, origin);
    return { update, error: null };
  } catch (error) {
    return { update, error };
  } finally {
    doc.off('update', capture);
  }
}
