import { PgBoss, fromPglite } from 'pg-boss';
import type { PGlite } from '@electric-sql/pglite';
import { backgroundPglite } from '../db/pglite.js';
import type { Db } from '../db/types.js';

/** pg-boss on whichever engine Meridian runs: its own schema, same database, behind requests' work on PGlite. */
export async function startBoss(db: Db, url: string | undefined, onError: (err: unknown) => void): Promise<PgBoss> {
  const boss =
    db.engine === 'pglite'
      ? new PgBoss({ db: fromPglite(backgroundPglite(db.raw as PGlite) as PGlite), backend: 'pglite', schema: 'pgboss' })
      : new PgBoss({ connectionString: url!, schema: 'pgboss', max: 4 });
  boss.on('error', onError);
  await boss.start();
  return boss;
}
