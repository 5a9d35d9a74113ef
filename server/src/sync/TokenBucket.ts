/**
 * A token bucket: `ratePerSecond` tokens a second, at most `capacity` saved up. `take` spends
 * tokens if there are enough; `msUntil` says how long until there will be. Time comes from `now`
 * so that tests can drive it.
 */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.at = now();
  }

  take(count = 1): boolean {
    this.refill();
    if (this.tokens < count) return false;
    this.tokens -= count;
    return true;
  }

  /** Milliseconds until `count` tokens are saved up (0: now). `count` above the capacity never is: misuse. */
  msUntil(count: number): number {
    if (count > this.capacity) throw new Error(`TokenBucket: ${count} tokens exceed the capacity of ${this.capacity}`);
    this.refill();
    return Math.max(0, ((count - this.tokens) / this.ratePerSecond) * 1000);
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.ratePerSecond);
    this.at = now;
  }
}
