import { describe, expect, it } from 'vitest';
import { customerWeekend, customerZone, sendAt, type CustomerPlace } from './business-hours.js';

const place = (p: Partial<CustomerPlace>): CustomerPlace => ({ timeZone: null, country: null, locale: null, ...p });
const iso = (d: Date) => d.toISOString();

describe("the customer's business hours", () => {
  it('zone: their own, else their country’s only zone, else the default', () => {
    expect(customerZone(place({ timeZone: 'Asia/Tokyo', country: 'DE' }))).toBe('Asia/Tokyo');
    expect(customerZone(place({ timeZone: 'Mars/Olympus', country: 'AE' }))).toBe('Asia/Dubai');
    expect(customerZone(place({ country: 'US' }), 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(customerZone(place({}))).toBe('UTC');
  });

  it('weekend: from the country’s culture profile; Saturday–Sunday without one', () => {
    expect(customerWeekend(place({ country: 'SA' }))).toEqual([5, 6]);
    expect(customerWeekend(place({ country: 'DE' }))).toEqual([6, 7]);
    // No ar-AE profile: the UAE rests Saturday–Sunday (since 2022), not Arabic's default Friday–Saturday.
    expect(customerWeekend(place({ country: 'AE', locale: 'ar' }))).toEqual([6, 7]);
    expect(customerWeekend(place({ locale: 'ar-SA' }))).toEqual([5, 6]);
    expect(customerWeekend(place({ locale: 'ar' }))).toEqual([6, 7]);
  });

  it('a Friday evening in Dubai sends on Monday morning; in Riyadh on Sunday morning', () => {
    const fridayEvening = new Date('2026-03-06T20:30:00+04:00');
    const dubai = place({ country: 'AE', locale: 'ar' });
    expect(iso(sendAt(dubai, 'business_hours', fridayEvening))).toBe('2026-03-09T05:00:00.000Z'); // Mon 09:00 +04
    expect(iso(sendAt(dubai, 'next_business_morning', fridayEvening))).toBe('2026-03-09T05:00:00.000Z');
    const riyadh = place({ country: 'SA', timeZone: 'Asia/Riyadh' });
    expect(iso(sendAt(riyadh, 'business_hours', new Date('2026-03-06T20:30:00+03:00')))).toBe('2026-03-08T06:00:00.000Z'); // Sun 09:00 +03
    // Thursday night in Riyadh: Friday and Saturday are the weekend.
    expect(iso(sendAt(riyadh, 'next_business_morning', new Date('2026-03-05T23:00:00+03:00')))).toBe('2026-03-08T06:00:00.000Z');
  });

  it('in business hours: now, or the requested instant; next_business_morning is tomorrow’s opening', () => {
    const berlin = place({ country: 'DE', timeZone: 'Europe/Berlin' });
    const tuesdayMorning = new Date('2026-03-03T10:15:00+01:00');
    expect(iso(sendAt(berlin, 'business_hours', tuesdayMorning))).toBe(iso(tuesdayMorning));
    expect(iso(sendAt(berlin, 'next_business_morning', tuesdayMorning))).toBe('2026-03-04T08:00:00.000Z');
    expect(iso(sendAt(berlin, new Date('2026-03-03T16:00:00+01:00'), tuesdayMorning))).toBe('2026-03-03T15:00:00.000Z');
    // Asked for 23:00 local: held to 09:00 the next morning, never the customer's night.
    expect(iso(sendAt(berlin, new Date('2026-03-03T23:00:00+01:00'), tuesdayMorning))).toBe('2026-03-04T08:00:00.000Z');
    // Early morning before opening: today's opening.
    expect(iso(sendAt(berlin, 'next_business_morning', new Date('2026-03-03T06:00:00+01:00')))).toBe('2026-03-03T08:00:00.000Z');
    // A past instant counts from now.
    expect(iso(sendAt(berlin, new Date('2020-01-01T00:00:00Z'), tuesdayMorning))).toBe(iso(tuesdayMorning));
  });

  it('public holidays of the country are closed (Good Friday 2026 in Germany)', () => {
    const berlin = place({ country: 'DE', timeZone: 'Europe/Berlin' });
    expect(iso(sendAt(berlin, 'business_hours', new Date('2026-04-02T19:00:00+02:00')))).toBe('2026-04-07T07:00:00.000Z'); // Easter Monday too
  });

  it('DST: the opening stays 09:00 local across the change (Berlin, New York)', () => {
    const berlin = place({ country: 'DE', timeZone: 'Europe/Berlin' });
    // Saturday 28 March 23:00 CET → Monday 30 March 09:00 CEST (+02:00).
    expect(iso(sendAt(berlin, 'business_hours', new Date('2026-03-28T23:00:00+01:00')))).toBe('2026-03-30T07:00:00.000Z');
    // Friday 23 October 20:00 CEST → Monday 26 October 09:00 CET (+01:00).
    expect(iso(sendAt(berlin, 'business_hours', new Date('2026-10-23T20:00:00+02:00')))).toBe('2026-10-26T08:00:00.000Z');
    const ny = place({ country: 'US', timeZone: 'America/New_York' });
    // Friday 6 March 19:00 EST → Monday 9 March 09:00 EDT (-04:00).
    expect(iso(sendAt(ny, 'next_business_morning', new Date('2026-03-06T19:00:00-05:00')))).toBe('2026-03-09T13:00:00.000Z');
  });
});
