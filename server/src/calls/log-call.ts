import type { Principal } from '../auth/principal.js';
import { findConversation } from '../conversations/conversations.repo.js';
import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { addMessage } from '../messages/add-message.js';
import type { MessageRow } from '../messages/messages.repo.js';
import { callEntry, callRow } from './call-entry.js';
import { insertCall, type CallRow } from './calls.repo.js';
import type { LogCallBody } from './calls.schema.js';

type Actor = Pick<AuditEntry, 'actorType' | 'actorId'>;

/** Records the call and its audit entry (call.logged), once its conversation and timeline entry exist. */
export async function recordCall(tx: Queryable, workspaceId: string, actor: Actor, call: CallRow, at: Date): Promise<void> {
  await insertCall(tx, workspaceId, call);
  await recordChange(
    tx,
    workspaceId,
    {
      type: 'call.logged',
      subjectId: call.id,
      payload: {
        callId: call.id,
        conversationId: call.conversationId,
        messageId: call.messageId,
        direction: call.direction,
        outcome: call.outcome,
      },
    },
    { ...actor, action: 'call.log', targetType: 'call', targetId: call.id, data: { conversationId: call.conversationId } },
    at,
  );
}

/** Logs a call on an existing conversation: the call, its timeline note, call.logged. */
export async function logCall(
  tx: Queryable,
  workspaceId: string,
  principal: Pick<Principal, 'agentId'>,
  actor: Actor,
  conversationId: string,
  body: LogCallBody,
  at: Date,
): Promise<{ call: CallRow; message: MessageRow }> {
  const conversation = await findConversation(tx, workspaceId, conversationId, true);
  if (!conversation) throw notFound('conversation');
  const call = callRow(body, { id: newId(), agentId: principal.agentId }, at);
  const { message } = await addMessage(tx, workspaceId, principal, conversation, callEntry(call), at);
  const stored = { ...call, conversationId, messageId: message.id };
  await recordCall(tx, workspaceId, actor, stored, at);
  return { call: stored, message };
}
