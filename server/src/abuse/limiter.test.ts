import { describe, expect, it } from 'vitest';
import { RateLimiter } from './limiter.js';

const T = Date.parse('2026-03-02T09:00:00.000Z');

describe('RateLimiter', () => {
  it('allows a burst up to capacity, then refuses until tokens refill', () => {
    const l = new RateLimiter({ capacity: 3, refillPerSecond: 1 });
    expect([l.take('ip', T), l.take('ip', T), l.take('ip', T), l.take('ip', T)]).toEqual([true, true, true, false]);
    expect(l.retryAfterMs('ip', T)).toBe(1000);
    expect(l.take('ip', T + 999)).toBe(false);
    expect(l.take('ip', T + 1000)).toBe(true);
    expect(l.take('ip', T + 1000)).toBe(false);
  });

  it('keeps keys apart', () => {
    const l = new RateLimiter({ capacity: 1, refillPerSecond: 1 });
    expect(l.take('a', T)).toBe(true);
    expect(l.take('a', T)).toBe(false);
    expect(l.take('b', T)).toBe(true);
  });

  it('refills no further than capacity after a long idle time', () => {
    const l = new RateLimiter({ capacity: 2, refillPerSecond: 10, maxKeys: 5 });
    l.take('k', T, 2);
    const later = T + 3_600_000;
    expect(l.take('k', later, 2)).toBe(true);
    expect(l.take('k', later)).toBe(false);
  });

  it('charges a cost, and a refused take spends nothing', () => {
    const l = new RateLimiter({ capacity: 10, refillPerSecond: 2 });
    expect(l.take('k', T, 8)).toBe(true);
    expect(l.take('k', T, 3)).toBe(false);
    expect(l.take('k', T, 2)).toBe(true);
    expect(l.retryAfterMs('k', T, 3)).toBe(1500);
    expect(l.retryAfterMs('k', T, 11)).toBe(Infinity);
    expect(l.take('k', T + 10_000, 11)).toBe(false);
  });

  it('retryAfterMs takes nothing', () => {
    const l = new RateLimiter({ capacity: 1, refillPerSecond: 1 });
    expect(l.retryAfterMs('k', T)).toBe(0);
    expect(l.retryAfterMs('k', T)).toBe(0);
    expect(l.take('k', T)).toBe(true);
  });

  it('a clock stepping back refills nothing', () => {
    const l = new RateLimiter({ capacity: 1, refillPerSecond: 1 });
    expect(l.take('k', T)).toBe(true);
    expect(l.take('k', T - 60_000)).toBe(false);
    expect(l.take('k', T + 1000)).toBe(true);
  });

  it('a flood of distinct keys holds at most maxKeys, evicting the least recently used', () => {
    const l = new RateLimiter({ capacity: 1, refillPerSecond: 0.001, maxKeys: 100 });
    expect(l.take('victim', T)).toBe(true);
    for (let i = 0; i < 50; i++) l.take(`flood-${i}`, T + 1);
    // Recently refused, so kept at the fresh end while the flood goes on.
    expect(l.take('victim', T + 2)).toBe(false);
    for (let i = 50; i < 10_000; i++) l.take(`flood-${i}`, T + 3);
    expect(l.size).toBe(100);
    // Pushed out by 10,000 newer keys: it starts again with a full bucket.
    expect(l.take('victim', T + 4)).toBe(true);
  });

  it('drops keys whose buckets have refilled, so idle keys cost no memory', () => {
    const l = new RateLimiter({ capacity: 2, refillPerSecond: 1 });
    for (let i = 0; i < 500; i++) l.take(`k${i}`, T);
    expect(l.size).toBe(500);
    l.take('late', T + 999);
    expect(l.size).toBe(501);
    l.take('later', T + 1000);
    expect(l.size).toBe(2);
  });

  it('refuses nonsense options and costs', () => {
    expect(() => new RateLimiter({ capacity: 0, refillPerSecond: 1 })).toThrow(RangeError);
    expect(() => new RateLimiter({ capacity: 1, refillPerSecond: -1 })).toThrow(RangeError);
    expect(() => new RateLimiter({ capacity: 1, refillPerSecond: 1, maxKeys: 0 })).toThrow(RangeError);
    const l = new RateLimiter({ capacity: 1, refillPerSecond: 1 });
    expect(() => l.take('k', T, -1)).toThrow(RangeError);
    expect(() => l.take('k', T, Number.NaN)).toThrow(RangeError);
    expect(() => l.take('k', Number.NaN)).toThrow(RangeError);
  });
});
