import type { PgBoss } from 'pg-boss';
import { acknowledgeConversation } from '../acks/acknowledge.js';
import { findAckSettings } from '../acks/acks.repo.js';
import type { Db, Queryable } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import type { EventHandler } from './outbox-processor.js';

export const ACK_QUEUE = 'acknowledge-conversation';

interface AckJob {
  workspaceId: string;
  conversationId: string;
}

/** pg-boss's per-call database: the job row is written in the caller's transaction. */
const within = (tx: Queryable) => ({ executeSql: async (text: string, values?: unknown[]) => tx.query(text, values) });

/**
 * Outbox → queue: each conversation a customer started gets an acknowledgement job, committed with
 * the outbox cursor. The create request never waits for it.
 */
export function acknowledgeOnCreated(boss: () => PgBoss | undefined): EventHandler {
  return async (ev, tx) => {
    const b = boss();
    if (!b || ev.type !== 'conversation.created' || ev.payload.direction !== 'inbound') return;
    // A workspace with acknowledgements off gets no job (the job would find them off and skip): one cheap read instead of a job's queries.
    if (!(await findAckSettings(tx, ev.workspaceId)).enabled) return;
    const job: AckJob = { workspaceId: ev.workspaceId, conversationId: String(ev.payload.conversationId) };
    await b.send(ACK_QUEUE, job, { singletonKey: job.conversationId, db: within(tx) });
  };
}

/**
 * Acknowledges new conversations, each in its own transaction at the clock's now. Running a job
 * twice is harmless: the acknowledgement log admits one decision per conversation.
 */
export async function registerAcknowledgeJob(
  boss: PgBoss,
  deps: { db: Db; clock: Clock },
  opts: { pollingIntervalSeconds?: number } = {},
): Promise<void> {
  await boss.createQueue(ACK_QUEUE, { retryLimit: 5, retryDelay: 10, retryBackoff: true });
  await boss.work<AckJob>(ACK_QUEUE, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1, batchSize: 20 }, async (jobs) => {
    for (const job of jobs) {
      await deps.db.transaction((tx) => acknowledgeConversation(tx, job.data.workspaceId, job.data.conversationId, deps.clock()));
    }
  });
}
