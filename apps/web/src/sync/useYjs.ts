import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

// Any shared type (map, array, text, XML…), whatever its content.
type SharedType = Y.AbstractType<any>;

const noop = () => () => {};

/**
 * What `read` makes of a shared Yjs type, live: the one way a component subscribes to Yjs (the
 * page-wide derived stores, `DerivedFromDoc`, are read with `useSyncExternalStore` on their own
 * `get`/`subscribe`). The subscription is made once per type, not on every render; `read` runs
 * again only after the type changed (`observe`, or `observeDeep` with `deep` for nested content),
 * so what it returns keeps its identity in between. `read` must depend on the type alone.
 * Undefined while `type` is null.
 */
export function useYjs<T extends SharedType, S>(type: T, read: (type: T) => S, options?: { deep?: boolean }): S;
export function useYjs<T extends SharedType, S>(type: T | null, read: (type: T) => S, options?: { deep?: boolean }): S | undefined;
export function useYjs<T extends SharedType, S>(type: T | null, read: (type: T) => S, options?: { deep?: boolean }): S | undefined {
  const deep = options?.deep ?? false;
  // The last read, and the type it was read from; `stale` once the type changed since.
  const cache = useRef<{ type: T; value: S; stale: boolean } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!type) return noop();
      const handler = () => {
        if (cache.current?.type === type) cache.current.stale = true;
        onChange();
      };
      if (deep) type.observeDeep(handler);
      else type.observe(handler);
      return () => (deep ? type.unobserveDeep(handler) : type.unobserve(handler));
    },
    [type, deep],
  );
  return useSyncExternalStore(subscribe, () => {
    if (!type) return undefined;
    const cached = cache.current;
    if (cached && cached.type === type && !cached.stale) return cached.value;
    const value = read(type);
    cache.current = { type, value, stale: false };
    return value;
  });
}
