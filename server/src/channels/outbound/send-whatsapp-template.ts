import type { Principal } from '../../auth/principal.js';
import { findConversation } from '../../conversations/conversations.repo.js';
import type { Queryable } from '../../db/types.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { addMessage } from '../../messages/add-message.js';
import type { WhatsAppTemplateBody } from './channel-outbound.schema.js';
import { findChannelOutboxByMessage, insertChannelOutbox, type ChannelOutboxRow } from './outbox.repo.js';
import { channelTarget, upTo } from './queue-channel-message.js';

/**
 * An agent writes to a WhatsApp customer with an approved template (outside the 24-hour window a
 * template is the only message WhatsApp lets through): the outbound message (its text names the
 * template, for the conversation's history) and its channel_outbox row, queued now, in the caller's
 * transaction. The drain's message.created finds the row and kicks the sender. 409 when the
 * conversation is not a WhatsApp one or no customer message says whom to send it to.
 */
export async function sendWhatsAppTemplate(
  tx: Queryable,
  workspaceId: string,
  principal: Pick<Principal, 'agentId'>,
  conversationId: string,
  body: WhatsAppTemplateBody,
  at: Date,
): Promise<ChannelOutboxRow> {
  const conversation = await findConversation(tx, workspaceId, conversationId, true);
  if (!conversation) throw notFound('conversation');
  if (conversation.channel !== 'whatsapp') throw new AppError('conflict', 'templates go out on WhatsApp conversations only');
  const target = await channelTarget(tx, workspaceId, 'whatsapp', conversationId, upTo(at));
  if (!target.recipient || !target.account)
    throw new AppError('conflict', 'no WhatsApp message from the customer says which number and account to send to');
  if (!target.account.enabled) throw new AppError('conflict', 'the WhatsApp account is switched off');
  const { message } = await addMessage(
    tx,
    workspaceId,
    principal,
    conversation,
    { direction: 'outbound', text: `WhatsApp template ${body.name} (${body.language})` },
    at,
  );
  await insertChannelOutbox(
    tx,
    workspaceId,
    {
      id: newId(),
      conversationId,
      messageId: message.id,
      accountId: target.account.id,
      channel: 'whatsapp',
      recipient: target.recipient,
      bodyKind: 'template',
      payload: { name: body.name, language: body.language, ...(body.components?.length ? { components: body.components } : {}) },
      heldReason: null,
    },
    at,
  );
  return (await findChannelOutboxByMessage(tx, workspaceId, message.id))!;
}
