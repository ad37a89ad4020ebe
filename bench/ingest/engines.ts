/**
 * Engines. Each leg writes to its own database, so the server's outbox processor and pg-boss
 * only ever see the API's rows, and the two legs can alternate while the server stays up.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Config } from '../../server/src/config.js';
import { migrate } from '../../server/src/db/migrate.js';
import { openPglite } from '../../server/src/db/pglite.js';
import { openPostgres } from '../../server/src/db/postgres.js';
import type { Db, Engine, Queryable } from '../../server/src/db/types.js';
import { startServer, type Running } from '../../server/src/server.js';
import { adminQuery, PG_ADMIN_URL, urlFor } from '../../server/src/test/pg-admin.js';
import { pgBaseline, pgliteBaseline, rowSignature, setupWorkspace, type Ctx } from './baseline.js';
import type { Cleanup } from './cleanup.js';
import { httpPoster, interleave, noDbCpu, postgresCpuProbe, type Leg, type LegStats } from './legs.js';
import type { EngineSpec, Options } from './options.js';
import { bodyOf, makeItems, type Item } from './workload.js';

export interface EngineResult {
  engine: Engine;
  concurrency: number;
  poolSize: number;
  version: string;
  api: LegStats;
  baseline: LegStats;
  rowsMatch: boolean;
  apiRows: string;
  baseRows: string;
}

export const log = (s: string) => process.stdout.write(`${s}\n`);

export function benchConfig(db: Config['db']): Config {
  return {
    db,
    port: 0,
    host: '127.0.0.1',
    bodyLimit: 1024 * 1024,
    sessionTtlMs: 3600_000,
    secureCookies: false,
    logLevel: 'silent',
    // A key of its own: the bench stores no provider secrets and must not write a key file.
    secretKey: randomBytes(32),
    secretKeyFile: '',
    providerAllowedHosts: [],
    // No SMTP listener: the bench posts over HTTP (the smtp bench measures mail).
    smtpPort: 0,
    smtpHost: '127.0.0.1',
    blobDir: path.join(os.tmpdir(), 'meridian-bench-blobs'),
  };
}

const workload = (spec: EngineSpec, opts: Options): Item[] => makeItems(opts.warmup + spec.n, randomBytes(3).toString('hex'));

/** One leg of an engine: how it writes item i and probes its database's CPU, and where its rows go. */
interface Side extends Omit<Leg, 'name'> {
  db: Queryable;
  ctx: Ctx;
}

/**
 * API leg: the real server, as `meridian start` runs it (jobs and outbox on), with a workspace and
 * token made before it listens (after `beforeSetup`), and a keep-alive HTTP client posting item i's
 * body. Its side counts no database CPU; the PostgreSQL engine puts in a probe.
 */
async function startApi(config: Config, items: Item[], concurrency: number, cleanup: Cleanup, beforeSetup?: (db: Db) => Promise<void>) {
  const bodies = items.map(bodyOf);
  let ctx!: Ctx & { token: string };
  const running: Running = await startServer(config, {
    beforeListen: async (db) => {
      await beforeSetup?.(db);
      ctx = await setupWorkspace(db, 'bench-api');
    },
  });
  cleanup.add(`stop server (${config.db.kind})`, () => running.stop());
  const { rows: v } = await running.db.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  const client = httpPoster(running.url, ctx.token, concurrency);
  cleanup.add('close HTTP agent', () => client.close());
  const api: Side = { one: (i) => client.post(bodies[i]!), dbCpu: noDbCpu, db: running.db, ctx };
  return { running, api, version: v[0]?.v ?? '?' };
}

/** Runs the legs interleaved, compares the rows they wrote, and releases the engine's resources. */
async function measure(
  spec: EngineSpec,
  opts: Options,
  cleanup: Cleanup,
  total: number,
  api: Side,
  baseline: Side,
): Promise<Pick<EngineResult, 'concurrency' | 'api' | 'baseline' | 'rowsMatch' | 'apiRows' | 'baseRows'>> {
  const stats = await interleave({ name: 'api', ...api }, { name: 'baseline', ...baseline }, total, opts, spec.concurrency);
  const apiRows = await rowSignature(api.db, api.ctx.workspaceId);
  const baseRows = await rowSignature(baseline.db, baseline.ctx.workspaceId);
  await cleanup.runAll();
  return { concurrency: spec.concurrency, ...stats, rowsMatch: apiRows === baseRows, apiRows, baseRows };
}

export async function benchPostgres(spec: EngineSpec, opts: Options, cleanup: Cleanup): Promise<EngineResult> {
  const apiDb = `meridian_bench_${randomBytes(6).toString('hex')}`;
  const sqlDb = `${apiDb}_sql`;
  for (const name of [apiDb, sqlDb]) {
    await adminQuery(`CREATE DATABASE ${name}`);
    cleanup.add(`drop database ${name}`, () => dropDatabase(name));
  }
  const items = workload(spec, opts);
  const { running, api, version } = await startApi(benchConfig({ kind: 'postgres', url: urlFor(apiDb) }), items, spec.concurrency, cleanup);
  const poolSize = (running.db.raw as pg.Pool).options.max;

  // Baseline leg: a bare pg Pool of the server's pool size, on an identically migrated database.
  const sqlSetup = await openPostgres(urlFor(sqlDb), { max: poolSize });
  cleanup.add('close baseline pool', () => sqlSetup.close());
  const pool = sqlSetup.raw as pg.Pool;
  await migrate(sqlSetup);
  const baseCtx = await setupWorkspace(sqlSetup, 'bench-sql');

  log(
    `postgres: ${spec.n} conversations per leg at concurrency ${spec.concurrency}, pool ${poolSize}, ${opts.rounds} alternating rounds (+${opts.warmup} warm-up each)…`,
  );
  const result = await measure(
    spec,
    opts,
    cleanup,
    items.length,
    { ...api, dbCpu: postgresCpuProbe((sql, p) => running.db.query(sql, p), apiDb) },
    { one: pgBaseline(pool, baseCtx, items), dbCpu: postgresCpuProbe((sql, p) => pool.query(sql, p), sqlDb), db: sqlSetup, ctx: baseCtx },
  );
  return { engine: 'postgres', poolSize, version: `PostgreSQL ${version}`, ...result };
}

export async function benchPglite(spec: EngineSpec, opts: Options, cleanup: Cleanup): Promise<EngineResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'meridian-bench-'));
  cleanup.add(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  const items = workload(spec, opts);

  // API leg on a data directory; the freshly migrated directory is kept for the baseline.
  let migrated!: Blob;
  log('pglite: starting the server (the first start runs initdb: several seconds)…');
  const config = benchConfig({ kind: 'pglite', dataDir: path.join(dir, 'api') });
  const { api, version } = await startApi(config, items, spec.concurrency, cleanup, async (db) => {
    migrated = await (db.raw as PGlite).dumpDataDir('none');
  });

  // Baseline leg: a bare PGlite instance on its own data directory, a copy of the freshly migrated one.
  const sqlSetup = await openPglite(path.join(dir, 'sql'), { loadDataDir: migrated });
  cleanup.add('close baseline PGlite', () => sqlSetup.close());
  const lite = sqlSetup.raw as PGlite;
  const baseCtx = await setupWorkspace(sqlSetup, 'bench-sql');

  log(
    `pglite: ${spec.n} conversations per leg at concurrency ${spec.concurrency}, ${opts.rounds} alternating rounds (+${opts.warmup} warm-up each)…`,
  );
  const baseline: Side = { one: pgliteBaseline(lite, baseCtx, items), dbCpu: noDbCpu, db: sqlSetup, ctx: baseCtx };
  const result = await measure(spec, opts, cleanup, items.length, api, baseline);
  return { engine: 'pglite', poolSize: 1, version: `PGlite (PostgreSQL ${version})`, ...result };
}

/** Why PostgreSQL cannot be reached at PG_ADMIN_URL, or undefined when it can. */
export async function postgresUnreachable(): Promise<string | undefined> {
  try {
    await adminQuery('SELECT 1');
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * Drops a bench database. Closed pools may still be finishing their sockets: terminating such a
 * connection makes `pg` emit an error nobody listens for, so wait (briefly) for them to go first.
 */
export async function dropDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    for (let i = 0; i < 50; i++) {
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
      if (rows[0]!.n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
