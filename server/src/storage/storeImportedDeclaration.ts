import { createImportedDeclaration, type ImportedSection } from '@accord/model/createImportedDeclaration';
import type { DeclarationMeta } from '@accord/model/readDeclaration';
import * as Y from 'yjs';
import type { Store } from './Store';

/** Writes an imported declaration (`createImportedDeclaration`) and stores it under `id`, in one write. */
export async function storeImportedDeclaration(
  store: Store,
  id: string,
  declaration: { meta: DeclarationMeta; sections: readonly ImportedSection[] },
  by: string,
): Promise<void> {
  const doc = new Y.Doc();
  try {
    createImportedDeclaration(doc, declaration, by);
    await store.createDeclaration({ id, title: declaration.meta.title }, Y.encodeStateAsUpdate(doc));
  } finally {
    doc.destroy();
  }
}
