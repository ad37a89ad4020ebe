import type { Principal } from '../auth/principal.js';
import { recordMessage, type ConversationRow } from '../conversations/conversations.repo.js';
import { recordLanguageChange } from '../conversations/language-changed.js';
import type { Queryable } from '../db/types.js';
import { appendEvent } from '../events/events.repo.js';
import { htmlToText, sanitizeMessageHtml } from '../lib/html.js';
import { AppError, notFound } from '../lib/errors.js';
import { inboundLanguage, metaLanguage } from '../language/inbound.js';
import { messageClue, settle, type ConversationLanguage } from '../language/settle.js';
import { newId } from '../lib/ids.js';
import { insertMessage, type MessageRow } from './messages.repo.js';
import type { CreateMessageBody } from './messages.schema.js';

/** Who wrote a message, from the request's principal and the direction. */
export function authorOf(
  p: Pick<Principal, 'agentId'>,
  direction: MessageRow['direction'],
  customerId: string,
): Pick<MessageRow, 'authorType' | 'authorId'> {
  if (direction === 'inbound') return { authorType: 'customer', authorId: customerId };
  return p.agentId ? { authorType: 'agent', authorId: p.agentId } : { authorType: 'api', authorId: null };
}

export function buildMessage(
  conversationId: string,
  body: CreateMessageBody,
  author: Pick<MessageRow, 'authorType' | 'authorId'>,
  at: Date,
): MessageRow {
  const html = body.html ? sanitizeMessageHtml(body.html) : null;
  const text = body.text ?? (html ? htmlToText(html) : '');
  if (text.trim() === '' && !body.attachments?.length) {
    throw new AppError('validation_failed', 'a message needs text, html or attachments', [{ path: 'body/text', message: 'empty message' }]);
  }
  return {
    id: newId(),
    conversationId,
    direction: body.direction ?? 'inbound',
    ...author,
    text,
    html,
    language: body.language ?? null,
    attachments: body.attachments ?? [],
    channelMeta: body.channelMeta ?? {},
    createdAt: at,
  };
}

/**
 * Appends a message to a conversation and emits message.created. An inbound message is evidence for
 * the conversation's language (language/settle.ts); when that moves the language, it also emits
 * conversation.language_changed. `conversation` must be current (read FOR UPDATE in this transaction).
 */
export async function addMessage(
  tx: Queryable,
  workspaceId: string,
  principal: Pick<Principal, 'agentId'>,
  conversation: Pick<ConversationRow, 'id' | 'customerId'> & ConversationLanguage,
  body: CreateMessageBody,
  at: Date,
  /** Sent by software (auto-reply, bounce): kept, but it does not reopen or end a wait on the customer. */
  opts: { automated?: boolean } = {},
): Promise<{ message: MessageRow; conversation: ConversationRow }> {
  const direction = body.direction ?? 'inbound';
  // Inbound text without a language is detected, with the conversation's language as the prior.
  const detected =
    direction === 'inbound' && !body.language && body.text
      ? await inboundLanguage(tx, workspaceId, body.text, {
          ...(conversation.language ? { locale: conversation.language } : {}),
          ...(metaLanguage(body.channelMeta) ? { acceptLanguage: metaLanguage(body.channelMeta)! } : {}),
        })
      : null;
  const message = buildMessage(
    conversation.id,
    { ...body, ...(detected ? { language: detected.language } : {}) },
    authorOf(principal, direction, conversation.customerId),
    at,
  );
  await insertMessage(tx, workspaceId, message);
  const clue = direction === 'inbound' ? messageClue(message.text, body.language, detected) : null;
  const language = clue ? settle(conversation, [clue]) : undefined;
  const updated = await recordMessage(tx, workspaceId, conversation.id, at, direction === 'inbound' && !opts.automated, language);
  if (!updated) throw notFound('conversation');
  await appendEvent(
    tx,
    workspaceId,
    { type: 'message.created', subjectId: message.id, payload: { conversationId: conversation.id, messageId: message.id, direction } },
    at,
  );
  const { previousStatus, ...row } = updated;
  if (previousStatus !== row.status) {
    // The customer answered: the status change is an event of its own (SLA clocks resume, inboxes update).
    await appendEvent(
      tx,
      workspaceId,
      {
        type: 'conversation.updated',
        subjectId: conversation.id,
        payload: {
          conversationId: conversation.id,
          changed: ['status'],
          status: row.status,
          from: previousStatus,
          reason: 'customer_replied',
        },
      },
      at,
    );
  }
  if (language) await recordLanguageChange(tx, workspaceId, conversation.id, conversation.language, language, at, message.id);
  return { message, conversation: row };
}
