import type { PgBoss } from 'pg-boss';
import type { Queryable } from '../db/types.js';
import type { EventRow } from '../events/events.repo.js';
import { findChannelOutboxByMessage, releaseChannelReviewHold } from '../channels/outbound/outbox.repo.js';
import { queueChannelMessage } from '../channels/outbound/queue-channel-message.js';
import { sendDueChannelMessages, type ChannelPassResult, type ChannelSenderDeps } from '../channels/outbound/send-channel.js';
import type { EventHandler } from './outbox-processor.js';

export const CHANNEL_SEND_QUEUE = 'channel-send';
/** Retries after backoff are picked up by this schedule (pg-boss checks schedules every 30 s). */
export const CHANNEL_SEND_SCHEDULE = '*/30 * * * * *';
/** A second pass after each kick, as mail-send does (see registerMailSendJob). */
const FOLLOW_UP_SECONDS = 2;

/**
 * Outbox → WhatsApp, Telegram, SMS: an outbound message of such a conversation gets its
 * channel_outbox row in the drain's transaction (once per message), a translated reply held for
 * review becomes due when released (`message.outbound_ready`), a retried row is due again, and a
 * send pass is asked for through a pg-boss job written in the same transaction. A WhatsApp template
 * is queued by its route in the request's transaction; its message.created finds the row and only
 * kicks. A failure is contained in a savepoint and reported; it never holds the outbox back.
 */
export function channelsOnEvents(boss: () => PgBoss | undefined, onError: (err: unknown, ev: EventRow) => void): EventHandler {
  return async (ev, tx: Queryable) => {
    const messageId = typeof ev.payload.messageId === 'string' ? ev.payload.messageId : null;
    let due = ev.type === 'channel_outbox.retried';
    const created = (ev.type === 'message.created' || ev.type === 'conversation.created') && ev.payload.direction === 'outbound';
    if (created || ev.type === 'message.outbound_ready') {
      if (!messageId) return;
      await tx.query('SAVEPOINT channel_event');
      try {
        const at = new Date(ev.createdAt);
        if (created) {
          const out = await queueChannelMessage(tx, ev.workspaceId, messageId, at);
          due =
            out.kind === 'queued' ||
            (out.kind === 'skipped' &&
              out.why === 'exists' &&
              (await findChannelOutboxByMessage(tx, ev.workspaceId, messageId))?.status === 'queued');
        } else due = await releaseChannelReviewHold(tx, ev.workspaceId, messageId, at);
        await tx.query('RELEASE SAVEPOINT channel_event');
      } catch (err) {
        await tx.query('ROLLBACK TO SAVEPOINT channel_event');
        onError(err, ev);
        return;
      }
    }
    const b = boss();
    if (due && b)
      await b.send(CHANNEL_SEND_QUEUE, {}, { db: { executeSql: async (text: string, values?: unknown[]) => tx.query(text, values) } });
  };
}

/**
 * Sends due channel messages: on each job (a new reply, a release, a retry) and on a 30-second
 * schedule (rows whose backoff ended). Kicks that wait together are taken as one batch and run one
 * pass; two passes at once never take the same row (claims are SKIP LOCKED).
 */
export async function registerChannelSendJob(
  boss: PgBoss,
  deps: ChannelSenderDeps & { onPass?: (r: ChannelPassResult) => void },
  opts: { pollingIntervalSeconds?: number } = {},
): Promise<void> {
  await boss.createQueue(CHANNEL_SEND_QUEUE, { retryLimit: 0 });
  await boss.work<{ followUp?: boolean }>(
    CHANNEL_SEND_QUEUE,
    { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1, batchSize: 100 },
    async (jobs) => {
      deps.onPass?.(await sendDueChannelMessages(deps));
      if (jobs.some((j) => !j.data?.followUp)) await boss.send(CHANNEL_SEND_QUEUE, { followUp: true }, { startAfter: FOLLOW_UP_SECONDS });
    },
  );
  await boss.schedule(CHANNEL_SEND_QUEUE, CHANNEL_SEND_SCHEDULE);
}
