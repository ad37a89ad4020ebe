/** --trace-sql: where the server's database time goes (statements by total time), for finding what holds delivery up. */
import { performance } from 'node:perf_hooks';
import type { Db, Queryable } from '../../server/src/db/types.js';

export function traceSql(db: Db) {
  const stats = new Map<string, { n: number; ms: number }>();
  let txN = 0;
  let txMs = 0;
  const add = (sql: string, ms: number) => {
    const k = sql.replace(/\s+/g, ' ').trim().slice(0, 140);
    const s = stats.get(k) ?? { n: 0, ms: 0 };
    s.n++;
    s.ms += ms;
    stats.set(k, s);
  };
  const wrap = (q: Queryable): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      const t = performance.now();
      try {
        return await q.query<T>(sql, params);
      } finally {
        add(sql, performance.now() - t);
      }
    },
    exec: (sql) => q.exec(sql),
  });
  const mutable = db as { -readonly [K in keyof Db]: Db[K] };
  const query = db.query.bind(db) as Queryable['query'];
  const transaction = db.transaction.bind(db) as Db['transaction'];
  mutable.query = wrap({ query, exec: db.exec.bind(db) }).query;
  mutable.transaction = <T>(fn: (tx: Queryable) => Promise<T>) =>
    transaction<T>(async (tx) => {
      const t = performance.now();
      try {
        return await fn(wrap(tx));
      } finally {
        txN++;
        txMs += performance.now() - t;
      }
    });
  return {
    reset() {
      stats.clear();
      txN = 0;
      txMs = 0;
    },
    report(top = 25): string {
      const rows = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, top);
      return [
        `transactions: ${txN}, ${txMs.toFixed(0)} ms inside them`,
        ...rows.map(
          ([k, s]) => `${s.ms.toFixed(0).padStart(8)} ms ${String(s.n).padStart(6)}× ${(s.ms / s.n).toFixed(2).padStart(7)} ms  ${k}`,
        ),
      ].join('\n');
    },
  };
}
