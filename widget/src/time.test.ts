import { describe, expect, it } from 'vitest';
import { formatHours, formatInstant } from './time.js';

describe('widget times', () => {
  const now = new Date('2026-03-02T03:00:00Z'); // Monday 12:00 in Tokyo

  it("shows an instant in the visitor's zone and language, with the weekday when it is not today", () => {
    expect(formatInstant('2026-03-02T05:30:00Z', 'ja', now, 'Asia/Tokyo')).toBe('14:30');
    expect(formatInstant('2026-03-02T05:30:00Z', 'en', now, 'America/New_York')).toMatch(/^Mon 12:30\sAM$/);
    expect(formatInstant('2026-03-03T00:15:00Z', 'de', now, 'Asia/Tokyo')).toBe('Di., 09:15');
    expect(formatInstant('2026-03-02T05:30:00Z', 'ar', now, 'Asia/Riyadh')).toMatch(/^(8|٨):(30|٣٠)/);
  });

  it("lists today's hours as ranges", () => {
    const hours = [
      { start: '2026-03-02T00:00:00Z', end: '2026-03-02T03:00:00Z' },
      { start: '2026-03-02T04:00:00Z', end: '2026-03-02T09:00:00Z' },
    ];
    expect(formatHours(hours, 'pt-BR', now, 'Asia/Tokyo')).toBe('9:00–12:00, 13:00–18:00');
  });
});
