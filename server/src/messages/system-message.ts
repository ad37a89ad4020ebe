import { recordMessage } from '../conversations/conversations.repo.js';
import type { Queryable } from '../db/types.js';
import { appendEvent } from '../events/events.repo.js';
import { insertMessage } from './messages.repo.js';

/**
 * Stores a message Meridian writes to the customer itself (an acknowledgement, a survey invitation) in
 * the caller's transaction: outbound, authored by the system, counted on the conversation without
 * reopening it, and announced with message.created so the conversation's channel (mail, WhatsApp /
 * Telegram / SMS, the widget) delivers it like an agent's reply.
 */
export async function addSystemMessage(
  tx: Queryable,
  workspaceId: string,
  m: { id: string; conversationId: string; text: string; language: string | null; channelMeta: Record<string, string> },
  at: Date,
): Promise<void> {
  await insertMessage(tx, workspaceId, {
    ...m,
    direction: 'outbound',
    authorType: 'system',
    authorId: null,
    html: null,
    attachments: [],
    createdAt: at,
  });
  await recordMessage(tx, workspaceId, m.conversationId, at, false);
  await appendEvent(
    tx,
    workspaceId,
    { type: 'message.created', subjectId: m.id, payload: { conversationId: m.conversationId, messageId: m.id, direction: 'outbound' } },
    at,
  );
}
