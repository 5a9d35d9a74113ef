import { getMeta } from '@accord/model/declarationLayout';
import { readSignatories, type Signatories } from '@accord/model/signatories';
import type * as Y from 'yjs';
import { useYjs } from '../sync/useYjs';

/** The two signatories from `meta`, live. */
export function useSignatories(doc: Y.Doc): Signatories {
  // Deep: each name is a nested map, edited in place.
  return useYjs(getMeta(doc), () => readSignatories(doc), { deep: true });
}
