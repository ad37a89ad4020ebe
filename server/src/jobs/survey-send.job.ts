import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import { runDueSurveys, type SurveySendDeps } from '../surveys/send-survey.js';

export const SURVEY_SEND_QUEUE = 'survey-send';
/** Every 30 s (pg-boss checks its schedules every 30 s, so passes land 30–60 s apart). */
export const SURVEY_SEND_SCHEDULE = '*/30 * * * * *';

/**
 * Sends due surveys on a pg-boss schedule (surveys/send-survey.ts): each row settled once in its own
 * transaction; a failed row is the next pass's work. `onCommit` kicks the outbox, so the invitation's
 * message.created reaches the mail, channel and widget delivery at once.
 */
export async function registerSurveySendJob(
  boss: PgBoss,
  deps: SurveySendDeps & { db: Db; clock: Clock; onCommit?: () => void; onError?: (err: unknown, row: { id: string }) => void },
): Promise<void> {
  await boss.createQueue(SURVEY_SEND_QUEUE, { retryLimit: 0 });
  await boss.work(SURVEY_SEND_QUEUE, async () => {
    // Before the server listens there is no address for the links yet: the next pass sends.
    if (!deps.publicUrl()) return;
    const r = await runDueSurveys(deps);
    if (r.sent + r.settled > 0) deps.onCommit?.();
  });
  await boss.schedule(SURVEY_SEND_QUEUE, SURVEY_SEND_SCHEDULE);
}
