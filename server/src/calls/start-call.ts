import type { Principal } from '../auth/principal.js';
import { createConversation } from '../conversations/create-conversation.js';
import type { ConversationRow } from '../conversations/conversations.repo.js';
import type { CustomerRef } from '../conversations/conversations.schema.js';
import { findCustomerIdByIdentity } from '../customers/customers.repo.js';
import { createCustomer } from '../customers/save-customer.js';
import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { newId } from '../lib/ids.js';
import type { MessageRow } from '../messages/messages.repo.js';
import type { Static } from '@sinclair/typebox';
import { callEntry, callRow } from './call-entry.js';
import type { CallRow } from './calls.repo.js';
import type { StartCallBody } from './calls.schema.js';
import { recordCall } from './log-call.js';

type Actor = Pick<AuditEntry, 'actorType' | 'actorId'>;

/** A caller named by phone number becomes the customer owning that number, created when new. */
async function customerRef(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  body: StartCallBody,
  at: Date,
): Promise<Static<typeof CustomerRef>> {
  const c = body.customer;
  if (!('phone' in c)) return c;
  const existing = await findCustomerIdByIdentity(tx, workspaceId, 'phone', c.phone);
  if (existing) return { id: existing };
  const created = await createCustomer(
    tx,
    workspaceId,
    actor,
    { phones: [c.phone], ...(c.name ? { name: c.name } : {}), ...(c.locale ? { locale: c.locale } : {}) },
    at,
  );
  return { id: created.id };
}

/**
 * A conversation that starts from a phone call (channel 'phone'): created like any other (routing and
 * SLA apply), its first entry the call's note, then the call itself.
 */
export async function startCall(
  tx: Queryable,
  workspaceId: string,
  principal: Pick<Principal, 'agentId'>,
  actor: Actor,
  body: StartCallBody,
  at: Date,
): Promise<{ conversation: ConversationRow; message: MessageRow; call: CallRow }> {
  const call = callRow(body, { id: newId(), agentId: principal.agentId }, at);
  const created = await createConversation(
    tx,
    workspaceId,
    principal,
    actor,
    {
      customer: await customerRef(tx, workspaceId, actor, body, at),
      channel: 'phone',
      ...pick(body, ['subject', 'priority', 'language', 'teamId', 'assigneeId', 'tags']),
      message: callEntry(call),
    },
    at,
  );
  const { messages, ...conversation } = created;
  const message = messages[0]!;
  const stored = { ...call, conversationId: conversation.id, messageId: message.id };
  await recordCall(tx, workspaceId, actor, stored, at);
  return { conversation, message, call: stored };
}

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
