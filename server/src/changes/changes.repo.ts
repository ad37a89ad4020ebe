import { SPAM_TAG } from '../abuse/mark-spam.js';
import type { Queryable } from '../db/types.js';
import type { Cursor } from '../http/cursor.js';

export type ChangeStatus = 'draft' | 'announced';
export type TextSource = 'lead' | 'machine' | 'original';

export interface ChangeRow {
  id: string;
  title: string;
  description: string;
  sourceLanguage: string;
  texts: Record<string, string>;
  status: ChangeStatus;
  createdBy: { type: string; id: string | null };
  createdAt: Date;
  updatedAt: Date;
  announcedAt: Date | null;
  counts: { links: number; customers: number; told: number };
}

// Counts ride along each read: a change page is at most 100 rows, each an index range.
const CHANGE_COLS = `ch.id, ch.title, ch.description, ch.source_language AS "sourceLanguage", ch.texts, ch.status,
  json_build_object('type', ch.created_by_type, 'id', ch.created_by) AS "createdBy",
  ch.created_at AS "createdAt", ch.updated_at AS "updatedAt", ch.announced_at AS "announcedAt",
  json_build_object(
    'links', (SELECT count(*) FROM change_links l WHERE l.workspace_id = ch.workspace_id AND l.change_id = ch.id),
    'customers', (SELECT count(DISTINCT l.customer_id) FROM change_links l WHERE l.workspace_id = ch.workspace_id AND l.change_id = ch.id),
    'told', (SELECT count(*) FROM change_announcements a WHERE a.workspace_id = ch.workspace_id AND a.change_id = ch.id)
  ) AS counts`;

export type NewChange = Pick<ChangeRow, 'id' | 'title' | 'description' | 'sourceLanguage' | 'texts' | 'createdBy'>;

export async function insertChange(q: Queryable, workspaceId: string, c: NewChange, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO changes (workspace_id, id, title, description, source_language, texts, status, created_by_type, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8, $9, $9)`,
    [workspaceId, c.id, c.title, c.description, c.sourceLanguage, JSON.stringify(c.texts), c.createdBy.type, c.createdBy.id, at],
  );
}

/** `forUpdate` serialises announcements and edits of one change. */
export async function findChange(q: Queryable, workspaceId: string, id: string, forUpdate = false): Promise<ChangeRow | undefined> {
  if (forUpdate) await q.query('SELECT 1 FROM changes WHERE workspace_id = $1 AND id = $2 FOR UPDATE', [workspaceId, id]);
  const { rows } = await q.query<ChangeRow>(`SELECT ${CHANGE_COLS} FROM changes ch WHERE ch.workspace_id = $1 AND ch.id = $2`, [
    workspaceId,
    id,
  ]);
  return rows[0];
}

/** Newest first; limit + 1 rows so the caller can tell whether another page follows. */
export async function listChanges(
  q: Queryable,
  workspaceId: string,
  f: { status?: ChangeStatus | undefined },
  limit: number,
  after?: Cursor,
): Promise<ChangeRow[]> {
  const params: unknown[] = [workspaceId];
  const where = ['ch.workspace_id = $1'];
  if (f.status) where.push(`ch.status = $${params.push(f.status)}`);
  if (after) where.push(`(ch.created_at, ch.id) < ($${params.push(after.at)}::timestamptz, $${params.push(after.id)}::uuid)`);
  const { rows } = await q.query<ChangeRow>(
    `SELECT ${CHANGE_COLS} FROM changes ch WHERE ${where.join(' AND ')} ORDER BY ch.created_at DESC, ch.id DESC LIMIT $${params.push(limit + 1)}`,
    params,
  );
  return rows;
}

export type ChangeEdit = Partial<Pick<ChangeRow, 'title' | 'description' | 'sourceLanguage' | 'texts'>>;

export async function updateChangeRow(q: Queryable, workspaceId: string, id: string, e: ChangeEdit, at: Date): Promise<void> {
  await q.query(
    `UPDATE changes SET title = coalesce($3, title), description = coalesce($4, description),
            source_language = coalesce($5, source_language), texts = coalesce($6::jsonb, texts), updated_at = $7
      WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id, e.title ?? null, e.description ?? null, e.sourceLanguage ?? null, e.texts ? JSON.stringify(e.texts) : null, at],
  );
}

export async function deleteChangeRow(q: Queryable, workspaceId: string, id: string): Promise<void> {
  await q.query('DELETE FROM changes WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
}

export async function markChangeAnnounced(q: Queryable, workspaceId: string, id: string, at: Date): Promise<void> {
  await q.query(
    `UPDATE changes SET status = 'announced', announced_at = coalesce(announced_at, $3), updated_at = $3 WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id, at],
  );
}

// ---- links

/** What a link is made of: the conversation, its customer, and the survey response that named it. */
export interface LinkTarget {
  conversationId: string;
  customerId: string;
  responseId: string | null;
}

/** The workspace's conversations among `ids`, with their customers; foreign or unknown ids are missing. */
export async function conversationTargets(q: Queryable, workspaceId: string, ids: string[]): Promise<LinkTarget[]> {
  const { rows } = await q.query<LinkTarget>(
    `SELECT id AS "conversationId", customer_id AS "customerId", NULL::uuid AS "responseId"
       FROM conversations WHERE workspace_id = $1 AND id = ANY($2::uuid[])`,
    [workspaceId, ids],
  );
  return rows;
}

/** The workspace's survey responses among `ids`, each as its conversation and that conversation's customer. */
export async function responseTargets(q: Queryable, workspaceId: string, ids: string[]): Promise<LinkTarget[]> {
  const { rows } = await q.query<LinkTarget>(
    `SELECT c.id AS "conversationId", c.customer_id AS "customerId", r.id AS "responseId"
       FROM survey_responses r
       JOIN conversations c ON c.workspace_id = r.workspace_id AND c.id = r.conversation_id
      WHERE r.workspace_id = $1 AND r.id = ANY($2::uuid[])`,
    [workspaceId, ids],
  );
  return rows;
}

/**
 * Links conversations to a change, one link per conversation: a conversation linked again is left as
 * it is, except that a survey response naming it is remembered when the link had none. Returns how
 * many links are new. `ids` are fresh link ids, one per target.
 */
export async function insertLinks(
  q: Queryable,
  workspaceId: string,
  changeId: string,
  targets: (LinkTarget & { id: string })[],
  at: Date,
): Promise<number> {
  if (targets.length === 0) return 0;
  // xmax = 0 tells an inserted row from one the conflict clause updated.
  const { rows } = await q.query<{ inserted: boolean }>(
    `INSERT INTO change_links (workspace_id, id, change_id, conversation_id, customer_id, response_id, linked_at)
     SELECT $1, t.id, $2, t.conversation_id, t.customer_id, t.response_id, $3
       FROM unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[]) AS t (id, conversation_id, customer_id, response_id)
     ON CONFLICT (workspace_id, change_id, conversation_id)
       DO UPDATE SET response_id = coalesce(change_links.response_id, EXCLUDED.response_id)
     RETURNING (xmax = 0) AS inserted`,
    [
      workspaceId,
      changeId,
      at,
      targets.map((t) => t.id),
      targets.map((t) => t.conversationId),
      targets.map((t) => t.customerId),
      targets.map((t) => t.responseId),
    ],
  );
  return rows.filter((r) => r.inserted).length;
}

export async function countLinks(q: Queryable, workspaceId: string, changeId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM change_links WHERE workspace_id = $1 AND change_id = $2`, [
    workspaceId,
    changeId,
  ]);
  return rows[0]!.n;
}

export interface NoteRow {
  messageId: string;
  conversationId: string;
  language: string;
  textSource: TextSource;
  textLanguage: string;
  flags: string[];
  announcedAt: Date;
}

const NOTE = `CASE WHEN a.message_id IS NULL THEN NULL ELSE json_build_object(
  'messageId', a.message_id, 'conversationId', a.conversation_id, 'language', a.language, 'textSource', a.text_source,
  'textLanguage', a.text_language, 'flags', a.flags, 'announcedAt', a.announced_at) END AS note`;

export interface LinkRow {
  id: string;
  conversationId: string;
  customer: { id: string; name: string | null };
  language: string | null;
  responseId: string | null;
  linkedAt: Date;
  announcedAt: Date | null;
  note: NoteRow | null;
}

/** json_build_object gives timestamps as text in PostgreSQL's own format: a Date, like every other column. */
const withNoteDate = <T extends { note: NoteRow | null }>(r: T): T =>
  r.note ? { ...r, note: { ...r.note, announcedAt: new Date(r.note.announcedAt) } } : r;

/** A change's links, newest first (limit + 1 rows), each with its customer and the customer's note. */
export async function listLinks(q: Queryable, workspaceId: string, changeId: string, limit: number, after?: Cursor): Promise<LinkRow[]> {
  const params: unknown[] = [workspaceId, changeId];
  const page = after ? `AND (l.linked_at, l.id) < ($${params.push(after.at)}::timestamptz, $${params.push(after.id)}::uuid)` : '';
  const { rows } = await q.query<LinkRow>(
    `SELECT l.id, l.conversation_id AS "conversationId", json_build_object('id', cu.id, 'name', cu.name) AS customer,
            coalesce(c.language, cu.locale) AS language, l.response_id AS "responseId", l.linked_at AS "linkedAt",
            l.announced_at AS "announcedAt", ${NOTE}
       FROM change_links l
       JOIN conversations c ON c.workspace_id = l.workspace_id AND c.id = l.conversation_id
       JOIN customers cu ON cu.workspace_id = l.workspace_id AND cu.id = l.customer_id
       LEFT JOIN change_announcements a ON a.workspace_id = l.workspace_id AND a.change_id = l.change_id AND a.customer_id = l.customer_id
      WHERE l.workspace_id = $1 AND l.change_id = $2 ${page}
      ORDER BY l.linked_at DESC, l.id DESC LIMIT $${params.push(limit + 1)}`,
    params,
  );
  return rows.map(withNoteDate);
}

export async function deleteLinkRow(q: Queryable, workspaceId: string, changeId: string, linkId: string): Promise<boolean> {
  const { rowCount } = await q.query('DELETE FROM change_links WHERE workspace_id = $1 AND change_id = $2 AND id = $3', [
    workspaceId,
    changeId,
    linkId,
  ]);
  return rowCount > 0;
}

export interface ConversationChangeRow {
  change: { id: string; title: string; status: ChangeStatus };
  linkId: string;
  linkedAt: Date;
  announcedAt: Date | null;
  note: LinkRow['note'];
}

/** The changes a conversation is linked to, oldest link first (a conversation has few). */
export async function changesOfConversation(q: Queryable, workspaceId: string, conversationId: string): Promise<ConversationChangeRow[]> {
  const { rows } = await q.query<ConversationChangeRow>(
    `SELECT json_build_object('id', ch.id, 'title', ch.title, 'status', ch.status) AS change, l.id AS "linkId",
            l.linked_at AS "linkedAt", l.announced_at AS "announcedAt", ${NOTE}
       FROM change_links l
       JOIN changes ch ON ch.workspace_id = l.workspace_id AND ch.id = l.change_id
       LEFT JOIN change_announcements a ON a.workspace_id = l.workspace_id AND a.change_id = l.change_id AND a.customer_id = l.customer_id
      WHERE l.workspace_id = $1 AND l.conversation_id = $2
      ORDER BY l.linked_at, l.id`,
    [workspaceId, conversationId],
  );
  return rows.map(withNoteDate);
}

// ---- announcing

/** A linked customer not yet told, with the conversation the note goes out on. */
export interface Recipient {
  customerId: string;
  conversationId: string;
  conversationLanguage: string | null;
  locale: string | null;
  country: string | null;
}

/**
 * Linked customers without a note, in customer order (so concurrent announcements take rows in the
 * same order). Each note goes on the customer's linked conversation with the latest activity; a
 * phone call only when they have nothing else, since a call has no channel to carry text. A
 * conversation marked as spam carries no note: a customer linked only through spam is not told.
 */
export async function untoldRecipients(q: Queryable, workspaceId: string, changeId: string): Promise<Recipient[]> {
  const { rows } = await q.query<Recipient>(
    `SELECT DISTINCT ON (l.customer_id) l.customer_id AS "customerId", c.id AS "conversationId",
            c.language AS "conversationLanguage", cu.locale, cu.country
       FROM change_links l
       JOIN conversations c ON c.workspace_id = l.workspace_id AND c.id = l.conversation_id
       JOIN customers cu ON cu.workspace_id = l.workspace_id AND cu.id = l.customer_id
      WHERE l.workspace_id = $1 AND l.change_id = $2 AND NOT c.tags @> ARRAY[$3::text]
        AND NOT EXISTS (SELECT 1 FROM change_announcements a
                         WHERE a.workspace_id = l.workspace_id AND a.change_id = l.change_id AND a.customer_id = l.customer_id)
      ORDER BY l.customer_id, (c.channel = 'phone'), coalesce(c.last_message_at, c.created_at) DESC, c.id DESC`,
    [workspaceId, changeId, SPAM_TAG],
  );
  return rows;
}

export async function countTold(q: Queryable, workspaceId: string, changeId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM change_announcements WHERE workspace_id = $1 AND change_id = $2`,
    [workspaceId, changeId],
  );
  return rows[0]!.n;
}

/**
 * Claims the customer's note: the ledger row is unique per (change, customer), so of two
 * announcements racing for the same customer one inserts and the other (after waiting for it to
 * commit) gets false and sends nothing.
 */
export async function claimNote(
  q: Queryable,
  workspaceId: string,
  changeId: string,
  customerId: string,
  n: Omit<NoteRow, 'announcedAt'>,
  at: Date,
): Promise<boolean> {
  const { rows } = await q.query(
    `INSERT INTO change_announcements (workspace_id, change_id, customer_id, conversation_id, message_id, language, text_source,
                                       text_language, flags, announced_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (workspace_id, change_id, customer_id) DO NOTHING RETURNING 1`,
    [workspaceId, changeId, customerId, n.conversationId, n.messageId, n.language, n.textSource, n.textLanguage, n.flags, at],
  );
  return rows.length > 0;
}

/** A link just marked announced, with the note its customer got (possibly on another conversation). */
export interface AnnouncedLink {
  conversationId: string;
  customerId: string;
  messageId: string;
  sentOn: string;
}

/**
 * Marks announced the links of customers who have their note (of `customerIds` only, or all), once:
 * a link already marked is skipped, also when a concurrent announcement marked it first.
 */
export async function markLinksAnnounced(
  q: Queryable,
  workspaceId: string,
  changeId: string,
  at: Date,
  customerIds: string[] | null,
): Promise<AnnouncedLink[]> {
  const { rows } = await q.query<AnnouncedLink>(
    `UPDATE change_links l SET announced_at = $3
       FROM change_announcements a
      WHERE l.workspace_id = $1 AND l.change_id = $2 AND l.announced_at IS NULL
        AND a.workspace_id = l.workspace_id AND a.change_id = l.change_id AND a.customer_id = l.customer_id
        AND ($4::uuid[] IS NULL OR l.customer_id = ANY($4::uuid[]))
      RETURNING l.conversation_id AS "conversationId", l.customer_id AS "customerId", a.message_id AS "messageId",
                a.conversation_id AS "sentOn"`,
    [workspaceId, changeId, at, customerIds],
  );
  return rows;
}
