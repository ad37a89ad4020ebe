import { describe, expect, it } from 'vitest';
import { FieldInputError } from './forms';
import { formatWeekly, parseWeekly } from './weekly';

describe('weekly hours lines', () => {
  it('reads ranges and lists of ISO weekdays and writes them back the same way', () => {
    const text = '1-5 09:00-17:30\n6,7 10:00-14:00\n1,3-4 22:00-06:00';
    const weekly = parseWeekly('weekly', text);
    expect(weekly).toEqual([
      { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' },
      { days: [6, 7], start: '10:00', end: '14:00' },
      { days: [1, 3, 4], start: '22:00', end: '06:00' },
    ]);
    expect(formatWeekly(weekly)).toBe('1-5 09:00-17:30\n6-7 10:00-14:00\n1,3-4 22:00-06:00');
  });

  it('names the line it cannot read', () => {
    expect(() => parseWeekly('weekly', '1-5 09:00-17:00\nMonday 9 to 5')).toThrow(FieldInputError);
    expect(() => parseWeekly('weekly', '8 09:00-10:00')).toThrow('line 1: 8 09:00-10:00');
  });
});
