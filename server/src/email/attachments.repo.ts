import type { Queryable } from '../db/types.js';

export interface AttachmentRow {
  id: string;
  conversationId: string;
  messageId: string;
  name: string;
  contentType: string;
  size: number;
  contentId: string | null;
  inline: boolean;
  sha256: string;
  blobKey: string;
  createdAt: Date;
}

const COLS = `id, conversation_id AS "conversationId", message_id AS "messageId", name, content_type AS "contentType", size,
  content_id AS "contentId", inline, sha256, blob_key AS "blobKey", created_at AS "createdAt"`;

export async function insertAttachments(q: Queryable, workspaceId: string, rows: readonly AttachmentRow[]): Promise<void> {
  for (const a of rows) {
    await q.query(
      `INSERT INTO attachments (id, workspace_id, conversation_id, message_id, name, content_type, size, content_id, inline, sha256, blob_key, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        a.id,
        workspaceId,
        a.conversationId,
        a.messageId,
        a.name,
        a.contentType,
        a.size,
        a.contentId,
        a.inline,
        a.sha256,
        a.blobKey,
        a.createdAt,
      ],
    );
  }
}

export async function findAttachment(q: Queryable, workspaceId: string, id: string): Promise<AttachmentRow | undefined> {
  const { rows } = await q.query<AttachmentRow>(`SELECT ${COLS} FROM attachments WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  return rows[0];
}

export async function listAttachments(q: Queryable, workspaceId: string, conversationId: string): Promise<AttachmentRow[]> {
  const { rows } = await q.query<AttachmentRow>(
    `SELECT ${COLS} FROM attachments WHERE workspace_id = $1 AND conversation_id = $2 ORDER BY created_at, id LIMIT 1000`,
    [workspaceId, conversationId],
  );
  return rows;
}
