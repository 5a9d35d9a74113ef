import { type Bilingual, getMeta, readBilingual } from '@accord/model/declarationLayout';
import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

const cache = new WeakMap<Y.Doc, Bilingual>();

/** The declaration's `{fr, ja}` title from `meta`, live. */
export function useDeclarationTitle(doc: Y.Doc): Bilingual {
  return useSyncExternalStore(
    (onChange) => {
      const meta = getMeta(doc);
      const handler = () => {
        cache.delete(doc);
        onChange();
      };
      // Deep: the title is a nested map, edited in place.
      meta.observeDeep(handler);
      return () => meta.unobserveDeep(handler);
    },
    () => {
      let title = cache.get(doc);
      if (!title) {
        title = readBilingual(getMeta(doc).get('title'));
        cache.set(doc, title);
      }
      return title;
    },
  );
}
