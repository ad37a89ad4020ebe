import type { PgBoss } from 'pg-boss';
import type { Db, Queryable } from '../db/types.js';
import { analyseComment } from '../feedback/analyse-comment.js';
import type { Translator } from '../translation/translator.js';
import type { EventHandler } from './outbox-processor.js';

export const ANALYSE_COMMENT_QUEUE = 'analyse-comment';

interface AnalyseJob {
  workspaceId: string;
  responseId: string;
}

/** pg-boss's per-call database: the job row is written in the caller's transaction. */
const within = (tx: Queryable) => ({ executeSql: async (text: string, values?: unknown[]) => tx.query(text, values) });

/**
 * Outbox → queue: each saved or changed survey comment (survey.commented) gets an analysis job,
 * committed with the outbox cursor; the customer's answer never waits for the engine.
 */
export function analyseOnCommented(boss: () => PgBoss | undefined): EventHandler {
  return async (ev, tx) => {
    const b = boss();
    if (!b || ev.type !== 'survey.commented' || typeof ev.payload.responseId !== 'string') return;
    const job: AnalyseJob = { workspaceId: ev.workspaceId, responseId: ev.payload.responseId };
    // Keyed by event: a redelivered event queues nothing new; a later edit (a new event) gets its own job.
    await b.send(ANALYSE_COMMENT_QUEUE, job, { singletonKey: `${job.responseId}:${ev.id}`, db: within(tx) });
  };
}

/**
 * Analyses comments in the background. An engine that is down leaves the sentiment stored and the
 * translation missing; the job fails and pg-boss retries it with backoff.
 */
export async function registerAnalyseCommentJob(
  boss: PgBoss,
  deps: { db: Db; translator: Translator },
  opts: { retryDelaySeconds?: number; pollingIntervalSeconds?: number } = {},
): Promise<void> {
  await boss.createQueue(ANALYSE_COMMENT_QUEUE, { retryLimit: 8, retryDelay: opts.retryDelaySeconds ?? 30, retryBackoff: true });
  await boss.work<AnalyseJob>(
    ANALYSE_COMMENT_QUEUE,
    { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1, batchSize: 10 },
    async (jobs) => {
      for (const job of jobs) {
        const r = await analyseComment(deps, job.data.workspaceId, job.data.responseId);
        if (r.retry) throw new Error(`translation engine unavailable for survey comment ${job.data.responseId}; will retry`);
      }
    },
  );
}
