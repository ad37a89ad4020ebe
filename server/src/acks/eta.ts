import { addBusinessTime, businessTimeBetween, nextOpen, type BusinessCalendar } from '../calendars/index.js';
import { localToUtc, MINUTE_MS, offsetAt } from '../calendars/zone.js';

/**
 * The reply time an acknowledgement promises: pure, clock-free, a function of the routed team's
 * calendar and its live queue. The formula, in business minutes on the team calendar (wall minutes
 * for a team without one):
 *
 *   M      = the team's recent median first-reply time (business minutes from creation to the first
 *            agent reply); defaultMedianMinutes while fewer than minSamples are known
 *   G      = the median business minutes between the team's consecutive first replies over the same
 *            conversations: how fast the team gets through its queue; defaultGapMinutes likewise
 *   Q      = conversations of the team still waiting for their first reply, created before this one
 *   A, R   = agents in the team, and those of them who read the conversation's language (1 ≤ R ≤ A)
 *   budget = max(minMinutes, tailFactor × M + (Q + 1) × G × A / R)
 *   due    = addBusinessTime(now, budget), rounded up to the next 15 minutes (30 beyond two hours)
 *            of the customer's wall clock
 *
 * tailFactor × M covers a conversation's own spread (M is a median: half take longer). (Q + 1) × G is
 * the queue ahead and this conversation, drained at the pace the team has been answering; when only
 * R of the A agents read the language, that pace is theirs alone. G over-states the time per reply
 * when the team is idle (the gaps then wait for customers, not agents), and M includes waiting, so the
 * sum errs long rather than short. Counting business time means a promise made at night, on a weekend
 * or on a holiday starts at the next opening; it is never earlier than that opening plus minMinutes.
 * `npm run bench -- eta` replays traffic through routing and this formula, and measures how often the
 * promise is kept; the constants are the ones that keep 95% there.
 */
export interface EtaPolicy {
  /** Multiple of the median first-reply time every promise includes. */
  tailFactor: number;
  /** M while the team has fewer than minSamples recent first replies. */
  defaultMedianMinutes: number;
  /** G likewise. */
  defaultGapMinutes: number;
  minSamples: number;
  /** The shortest promise, in business minutes. */
  minMinutes: number;
}

export const ETA_POLICY: EtaPolicy = { tailFactor: 2, defaultMedianMinutes: 60, defaultGapMinutes: 20, minSamples: 5, minMinutes: 15 };

export interface EtaInput {
  now: Date;
  /** The routed team's compiled calendar; null: the team keeps no hours (always open). */
  calendar: BusinessCalendar | null;
  /** M in business minutes, or null when too few first replies are known (see medianFirstReply). */
  medianMinutes: number | null;
  /** G in business minutes, or null when too few first replies are known (see medianReplyGap). */
  replyGapMinutes: number | null;
  /** Q: conversations of the team waiting for a first reply ahead of this one. */
  queueAhead: number;
  /** A: agents who answer for the team. */
  agents: number;
  /** R: those of them who read the conversation's language; default A. */
  readers?: number;
  /** The zone whose wall clock the promise is rounded on (the customer's); default the calendar's, else UTC. */
  timeZone?: string | null;
}

export interface Eta {
  due: Date;
  /** The first open instant at or after now (now itself when open). */
  opensAt: Date;
  /** Business minutes budgeted before rounding. */
  budgetMinutes: number;
  medianMinutes: number;
  gapMinutes: number;
  /** Whether M and G are the defaults (too few first replies known). */
  medianDefaulted: boolean;
}

/**
 * The promise for a new conversation, or null when the calendar has no open time within its
 * search horizon (a team that never opens cannot promise anything).
 */
export function promiseEta(input: EtaInput, policy: EtaPolicy = ETA_POLICY): Eta | null {
  const { now, calendar } = input;
  const opensAt = calendar ? nextOpen(calendar, now) : now;
  if (!opensAt) return null;
  const median = input.medianMinutes ?? policy.defaultMedianMinutes;
  const gap = input.replyGapMinutes ?? policy.defaultGapMinutes;
  const agents = Math.max(1, Math.floor(input.agents));
  const readers = Math.min(agents, Math.max(1, Math.floor(input.readers ?? agents)));
  const queue = Math.max(0, Math.floor(input.queueAhead));
  const budget = Math.max(policy.minMinutes, policy.tailFactor * median + ((queue + 1) * gap * agents) / readers);
  const raw = calendar ? addBusinessTime(calendar, now, budget) : new Date(now.getTime() + budget * MINUTE_MS);
  if (!raw) return null;
  const zone = input.timeZone ?? calendar?.timeZone ?? 'UTC';
  const step = raw.getTime() - now.getTime() <= 2 * 60 * MINUTE_MS ? 15 : 30;
  return {
    due: roundUp(raw, step, zone),
    opensAt,
    budgetMinutes: budget,
    medianMinutes: median,
    gapMinutes: gap,
    medianDefaulted: input.medianMinutes === null,
  };
}

/** `at` rounded up to the next whole `stepMinutes` of wall time in `timeZone` (unchanged when on one). */
export function roundUp(at: Date, stepMinutes: number, timeZone: string): Date {
  const t = at.getTime();
  const step = stepMinutes * MINUTE_MS;
  const local = t + offsetAt(timeZone, t);
  const ceiled = Math.ceil(local / step) * step;
  if (ceiled === local) return at;
  // Through the zone rules, so a step across a DST change lands on the wall time the customer reads.
  let out = localToUtc(timeZone, ceiled);
  while (out < t) out += step;
  return new Date(out);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const minutesBetween = (calendar: BusinessCalendar | null, a: Date, b: Date): number =>
  Math.max(0, calendar ? businessTimeBetween(calendar, a, b) : (b.getTime() - a.getTime()) / MINUTE_MS);

export interface FirstReplySample {
  createdAt: Date;
  firstReplyAt: Date;
}

/**
 * M: the median business minutes from creation to first reply over the samples (the team's recent
 * conversations), on the team calendar (wall minutes without one); null with fewer than minSamples.
 */
export function medianFirstReply(
  samples: readonly FirstReplySample[],
  calendar: BusinessCalendar | null,
  policy: EtaPolicy = ETA_POLICY,
): number | null {
  if (samples.length < policy.minSamples) return null;
  return median(samples.map((s) => minutesBetween(calendar, s.createdAt, s.firstReplyAt)));
}

/**
 * G: the median business minutes between consecutive first replies of the samples (in reply order),
 * on the team calendar; null with fewer than minSamples. Night and weekend gaps cost nothing.
 */
export function medianReplyGap(
  samples: readonly FirstReplySample[],
  calendar: BusinessCalendar | null,
  policy: EtaPolicy = ETA_POLICY,
): number | null {
  if (samples.length < policy.minSamples) return null;
  const replies = samples.map((s) => s.firstReplyAt).sort((a, b) => a.getTime() - b.getTime());
  return median(replies.slice(1).map((r, i) => minutesBetween(calendar, replies[i]!, r)));
}
