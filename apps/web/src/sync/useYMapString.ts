import type * as Y from 'yjs';
import { useYjs } from './useYjs';

/** One string entry of a Y.Map, re-rendering on change; `""` when absent or not a string. */
export function useYMapString<T>(map: Y.Map<T> | null, key: string): string {
  const value = useYjs(map, (m) => m.get(key));
  return typeof value === 'string' ? value : '';
}
