import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

const noop = () => () => {};

/** One string entry of a Y.Map, re-rendering on change; `""` when absent or not a string. */
export function useYMapString<T>(map: Y.Map<T> | null, key: string): string {
  return useSyncExternalStore(
    map
      ? (onChange) => {
          const handler = (event: Y.YMapEvent<T>) => {
            if (event.keysChanged.has(key)) onChange();
          };
          map.observe(handler);
          return () => map.unobserve(handler);
        }
      : noop,
    () => {
      const value = map?.get(key);
      return typeof value === 'string' ? value : '';
    },
  );
}
