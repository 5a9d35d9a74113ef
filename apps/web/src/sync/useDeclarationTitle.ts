import { type Bilingual, getMeta, readBilingual } from '@accord/model/declarationLayout';
import type * as Y from 'yjs';
import { useYjs } from './useYjs';

/** The declaration's `{fr, ja}` title from `meta`, live. */
export function useDeclarationTitle(doc: Y.Doc): Bilingual {
  // Deep: the title is a nested map, edited in place.
  return useYjs(getMeta(doc), (meta) => readBilingual(meta.get('title')), { deep: true });
}
