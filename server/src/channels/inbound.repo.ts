import type { ConversationRow } from '../conversations/conversations.repo.js';
import { findConversation } from '../conversations/conversations.repo.js';
import type { Queryable } from '../db/types.js';
import { CHANNEL_META } from './channel-meta.js';
import type { ChannelKind } from './accounts.repo.js';

/**
 * Claims a provider message id for this account. False when it was taken in already (a redelivery):
 * ON CONFLICT waits for a concurrent delivery of the same id, so two at once store it once.
 */
export async function claimInbound(
  q: Queryable,
  workspaceId: string,
  r: { id: string; accountId: string; providerMessageId: string; createdAt: Date },
): Promise<boolean> {
  const { rows } = await q.query(
    `INSERT INTO channel_inbound (id, workspace_id, account_id, provider_message_id, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (workspace_id, account_id, provider_message_id) DO NOTHING RETURNING id`,
    [r.id, workspaceId, r.accountId, r.providerMessageId, r.createdAt],
  );
  return rows.length > 0;
}

/** Records what a claimed message became. */
export async function settleInbound(
  q: Queryable,
  workspaceId: string,
  id: string,
  s: { outcome: 'created' | 'continued'; conversationId: string; messageId: string },
): Promise<void> {
  await q.query(`UPDATE channel_inbound SET outcome = $3, conversation_id = $4, message_id = $5 WHERE workspace_id = $1 AND id = $2`, [
    workspaceId,
    id,
    s.outcome,
    s.conversationId,
    s.messageId,
  ]);
}

/**
 * The customer's latest conversation on this channel through this account, locked for the message
 * about to be added; closed ones included (the caller starts a new conversation then).
 */
export async function latestChannelConversation(
  q: Queryable,
  workspaceId: string,
  customerId: string,
  channel: ChannelKind,
  accountId: string,
): Promise<ConversationRow | undefined> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT c.id FROM conversations c
      WHERE c.workspace_id = $1 AND c.customer_id = $2 AND c.channel = $3
        AND EXISTS (SELECT 1 FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id
                      AND m.channel_meta ->> '${CHANNEL_META.accountId}' = $4)
      ORDER BY c.created_at DESC, c.id DESC LIMIT 1`,
    [workspaceId, customerId, channel, accountId],
  );
  return rows[0] ? findConversation(q, workspaceId, rows[0].id, true) : undefined;
}
