import type { PgBoss } from 'pg-boss';
import type { Db, Queryable } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import { decideSurvey } from '../surveys/decide-survey.js';
import type { EventHandler } from './outbox-processor.js';

export const SURVEY_DECIDE_QUEUE = 'survey-decide';

interface SurveyDecideJob {
  workspaceId: string;
  conversationId: string;
}

/** pg-boss's per-call database: the job row is written in the caller's transaction. */
const within = (tx: Queryable) => ({ executeSql: async (text: string, values?: unknown[]) => tx.query(text, values) });

/**
 * Outbox → queue: a conversation that becomes solved (or closed without being solved first: spam)
 * gets a survey-decision job, committed with the outbox cursor, so the status change never waits
 * for it. Every solve queues one; the decision itself admits one survey per conversation.
 */
export function surveyOnSolved(boss: () => PgBoss | undefined): EventHandler {
  return async (ev, tx) => {
    const b = boss();
    if (!b || ev.type !== 'conversation.updated') return;
    const { status, changed } = ev.payload;
    if ((status !== 'solved' && status !== 'closed') || !Array.isArray(changed) || !changed.includes('status')) return;
    const job: SurveyDecideJob = { workspaceId: ev.workspaceId, conversationId: String(ev.payload.conversationId) };
    await b.send(SURVEY_DECIDE_QUEUE, job, { singletonKey: job.conversationId, db: within(tx) });
  };
}

/** Decides surveys, each in its own transaction at the clock's now; running a job twice is harmless. */
export async function registerSurveyDecideJob(
  boss: PgBoss,
  deps: { db: Db; clock: Clock; onCommit?: () => void },
  opts: { pollingIntervalSeconds?: number } = {},
): Promise<void> {
  await boss.createQueue(SURVEY_DECIDE_QUEUE, { retryLimit: 5, retryDelay: 10, retryBackoff: true });
  await boss.work<SurveyDecideJob>(
    SURVEY_DECIDE_QUEUE,
    { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1, batchSize: 20 },
    async (jobs) => {
      for (const job of jobs) {
        await deps.db.transaction((tx) => decideSurvey(tx, job.data.workspaceId, job.data.conversationId, deps.clock()));
      }
      // survey.scheduled / survey.suppressed reach the console's timeline now, not at the next poll.
      deps.onCommit?.();
    },
  );
}
