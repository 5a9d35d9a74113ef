import { createDeclaration, type DeclarationOptions } from '@accord/model/createDeclaration';
import * as Y from 'yjs';
import type { Store } from './Store';

/** Writes a new declaration from the template (`createDeclaration`) and stores it under `id`. */
export async function storeNewDeclaration(store: Store, id: string, options: DeclarationOptions): Promise<void> {
  const doc = new Y.Doc();
  try {
    createDeclaration(doc, options);
    await store.createDeclaration({ id, title: options.title }, Y.encodeStateAsUpdate(doc));
  } finally {
    doc.destroy();
  }
}
