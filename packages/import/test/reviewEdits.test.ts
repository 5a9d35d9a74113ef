import { describe, expect, it } from 'vitest';
import type { PreviewPair } from '../src/ImportPreview';
import { canShiftUp, markUntranslated, mergeWithNext, shiftSide, splitPair } from '../src/reviewEdits';

const pair = (fr: string, ja: string, confidence = 0.9): PreviewPair => ({ type: 'paragraph', fr, ja, confidence });
const texts = (pairs: PreviewPair[]) => pairs.map((p) => [p.fr, p.ja]);

describe('review edits of the import preview', () => {
  it('merges a pair with the next and splits it back at the join', () => {
    const pairs = [pair('A1', 'あ'), pair('A2', ''), pair('B', 'い')];
    const merged = mergeWithNext(pairs, 0);
    expect(texts(merged)).toEqual([['A1\nA2', 'あ'], ['B', 'い']]);
    expect(merged[0]).toMatchObject({ confidence: 1, accepted: true });
    expect(texts(splitPair(merged, 0))).toEqual([['A1', 'あ'], ['A2', ''], ['B', 'い']]);
    expect(pairs).toHaveLength(3); // the input is left alone
  });

  it('unpairs a pair with no join: French alone, then Japanese alone', () => {
    expect(texts(splitPair([pair('A', 'い')], 0))).toEqual([['A', ''], ['', 'い']]);
  });

  it('marks a block untranslated: the other side moves down from there, nothing is lost', () => {
    // The Japanese text lacks B's translation, so い was paired with B and う with C.
    const pairs = [pair('A', 'あ'), pair('B', 'い', 0.3), pair('C', 'う', 0.3), pair('D', '', 0)];
    const fixed = markUntranslated(pairs, 1, 'fr');
    expect(texts(fixed)).toEqual([['A', 'あ'], ['B', ''], ['C', 'い'], ['D', 'う']]);
    expect(fixed[0]).toMatchObject({ confidence: 0.9 });
    expect(fixed[1]).toMatchObject({ accepted: false, confidence: 0 });
    expect(fixed[2]).toMatchObject({ accepted: true, confidence: 1 });
  });

  it('shifts one side up into an empty cell, and only then', () => {
    const pairs = [pair('A', 'あ'), pair('B', ''), pair('', 'い'), pair('C', 'う')];
    expect(canShiftUp(pairs, 2, 'ja')).toBe(true);
    expect(canShiftUp(pairs, 3, 'ja')).toBe(false);
    const up = shiftSide(pairs, 2, 'ja', 'up');
    expect(texts(up)).toEqual([['A', 'あ'], ['B', 'い'], ['', 'う'], ['C', '']]);
    expect(texts(shiftSide(up, 3, 'fr', 'up'))).toEqual([['A', 'あ'], ['B', 'い'], ['C', 'う']]);
    expect(texts(shiftSide(pairs, 3, 'ja', 'up'))).toEqual(texts(pairs));
    expect(texts(shiftSide(pairs, 0, 'fr', 'down'))).toEqual([['', 'あ'], ['A', ''], ['B', 'い'], ['', 'う'], ['C', '']]);
  });

  it('moves the declaration’s segments with its blocks, in an import into a declaration', () => {
    const seg = (sid: string) => [{ sid, was: '' }];
    const pairs: PreviewPair[] = [
      { ...pair('A', 'あ'), segments: seg('a') },
      { ...pair('B', 'い', 0.3), segments: seg('b') },
      { ...pair('C', 'う', 0.3), segments: seg('c') },
    ];
    const sids = (ps: PreviewPair[]) => ps.map((p) => [p.fr, p.ja, p.segments?.map((s) => s.sid) ?? []]);
    // The French is the declaration's: its segments stay with the French blocks, whichever side moves.
    expect(sids(markUntranslated(pairs, 1, 'fr', 'fr'))).toEqual([['A', 'あ', ['a']], ['B', '', ['b']], ['C', 'い', ['c']], ['', 'う', []]]);
    expect(sids(shiftSide(pairs, 1, 'fr', 'down', 'fr'))).toEqual([['A', 'あ', ['a']], ['', 'い', []], ['B', 'う', ['b']], ['C', '', ['c']]]);
    expect(sids(splitPair(pairs, 0, 'fr'))).toEqual([['A', '', ['a']], ['', 'あ', []], ['B', 'い', ['b']], ['C', 'う', ['c']]]);
    const merged = mergeWithNext(pairs, 0);
    expect(sids(merged)[0]).toEqual(['A\nB', 'あ\nい', ['a', 'b']]);
    expect(sids(splitPair(merged, 0, 'fr'))).toEqual(sids(pairs));
  });
});
