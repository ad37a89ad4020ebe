import type { PgBoss } from 'pg-boss';
import type { Db, Queryable } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import { translateInbound } from '../translation/translate-message.js';
import type { Translator } from '../translation/translator.js';
import type { EventHandler } from './outbox-processor.js';

export const TRANSLATE_QUEUE = 'translate-message';

interface TranslateJob {
  workspaceId: string;
  messageId: string;
}

/** pg-boss's per-call database: the job row is written in the caller's transaction. */
const within = (tx: Queryable) => ({ executeSql: async (text: string, values?: unknown[]) => tx.query(text, values) });

/**
 * Outbox → queue: each inbound message (a new one, or the first of a new conversation) gets a
 * translation job, committed with the outbox cursor.
 */
export function translateOnInbound(boss: () => PgBoss | undefined, translator: Translator): EventHandler {
  return async (ev, tx) => {
    const b = boss();
    if (!b || (ev.type !== 'message.created' && ev.type !== 'conversation.created') || ev.payload.direction !== 'inbound') return;
    // A workspace without an engine gets no job per message.
    if (!(await translator.settings(ev.workspaceId, tx)).provider) return;
    const job: TranslateJob = { workspaceId: ev.workspaceId, messageId: String(ev.payload.messageId) };
    await b.send(TRANSLATE_QUEUE, job, { singletonKey: job.messageId, db: within(tx) });
  };
}

/**
 * Translates inbound messages in the background. An engine that is down, slow or confused leaves
 * the message stored and flagged untranslated; the job fails and pg-boss retries it with backoff.
 */
export async function registerTranslateJob(
  boss: PgBoss,
  deps: { db: Db; translator: Translator; clock: Clock },
  opts: { retryDelaySeconds?: number } = {},
): Promise<void> {
  await boss.createQueue(TRANSLATE_QUEUE, { retryLimit: 8, retryDelay: opts.retryDelaySeconds ?? 30, retryBackoff: true });
  await boss.work<TranslateJob>(TRANSLATE_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) {
      const r = await translateInbound(deps, job.data.workspaceId, job.data.messageId);
      if (r.retry) throw new Error(`translation engine unavailable for message ${job.data.messageId}; will retry`);
    }
  });
}
