import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.js';
import { Lanes } from './lanes.js';
import type { Db, QueryResult, Queryable } from './types.js';

function wrap(q: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const r = await q.query<T>(sql, params as unknown[] | undefined);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await q.exec(sql);
    },
  };
}

/** Opens (creating on first use) an embedded database in `dataDir`, or in memory when undefined. */
export async function openPglite(dataDir: string | undefined, opts: { loadDataDir?: Blob } = {}): Promise<Db> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  let pg: PGlite;
  try {
    pg = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    });
  } catch (err) {
    unlock();
    throw err;
  }
  const db = fromPglite(pg);
  return {
    ...db,
    close: async () => {
      await db.close();
      unlock();
    },
  };
}

const lanesOf = new WeakMap<PGlite, Lanes>();

function lanes(pg: PGlite): Lanes {
  let l = lanesOf.get(pg);
  if (!l) lanesOf.set(pg, (l = new Lanes()));
  return l;
}

function laneDb(pg: PGlite, lane: 'high' | 'low', other: () => Db): Db {
  const base = wrap(pg);
  const l = lanes(pg);
  return {
    engine: 'pglite',
    raw: pg,
    query: (sql, params) => l.run(lane, () => base.query(sql, params)),
    transaction: (fn) => l.run(lane, () => pg.transaction((tx) => fn(wrap(tx)))),
    exec: (sql) => l.run(lane, () => base.exec(sql)),
    close: () => pg.close(),
    get background() {
      return other();
    },
  };
}

export function fromPglite(pg: PGlite): Db {
  const high: Db = laneDb(pg, 'high', () => low);
  const low: Db = laneDb(pg, 'low', () => low);
  return high;
}

/**
 * The PGlite handle pg-boss gets (its `fromPglite` adapter calls query, exec and listen): job polls
 * and job writes are background work, behind any request's statements.
 */
export function backgroundPglite(pg: PGlite): Pick<PGlite, 'query' | 'exec' | 'listen'> {
  const l = lanes(pg);
  return {
    query: ((sql: string, params?: unknown[]) => l.run('low', () => pg.query(sql, params))) as PGlite['query'],
    exec: ((sql: string) => l.run('low', () => pg.exec(sql))) as PGlite['exec'],
    listen: pg.listen.bind(pg),
  };
}
