import { describe, expect, it } from 'vitest';
import { matchById } from '../src/matchById';

const ids = (list: string) => list.split('');
const run = (before: string, after: string) =>
  matchById(ids(before), ids(after), (id) => id).map((m) => `${m.id}:${m.placement}`);

describe('matchById', () => {
  it('keeps an unchanged order (rule A2)', () => {
    expect(run('abc', 'abc')).toEqual(['a:kept', 'b:kept', 'c:kept']);
  });

  it('marks the one item that changed place as moved, at its new position (rules A2, A3)', () => {
    expect(run('abcd', 'bcda')).toEqual(['b:kept', 'c:kept', 'd:kept', 'a:moved']);
    expect(run('abcde', 'adbce')).toEqual(['a:kept', 'd:moved', 'b:kept', 'c:kept', 'e:kept']);
  });

  it('marks exactly one of two swapped items as moved (rule A2)', () => {
    const result = run('ab', 'ba');
    expect(result.filter((r) => r.endsWith(':moved'))).toHaveLength(1);
    expect(result.filter((r) => r.endsWith(':kept'))).toHaveLength(1);
    expect(result.map((r) => r[0])).toEqual(['b', 'a']);
  });

  it('places removed items among their old neighbours, added ones at their new place (rule A3)', () => {
    expect(run('abcd', 'axcd')).toEqual(['a:kept', 'b:removed', 'x:added', 'c:kept', 'd:kept']);
    expect(run('abc', 'bc')).toEqual(['a:removed', 'b:kept', 'c:kept']);
    expect(run('abc', 'ab')).toEqual(['a:kept', 'b:kept', 'c:removed']);
    expect(run('', 'ab')).toEqual(['a:added', 'b:added']);
  });

  it('does not count insertions or removals as moves (rule A2)', () => {
    expect(run('abc', 'xaybzc').filter((r) => r.endsWith(':moved'))).toEqual([]);
  });

  it('pairs the old and new items and keeps the first of a repeated id (rule A1)', () => {
    const before = [{ id: 'a', v: 1 }, { id: 'a', v: 2 }, { id: 'b', v: 3 }];
    const after = [{ id: 'b', v: 4 }, { id: 'a', v: 5 }];
    const result = matchById(before, after, (x) => x.id);
    expect(result).toHaveLength(2);
    const a = result.find((m) => m.id === 'a');
    expect(a?.old?.v).toBe(1);
    expect(a?.new?.v).toBe(5);
  });
});
