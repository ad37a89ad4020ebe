import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Db } from './types.js';

export type DbTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | undefined };

export function openDb(target: DbTarget): Promise<Db> {
  return target.kind === 'postgres' ? openPostgres(target.url) : openPglite(target.dataDir);
}
