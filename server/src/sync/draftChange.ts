import type { Member } from '@accord/permissions/roles';
import { planIntegration } from '@accord/permissions/planIntegration';
import * as Y from 'yjs';
import { checkChangeFor } from './checkUpdate';

/** What `Room.changeAs` did: the change's value, or why nothing was written (`tooLarge`: past the document limit). */
export type ChangeAsResult<T> = { ok: true; value: T } | { ok: false; reason: string; tooLarge?: true };

/**
 * Runs `mutate` on a copy of `doc` writing under `doc`'s own client id, and returns what it
 * returned and the update it made, as `doc` would receive it.
 */
function draftChange<T>(doc: Y.Doc, mutate: (doc: Y.Doc) => T): { value: T; update: Uint8Array } {
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

/**
 * A server change made on behalf of `member`, drafted on a copy and judged before anything
 * touches `doc`: refused when it would take more than `bytesLeft` of storage, or where a client
 * update of `member`'s with the same effect would be refused (`checkChangeFor`, from what Yjs
 * would integrate). Throws what `mutate` throws.
 */
export function draftChangeAs<T>(doc: Y.Doc, member: Member, mutate: (doc: Y.Doc) => T, bytesLeft: number): ({ ok: true } & ReturnType<typeof draftChange<T>>) | Extract<ChangeAsResult<T>, { ok: false }> {
  const drafted = draftChange(doc, mutate);
  if (drafted.update.length > bytesLeft) return { ok: false, tooLarge: true, reason: `the change takes ${drafted.update.length} bytes, and the declaration has ${bytesLeft} left under its size limit` };
  const verdict = checkChangeFor(doc, member, planIntegration(doc, drafted.update));
  return verdict.ok ? { ok: true, ...drafted } : verdict;
}
