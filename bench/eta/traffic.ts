/**
 * Synthetic international traffic for the ETA simulation: customers of the demo's regions write
 * in their language, mostly in their own daytime and on weekdays. Deterministic for a seed.
 */
import { offsetAt } from '../../server/src/calendars/zone.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** mulberry32: small, fast, good enough to spread arrivals and service times. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A lognormal sample with this median and σ (of the underlying normal), by Box–Muller. */
export function lognormal(rand: () => number, median: number, sigma: number): number {
  const u = Math.max(rand(), 1e-12);
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  return median * Math.exp(sigma * z);
}

export interface Segment {
  /** BCP-47 tag the customer writes in. */
  locale: string;
  country: string;
  timeZone: string;
  /** Share of all conversations. */
  share: number;
}

/**
 * Who writes: shares follow the demo's regions (Europe and the Americas the largest, then Japan,
 * India and Brazil). Every language here has a team that declares it or a fluent agent in the
 * default team, so nothing is routed where nobody can read it.
 */
export const SEGMENTS: Segment[] = [
  { locale: 'de-DE', country: 'DE', timeZone: 'Europe/Berlin', share: 0.1 },
  { locale: 'de-AT', country: 'AT', timeZone: 'Europe/Vienna', share: 0.02 },
  { locale: 'fr-FR', country: 'FR', timeZone: 'Europe/Paris', share: 0.03 },
  { locale: 'pl-PL', country: 'PL', timeZone: 'Europe/Warsaw', share: 0.02 },
  { locale: 'en-GB', country: 'GB', timeZone: 'Europe/London', share: 0.04 },
  { locale: 'en-US', country: 'US', timeZone: 'America/New_York', share: 0.1 },
  { locale: 'en-US', country: 'US', timeZone: 'America/Los_Angeles', share: 0.06 },
  { locale: 'en-CA', country: 'CA', timeZone: 'America/Toronto', share: 0.02 },
  { locale: 'en-IN', country: 'IN', timeZone: 'Asia/Kolkata', share: 0.06 },
  { locale: 'en-AU', country: 'AU', timeZone: 'Australia/Sydney', share: 0.02 },
  { locale: 'hi-IN', country: 'IN', timeZone: 'Asia/Kolkata', share: 0.05 },
  { locale: 'ja-JP', country: 'JP', timeZone: 'Asia/Tokyo', share: 0.12 },
  { locale: 'pt-BR', country: 'BR', timeZone: 'America/Sao_Paulo', share: 0.12 },
  { locale: 'es-MX', country: 'MX', timeZone: 'America/Mexico_City', share: 0.05 },
  { locale: 'es-AR', country: 'AR', timeZone: 'America/Argentina/Buenos_Aires', share: 0.03 },
  { locale: 'es-ES', country: 'ES', timeZone: 'Europe/Madrid', share: 0.03 },
  { locale: 'en-SG', country: 'SG', timeZone: 'Asia/Singapore', share: 0.02 },
  { locale: 'ru-RU', country: 'RU', timeZone: 'Europe/Moscow', share: 0.02 },
  { locale: 'pt-PT', country: 'PT', timeZone: 'Europe/Lisbon', share: 0.03 },
];

/** Relative arrival intensity by the customer's local hour (weekdays); weekends get WEEKEND of it. */
const BY_HOUR = [
  0.15, 0.1, 0.08, 0.08, 0.1, 0.15, 0.3, 0.6, 1.0, 1.4, 1.5, 1.4, 1.1, 1.3, 1.4, 1.3, 1.2, 1.0, 0.8, 0.7, 0.6, 0.5, 0.4, 0.25,
];
const WEEKEND = 0.35;
const PEAK = Math.max(...BY_HOUR);

/** Relative intensity at instant t for a customer in `timeZone`. */
export function intensity(timeZone: string, t: number): number {
  const local = new Date(t + offsetAt(timeZone, t));
  const day = local.getUTCDay();
  return BY_HOUR[local.getUTCHours()]! * (day === 0 || day === 6 ? WEEKEND : 1);
}

export interface Arrival {
  id: number;
  at: number;
  segment: Segment;
}

/**
 * Arrivals in [from, to): a non-homogeneous Poisson process per segment (thinning), scaled so the
 * whole mix averages `perWeek` conversations a week. Sorted by time.
 */
export function arrivals(rand: () => number, from: number, to: number, perWeek: number): Arrival[] {
  // The mean of intensity over a week, to turn shares into peak rates.
  const weekMean = (BY_HOUR.reduce((a, b) => a + b, 0) / 24) * ((5 + 2 * WEEKEND) / 7);
  const total = SEGMENTS.reduce((a, x) => a + x.share, 0);
  const out: Arrival[] = [];
  for (const segment of SEGMENTS) {
    const perHourMean = (perWeek * segment.share) / total / (7 * 24);
    const peakPerMs = (perHourMean * (PEAK / weekMean)) / HOUR_MS;
    let t = from;
    for (;;) {
      t += -Math.log(Math.max(rand(), 1e-12)) / peakPerMs;
      if (t >= to) break;
      if (rand() * PEAK < intensity(segment.timeZone, t)) out.push({ id: 0, at: Math.round(t), segment });
    }
  }
  out.sort((a, b) => a.at - b.at);
  out.forEach((a, i) => (a.id = i));
  return out;
}
