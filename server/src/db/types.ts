/** What repositories see: a place to run parameterised SQL. Either the pool or a transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export type Engine = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly engine: Engine;
  /**
   * Runs `fn` in one transaction. Everything inside must go through `tx`:
   * on PGlite the instance is a single connection and calling it directly
   * from inside a transaction deadlocks.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The raw driver handle, for libraries that bring their own adapter (pg-boss). */
  readonly raw: unknown;
  /**
   * The same database for work nobody is waiting on (the outbox's durable handlers, jobs). On PGlite,
   * one connection whose statements block the event loop, it runs only when no request's work is
   * queued, so a chat message never waits behind a queue of background transactions; on PostgreSQL
   * it is this pool.
   */
  readonly background: Db;
}
