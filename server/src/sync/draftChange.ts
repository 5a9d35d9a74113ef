import * as Y from 'yjs';

/**
 * Runs `mutate` on a copy of `doc` writing under `doc`'s own client id, and returns what it
 * returned and the update it made, as `doc` would receive it.
 */
export function draftChange<T>(doc: Y.Doc, mutate: (doc: Y.Doc) => T): { value: T; update: Uint8Array } {
  const draft = new Y.Doc({ gc: doc.gc });
  try {
    draft.clientID = doc.clientID;
    Y.applyUpdate(draft, Y.encodeStateAsUpdate(doc));
    let value!: T;
    draft.transact(() => {
      value = mutate(draft);
    });
    return { value, update: Y.encodeStateAsUpdate(draft, Y.encodeStateVector(doc)) };
  } finally {
    draft.destroy();
  }
}
