import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import { runScheduling } from '../scheduling/run-due.js';
import type { DueRow } from '../scheduling/scheduling.repo.js';
import type { Translator } from '../translation/translator.js';

export const SCHEDULING_QUEUE = 'scheduling-due';
/** Every 30 s (pg-boss checks its schedules every 30 s, so passes land 30–60 s apart). */
export const SCHEDULING_SCHEDULE = '*/30 * * * * *';

/**
 * Delivers due scheduled messages, wakes snoozes and fires reminders on a pg-boss schedule. Each
 * row is settled once in its own transaction (scheduling/run-due.ts); a failed row is the next
 * pass's work, so nothing is retried separately. `onCommit` kicks the outbox for the new events.
 */
export async function registerSchedulingJob(
  boss: PgBoss,
  deps: { db: Db; clock: Clock; translator: Translator; onCommit?: () => void; onError?: (err: unknown, row: DueRow) => void },
): Promise<void> {
  await boss.createQueue(SCHEDULING_QUEUE, { retryLimit: 0 });
  await boss.work(SCHEDULING_QUEUE, async () => {
    const r = await runScheduling(deps);
    if (r.sent + r.settled > 0) deps.onCommit?.();
  });
  await boss.schedule(SCHEDULING_QUEUE, SCHEDULING_SCHEDULE);
}
