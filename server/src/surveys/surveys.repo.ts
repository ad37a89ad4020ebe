import type { Queryable } from '../db/types.js';
import type { SurveyTextOverride } from './compose-invitation.js';
import type { SurveyKind } from './survey-kinds.js';
import type { SurveySuppressReason } from './survey-rules.js';

export interface SurveyReasonChoice {
  key: string;
  labels: Record<string, string>;
}

export interface SurveySettings {
  enabled: boolean;
  kind: SurveyKind;
  askComment: boolean;
  reasons: SurveyReasonChoice[];
  delayMinutes: number;
  quietStart: number;
  quietEnd: number;
  throttleDays: number;
  linkTtlHours: number;
  channels: string[];
  texts: Record<string, SurveyTextOverride>;
  updatedAt: Date | null;
}

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = {
  enabled: true,
  kind: 'csat',
  askComment: true,
  reasons: [],
  delayMinutes: 60,
  quietStart: 20,
  quietEnd: 9,
  throttleDays: 30,
  linkTtlHours: 168,
  channels: ['email', 'chat'],
  texts: {},
  updatedAt: null,
};

const SETTINGS_COLS = `enabled, kind, ask_comment AS "askComment", reasons, delay_minutes AS "delayMinutes", quiet_start AS "quietStart",
  quiet_end AS "quietEnd", throttle_days AS "throttleDays", link_ttl_hours AS "linkTtlHours", channels, texts, updated_at AS "updatedAt"`;

/** The workspace's survey settings; the defaults until a lead saves some. */
export async function findSurveySettings(q: Queryable, workspaceId: string): Promise<SurveySettings> {
  const { rows } = await q.query<SurveySettings>(`SELECT ${SETTINGS_COLS} FROM survey_settings WHERE workspace_id = $1`, [workspaceId]);
  return rows[0] ?? DEFAULT_SURVEY_SETTINGS;
}

export async function saveSurveySettings(q: Queryable, workspaceId: string, s: Omit<SurveySettings, 'updatedAt'>, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO survey_settings (workspace_id, enabled, kind, ask_comment, reasons, delay_minutes, quiet_start, quiet_end, throttle_days,
                                  link_ttl_hours, channels, texts, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (workspace_id) DO UPDATE SET enabled = $2, kind = $3, ask_comment = $4, reasons = $5, delay_minutes = $6, quiet_start = $7,
       quiet_end = $8, throttle_days = $9, link_ttl_hours = $10, channels = $11, texts = $12, updated_at = $13`,
    [
      workspaceId,
      s.enabled,
      s.kind,
      s.askComment,
      JSON.stringify(s.reasons),
      s.delayMinutes,
      s.quietStart,
      s.quietEnd,
      s.throttleDays,
      s.linkTtlHours,
      s.channels,
      JSON.stringify(s.texts),
      at,
    ],
  );
}

/** A stored survey. `status` 'scheduled' with no `dueAt` is the API's 'waiting' (reopened before it went out). */
export interface SurveyRow {
  id: string;
  conversationId: string;
  customerId: string;
  kind: SurveyKind;
  status: 'scheduled' | 'sent' | 'suppressed' | 'answered';
  suppressed: SurveySuppressReason | null;
  detail: string | null;
  locale: string | null;
  channel: string;
  teamId: string | null;
  agentId: string | null;
  language: string | null;
  country: string | null;
  tags: string[];
  decidedAt: Date;
  dueAt: Date | null;
  sentAt: Date | null;
  expiresAt: Date | null;
  messageId: string | null;
}

const SURVEY_COLS = `s.id, s.conversation_id AS "conversationId", s.customer_id AS "customerId", s.kind, s.status, s.suppressed, s.detail,
  s.locale, s.channel, s.team_id AS "teamId", s.agent_id AS "agentId", s.language, s.country, s.tags, s.decided_at AS "decidedAt",
  s.due_at AS "dueAt", s.sent_at AS "sentAt", s.expires_at AS "expiresAt", s.message_id AS "messageId"`;

/** What deciding and sending need about a conversation, in one read. */
export interface SurveyFacts {
  status: string;
  channel: string;
  language: string | null;
  teamId: string | null;
  assigneeId: string | null;
  tags: string[];
  solvedAt: Date | null;
  closedAt: Date | null;
  customerId: string;
  customer: { locale: string | null; country: string | null; timeZone: string | null; email: string | null };
  /** The channel metadata of the customer's latest inbound message; null when they never wrote. */
  inboundMeta: Record<string, string> | null;
  widgetVisitor: boolean;
}

export async function surveyFacts(q: Queryable, workspaceId: string, conversationId: string): Promise<SurveyFacts | undefined> {
  const { rows } = await q.query<SurveyFacts>(
    `SELECT c.status, c.channel, c.language, c.team_id AS "teamId", c.assignee_id AS "assigneeId", c.tags, c.solved_at AS "solvedAt",
            c.closed_at AS "closedAt", c.customer_id AS "customerId",
            jsonb_build_object('locale', cu.locale, 'country', cu.country, 'timeZone', cu.time_zone,
              'email', (SELECT ci.value FROM customer_identities ci WHERE ci.workspace_id = cu.workspace_id AND ci.customer_id = cu.id
                          AND ci.kind = 'email' ORDER BY ci.position, ci.value LIMIT 1)) AS customer,
            (SELECT COALESCE(m.channel_meta, '{}') FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id
                AND m.direction = 'inbound' ORDER BY m.created_at DESC, m.id DESC LIMIT 1) AS "inboundMeta",
            EXISTS (SELECT 1 FROM widget_conversations w WHERE w.workspace_id = c.workspace_id AND w.conversation_id = c.id) AS "widgetVisitor"
       FROM conversations c
       JOIN customers cu ON cu.workspace_id = c.workspace_id AND cu.id = c.customer_id
      WHERE c.workspace_id = $1 AND c.id = $2`,
    [workspaceId, conversationId],
  );
  return rows[0];
}

/** The conversation's survey, locked for the caller's transaction. */
export async function lockSurveyOf(q: Queryable, workspaceId: string, conversationId: string): Promise<SurveyRow | undefined> {
  const { rows } = await q.query<SurveyRow>(
    `SELECT ${SURVEY_COLS} FROM surveys s WHERE s.workspace_id = $1 AND s.conversation_id = $2 FOR UPDATE`,
    [workspaceId, conversationId],
  );
  return rows[0];
}

/** A due survey, locked; undefined when another pass holds it or it is no longer due. */
export async function claimDueSurvey(q: Queryable, workspaceId: string, id: string, now: Date): Promise<SurveyRow | undefined> {
  const { rows } = await q.query<SurveyRow>(
    `SELECT ${SURVEY_COLS} FROM surveys s WHERE s.workspace_id = $1 AND s.id = $2 AND s.status = 'scheduled' AND s.due_at <= $3
      FOR UPDATE SKIP LOCKED`,
    [workspaceId, id, now],
  );
  return rows[0];
}

/** Due surveys of every workspace (the scheduler's search), soonest first. */
export async function dueSurveys(q: Queryable, now: Date, limit: number): Promise<{ workspaceId: string; id: string }[]> {
  const { rows } = await q.query<{ workspaceId: string; id: string }>(
    `SELECT workspace_id AS "workspaceId", id FROM surveys WHERE status = 'scheduled' AND due_at <= $1 ORDER BY due_at, id LIMIT $2`,
    [now, limit],
  );
  return rows;
}

/**
 * Serialises survey decisions and sends for one customer until the transaction ends, so two
 * conversations solved together cannot both pass the throttle.
 */
export async function lockSurveyCustomer(q: Queryable, workspaceId: string, customerId: string): Promise<void> {
  await q.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [workspaceId, `survey:${customerId}`]);
}

/** When the customer was last sent a survey about another conversation, if ever. */
export async function lastSurveySent(
  q: Queryable,
  workspaceId: string,
  customerId: string,
  exceptConversation: string,
): Promise<Date | null> {
  const { rows } = await q.query<{ at: Date }>(
    `SELECT sent_at AS at FROM surveys WHERE workspace_id = $1 AND customer_id = $2 AND sent_at IS NOT NULL AND conversation_id <> $3
      ORDER BY sent_at DESC LIMIT 1`,
    [workspaceId, customerId, exceptConversation],
  );
  return rows[0] ? new Date(rows[0].at) : null;
}

export type SurveyDecisionRow = Omit<SurveyRow, 'sentAt' | 'expiresAt' | 'messageId'>;

/**
 * Writes the conversation's decision: a new row, or a new decision over one still waiting to go out
 * (scheduled or waiting). False when it was sent, answered or suppressed already.
 */
export async function upsertSurveyDecision(q: Queryable, workspaceId: string, r: SurveyDecisionRow): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO surveys (workspace_id, id, conversation_id, customer_id, kind, status, suppressed, detail, locale, channel, team_id, agent_id,
                          language, country, tags, decided_at, due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     ON CONFLICT (workspace_id, conversation_id) DO UPDATE SET customer_id = $4, kind = $5, status = $6, suppressed = $7, detail = $8,
       locale = $9, channel = $10, team_id = $11, agent_id = $12, language = $13, country = $14, tags = $15, decided_at = $16, due_at = $17
     WHERE surveys.status = 'scheduled'`,
    [
      workspaceId,
      r.id,
      r.conversationId,
      r.customerId,
      r.kind,
      r.status,
      r.suppressed,
      r.detail,
      r.locale,
      r.channel,
      r.teamId,
      r.agentId,
      r.language,
      r.country,
      r.tags,
      r.decidedAt,
      r.dueAt,
    ],
  );
  return rowCount > 0;
}

/** Settles a claimed survey as sent. */
export async function markSurveySent(
  q: Queryable,
  workspaceId: string,
  id: string,
  s: { sentAt: Date; expiresAt: Date; messageId: string },
): Promise<void> {
  await q.query(`UPDATE surveys SET status = 'sent', sent_at = $3, expires_at = $4, message_id = $5 WHERE workspace_id = $1 AND id = $2`, [
    workspaceId,
    id,
    s.sentAt,
    s.expiresAt,
    s.messageId,
  ]);
}

/** Settles a claimed survey as suppressed at send time. */
export async function markSurveySuppressed(
  q: Queryable,
  workspaceId: string,
  id: string,
  reason: SurveySuppressReason,
  detail: string | null,
): Promise<void> {
  await q.query(`UPDATE surveys SET status = 'suppressed', suppressed = $3, detail = $4 WHERE workspace_id = $1 AND id = $2`, [
    workspaceId,
    id,
    reason,
    detail,
  ]);
}

/** A claimed survey whose conversation was reopened: waiting (no due time) until the next solve decides again. */
export async function markSurveyWaiting(q: Queryable, workspaceId: string, id: string): Promise<void> {
  await q.query(`UPDATE surveys SET due_at = NULL WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
}

export interface SurveyResponseSummary {
  score: number;
  reasons: string[];
  comment: string | null;
  source: string;
  answeredAt: Date;
  commentedAt: Date | null;
}

/** The conversation's survey and its response, if any. */
export async function findConversationSurvey(
  q: Queryable,
  workspaceId: string,
  conversationId: string,
): Promise<(SurveyRow & { response: SurveyResponseSummary | null }) | undefined> {
  const { rows } = await q.query<SurveyRow & { response: SurveyResponseSummary | null }>(
    `SELECT ${SURVEY_COLS},
            CASE WHEN r.id IS NULL THEN NULL
                 ELSE jsonb_build_object('score', r.score, 'reasons', r.reasons, 'comment', r.comment, 'source', r.source,
                                         'answeredAt', r.answered_at, 'commentedAt', r.commented_at) END AS response
       FROM surveys s
       LEFT JOIN survey_responses r ON r.workspace_id = s.workspace_id AND r.survey_id = s.id
      WHERE s.workspace_id = $1 AND s.conversation_id = $2`,
    [workspaceId, conversationId],
  );
  return rows[0];
}
