import { primaryLanguage } from '../lib/language-tag.js';
import { npsBucket, SCALE, type SurveyKind } from '../surveys/survey-kinds.js';

/** What a survey copied from its conversation when it was decided, with the team's and agent's current names. */
export interface SurveyDimensions {
  language: string | null;
  country: string | null;
  channel: string;
  teamId: string | null;
  teamName: string | null;
  agentId: string | null;
  agentName: string | null;
  tags: string[];
}

/** One survey sent in the period, with its answer if it has one. */
export interface FeedbackRow extends SurveyDimensions {
  kind: SurveyKind;
  sentAt: Date;
  /** null: not answered. */
  score: number | null;
}

export const BREAKDOWNS = ['language', 'country', 'channel', 'team', 'agent', 'tag'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export type Bucket = 'day' | 'week';

/** Under this many answers in a language its style cannot be estimated: its scores stay as they are. */
export const MIN_LANGUAGE_ANSWERS = 3;

export interface Metrics {
  sent: number;
  answered: number;
  /** answered / sent, two decimals; null when nothing was sent. */
  responseRate: number | null;
  /** Answers per scale point, from the scale's minimum up (CSAT 1–5: five counts). */
  distribution: number[];
  /** Mean score, two decimals; null without answers. */
  average: number | null;
  /** The mean of the answers normalised for their language's response style (see normaliseScores), two decimals. */
  normalisedAverage: number | null;
  /** CSAT: % of answers 4–5; CES: % of answers 5–7 ("easy"); one decimal. NPS: null. */
  satisfiedPercent: number | null;
  /** NPS only: % promoters − % detractors, rounded half away from zero to an integer. */
  nps: number | null;
  promoters: number | null;
  passives: number | null;
  detractors: number | null;
}

export interface Group extends Metrics {
  key: string | null;
  label: string | null;
}

export interface TrendPoint extends Metrics {
  /** The bucket's first local day (a Monday for weeks), YYYY-MM-DD in the report's zone. */
  bucket: string;
}

export interface FeedbackSummary {
  kind: SurveyKind;
  overall: Metrics;
  groups: Group[];
  trend: TrendPoint[];
}

const round = (v: number, places: number) => {
  const f = 10 ** places;
  // Half away from zero, so −12.5 and 12.5 round alike in magnitude.
  return (Math.sign(v) * Math.round(Math.abs(v) * f)) / f;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const stdev = (xs: number[], m: number) => Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / xs.length);

/** The language a row is normalised and grouped under: its primary subtag. */
const languageOf = (r: FeedbackRow) => (r.language ? primaryLanguage(r.language) : null);

/**
 * Removes each language's response style: an answer's z-score among all answers of its language
 * (this kind, this period) is mapped back onto the scale through the mean and standard deviation of
 * all answers. So a Japanese 4 where Japanese customers average 3.6 and a Brazilian 5 where Brazilians
 * average 4.8 land where they stand among their own. A language with fewer than
 * MIN_LANGUAGE_ANSWERS answers keeps its raw scores; one whose answers are all equal lands on the
 * overall mean. Returns one value per row (null for unanswered rows).
 */
export function normaliseScores(rows: FeedbackRow[]): (number | null)[] {
  const answered = rows.filter((r) => r.score !== null).map((r) => r.score!);
  if (answered.length === 0) return rows.map(() => null);
  const gMean = mean(answered);
  const gSd = stdev(answered, gMean);
  const byLanguage = new Map<string | null, number[]>();
  for (const r of rows) {
    if (r.score === null) continue;
    const k = languageOf(r);
    const xs = byLanguage.get(k);
    if (xs) xs.push(r.score);
    else byLanguage.set(k, [r.score]);
  }
  const style = new Map<string | null, { m: number; sd: number } | null>();
  for (const [k, xs] of byLanguage) {
    const m = mean(xs);
    style.set(k, xs.length < MIN_LANGUAGE_ANSWERS ? null : { m, sd: stdev(xs, m) });
  }
  return rows.map((r) => {
    if (r.score === null) return null;
    const s = style.get(languageOf(r));
    if (!s) return r.score;
    const z = s.sd === 0 ? 0 : (r.score - s.m) / s.sd;
    return gMean + z * gSd;
  });
}

/** The metrics of a set of rows of one kind; `normalised` holds each row's normalised score. */
export function metrics(kind: SurveyKind, rows: FeedbackRow[], normalised: (number | null)[]): Metrics {
  const { min, max } = SCALE[kind];
  const scores = rows.filter((r) => r.score !== null).map((r) => r.score!);
  const norm = normalised.filter((v): v is number => v !== null);
  const n = scores.length;
  const distribution = Array.from({ length: max - min + 1 }, (_, i) => scores.filter((s) => s === min + i).length);
  const pct = (count: number) => (n === 0 ? null : round((100 * count) / n, 1));
  const nps = kind === 'nps' ? scores.map(npsBucket) : null;
  const count = (b: string) => (nps ? nps.filter((x) => x === b).length : null);
  const promoters = count('promoter');
  const detractors = count('detractor');
  return {
    sent: rows.length,
    answered: n,
    responseRate: rows.length === 0 ? null : round(n / rows.length, 2),
    distribution,
    average: n === 0 ? null : round(mean(scores), 2),
    normalisedAverage: norm.length === 0 ? null : round(mean(norm), 2),
    satisfiedPercent:
      kind === 'csat' ? pct(scores.filter((s) => s >= 4).length) : kind === 'ces' ? pct(scores.filter((s) => s >= 5).length) : null,
    nps: nps && n > 0 ? round((100 * (promoters! - detractors!)) / n, 0) : null,
    promoters,
    passives: count('passive'),
    detractors,
  };
}

/** The keys (and labels) a row is counted under in a breakdown: one per tag for `tag` (null when untagged). */
function keysOf(r: FeedbackRow, by: Breakdown): { key: string | null; label: string | null }[] {
  switch (by) {
    case 'language': {
      const l = languageOf(r);
      return [{ key: l, label: l }];
    }
    case 'country':
      return [{ key: r.country, label: r.country }];
    case 'channel':
      return [{ key: r.channel, label: r.channel }];
    case 'team':
      return [{ key: r.teamId, label: r.teamName }];
    case 'agent':
      return [{ key: r.agentId, label: r.agentName }];
    case 'tag':
      return r.tags.length === 0 ? [{ key: null, label: null }] : [...new Set(r.tags)].map((t) => ({ key: t, label: t }));
  }
}

/** Local calendar date (YYYY-MM-DD) of an instant in a zone; one formatter per zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function localDay(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(at);
}

/** The bucket of an instant: its local day, or the Monday of its local ISO week. */
export function bucketOf(at: Date, bucket: Bucket, timeZone: string): string {
  const day = localDay(at, timeZone);
  if (bucket === 'day') return day;
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The feedback report over rows of one kind: overall, per group of `by` (largest first, then by key,
 * the group without a key last) and per time bucket (in order). Normalisation is computed once over
 * all rows, so a group's normalised average compares across breakdowns.
 */
export function feedbackSummary(
  kind: SurveyKind,
  rows: FeedbackRow[],
  opts: { by: Breakdown; bucket: Bucket; timeZone: string },
): FeedbackSummary {
  const own = rows.filter((r) => r.kind === kind);
  const norm = normaliseScores(own);
  const indexed = own.map((r, i) => ({ r, n: norm[i]! }));
  const over = (items: typeof indexed) =>
    metrics(
      kind,
      items.map((x) => x.r),
      items.map((x) => x.n),
    );

  const groups = new Map<string | null, { label: string | null; items: typeof indexed }>();
  for (const item of indexed) {
    for (const { key, label } of keysOf(item.r, opts.by)) {
      const g = groups.get(key) ?? { label, items: [] };
      g.items.push(item);
      groups.set(key, g);
    }
  }
  const grouped: Group[] = [...groups].map(([key, g]) => ({ key, label: g.label, ...over(g.items) }));
  grouped.sort((a, b) => {
    if ((a.key === null) !== (b.key === null)) return a.key === null ? 1 : -1;
    return b.sent - a.sent || (a.key ?? '').localeCompare(b.key ?? '');
  });

  const buckets = new Map<string, typeof indexed>();
  for (const item of indexed) {
    const b = bucketOf(item.r.sentAt, opts.bucket, opts.timeZone);
    const items = buckets.get(b);
    if (items) items.push(item);
    else buckets.set(b, [item]);
  }
  const trend = [...buckets.keys()].sort().map((b) => ({ bucket: b, ...over(buckets.get(b)!) }));

  return { kind, overall: over(indexed), groups: grouped, trend };
}
