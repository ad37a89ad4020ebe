import type { PgBoss } from 'pg-boss';
import type { Queryable } from '../db/types.js';
import type { EventRow } from '../events/events.repo.js';
import { releaseReviewHold } from '../email/outbound/outbox.repo.js';
import { queueOutboundMail } from '../email/outbound/queue-mail.js';
import { sendDueMail, type MailSenderDeps, type PassResult } from '../email/outbound/send-mail.js';
import type { EventHandler } from './outbox-processor.js';

export const MAIL_SEND_QUEUE = 'mail-send';
/** Retries after backoff are picked up by this schedule (pg-boss checks schedules every 30 s). */
export const MAIL_SEND_SCHEDULE = '*/30 * * * * *';
/** A second pass after each kick (see registerMailSendJob). */
const FOLLOW_UP_SECONDS = 2;

/** Events after which queued mail may be able to go out at once. */
const KICKS = new Set(['mail_outbox.retried', 'mail_settings.updated']);

/**
 * Outbox → mail: an outbound message of an e-mail conversation gets its mail_outbox row in the
 * drain's transaction (once per message: the row is unique per message), a translated reply held
 * for review becomes due when released (`message.outbound_ready`), and a send pass is asked for
 * through a pg-boss job written in the same transaction. A failure is contained in a savepoint and
 * reported; it never holds the outbox back.
 */
export function mailOnEvents(boss: () => PgBoss | undefined, onError: (err: unknown, ev: EventRow) => void): EventHandler {
  return async (ev, tx: Queryable) => {
    const messageId = typeof ev.payload.messageId === 'string' ? ev.payload.messageId : null;
    let due = KICKS.has(ev.type);
    // A conversation an agent starts by e-mail has its first message in conversation.created.
    const created = (ev.type === 'message.created' || ev.type === 'conversation.created') && ev.payload.direction === 'outbound';
    if (created || ev.type === 'message.outbound_ready') {
      if (!messageId) return;
      await tx.query('SAVEPOINT mail_event');
      try {
        const at = new Date(ev.createdAt);
        if (created) due = (await queueOutboundMail(tx, ev.workspaceId, messageId, at)).kind === 'queued';
        else due = await releaseReviewHold(tx, ev.workspaceId, messageId, at);
        await tx.query('RELEASE SAVEPOINT mail_event');
      } catch (err) {
        await tx.query('ROLLBACK TO SAVEPOINT mail_event');
        onError(err, ev);
        return;
      }
    }
    const b = boss();
    if (due && b)
      await b.send(MAIL_SEND_QUEUE, {}, { db: { executeSql: async (text: string, values?: unknown[]) => tx.query(text, values) } });
  };
}

/**
 * Sends due mail: on each job (new mail, a release, a retry) and on a 30-second schedule (rows
 * whose backoff ended). Kicks that wait together are taken as one batch and run one pass. Not the
 * `short` policy: it drops a kick while another job waits, and that job may run before the kick's
 * transaction (with the new row) commits, leaving the mail to the schedule. Two passes that run at
 * once never take the same row (claims are SKIP LOCKED).
 */
export async function registerMailSendJob(
  boss: PgBoss,
  deps: MailSenderDeps & { onPass?: (r: PassResult) => void },
  opts: { pollingIntervalSeconds?: number } = {},
): Promise<void> {
  await boss.createQueue(MAIL_SEND_QUEUE, { retryLimit: 0 });
  await boss.work<{ followUp?: boolean }>(
    MAIL_SEND_QUEUE,
    { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1, batchSize: 100 },
    async (jobs) => {
      deps.onPass?.(await sendDueMail(deps));
      // A kick can come through before its row is claimable (seen as a pass that took nothing while
      // the reply sat queued, on both engines, only when the server ran without logging): one more
      // pass shortly after each kick, rather than leaving the mail to the 30-second schedule.
      if (jobs.some((j) => !j.data?.followUp)) await boss.send(MAIL_SEND_QUEUE, { followUp: true }, { startAfter: FOLLOW_UP_SECONDS });
    },
  );
  await boss.schedule(MAIL_SEND_QUEUE, MAIL_SEND_SCHEDULE);
}
