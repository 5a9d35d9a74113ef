import { diffArrays } from 'diff';

/**
 * Where an id sits between two versions of an ordered list (README rules A1–A3):
 * `kept` — in both, and part of the longest common subsequence of the two id orders;
 * `moved` — in both, but outside that subsequence (its position relative to the others changed);
 * `added` / `removed` — in only the new / only the old list.
 */
export type Placement = 'kept' | 'moved' | 'added' | 'removed';

export interface IdMatch<T> {
  id: string;
  placement: Placement;
  /** The item in the old list, `null` when added. */
  old: T | null;
  /** The item in the new list, `null` when removed. */
  new: T | null;
}

/**
 * Pairs the items of two versions of a list by id and says how each one moved.
 *
 * The result lists every id once, in reading order: the new order, with each removed item at the
 * place it held among its old neighbours (rule A3). A moved item appears at its new position.
 * Ids must be unique within each list; a repeated id keeps its first occurrence (the later ones
 * are ignored), which matches how `readDeclaration` reads repeated sids.
 *
 * Which ids count as moved follows one longest common subsequence of the two id orders (jsdiff's
 * Myers diff of the id arrays: its `equal` runs are exactly such a subsequence). When several
 * subsequences are equally long (two items swapped), one of the candidates is reported as moved.
 */
export function matchById<T>(oldItems: readonly T[], newItems: readonly T[], idOf: (item: T) => string): IdMatch<T>[] {
  const oldById = firstById(oldItems, idOf);
  const newById = firstById(newItems, idOf);
  const matches: IdMatch<T>[] = [];
  for (const change of diffArrays([...oldById.keys()], [...newById.keys()])) {
    for (const id of change.value) {
      const old = oldById.get(id) ?? null;
      const next = newById.get(id) ?? null;
      if (!change.added && !change.removed) matches.push({ id, placement: 'kept', old, new: next });
      else if (!oldById.has(id)) matches.push({ id, placement: 'added', old, new: next });
      else if (!newById.has(id)) matches.push({ id, placement: 'removed', old, new: next });
      // An id in both lists but outside the common subsequence shows up twice in the diff, once
      // removed (old position) and once added (new position): keep the latter only.
      else if (change.added) matches.push({ id, placement: 'moved', old, new: next });
    }
  }
  return matches;
}

function firstById<T>(items: readonly T[], idOf: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const id = idOf(item);
    if (!map.has(id)) map.set(id, item);
  }
  return map;
}
