import * as Y from 'yjs';
import type { StoredDocument } from './Store';

/** A stored document that cannot be read back: it must never be served as empty or saved over. */
export class DocumentLoadError extends Error {
  constructor(
    readonly declarationId: string,
    cause: unknown,
  ) {
    super(`declaration ${declarationId} could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DocumentLoadError';
  }
}

/**
 * Rebuilds a Y.Doc from its snapshot and update log. Throws `DocumentLoadError` when a row does
 * not decode, or when updates stay pending after everything was applied (an update whose
 * dependencies were never stored): serving that document would silently hide text.
 */
export function docFromStored(declarationId: string, stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
  } catch (error) {
    doc.destroy();
    throw new DocumentLoadError(declarationId, error);
  }
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    doc.destroy();
    throw new DocumentLoadError(declarationId, new Error('stored updates reference content that was never stored'));
  }
  return doc;
}
