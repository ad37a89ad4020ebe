import type { PgBoss } from 'pg-boss';
import type { Db, Queryable } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import { awaitsRetry, retryReply, type RetryOutcome } from '../translation/retry-reply.js';
import type { Translator } from '../translation/translator.js';
import type { EventHandler } from './outbox-processor.js';

export const TRANSLATE_REPLY_QUEUE = 'translate-reply';

export interface TranslateReplyJob {
  workspaceId: string;
  messageId: string;
}

type Deps = { db: Db; translator: Translator; clock: Clock };

/**
 * Outbox → queue: a reply held because the engine was down, slow or confused gets a retry job,
 * committed with the outbox cursor (pg-boss writes the job row through the drain's `tx`). Holds
 * for critical content, or for failures no retry can mend (no engine, unsupported pair), get none.
 */
export function retryFailedReplies(boss: () => PgBoss | undefined): EventHandler {
  return async (ev, tx: Queryable) => {
    const b = boss();
    if (!b || ev.type !== 'message.review_requested' || !awaitsRetry(ev.payload.reasons)) return;
    const job: TranslateReplyJob = { workspaceId: ev.workspaceId, messageId: String(ev.payload.messageId) };
    await b.send(TRANSLATE_REPLY_QUEUE, job, {
      singletonKey: job.messageId,
      db: { executeSql: async (text: string, values?: unknown[]) => tx.query(text, values) },
    });
  };
}

/** One job: retries the reply's translation; throws while the engine still fails, so pg-boss retries. */
export async function runTranslateReply(deps: Deps, job: TranslateReplyJob): Promise<RetryOutcome> {
  const r = await retryReply(deps, job.workspaceId, job.messageId);
  if (r.status === 'failed' && r.retry) {
    throw new Error(`translation engine failed (${r.flags.join(', ')}) for reply ${job.messageId}; will retry`);
  }
  return r;
}

/**
 * Retries failed reply translations in the background with backoff (30 s base, doubling with
 * jitter, 8 retries: several hours). After the last failure the reply stays held in
 * `outbound_reviews` for a person.
 */
export async function registerTranslateReplyJob(boss: PgBoss, deps: Deps, opts: { retryDelaySeconds?: number } = {}): Promise<void> {
  await boss.createQueue(TRANSLATE_REPLY_QUEUE, { retryLimit: 8, retryDelay: opts.retryDelaySeconds ?? 30, retryBackoff: true });
  await boss.work<TranslateReplyJob>(TRANSLATE_REPLY_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await runTranslateReply(deps, job.data);
  });
}
