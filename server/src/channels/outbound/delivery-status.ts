import type { Queryable } from '../../db/types.js';
import { appendEvent } from '../../events/events.repo.js';
import { applyProviderStatus, outboxRef, type DeliveryStatus } from './outbox.repo.js';

export interface DeliveryUpdate {
  /** The provider's id of the message: WhatsApp "wamid…", Twilio MessageSid. */
  providerMessageId: string;
  status: DeliveryStatus;
  /** When the provider says it happened (its timestamp), else when the report arrived. */
  at: Date;
  /** The provider's reason for a failure (WhatsApp errors[0].title, Twilio ErrorCode). */
  error?: string | undefined;
}

/**
 * A provider's delivery report (WhatsApp status webhook, Twilio status callback) for a message we
 * sent through `accountId`, in the caller's transaction. The outbox row only moves forward (a late
 * "delivered" after "read" changes nothing; "failed" only before the customer got it), and a change
 * writes `channel_message.<status>` so the console can show ticks or the failure. Returns whether
 * anything changed; a report for a message that is not ours (or not yet settled) is ignored.
 */
export async function applyDeliveryStatus(tx: Queryable, workspaceId: string, accountId: string, update: DeliveryUpdate): Promise<boolean> {
  const row = await applyProviderStatus(tx, workspaceId, accountId, update);
  if (!row) return false;
  await appendEvent(
    tx,
    workspaceId,
    {
      type: `channel_message.${update.status}`,
      subjectId: row.messageId,
      payload: {
        ...outboxRef(row),
        providerMessageId: update.providerMessageId,
        ...(update.status === 'failed' ? { reason: 'undelivered', error: update.error ?? null } : {}),
      },
    },
    update.at,
  );
  return true;
}
