import type { ConversationRow } from '../conversations/conversations.repo.js';
import { findConversation } from '../conversations/conversations.repo.js';
import type { Queryable } from '../db/types.js';
import { CHANNEL_META } from './channel-meta.js';
import type { ChannelKind } from './accounts.repo.js';

export interface InboundLedgerRow {
  id: string;
  accountId: string;
  providerMessageId: string;
  outcome: 'created' | 'continued';
  conversationId: string;
  messageId: string;
  createdAt: Date;
}

/**
 * Records a provider message as taken in. False when it already was (a redelivery): ON CONFLICT waits
 * for a concurrent delivery of the same id to commit, so two at once still store it once.
 */
export async function claimInbound(q: Queryable, workspaceId: string, r: InboundLedgerRow): Promise<boolean> {
  const { rows } = await q.query(
    `INSERT INTO channel_inbound (id, workspace_id, account_id, provider_message_id, outcome, conversation_id, message_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (workspace_id, account_id, provider_message_id) DO NOTHING RETURNING id`,
    [r.id, workspaceId, r.accountId, r.providerMessageId, r.outcome, r.conversationId, r.messageId, r.createdAt],
  );
  return rows.length > 0;
}

/** Whether a provider message id was already taken in through this account. */
export async function inboundSeen(q: Queryable, workspaceId: string, accountId: string, providerMessageId: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM channel_inbound WHERE workspace_id = $1 AND account_id = $2 AND provider_message_id = $3`, [
    workspaceId,
    accountId,
    providerMessageId,
  ]);
  return rows.length > 0;
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
