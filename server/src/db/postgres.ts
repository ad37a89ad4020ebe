import pg from 'pg';
import type { Db, QueryResult, Queryable } from './types.js';

// int8 (bigint, count(*)) arrives as a string from pg but as a number from PGlite;
// parse it the same way on both so repositories see one shape.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

function wrap(c: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const r = await c.query(sql, params as unknown[] | undefined);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await c.query(sql);
    },
  };
}

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  // An idle connection dropped by the server (restart, admin termination) is discarded by the
  // pool; without a listener the 'error' event would crash the process. The next query reconnects.
  pool.on('error', () => undefined);
  // Fail fast with a clear message when the server is not reachable.
  const client = await pool.connect();
  client.release();
  const base = wrap(pool);
  const db: Db = {
    engine: 'postgres',
    get background() {
      return db;
    },
    raw: pool,
    query: base.query,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    exec: base.exec,
    close: () => pool.end(),
  };
  return db;
}
