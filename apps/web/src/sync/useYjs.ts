import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

// Any shared type (map, array, text, XML…), whatever its content.
type SharedType = Y.AbstractType<any>;

interface Versions {
  shallow?: number;
  deep?: number;
}

/**
 * How many times each type read through `useYjs` has changed, counted from its first read on by
 * an observer of its own, so that a change between a component's render and its subscription is
 * not missed. Held as long as the type lives (like `DerivedFromDoc`, per document).
 */
const versions = new WeakMap<SharedType, Versions>();

function versionOf(type: SharedType, deep: boolean): number {
  let counts = versions.get(type);
  if (!counts) versions.set(type, (counts = {}));
  const kind = deep ? 'deep' : 'shallow';
  if (counts[kind] === undefined) {
    const bump = (c: Versions) => () => {
      c[kind] = (c[kind] ?? 0) + 1;
    };
    if (deep) type.observeDeep(bump(counts));
    else type.observe(bump(counts));
    counts[kind] = 0;
  }
  return counts[kind];
}

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
  // The last read: from which type, at which of its versions.
  const cache = useRef<{ type: T; version: number; value: S } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!type) return noop();
      // Registered after the version counter (at the first read), so it runs after it.
      const handler = () => onChange();
      if (deep) type.observeDeep(handler);
      else type.observe(handler);
      return () => (deep ? type.unobserveDeep(handler) : type.unobserve(handler));
    },
    [type, deep],
  );
  return useSyncExternalStore(subscribe, () => {
    if (!type) return undefined;
    const version = versionOf(type, deep);
    const cached = cache.current;
    if (cached && cached.type === type && cached.version === version) return cached.value;
    const value = read(type);
    cache.current = { type, version, value };
    return value;
  });
}
