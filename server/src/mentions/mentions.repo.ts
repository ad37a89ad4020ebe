import type { Queryable } from '../db/types.js';
import type { Cursor } from '../http/cursor.js';

export interface MentionRow {
  id: string;
  messageId: string;
  conversationId: string;
  agentId: string;
  byAgentId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** A mention with what the mentioned agent needs to decide whether to look now. */
export interface MentionView extends MentionRow {
  byName: string | null;
  subject: string | null;
  excerpt: string;
}

/** Stores who a note mentions; a second insert of the same (note, agent) changes nothing. Returns the new rows. */
export async function insertMentions(q: Queryable, workspaceId: string, rows: MentionRow[]): Promise<MentionRow[]> {
  if (rows.length === 0) return [];
  const { rows: inserted } = await q.query<{ id: string }>(
    `INSERT INTO mentions (workspace_id, id, message_id, conversation_id, agent_id, by_agent_id, created_at)
     SELECT $1, r.id, r.message_id, r.conversation_id, r.agent_id, r.by_agent_id, r.created_at
       FROM jsonb_to_recordset($2::jsonb)
            AS r(id uuid, message_id uuid, conversation_id uuid, agent_id uuid, by_agent_id uuid, created_at timestamptz)
     ON CONFLICT (workspace_id, message_id, agent_id) DO NOTHING
     RETURNING id`,
    [
      workspaceId,
      JSON.stringify(
        rows.map((r) => ({
          id: r.id,
          message_id: r.messageId,
          conversation_id: r.conversationId,
          agent_id: r.agentId,
          by_agent_id: r.byAgentId,
          created_at: r.createdAt.toISOString(),
        })),
      ),
    ],
  );
  const ids = new Set(inserted.map((r) => r.id));
  return rows.filter((r) => ids.has(r.id));
}

/** An agent's mentions, newest first (only unread ones when asked), with the note's first words. */
export async function listMentions(
  q: Queryable,
  workspaceId: string,
  agentId: string,
  opts: { unread: boolean; limit: number; after?: Cursor | undefined },
): Promise<MentionView[]> {
  const params: unknown[] = [workspaceId, agentId, opts.limit + 1];
  let page = '';
  if (opts.after) {
    params.push(opts.after.at, opts.after.id);
    page = ' AND (m.created_at, m.id) < ($4::timestamptz, $5::uuid)';
  }
  const { rows } = await q.query<MentionView>(
    `SELECT m.id, m.message_id AS "messageId", m.conversation_id AS "conversationId", m.agent_id AS "agentId",
            m.by_agent_id AS "byAgentId", m.created_at AS "createdAt", m.read_at AS "readAt",
            a.name AS "byName", c.subject, left(msg.text, 200) AS excerpt
       FROM mentions m
       JOIN conversations c ON c.workspace_id = m.workspace_id AND c.id = m.conversation_id
       JOIN messages msg ON msg.workspace_id = m.workspace_id AND msg.id = m.message_id
       LEFT JOIN agents a ON a.workspace_id = m.workspace_id AND a.id = m.by_agent_id
      WHERE m.workspace_id = $1 AND m.agent_id = $2${opts.unread ? ' AND m.read_at IS NULL' : ''}${page}
      ORDER BY m.created_at DESC, m.id DESC
      LIMIT $3`,
    params,
  );
  return rows;
}

export async function unreadMentionCount(q: Queryable, workspaceId: string, agentId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM mentions WHERE workspace_id = $1 AND agent_id = $2 AND read_at IS NULL',
    [workspaceId, agentId],
  );
  return rows[0]!.n;
}

/** Marks an agent's unread mentions read: the given ones, or all of one conversation's. Returns the ids marked. */
export async function markMentionsRead(
  q: Queryable,
  workspaceId: string,
  agentId: string,
  which: { ids: string[] } | { conversationId: string },
  at: Date,
): Promise<string[]> {
  const [filter, value] = 'ids' in which ? ['id = ANY($3::uuid[])', which.ids] : ['conversation_id = $3', which.conversationId];
  const { rows } = await q.query<{ id: string }>(
    `UPDATE mentions SET read_at = $4
      WHERE workspace_id = $1 AND agent_id = $2 AND read_at IS NULL AND ${filter}
      RETURNING id`,
    [workspaceId, agentId, value, at],
  );
  return rows.map((r) => r.id);
}
