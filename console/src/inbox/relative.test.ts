import { describe, expect, it } from 'vitest';
import { relativeParts } from './relative';

const now = new Date('2026-03-02T12:00:00Z');
const at = (s: number) => new Date(now.getTime() + s * 1000);

describe('relativeParts', () => {
  it('picks the largest unit that fits and rounds toward zero', () => {
    expect(relativeParts(at(59 * 60), now)).toEqual({ value: 59, unit: 'minute' });
    expect(relativeParts(at(-90 * 60), now)).toEqual({ value: -1, unit: 'hour' });
    expect(relativeParts(at(3 * 86_400 + 5), now)).toEqual({ value: 3, unit: 'day' });
    expect(relativeParts(at(-5), now)).toEqual({ value: -5, unit: 'second' });
    expect(relativeParts(at(-274 * 86_400), now)).toEqual({ value: -9, unit: 'month' });
    expect(relativeParts(at(800 * 86_400), now)).toEqual({ value: 2, unit: 'year' });
    expect(relativeParts(at(0), now)).toEqual({ value: 0, unit: 'second' });
  });
});
