import type { SurveyKind } from '../surveys/survey-kinds.js';
import type { Queryable } from '../db/types.js';
import type { AttachmentRow } from '../email/attachments.repo.js';
import { normaliseAddress } from '../abuse/sender.js';

export interface WidgetSettingsRow {
  workspaceId: string;
  publicKey: string;
  secretSealed: string;
  enabled: boolean;
  identityRequired: boolean;
  allowedOrigins: string[];
  teamId: string | null;
  preChatFields: { name: string; required: boolean; label?: Record<string, string> }[];
  greeting: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
}

const SETTINGS_COLS = `workspace_id AS "workspaceId", public_key AS "publicKey", secret_sealed AS "secretSealed", enabled,
  identity_required AS "identityRequired", allowed_origins AS "allowedOrigins", team_id AS "teamId",
  pre_chat_fields AS "preChatFields", greeting, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Unscoped on purpose: the public key in a page's script tag is how a widget request finds its workspace. */
export async function findSettingsByKey(q: Queryable, publicKey: string): Promise<WidgetSettingsRow | undefined> {
  const { rows } = await q.query<WidgetSettingsRow>(`SELECT ${SETTINGS_COLS} FROM widget_settings WHERE public_key = $1`, [publicKey]);
  return rows[0];
}

/** The widget key of the workspace with this slug (the demo page's default), if it has one. */
export async function widgetKeyOfSlug(q: Queryable, slug: string): Promise<string | null> {
  const { rows } = await q.query<{ key: string }>(
    `SELECT s.public_key AS key FROM widget_settings s JOIN workspaces w ON w.id = s.workspace_id WHERE w.slug = $1 AND s.enabled`,
    [slug],
  );
  return rows[0]?.key ?? null;
}

export async function findSettings(q: Queryable, workspaceId: string): Promise<WidgetSettingsRow | undefined> {
  const { rows } = await q.query<WidgetSettingsRow>(`SELECT ${SETTINGS_COLS} FROM widget_settings WHERE workspace_id = $1`, [workspaceId]);
  return rows[0];
}

export type WidgetSettingsFields = Pick<
  WidgetSettingsRow,
  'enabled' | 'identityRequired' | 'allowedOrigins' | 'teamId' | 'preChatFields' | 'greeting'
>;

export async function insertSettings(
  q: Queryable,
  workspaceId: string,
  keys: { publicKey: string; secretSealed: string },
  f: WidgetSettingsFields,
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO widget_settings (workspace_id, public_key, secret_sealed, enabled, identity_required, allowed_origins, team_id,
       pre_chat_fields, greeting, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
    [
      workspaceId,
      keys.publicKey,
      keys.secretSealed,
      f.enabled,
      f.identityRequired,
      f.allowedOrigins,
      f.teamId,
      JSON.stringify(f.preChatFields),
      JSON.stringify(f.greeting),
      at,
    ],
  );
}

export async function updateSettings(q: Queryable, workspaceId: string, f: WidgetSettingsFields, at: Date): Promise<void> {
  await q.query(
    `UPDATE widget_settings SET enabled = $2, identity_required = $3, allowed_origins = $4, team_id = $5, pre_chat_fields = $6,
       greeting = $7, updated_at = $8 WHERE workspace_id = $1`,
    [
      workspaceId,
      f.enabled,
      f.identityRequired,
      f.allowedOrigins,
      f.teamId,
      JSON.stringify(f.preChatFields),
      JSON.stringify(f.greeting),
      at,
    ],
  );
}

export async function replaceKeys(
  q: Queryable,
  workspaceId: string,
  keys: { publicKey?: string; secretSealed?: string },
  at: Date,
): Promise<void> {
  await q.query(
    `UPDATE widget_settings SET public_key = COALESCE($2, public_key), secret_sealed = COALESCE($3, secret_sealed), updated_at = $4
     WHERE workspace_id = $1`,
    [workspaceId, keys.publicKey ?? null, keys.secretSealed ?? null, at],
  );
}

// ---- visitors ------------------------------------------------------------------------------------

export interface VisitorRow {
  id: string;
  customerId: string | null;
  verifiedId: string | null;
  locale: string | null;
  timeZone: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

const VISITOR_COLS = `id, customer_id AS "customerId", verified_id AS "verifiedId", locale, time_zone AS "timeZone",
  created_at AS "createdAt", last_seen_at AS "lastSeenAt"`;

export async function insertVisitor(
  q: Queryable,
  workspaceId: string,
  v: { id: string; tokenHash: string; locale: string | null; timeZone: string | null },
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO widget_visitors (id, workspace_id, token_hash, locale, time_zone, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $6)`,
    [v.id, workspaceId, v.tokenHash, v.locale, v.timeZone, at],
  );
}

export async function findVisitorByToken(q: Queryable, workspaceId: string, tokenHash: string): Promise<VisitorRow | undefined> {
  const { rows } = await q.query<VisitorRow>(`SELECT ${VISITOR_COLS} FROM widget_visitors WHERE workspace_id = $1 AND token_hash = $2`, [
    workspaceId,
    tokenHash,
  ]);
  return rows[0];
}

export async function findVisitor(q: Queryable, workspaceId: string, id: string): Promise<VisitorRow | undefined> {
  const { rows } = await q.query<VisitorRow>(`SELECT ${VISITOR_COLS} FROM widget_visitors WHERE workspace_id = $1 AND id = $2`, [
    workspaceId,
    id,
  ]);
  return rows[0];
}

export async function touchVisitor(
  q: Queryable,
  workspaceId: string,
  id: string,
  f: { locale: string | null; timeZone: string | null },
  at: Date,
): Promise<void> {
  await q.query(
    `UPDATE widget_visitors SET last_seen_at = $3, locale = COALESCE($4, locale), time_zone = COALESCE($5, time_zone)
     WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id, at, f.locale, f.timeZone],
  );
}

export async function setVisitorCustomer(
  q: Queryable,
  workspaceId: string,
  id: string,
  customerId: string,
  verifiedId: string | null,
): Promise<void> {
  await q.query(
    `UPDATE widget_visitors SET customer_id = $3, verified_id = COALESCE($4, verified_id) WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id, customerId, verifiedId],
  );
}

/** Serialises one visitor's writes (a resend racing its original), without holding any row the agents touch. */
export async function lockVisitor(q: Queryable, workspaceId: string, visitorId: string): Promise<void> {
  await q.query(`SELECT id FROM widget_visitors WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [workspaceId, visitorId]);
}

// ---- what a visitor sees -------------------------------------------------------------------------

export async function linkConversation(
  q: Queryable,
  workspaceId: string,
  conversationId: string,
  visitorId: string,
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO widget_conversations (workspace_id, conversation_id, visitor_id, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING`,
    [workspaceId, conversationId, visitorId, at],
  );
}

/**
 * The ids of the conversations a visitor sees ($1 workspace, $2 visitor, $3 its verified customer or
 * null), materialised first: a lookup costs the visitor's few rows, never a walk through the
 * workspace's conversations in date order checking each.
 */
const VISIBLE = `visible AS MATERIALIZED (
       SELECT w.conversation_id AS id FROM widget_conversations w WHERE w.workspace_id = $1 AND w.visitor_id = $2
       UNION
       SELECT cc.id FROM conversations cc WHERE cc.workspace_id = $1 AND cc.customer_id = $3 AND cc.channel = 'chat')`;

const verifiedCustomer = (v: Pick<VisitorRow, 'customerId' | 'verifiedId'>) => (v.verifiedId ? v.customerId : null);

/**
 * The conversations a visitor may read, newest first: the ones it started, and — only once the site
 * vouched for it — the verified customer's chat conversations.
 */
export async function visibleConversations(
  q: Queryable,
  workspaceId: string,
  visitor: Pick<VisitorRow, 'id' | 'customerId' | 'verifiedId'>,
  limit = 20,
): Promise<{ id: string; status: string; channel: string }[]> {
  const { rows } = await q.query<{ id: string; status: string; channel: string }>(
    `WITH ${VISIBLE}
     SELECT c.id, c.status, c.channel FROM visible v JOIN conversations c ON c.workspace_id = $1 AND c.id = v.id
     ORDER BY c.created_at DESC, c.id DESC LIMIT $4`,
    [workspaceId, visitor.id, verifiedCustomer(visitor), limit],
  );
  return rows;
}

/**
 * What a visitor's send needs to know, read once its row is locked: whether it is blocked, the message
 * an earlier send with this client id stored, and the chat it continues (its latest one not closed).
 * One statement: on PGlite every statement is a turn on the one connection, on the chat's hot path.
 */
export async function sendState(
  q: Queryable,
  workspaceId: string,
  visitor: Pick<VisitorRow, 'id' | 'customerId' | 'verifiedId'>,
  clientId: string,
): Promise<{ blocked: boolean; seen: { messageId: string; conversationId: string } | null; currentId: string | null }> {
  const { rows } = await q.query<{
    blocked: boolean;
    seenMessage: string | null;
    seenConversation: string | null;
    currentId: string | null;
  }>(
    `WITH ${VISIBLE}
     SELECT EXISTS (SELECT 1 FROM blocked_senders b WHERE b.workspace_id = $1 AND b.channel = 'chat' AND b.address = $5) AS blocked,
            m.message_id AS "seenMessage", m.conversation_id AS "seenConversation",
            (SELECT c.id FROM visible v JOIN conversations c ON c.workspace_id = $1 AND c.id = v.id
              WHERE c.channel = 'chat' AND c.status <> 'closed'
              ORDER BY c.created_at DESC, c.id DESC LIMIT 1) AS "currentId"
       FROM (SELECT 1) one
       LEFT JOIN widget_client_messages m ON m.workspace_id = $1 AND m.visitor_id = $2 AND m.client_id = $4`,
    [workspaceId, visitor.id, verifiedCustomer(visitor), clientId, normaliseAddress('chat', visitor.id)],
  );
  const r = rows[0]!;
  return {
    blocked: r.blocked,
    seen: r.seenMessage && r.seenConversation ? { messageId: r.seenMessage, conversationId: r.seenConversation } : null,
    currentId: r.currentId,
  };
}

export async function findClientMessage(
  q: Queryable,
  workspaceId: string,
  visitorId: string,
  clientId: string,
): Promise<{ messageId: string; conversationId: string } | undefined> {
  const { rows } = await q.query<{ messageId: string; conversationId: string }>(
    `SELECT message_id AS "messageId", conversation_id AS "conversationId" FROM widget_client_messages
     WHERE workspace_id = $1 AND visitor_id = $2 AND client_id = $3`,
    [workspaceId, visitorId, clientId],
  );
  return rows[0];
}

export async function insertClientMessage(
  q: Queryable,
  workspaceId: string,
  r: { visitorId: string; clientId: string; messageId: string; conversationId: string },
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO widget_client_messages (workspace_id, visitor_id, client_id, message_id, conversation_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [workspaceId, r.visitorId, r.clientId, r.messageId, r.conversationId, at],
  );
}

export interface VisibleMessageRow {
  id: string;
  conversationId: string;
  direction: 'inbound' | 'outbound';
  authorType: string;
  authorName: string | null;
  text: string;
  deliveredText: string | null;
  deliveredNotice: string | null;
  clientId: string | null;
  createdAt: Date;
  /** A survey invitation's link, kind, locale and whether it was answered (absent on other messages). */
  survey?: { url: string; kind: SurveyKind; locale: string | null; answered: boolean } | null;
}

/**
 * Messages a visitor may read in the given conversations, oldest first: never internal notes, never a
 * translated reply still waiting for its reviewer; a delivered translation replaces the agent's text.
 * `after` is a message id (UUIDv7, so time-ordered): only later ones.
 */
export async function visibleMessages(
  q: Queryable,
  workspaceId: string,
  conversationIds: readonly string[],
  opts: { after?: string | null; messageId?: string; limit: number },
): Promise<VisibleMessageRow[]> {
  if (conversationIds.length === 0) return [];
  const { rows } = await q.query<VisibleMessageRow>(
    `SELECT * FROM (
       SELECT m.id, m.conversation_id AS "conversationId", m.direction, m.author_type AS "authorType", a.name AS "authorName",
              m.text, t.text AS "deliveredText", t.notice AS "deliveredNotice", cm.client_id AS "clientId", m.created_at AS "createdAt",
              CASE WHEN s.id IS NULL THEN NULL ELSE jsonb_build_object('url', m.channel_meta->>'surveyUrl', 'kind', s.kind,
                'locale', s.locale, 'answered', s.status = 'answered') END AS survey
       FROM messages m
       LEFT JOIN agents a ON a.workspace_id = m.workspace_id AND a.id = m.author_id AND m.author_type = 'agent'
       LEFT JOIN message_translations t ON t.workspace_id = m.workspace_id AND t.message_id = m.id AND t.delivered AND t.status = 'translated'
       LEFT JOIN widget_client_messages cm ON cm.workspace_id = m.workspace_id AND cm.message_id = m.id
       -- A survey invitation: only the message the survey was sent as (channel metadata alone could be anyone's).
       LEFT JOIN surveys s ON s.workspace_id = m.workspace_id AND m.channel_meta->>'surveyUrl' IS NOT NULL
         AND s.id = CASE WHEN m.channel_meta->>'surveyId' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                         THEN (m.channel_meta->>'surveyId')::uuid END
         AND s.message_id = m.id
       WHERE m.workspace_id = $1 AND m.conversation_id = ANY($2::uuid[]) AND m.direction IN ('inbound', 'outbound')
         AND ($3::uuid IS NULL OR m.id > $3::uuid) AND ($4::uuid IS NULL OR m.id = $4::uuid)
         AND NOT EXISTS (SELECT 1 FROM outbound_reviews r WHERE r.workspace_id = m.workspace_id AND r.message_id = m.id
                         AND r.status = 'awaiting_review')
       ORDER BY m.id DESC LIMIT $5
     ) x ORDER BY id`,
    [workspaceId, conversationIds, opts.after ?? null, opts.messageId ?? null, opts.limit],
  );
  return rows;
}

/** The conversations of a visitor that are still anonymous move to the customer the site vouched for. */
export async function adoptVisitorConversations(
  q: Queryable,
  workspaceId: string,
  visitorId: string,
  customerId: string,
): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `UPDATE conversations c SET customer_id = $3 FROM widget_conversations w, widget_visitors v
     WHERE c.workspace_id = $1 AND w.workspace_id = $1 AND w.conversation_id = c.id AND w.visitor_id = $2
       AND v.workspace_id = $1 AND v.id = $2 AND v.verified_id IS NULL AND c.customer_id = v.customer_id AND c.customer_id <> $3
     RETURNING c.id`,
    [workspaceId, visitorId, customerId],
  );
  return rows.map((r) => r.id);
}

/** The team's calendar (for the widget's hours), or null when the team keeps no hours. */
export async function teamCalendar(
  q: Queryable,
  workspaceId: string,
  teamId: string,
): Promise<{ id: string; definition: unknown; updatedAt: Date } | null> {
  const { rows } = await q.query<{ id: string; definition: unknown; updatedAt: Date }>(
    `SELECT c.id, c.definition, c.updated_at AS "updatedAt" FROM teams t
       JOIN calendars c ON c.workspace_id = t.workspace_id AND c.id = t.calendar_id
      WHERE t.workspace_id = $1 AND t.id = $2`,
    [workspaceId, teamId],
  );
  return rows[0] ? { ...rows[0], updatedAt: new Date(rows[0].updatedAt) } : null;
}

// ---- uploads ---------------------------------------------------------------------------------------

/** An upload is the file part of an attachment row, waiting for its message. */
export type UploadRow = Pick<AttachmentRow, 'id' | 'name' | 'contentType' | 'size' | 'sha256' | 'blobKey'>;

export async function insertUpload(q: Queryable, workspaceId: string, visitorId: string, u: UploadRow, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO widget_uploads (id, workspace_id, visitor_id, name, content_type, size, sha256, blob_key, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [u.id, workspaceId, visitorId, u.name, u.contentType, u.size, u.sha256, u.blobKey, at],
  );
}

/** Uploads of this visitor not yet sent, among `ids`, locked until the transaction ends. */
export async function pendingUploads(q: Queryable, workspaceId: string, visitorId: string, ids: readonly string[]): Promise<UploadRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await q.query<UploadRow>(
    `SELECT id, name, content_type AS "contentType", size, sha256, blob_key AS "blobKey" FROM widget_uploads
     WHERE workspace_id = $1 AND visitor_id = $2 AND id = ANY($3::uuid[]) AND message_id IS NULL ORDER BY created_at, id FOR UPDATE`,
    [workspaceId, visitorId, ids],
  );
  return rows;
}

export async function claimUploads(q: Queryable, workspaceId: string, ids: readonly string[], messageId: string): Promise<void> {
  await q.query(`UPDATE widget_uploads SET message_id = $3 WHERE workspace_id = $1 AND id = ANY($2::uuid[])`, [
    workspaceId,
    ids,
    messageId,
  ]);
}

/** Attachments of the given messages as the widget lists them (no keys, no hashes). */
export async function messageAttachments(
  q: Queryable,
  workspaceId: string,
  messageIds: readonly string[],
): Promise<{ messageId: string; id: string; name: string; contentType: string; size: number }[]> {
  if (messageIds.length === 0) return [];
  const { rows } = await q.query<{ messageId: string; id: string; name: string; contentType: string; size: number }>(
    `SELECT message_id AS "messageId", id, name, content_type AS "contentType", size FROM attachments
     WHERE workspace_id = $1 AND message_id = ANY($2::uuid[]) AND NOT inline ORDER BY created_at, id`,
    [workspaceId, messageIds],
  );
  return rows;
}
