import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/types.js';
import { purgeIdempotent } from '../http/idempotency.repo.js';
import type { Clock } from '../lib/clock.js';

export const VACUUM_QUEUE = 'maintenance-vacuum';
export const PURGE_QUEUE = 'maintenance-purge';
/** How long a stored Idempotency-Key answer is replayed. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Periodic housekeeping through pg-boss schedules. PGlite has no autovacuum, and
 * full-text search slowed 10× without it, so embedded mode vacuums every hour.
 */
export async function registerMaintenance(boss: PgBoss, db: Db, clock: Clock): Promise<void> {
  await boss.createQueue(PURGE_QUEUE);
  await boss.work(PURGE_QUEUE, async () => {
    await purgeIdempotent(db, new Date(clock().getTime() - IDEMPOTENCY_TTL_MS));
  });
  await boss.schedule(PURGE_QUEUE, '17 * * * *');

  if (db.engine === 'pglite') {
    await boss.createQueue(VACUUM_QUEUE);
    await boss.work(VACUUM_QUEUE, async () => {
      await db.exec('VACUUM ANALYZE');
    });
    await boss.schedule(VACUUM_QUEUE, '42 * * * *');
  }
}
