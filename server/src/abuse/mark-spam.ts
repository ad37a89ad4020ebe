import type { Principal } from '../auth/principal.js';
import { findConversation, type ConversationRow } from '../conversations/conversations.repo.js';
import { updateConversation } from '../conversations/update-conversation.js';
import { latestCustomerNumber } from '../calls/calls.repo.js';
import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { AppError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { blockSender, unblockSender, type BlockedSenderRow } from './blocks.repo.js';
import { normaliseAddress, senderOf, type BlockableChannel } from './sender.js';
import { latestInboundMeta } from './spam.repo.js';

type Actor = Pick<AuditEntry, 'actorType' | 'actorId'>;

export const SPAM_TAG = 'spam';

/**
 * Whom a conversation's messages come from: the sender of its latest inbound message (sender.ts), or
 * for a phone conversation the customer's number on its latest call. Null when nothing names one (an
 * API conversation, or a customer who never wrote).
 */
async function conversationSender(
  tx: Queryable,
  workspaceId: string,
  c: ConversationRow,
): Promise<{ channel: BlockableChannel; address: string } | null> {
  if (c.channel !== 'phone') return senderOf(c.channel, await latestInboundMeta(tx, workspaceId, c.id));
  const number = await latestCustomerNumber(tx, workspaceId, c.id);
  return number ? { channel: 'phone', address: normaliseAddress('phone', number) } : null;
}

/**
 * Marks a conversation as spam: tagged 'spam' and closed (conversation.updated, so inboxes, SLA clocks
 * and routing capacity follow), its sender blocked on its channel, and conversation.spam recorded.
 * Marking again is harmless (the block stays as first made).
 */
export async function markSpam(
  tx: Queryable,
  workspaceId: string,
  principal: Pick<Principal, 'agentId'>,
  actor: Actor,
  id: string,
  at: Date,
): Promise<{ conversation: ConversationRow; block: BlockedSenderRow | null }> {
  const current = await findConversation(tx, workspaceId, id, true);
  if (!current) throw notFound('conversation');
  const sender = await conversationSender(tx, workspaceId, current);
  const tags = current.tags.includes(SPAM_TAG) ? current.tags : [...current.tags, SPAM_TAG];
  const conversation = await updateConversation(tx, workspaceId, actor, id, { tags, status: 'closed' }, at);
  const block = sender
    ? (
        await blockSender(
          tx,
          workspaceId,
          { id: newId(), ...sender, reason: `spam in conversation ${id}`, createdBy: principal.agentId },
          at,
        )
      ).row
    : null;
  await record(tx, workspaceId, actor, id, true, block, at);
  return { conversation, block };
}

/** Undoes markSpam: the tag goes, the conversation reopens and its sender is unblocked. */
export async function unmarkSpam(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  id: string,
  at: Date,
): Promise<{ conversation: ConversationRow; block: BlockedSenderRow | null }> {
  const current = await findConversation(tx, workspaceId, id, true);
  if (!current) throw notFound('conversation');
  if (!current.tags.includes(SPAM_TAG)) throw new AppError('conflict', 'this conversation is not marked as spam');
  const sender = await conversationSender(tx, workspaceId, current);
  const tags = current.tags.filter((t) => t !== SPAM_TAG);
  const conversation = await updateConversation(tx, workspaceId, actor, id, { tags, status: 'open' }, at);
  const block = sender ? ((await unblockSender(tx, workspaceId, sender.channel, sender.address)) ?? null) : null;
  await record(tx, workspaceId, actor, id, false, block, at);
  return { conversation, block };
}

async function record(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  conversationId: string,
  spam: boolean,
  block: BlockedSenderRow | null,
  at: Date,
): Promise<void> {
  const sender = block ? { channel: block.channel, address: block.address, blockId: block.id } : null;
  await recordChange(
    tx,
    workspaceId,
    { type: 'conversation.spam', subjectId: conversationId, payload: { conversationId, spam, sender } },
    {
      ...actor,
      action: spam ? 'conversation.spam' : 'conversation.not_spam',
      targetType: 'conversation',
      targetId: conversationId,
      data: { sender },
    },
    at,
  );
}
