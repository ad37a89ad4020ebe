import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import { evaluateSla } from '../sla/evaluate.js';

export const SLA_QUEUE = 'sla-evaluate';
/** Every 30 s (pg-boss checks its schedules every 30 s, so passes land 30–60 s apart). */
export const SLA_SCHEDULE = '*/30 * * * * *';

/**
 * The SLA evaluator on a pg-boss schedule: records warnings and breaches of running clocks as
 * their instants pass. Transitions (replies, status changes) are applied by the outbox handler
 * (sla/evaluate.ts slaOnEvents) as the events commit; this pass covers time passing with nothing
 * happening. A pass that fails is simply the next pass's work: nothing is retried separately.
 */
export async function registerSlaJob(boss: PgBoss, deps: { db: Db; clock: Clock }): Promise<void> {
  await boss.createQueue(SLA_QUEUE, { retryLimit: 0 });
  await boss.work(SLA_QUEUE, async () => {
    await evaluateSla(deps);
  });
  await boss.schedule(SLA_QUEUE, SLA_SCHEDULE);
}
