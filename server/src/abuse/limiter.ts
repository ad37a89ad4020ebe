/**
 * In-memory token buckets, one per key (an IP, a visitor id): each holds up to `capacity` tokens and
 * refills at `refillPerSecond`; a request takes `cost` tokens or is refused. Time is passed in (ms
 * since the epoch), so the limiter never reads the wall clock and tests use fixed instants.
 *
 * Memory is bounded: keys live in a Map kept in least-recently-used order. A bucket that has refilled
 * to capacity is the same as no bucket, so such keys are dropped as they reach the front; beyond
 * `maxKeys` the least recently used key is dropped even if not full. A flood of distinct keys therefore
 * costs at most `maxKeys` entries; its price is that a key pushed out early starts again with a full
 * bucket, which is why `maxKeys` should comfortably exceed the keys active within one refill period.
 * Per process: several server processes each keep their own buckets.
 */
export interface LimiterOptions {
  /** Burst size: tokens a fresh or idle key may spend at once. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
  /** Most keys held at once (default 10,000). */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  /** When `tokens` was measured (ms). */
  at: number;
}

export class RateLimiter {
  readonly capacity: number;
  readonly refillPerMs: number;
  readonly maxKeys: number;
  private readonly buckets = new Map<string, Bucket>();

  constructor(opts: LimiterOptions) {
    if (!(opts.capacity > 0) || !Number.isFinite(opts.capacity)) throw new RangeError('capacity must be a positive number');
    if (!(opts.refillPerSecond > 0) || !Number.isFinite(opts.refillPerSecond)) {
      throw new RangeError('refillPerSecond must be a positive number');
    }
    const maxKeys = opts.maxKeys ?? 10_000;
    if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new RangeError('maxKeys must be a positive integer');
    this.capacity = opts.capacity;
    this.refillPerMs = opts.refillPerSecond / 1000;
    this.maxKeys = maxKeys;
  }

  /** Takes `cost` tokens from the key's bucket if it holds them; false (nothing taken) if not. */
  take(key: string, now: number, cost = 1): boolean {
    return this.attempt(key, now, cost, true) === 0;
  }

  /** Milliseconds until `take(key, now + result, cost)` would succeed (0: now; Infinity: cost exceeds capacity). Takes nothing. */
  retryAfterMs(key: string, now: number, cost = 1): number {
    return this.attempt(key, now, cost, false);
  }

  /** Keys currently held (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private attempt(key: string, now: number, cost: number, consume: boolean): number {
    if (!Number.isFinite(cost) || cost < 0) throw new RangeError('cost must be a finite number ≥ 0');
    if (!Number.isFinite(now)) throw new RangeError('now must be a finite number of milliseconds');
    this.sweep(now);
    if (cost > this.capacity) return Infinity;
    const tokens = this.level(this.buckets.get(key), now);
    if (tokens >= cost) {
      if (consume) this.store(key, { tokens: tokens - cost, at: now });
      return 0;
    }
    // A refused request still refreshes the key's place: a key being hammered is the last to evict.
    if (consume) this.store(key, { tokens, at: now });
    return Math.ceil((cost - tokens) / this.refillPerMs);
  }

  private level(b: Bucket | undefined, now: number): number {
    if (!b) return this.capacity;
    // A clock that stepped back refills nothing rather than draining the bucket.
    const elapsed = Math.max(0, now - b.at);
    return Math.min(this.capacity, b.tokens + elapsed * this.refillPerMs);
  }

  private store(key: string, b: Bucket): void {
    this.buckets.delete(key);
    this.buckets.set(key, b);
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value as string;
      this.buckets.delete(oldest);
    }
  }

  /** Drops full buckets from the least recently used end (amortised: each key is dropped once). */
  private sweep(now: number): void {
    for (const [key, b] of this.buckets) {
      if (this.level(b, now) < this.capacity) return;
      this.buckets.delete(key);
    }
  }
}
