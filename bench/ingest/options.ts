/** Command-line options of the ingest bench, and the per-engine defaults they override. */
import type { Engine } from '../../server/src/db/types.js';

export interface EngineSpec {
  engine: Engine;
  n: number;
  concurrency: number;
}

export const DEFAULTS: Record<Engine, EngineSpec> = {
  postgres: { engine: 'postgres', n: 2000, concurrency: 16 },
  // PGlite is one connection: more concurrency only queues inside the instance.
  pglite: { engine: 'pglite', n: 1000, concurrency: 4 },
};

export interface Options {
  n?: number;
  concurrency?: number;
  warmup: number;
  rounds: number;
  engines: Engine[];
}

export class UsageError extends Error {}

export function parseArgs(args: string[]): Options {
  const opts: Options = { warmup: 100, rounds: 8, engines: ['postgres', 'pglite'] };
  for (const a of args) {
    const m = /^--([a-z-]+)=(.*)$/.exec(a);
    const int = (v: string, min: number) => {
      const x = Number(v);
      if (!Number.isInteger(x) || x < min) throw new UsageError(`${a}: expected an integer ≥ ${min}`);
      return x;
    };
    if (m?.[1] === 'n') opts.n = int(m[2]!, 1);
    else if (m?.[1] === 'warmup') opts.warmup = int(m[2]!, 0);
    else if (m?.[1] === 'rounds') opts.rounds = int(m[2]!, 1);
    else if (m?.[1] === 'concurrency') opts.concurrency = int(m[2]!, 1);
    else if (m?.[1] === 'engine') {
      const v = m[2]!;
      if (v === 'both') opts.engines = ['postgres', 'pglite'];
      else if (v === 'postgres' || v === 'pglite') opts.engines = [v];
      else throw new UsageError(`${a}: expected postgres, pglite or both`);
    } else throw new UsageError(`unknown option ${a}`);
  }
  return opts;
}

export const USAGE = `usage: npm run bench -- ingest [--n=N] [--warmup=N] [--rounds=N] [--concurrency=N] [--engine=postgres|pglite|both]
  --n            conversations per leg (default ${DEFAULTS.postgres.n} on PostgreSQL, ${DEFAULTS.pglite.n} on PGlite)
  --warmup       requests per leg before measuring (default 100)
  --rounds       alternating measured rounds per leg (default 8)
  --concurrency  requests in flight (default ${DEFAULTS.postgres.concurrency} on PostgreSQL, ${DEFAULTS.pglite.concurrency} on PGlite)
  --engine       which engines to run (default both)`;

/** The spec for one engine: its defaults, with --n and --concurrency applied. */
export function specFor(engine: Engine, opts: Options): EngineSpec {
  return {
    ...DEFAULTS[engine],
    ...(opts.n !== undefined ? { n: opts.n } : {}),
    ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
  };
}
