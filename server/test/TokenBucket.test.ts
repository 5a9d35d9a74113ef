import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../src/sync/TokenBucket';

describe('TokenBucket', () => {
  it('spends several tokens at once, and says how long until enough are saved up', () => {
    let now = 0;
    const bucket = new TokenBucket(100, 50, () => now);
    expect(bucket.take(40)).toBe(true);
    expect(bucket.take(40)).toBe(false);
    // 10 left, 30 more needed at 100 a second.
    expect(bucket.msUntil(40)).toBeCloseTo(300);
    now = 299;
    expect(bucket.take(40)).toBe(false);
    now = 300;
    expect(bucket.take(40)).toBe(true);
    expect(bucket.msUntil(10)).toBeCloseTo(100);
  });

  it('never saves up beyond its capacity, and refuses to wait for more than that', () => {
    let now = 0;
    const bucket = new TokenBucket(100, 50, () => now);
    now = 60_000;
    expect(bucket.take(50)).toBe(true);
    expect(bucket.take(1)).toBe(false);
    expect(() => bucket.msUntil(51)).toThrow(/capacity/);
  });
});
