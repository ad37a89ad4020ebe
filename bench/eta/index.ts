/**
 * How often the acknowledgement's promise is kept: `npm run bench -- eta [--seed=N] [--per-week=N]`
 *
 * Replays a week of synthetic international traffic (bench/eta/traffic.ts: 19 customer segments
 * in their own time zones and languages, daytime and weekday peaks) through the demo workspace's
 * routing (decideRoute: rules, follow-the-sun chain, team calendars with their public holidays) and
 * the acknowledgement's ETA (promiseEta over the team's recent first replies and queue, exactly as
 * the job computes it), simulates when each conversation really gets its first reply
 * (bench/eta/simulate.ts), and counts the promises kept. The week measured is 27 April – 3 May 2026
 * (Shōwa Day in Tokyo, 1 May in Berlin, Bangalore and São Paulo), after a warm-up week that gives
 * the teams their history. Baselines in the same run: "within an hour" (wall clock), "within one
 * business hour" (team calendar) and the team's recent median alone. Exits 1 below TARGET.
 */
import { ETA_POLICY } from '../../server/src/acks/eta.js';
import { businessTimeBetween } from '../../server/src/calendars/index.js';
import { simulate, type Outcome, type Work } from './simulate.js';
import { arrivals, rng } from './traffic.js';

export const TARGET = 0.95;
const log = (line: string): void => void process.stdout.write(`${line}\n`);
const WARM_UP = Date.UTC(2026, 3, 20);
const FROM = Date.UTC(2026, 3, 27);
const TO = Date.UTC(2026, 4, 4);
const WORK: Work = { replyMedian: 7, replySigma: 0.8, otherMean: 6 };

function parseArgs(args: string[]): { seed: number; perWeek: number } {
  const opts = { seed: 20260427, perWeek: 1500 };
  for (const a of args) {
    const m = /^--(seed|per-week)=(\d+)$/.exec(a);
    if (!m || Number(m[2]) < 1) throw new Error(`bad option ${a}; use --seed=N --per-week=N`);
    if (m[1] === 'seed') opts.seed = Number(m[2]);
    else opts.perWeek = Number(m[2]);
  }
  return opts;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};
const hm = (minutes: number) =>
  minutes >= 60 ? `${Math.floor(minutes / 60)} h ${String(Math.round(minutes % 60)).padStart(2, '0')}` : `${Math.round(minutes)} min`;
const kept = (os: Outcome[], pick: (o: Outcome) => number) => os.filter((o) => o.replied <= pick(o)).length / os.length;
const wall = (o: Outcome, until: number) => (until - o.arrival.at) / 60_000;
const business = (o: Outcome, until: number) =>
  o.calendar ? businessTimeBetween(o.calendar, new Date(o.arrival.at), new Date(until)) : wall(o, until);

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    log('eta: how often the auto-acknowledgement promise is kept, over a simulated week of traffic.');
    log('usage: npm run bench -- eta [--seed=20260427] [--per-week=1500]');
    return 0;
  }
  const opts = parseArgs(args);
  const started = performance.now();
  const rand = rng(opts.seed);
  const traffic = arrivals(rand, WARM_UP, TO, opts.perWeek);
  const all = simulate(traffic, rand, WORK, ETA_POLICY);
  const week = all.filter((o) => o.arrival.at >= FROM && o.arrival.at < TO);
  const seconds = (performance.now() - started) / 1000;

  log(
    `seed ${opts.seed}; ${traffic.length} conversations from ${new Date(WARM_UP).toISOString().slice(0, 10)}, measured: the ${week.length} of 27 Apr – 3 May 2026`,
  );
  log(
    `work: first reply lognormal median ${WORK.replyMedian} min (σ ${WORK.replySigma}), then other work averaging ${WORK.otherMean} min; 3 agents per team`,
  );
  log(
    `policy: ${ETA_POLICY.tailFactor} × M + (Q + 1) × G × A / R, at least ${ETA_POLICY.minMinutes} min (M = ${ETA_POLICY.defaultMedianMinutes}, G = ${ETA_POLICY.defaultGapMinutes} below ${ETA_POLICY.minSamples} first replies)`,
  );
  log('');
  const rows: [string, (o: Outcome) => number][] = [
    ['ETA (acknowledgement)', (o) => o.promised],
    ['within 1 hour (wall)', (o) => o.wallHour],
    ['within 1 business hour', (o) => o.businessHour],
    ['recent median alone', (o) => o.medianOnly],
  ];
  log('promise                    kept     promised wait (median / p90, wall)');
  for (const [name, pick] of rows) {
    const waits = week.map((o) => wall(o, pick(o)));
    log(`${name.padEnd(25)} ${pct(kept(week, pick)).padStart(6)}   ${hm(quantile(waits, 0.5))} / ${hm(quantile(waits, 0.9))}`);
  }
  const actual = week.map((o) => wall(o, o.replied));
  const late = week.filter((o) => o.replied > o.promised).map((o) => (o.replied - o.promised) / 60_000);
  log(
    `actual first reply (wall): median ${hm(quantile(actual, 0.5))}, p90 ${hm(quantile(actual, 0.9))}; business: median ${hm(
      quantile(
        week.map((o) => business(o, o.replied)),
        0.5,
      ),
    )}`,
  );
  log(
    `broken promises: ${late.length}, late by median ${late.length ? hm(quantile(late, 0.5)) : '–'}, max ${late.length ? hm(Math.max(...late)) : '–'}`,
  );
  log(`handed over along the chain: ${week.filter((o) => o.handover).length}`);
  const basis = (k: 'median' | 'gap' | 'queue') =>
    quantile(
      week.map((o) => o.basis[k]),
      0.5,
    );
  log(`what promises were made from (medians): M ${hm(basis('median'))}, G ${hm(basis('gap'))}, Q ${basis('queue')} waiting ahead`);
  log('');
  log('team            conversations   ETA kept   within 1 h   promised (business, median)   actual (business, median)');
  for (const team of [...new Set(week.map((o) => o.teamId))].sort()) {
    const os = week.filter((o) => o.teamId === team);
    log(
      `${team.padEnd(15)} ${String(os.length).padStart(13)}   ${pct(kept(os, (o) => o.promised)).padStart(8)}   ${pct(kept(os, (o) => o.wallHour)).padStart(10)}   ${hm(
        quantile(
          os.map((o) => business(o, o.promised)),
          0.5,
        ),
      ).padStart(27)}   ${hm(
        quantile(
          os.map((o) => business(o, o.replied)),
          0.5,
        ),
      ).padStart(25)}`,
    );
  }
  const rate = kept(week, (o) => o.promised);
  log('');
  log(`target: ≥ ${pct(TARGET)} of promises kept — ${rate >= TARGET ? 'met' : 'NOT met'} (${seconds.toFixed(1)} s)`);
  return rate >= TARGET ? 0 : 1;
}
