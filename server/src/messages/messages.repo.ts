import type { Queryable } from '../db/types.js';
import type { Cursor } from '../http/cursor.js';
import type { Message } from './messages.schema.js';

export type MessageRow = Omit<Message, 'createdAt'> & { createdAt: Date };

const COLS = `id, conversation_id AS "conversationId", direction, author_type AS "authorType", author_id AS "authorId",
  text, html, language, attachments, channel_meta AS "channelMeta", created_at AS "createdAt"`;

export async function insertMessage(q: Queryable, workspaceId: string, m: MessageRow): Promise<void> {
  await q.query(
    `INSERT INTO messages (id, workspace_id, conversation_id, direction, author_type, author_id, text, html, language, attachments, channel_meta, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      m.id,
      workspaceId,
      m.conversationId,
      m.direction,
      m.authorType,
      m.authorId,
      m.text,
      m.html,
      m.language,
      JSON.stringify(m.attachments),
      JSON.stringify(m.channelMeta),
      m.createdAt,
    ],
  );
}

export async function findMessage(q: Queryable, workspaceId: string, id: string): Promise<MessageRow | undefined> {
  const { rows } = await q.query<MessageRow>(`SELECT ${COLS} FROM messages WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  return rows[0];
}

/** Oldest first: a conversation reads top to bottom. */
export async function listMessages(
  q: Queryable,
  workspaceId: string,
  conversationId: string,
  limit: number,
  after?: Cursor,
): Promise<MessageRow[]> {
  const params: unknown[] = [workspaceId, conversationId, limit + 1];
  let cond = '';
  if (after) {
    params.push(after.at, after.id);
    cond = ' AND (created_at, id) > ($4::timestamptz, $5::uuid)';
  }
  const { rows } = await q.query<MessageRow>(
    `SELECT ${COLS} FROM messages WHERE workspace_id = $1 AND conversation_id = $2${cond} ORDER BY created_at, id LIMIT $3`,
    params,
  );
  return rows;
}
