import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LruCache } from '@accord/model/LruCache';
import { cachedTokenize } from '../src/cachedTokenize';
import { diffText } from '../src/diffText';
import { tokenize } from '../src/tokenize';

describe('cachedTokenize', () => {
  it('gives exactly what tokenize gives, first time and again, in both languages; the list is frozen', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.constantFrom('fr' as const, 'ja' as const), (text, lang) => {
        const fresh = tokenize(text, lang);
        expect(cachedTokenize(text, lang)).toEqual(fresh);
        expect(cachedTokenize(text, lang)).toEqual(fresh);
        expect(Object.isFrozen(cachedTokenize(text, lang))).toBe(true);
        // Remembered: the very same list comes back, per language.
        expect(cachedTokenize(text, lang)).toBe(cachedTokenize(text, lang));
      }),
      { seed: 17, numRuns: 300 },
    );
  });

  it('keeps one list per language for the same text', () => {
    expect(cachedTokenize('2026 年 会議', 'fr')).not.toBe(cachedTokenize('2026 年 会議', 'ja'));
  });

  it('a diff from remembered tokens is the diff from fresh ones', () => {
    const before = '第9回会議のテーマを「移行と世代間のつながりを担う自治体」とした。';
    const after = '第9回会議のテーマを「移行と世代間及び広域のつながりを担う自治体」とした。';
    const first = diffText(before, after, 'ja', cachedTokenize);
    expect(diffText(before, after, 'ja', cachedTokenize)).toEqual(first);
    expect(diffText(before, after, 'ja')).toEqual(first);
    expect(first.filter((op) => op.op === 'insert').map((op) => op.text).join('')).toContain('及び広域');
  });
});

describe('LruCache', () => {
  it('forgets the least recently used entries beyond its weight budget, and never keeps one heavier than the budget', () => {
    const cache = new LruCache<string, number>(10, (key) => key.length);
    cache.set('aaaa', 1);
    cache.set('bbbb', 2);
    expect(cache.get('aaaa')).toBe(1); // now the most recently used
    cache.set('cccc', 3); // 12 > 10: the least recently used (bbbb) goes
    expect(cache.get('bbbb')).toBeUndefined();
    expect(cache.get('aaaa')).toBe(1);
    expect(cache.get('cccc')).toBe(3);
    cache.set('x'.repeat(11), 4);
    expect(cache.get('x'.repeat(11))).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});
