import { agentsExist } from '../agents/agents.repo.js';
import type { Principal } from '../auth/principal.js';
import { findCustomer } from '../customers/customers.repo.js';
import { findOrCreateByEmail } from '../customers/save-customer.js';
import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { AppError } from '../lib/errors.js';
import { inboundLanguage, metaLanguage } from '../language/inbound.js';
import { localeClue, messageClue, NO_LANGUAGE, setByAgent, settle, type Clue } from '../language/settle.js';
import { newId } from '../lib/ids.js';
import { authorOf, buildMessage } from '../messages/add-message.js';
import { insertMessage, type MessageRow } from '../messages/messages.repo.js';
import { routeConversation } from '../routing/route-conversation.js';
import { teamExists } from '../teams/teams.repo.js';
import { insertConversation, type ConversationRow } from './conversations.repo.js';
import type { CreateConversationBody } from './conversations.schema.js';

export async function assertRefs(
  tx: Queryable,
  workspaceId: string,
  refs: { teamId?: string | null; assigneeId?: string | null },
): Promise<void> {
  // Another workspace's id is indistinguishable from a missing one.
  if (refs.teamId && !(await teamExists(tx, workspaceId, refs.teamId))) {
    throw new AppError('not_found', 'team not found', [{ path: 'body/teamId', message: 'no such team' }]);
  }
  if (refs.assigneeId && !(await agentsExist(tx, workspaceId, [refs.assigneeId])).size) {
    throw new AppError('not_found', 'agent not found', [{ path: 'body/assigneeId', message: 'no such agent' }]);
  }
}

/**
 * One call creates a conversation from any source: customer (found or created), conversation, first message.
 * `known` is a customer the caller created in this same transaction (its locale as given): no read back.
 */
export async function createConversation(
  tx: Queryable,
  workspaceId: string,
  principal: Pick<Principal, 'agentId'>,
  actor: Pick<AuditEntry, 'actorType' | 'actorId'>,
  body: CreateConversationBody,
  at: Date,
  known?: { customerId: string; locale: string | null },
): Promise<ConversationRow & { messages: MessageRow[] }> {
  let customerId: string;
  let customerLocale: string | null;
  if (known && 'id' in body.customer && body.customer.id === known.customerId) {
    customerId = known.customerId;
    customerLocale = known.locale;
  } else if ('id' in body.customer) {
    const customer = await findCustomer(tx, workspaceId, body.customer.id);
    if (!customer) throw new AppError('not_found', 'customer not found', [{ path: 'body/customer/id', message: 'no such customer' }]);
    customerId = body.customer.id;
    customerLocale = customer.locale;
  } else {
    customerId = await findOrCreateByEmail(tx, workspaceId, actor, body.customer, at);
    customerLocale = body.customer.locale ?? null;
  }
  await assertRefs(tx, workspaceId, body);
  if (body.message.translateTo !== undefined) {
    throw new AppError('validation_failed', 'translateTo is for replies in an existing conversation', [
      { path: 'body/message/translateTo', message: 'not allowed here' },
    ]);
  }

  const id = newId();
  const status = body.status ?? 'new';
  const direction = body.message.direction ?? 'inbound';
  // Every inbound message gets a language: given, else detected with the customer's locale as a prior.
  const detected =
    direction === 'inbound' && !body.message.language && body.message.text
      ? await inboundLanguage(tx, workspaceId, body.message.text, {
          ...(customerLocale ? { locale: customerLocale } : {}),
          ...hinted(body.message.channelMeta),
        })
      : null;
  const message = buildMessage(
    id,
    { ...body.message, ...(detected ? { language: detected.language } : {}) },
    authorOf(principal, direction, customerId),
    at,
  );
  // First evidence: the customer's locale, then the first message (its stated language whichever way
  // it goes, as the conversation's language always followed it; its detection when inbound). A language
  // given for the conversation itself is authoritative.
  const clues: Clue[] = customerLocale ? [localeClue(customerLocale)] : [];
  const first = direction === 'note' ? null : messageClue(message.text, body.message.language, detected);
  if (first) clues.push(first);
  const settled = settle(NO_LANGUAGE, clues);
  const language = body.language ? setByAgent(settled, body.language) : settled;
  // Stored already counting its first message (inserted next, same transaction): the first
  // message never reopens, so this is the row recordMessage used to produce, without two more round trips.
  const conversation = await insertConversation(
    tx,
    workspaceId,
    {
      id,
      channel: body.channel,
      subject: body.subject ?? null,
      status,
      priority: body.priority ?? 'normal',
      ...language,
      customerId,
      teamId: body.teamId ?? null,
      assigneeId: body.assigneeId ?? null,
      tags: body.tags ?? [],
      // Imported history may arrive already solved or closed.
      solvedAt: status === 'solved' ? at : null,
      closedAt: status === 'closed' ? at : null,
      messageCount: 1,
      lastMessageAt: at,
    },
    at,
  );
  await insertMessage(tx, workspaceId, message);
  await recordChange(
    tx,
    workspaceId,
    { type: 'conversation.created', subjectId: id, payload: { conversationId: id, customerId, messageId: message.id, direction, status } },
    { ...actor, action: 'conversation.create', targetType: 'conversation', targetId: id },
    at,
  );
  // The caller named neither team nor assignee: routing picks them (nothing happens in a workspace without teams).
  const routed = body.teamId || body.assigneeId ? null : await routeConversation(tx, workspaceId, id, actor, 'created', at);
  return { ...(routed?.conversation ?? conversation), messages: [message] };
}

/** A Content-Language / Accept-Language the channel passed along, as a detection hint. */
function hinted(channelMeta: Record<string, string> | undefined): { acceptLanguage?: string } {
  const acceptLanguage = metaLanguage(channelMeta);
  return acceptLanguage ? { acceptLanguage } : {};
}
