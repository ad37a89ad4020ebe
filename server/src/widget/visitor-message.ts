import { findConversation } from '../conversations/conversations.repo.js';
import { createConversation } from '../conversations/create-conversation.js';
import { createCustomerId, findOrCreateByEmail } from '../customers/save-customer.js';
import type { Queryable } from '../db/types.js';
import { AppError, notFound } from '../lib/errors.js';
import { addMessage } from '../messages/add-message.js';
import { insertAttachments } from '../email/attachments.repo.js';
import { newId } from '../lib/ids.js';
import type { MessageRow } from '../messages/messages.repo.js';
import { SYSTEM } from './visitor.js';
import {
  findClientMessage,
  claimUploads,
  insertClientMessage,
  linkConversation,
  lockVisitor,
  pendingUploads,
  sendState,
  setVisitorCustomer,
  type VisitorRow,
} from './widget.repo.js';

export interface VisitorMessageInput {
  clientId: string;
  text: string;
  /** Files the visitor uploaded (widget_uploads) for this message. */
  attachmentIds?: readonly string[] | undefined;
  /** Pre-chat answers (name, email, phone, custom), honoured when the visitor has no customer yet. */
  fields?: Record<string, string> | undefined;
  /** The widget's language: a hint for detection, as Accept-Language is for mail. */
  locale?: string | null;
}

export type Accepted =
  { blocked: true } | { blocked?: false; duplicate: boolean; messageId: string; conversationId: string; message?: MessageRow };

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * The visitor's customer: the one it already has, else one made from its pre-chat answers. `fresh` is a
 * customer made here with the visitor's locale, which the conversation's create needs not read back.
 */
async function customerOf(
  tx: Queryable,
  workspaceId: string,
  visitor: VisitorRow,
  input: VisitorMessageInput,
  at: Date,
): Promise<{ id: string; fresh?: { customerId: string; locale: string | null } }> {
  if (visitor.customerId) return { id: visitor.customerId };
  const name = input.fields?.name?.trim().slice(0, 200) || undefined;
  const email = input.fields?.email?.trim().toLowerCase();
  const locale = visitor.locale ?? undefined;
  let fresh: { customerId: string; locale: string | null } | undefined;
  let id: string;
  if (email && EMAIL.test(email) && email.length <= 254) {
    id = await findOrCreateByEmail(tx, workspaceId, SYSTEM, { email, ...(name ? { name } : {}), ...(locale ? { locale } : {}) }, at);
  } else {
    id = await createCustomerId(
      tx,
      workspaceId,
      SYSTEM,
      {
        ...(name ? { name } : {}),
        ...(locale ? { locale } : {}),
        ...(visitor.timeZone ? { timeZone: visitor.timeZone } : {}),
        preferredChannel: 'chat',
      },
      at,
    );
    fresh = { customerId: id, locale: locale ?? null };
  }
  await setVisitorCustomer(tx, workspaceId, visitor.id, id, null);
  visitor.customerId = id;
  return { id, ...(fresh ? { fresh } : {}) };
}

/** Pre-chat answers worth keeping on the message (the agent sees them with the first message). */
function fieldMeta(fields: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields ?? {}).slice(0, 10)) {
    if (/^[a-z][a-z0-9_]{0,31}$/.test(k) && typeof v === 'string' && v.trim()) out[`prechat.${k}`] = v.trim().slice(0, 500);
  }
  return out;
}

/**
 * Stores one message a visitor sent, once per client id: a resend after a dropped socket finds the
 * stored one and answers with it. The visitor row is locked first, so a resend racing its original
 * waits and then finds it. Continues the visitor's open chat, or starts a conversation (routed as any).
 * A blocked visitor stores nothing.
 */
export async function acceptVisitorMessage(
  tx: Queryable,
  workspaceId: string,
  visitor: VisitorRow,
  input: VisitorMessageInput,
  at: Date,
): Promise<Accepted> {
  await lockVisitor(tx, workspaceId, visitor.id);
  const { blocked, seen, currentId } = await sendState(tx, workspaceId, visitor, input.clientId);
  if (blocked) return { blocked: true };
  if (seen) return { duplicate: true, ...seen };

  const channelMeta: Record<string, string> = {
    visitorId: visitor.id,
    ...(input.locale ? { acceptLanguage: input.locale } : {}),
  };
  const uploads = await pendingUploads(tx, workspaceId, visitor.id, input.attachmentIds ?? []);
  if (uploads.length !== (input.attachmentIds?.length ?? 0))
    throw new AppError('not_found', 'an attachment was not found: upload it again');
  const attachments = uploads.map((u) => ({ name: u.name, contentType: u.contentType, size: u.size }));
  let message: MessageRow;
  let conversationId: string;
  if (currentId) {
    const conversation = await findConversation(tx, workspaceId, currentId, true);
    if (!conversation) throw notFound('conversation');
    ({ message } = await addMessage(tx, workspaceId, { agentId: null }, conversation, { text: input.text, attachments, channelMeta }, at));
    conversationId = currentId;
  } else {
    const customer = await customerOf(tx, workspaceId, visitor, input, at);
    const created = await createConversation(
      tx,
      workspaceId,
      { agentId: null },
      SYSTEM,
      {
        channel: 'chat',
        customer: { id: customer.id },
        message: { text: input.text, attachments, channelMeta: { ...channelMeta, ...fieldMeta(input.fields) } },
      },
      at,
      customer.fresh,
    );
    conversationId = created.id;
    message = created.messages[0]!;
    await linkConversation(tx, workspaceId, conversationId, visitor.id, at);
  }
  if (uploads.length > 0) {
    const rows = uploads.map((u) => ({
      ...u,
      id: newId(),
      conversationId,
      messageId: message.id,
      contentId: null,
      inline: false,
      createdAt: at,
    }));
    await insertAttachments(tx, workspaceId, rows);
    await claimUploads(
      tx,
      workspaceId,
      uploads.map((u) => u.id),
      message.id,
    );
  }
  await insertClientMessage(
    tx,
    workspaceId,
    { visitorId: visitor.id, clientId: input.clientId, messageId: message.id, conversationId },
    at,
  );
  return { duplicate: false, messageId: message.id, conversationId, message };
}

/**
 * Nobody on shift: the visitor leaves a message and an address, and the reply goes out by e-mail. So
 * the conversation is an e-mail one from the start (outbound mail picks it up like any other), linked
 * to the visitor so the widget shows it too. Once per client id, like chat messages.
 */
export async function acceptOfflineMessage(
  tx: Queryable,
  workspaceId: string,
  visitor: VisitorRow,
  input: { clientId: string; email: string; name?: string | undefined; text: string; locale?: string | null },
  at: Date,
): Promise<{ conversationId: string; messageId: string }> {
  await lockVisitor(tx, workspaceId, visitor.id);
  const seen = await findClientMessage(tx, workspaceId, visitor.id, input.clientId);
  if (seen) return seen;
  if (input.text.trim() === '') throw new AppError('validation_failed', 'the message is empty', [{ path: 'body/text', message: 'empty' }]);
  const locale = visitor.locale ?? undefined;
  const created = await createConversation(
    tx,
    workspaceId,
    { agentId: null },
    SYSTEM,
    {
      channel: 'email',
      customer: { email: input.email.toLowerCase(), ...(input.name ? { name: input.name } : {}), ...(locale ? { locale } : {}) },
      message: {
        text: input.text,
        channelMeta: { visitorId: visitor.id, source: 'widget_offline', ...(input.locale ? { acceptLanguage: input.locale } : {}) },
      },
    },
    at,
  );
  const messageId = created.messages[0]!.id;
  await linkConversation(tx, workspaceId, created.id, visitor.id, at);
  await insertClientMessage(
    tx,
    workspaceId,
    { visitorId: visitor.id, clientId: input.clientId, messageId, conversationId: created.id },
    at,
  );
  return { conversationId: created.id, messageId };
}
