import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openPglite } from '../db/pglite.js';
import { openPostgres } from '../db/postgres.js';
import type { Db, Engine } from '../db/types.js';
import { adminQuery, urlFor } from './pg-admin.js';

export interface TestDb {
  db: Db;
  /** Set for PostgreSQL: a URL another process (a spawned server) can use. */
  url?: string;
  cleanup(): Promise<void>;
}

export interface EngineCase {
  engine: Engine;
  available: boolean;
  create(): Promise<TestDb>;
}

async function createPglite(): Promise<TestDb> {
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
  const db = await openPglite(undefined, { loadDataDir: blob });
  return { db, cleanup: () => db.close() };
}

async function createPostgres(): Promise<TestDb> {
  const name = `meridian_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  const url = urlFor(name);
  const db = await openPostgres(url);
  return {
    db,
    url,
    async cleanup() {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Both engines; storage and API tests run once per engine with `describe.each(ENGINES)`. */
export const ENGINES: EngineCase[] = [
  { engine: 'pglite', available: true, create: createPglite },
  { engine: 'postgres', available: inject('pgTemplate') !== '', create: createPostgres },
];
