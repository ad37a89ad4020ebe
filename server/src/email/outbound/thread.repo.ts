import type { Queryable } from '../../db/types.js';

/** An outbound message and the conversation it belongs to, as queuing needs them. */
export interface OutboundFacts {
  messageId: string;
  conversationId: string;
  direction: string;
  authorType: string;
  createdAt: Date;
  channel: string;
  subject: string | null;
  customerId: string;
  customerName: string | null;
  /** The translation review the message waits for or passed, if it is a translated reply. */
  reviewStatus: 'awaiting_review' | 'approved' | null;
}

export async function outboundFacts(q: Queryable, workspaceId: string, messageId: string): Promise<OutboundFacts | undefined> {
  const { rows } = await q.query<OutboundFacts>(
    `SELECT m.id AS "messageId", m.conversation_id AS "conversationId", m.direction, m.author_type AS "authorType",
            m.created_at AS "createdAt", c.channel, c.subject, c.customer_id AS "customerId", cu.name AS "customerName",
            r.status AS "reviewStatus"
       FROM messages m
       JOIN conversations c ON c.workspace_id = m.workspace_id AND c.id = m.conversation_id
       JOIN customers cu ON cu.workspace_id = c.workspace_id AND cu.id = c.customer_id
       LEFT JOIN outbound_reviews r ON r.workspace_id = m.workspace_id AND r.message_id = m.id
      WHERE m.workspace_id = $1 AND m.id = $2`,
    [workspaceId, messageId],
  );
  return rows[0];
}

/** The channel metadata of the customer's latest message before `before` (the one a reply answers). */
export async function lastInboundMeta(
  q: Queryable,
  workspaceId: string,
  conversationId: string,
  before: { createdAt: Date; id: string },
): Promise<Record<string, string> | null> {
  const { rows } = await q.query<{ meta: Record<string, string> }>(
    `SELECT channel_meta AS meta FROM messages
      WHERE workspace_id = $1 AND conversation_id = $2 AND direction = 'inbound' AND (created_at, id) < ($3::timestamptz, $4::uuid)
      ORDER BY created_at DESC, id DESC LIMIT 1`,
    [workspaceId, conversationId, before.createdAt, before.id],
  );
  return rows[0]?.meta ?? null;
}

export async function firstCustomerEmail(q: Queryable, workspaceId: string, customerId: string): Promise<string | null> {
  const { rows } = await q.query<{ value: string }>(
    `SELECT value FROM customer_identities WHERE workspace_id = $1 AND customer_id = $2 AND kind = 'email'
      ORDER BY position, value LIMIT 1`,
    [workspaceId, customerId],
  );
  return rows[0]?.value ?? null;
}

/** Whether a delivery status notification reported the address failing (mail_failing_addresses). */
export async function isFailingAddress(q: Queryable, workspaceId: string, address: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM mail_failing_addresses WHERE workspace_id = $1 AND address = $2`, [workspaceId, address]);
  return rows.length > 0;
}

/** The Message-ID our latest earlier mail in the conversation went out with (threads replies that no customer mail preceded). */
export async function previousSentHeader(q: Queryable, workspaceId: string, conversationId: string, before: Date): Promise<string | null> {
  const { rows } = await q.query<{ h: string }>(
    `SELECT message_id_header AS h FROM mail_outbox
      WHERE workspace_id = $1 AND conversation_id = $2 AND message_id_header IS NOT NULL AND created_at <= $3
      ORDER BY created_at DESC, id DESC LIMIT 1`,
    [workspaceId, conversationId, before],
  );
  return rows[0]?.h ?? null;
}
