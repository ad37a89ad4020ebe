export type RelativeUnit = 'second' | 'minute' | 'hour' | 'day' | 'month' | 'year';

/**
 * `at` relative to `now` as one Intl.RelativeTimeFormat value and unit ("in 3 hours", "2 days ago"),
 * rounded toward zero so an SLA due in 59 minutes never reads "in 1 hour".
 */
export function relativeParts(at: Date, now: Date): { value: number; unit: RelativeUnit } {
  const s = (at.getTime() - now.getTime()) / 1000;
  const abs = Math.abs(s);
  const trunc = (n: number) => Math.trunc(n) || 0;
  if (abs < 60) return { value: trunc(s), unit: 'second' };
  if (abs < 3600) return { value: trunc(s / 60), unit: 'minute' };
  if (abs < 86_400) return { value: trunc(s / 3600), unit: 'hour' };
  if (abs < 30 * 86_400) return { value: trunc(s / 86_400), unit: 'day' };
  if (abs < 365 * 86_400) return { value: trunc(s / (30 * 86_400)), unit: 'month' };
  return { value: trunc(s / (365 * 86_400)), unit: 'year' };
}
