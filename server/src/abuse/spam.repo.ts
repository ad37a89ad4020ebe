import type { Queryable } from '../db/types.js';

/** The channel_meta of the conversation's latest inbound message (null when the customer never wrote). */
export async function latestInboundMeta(q: Queryable, workspaceId: string, conversationId: string): Promise<Record<string, string> | null> {
  const { rows } = await q.query<{ meta: Record<string, string> }>(
    `SELECT channel_meta AS meta FROM messages WHERE workspace_id = $1 AND conversation_id = $2 AND direction = 'inbound'
      ORDER BY created_at DESC, id DESC LIMIT 1`,
    [workspaceId, conversationId],
  );
  return rows[0]?.meta ?? null;
}
