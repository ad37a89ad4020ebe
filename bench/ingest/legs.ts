/**
 * Driving load. The two legs run interleaved in rounds (A B, B A, A B, …) so that whatever else
 * the machine is doing falls on both of them alike; each leg has its own database.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Options } from './options.js';

/** CPU ticks per backend process of one database (Linux /proc); undefined when not measurable. */
export type DbCpuProbe = () => Promise<Map<number, number> | undefined>;

export interface Leg {
  name: 'api' | 'baseline';
  /** Writes item i: one HTTP request, or one bare-SQL transaction. */
  one: (i: number) => Promise<void>;
  dbCpu: DbCpuProbe;
}

export class LegStats {
  n = 0;
  seconds = 0;
  cpuUs = 0;
  loopBusyMs = 0;
  dbTicks = 0;
  dbMeasured = true;
  readonly latencies: number[] = [];
  readonly rounds: number[] = [];

  get perSecond(): number {
    return this.n / this.seconds;
  }
  pct(p: number): number {
    const l = [...this.latencies].sort((a, b) => a - b);
    return l.length ? l[Math.min(l.length - 1, Math.floor(p * l.length))]! : 0;
  }
  cpuMs(): number {
    return this.cpuUs / 1000 / this.n;
  }
  /** Share of the wall time this process's event loop was busy (1 = saturated). */
  loopBusy(): number {
    return this.loopBusyMs / (this.seconds * 1000);
  }
  dbCpuMs(): number | undefined {
    return this.dbMeasured ? (this.dbTicks * 10) / this.n : undefined; // USER_HZ = 100
  }
}

/** Runs items [from, to) through `leg` with `concurrency` workers. Adds to `stats` unless it is a warm-up. */
export async function runChunk(leg: Leg, from: number, to: number, concurrency: number, stats: LegStats | undefined): Promise<void> {
  if (to <= from) return;
  const db0 = stats ? await leg.dbCpu() : undefined;
  const latencies: number[] = [];
  let next = from;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= to) return;
      const s = performance.now();
      await leg.one(i);
      latencies.push(performance.now() - s);
    }
  };
  const cpu0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, to - from) }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const elu = performance.eventLoopUtilization(elu0);
  const cpu = process.cpuUsage(cpu0);
  if (!stats) return;
  const db1 = await leg.dbCpu();
  stats.n += to - from;
  stats.seconds += seconds;
  stats.rounds.push((to - from) / seconds);
  for (const l of latencies) stats.latencies.push(l);
  stats.cpuUs += cpu.user + cpu.system;
  stats.loopBusyMs += elu.active;
  if (db0 && db1) {
    for (const [pid, t] of db1) if (db0.has(pid)) stats.dbTicks += t - db0.get(pid)!;
  } else stats.dbMeasured = false;
}

/** Warm-up on both legs, then `rounds` alternating rounds (A B, B A, …) over the remaining items. */
export async function interleave(
  api: Leg,
  baseline: Leg,
  total: number,
  opts: Options,
  concurrency: number,
): Promise<Record<'api' | 'baseline', LegStats>> {
  const stats = { api: new LegStats(), baseline: new LegStats() };
  await runChunk(api, 0, opts.warmup, concurrency, undefined);
  await runChunk(baseline, 0, opts.warmup, concurrency, undefined);
  const n = total - opts.warmup;
  const rounds = Math.min(opts.rounds, n);
  for (let r = 0; r < rounds; r++) {
    const from = opts.warmup + Math.floor((n * r) / rounds);
    const to = opts.warmup + Math.floor((n * (r + 1)) / rounds);
    for (const leg of r % 2 === 0 ? [api, baseline] : [baseline, api]) await runChunk(leg, from, to, concurrency, stats[leg.name]);
  }
  return stats;
}

/** Sums utime + stime per PostgreSQL backend connected to `database` (same machine only). */
export function postgresCpuProbe(
  query: (sql: string, params: unknown[]) => Promise<{ rows: { pid: number }[] }>,
  database: string,
): DbCpuProbe {
  return async () => {
    if (process.platform !== 'linux') return undefined;
    try {
      const { rows } = await query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
      const ticks = new Map<number, number>();
      for (const { pid } of rows) {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks.set(pid, Number(f[11]) + Number(f[12]));
      }
      return ticks;
    } catch {
      return undefined; // PostgreSQL on another host, or /proc not readable
    }
  };
}

/** PGlite runs inside this process: its CPU is already in the node column. */
export const noDbCpu: DbCpuProbe = async () => undefined;

/**
 * POSTs one body to /api/v1/conversations with a keep-alive agent (one socket per concurrent
 * request). It runs on the server's thread: a client on a worker thread measured no different.
 */
export function httpPoster(baseUrl: string, token: string, concurrency: number) {
  const url = new URL('/api/v1/conversations', baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
  const auth = `Bearer ${token}`;
  const post = (body: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent,
          hostname: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: auth },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            if (res.statusCode === 201) resolve();
            else
              reject(
                new Error(`POST /api/v1/conversations → HTTP ${res.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 500)}`),
              );
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}
