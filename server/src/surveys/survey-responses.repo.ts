import type { Queryable } from '../db/types.js';
import type { SurveyTextOverride } from './compose-invitation.js';
import type { SurveyKind } from './survey-kinds.js';

/** A configured reason choice: its key and its label per language tag (settings' `reasons`). */
export interface SurveyReason {
  key: string;
  labels: Record<string, string>;
}

/** A survey as its public link sees it: the row, the workspace's name and settings, and its answer so far. */
export interface SurveyForAnswer {
  id: string;
  conversationId: string;
  customerId: string;
  kind: SurveyKind;
  status: 'scheduled' | 'sent' | 'suppressed' | 'answered';
  locale: string | null;
  expiresAt: Date | null;
  workspaceName: string;
  askComment: boolean;
  reasons: SurveyReason[];
  /** The workspace's rewordings per locale (settings' `texts`). */
  texts: Record<string, SurveyTextOverride>;
  response: SurveyResponseRow | null;
}

export interface SurveyResponseRow {
  id: string;
  score: number;
  reasons: string[];
  comment: string | null;
  source: 'link' | 'widget' | 'api';
  answeredAt: Date;
  commentedAt: Date | null;
}

/**
 * Settings' reasons are a list of `{ key, labels }` (also accepted: `label` for `labels`, or a bare
 * key): read leniently so a reason saved by an older settings shape still shows, with its key as label.
 */
function reasonsOf(raw: unknown): SurveyReason[] {
  if (!Array.isArray(raw)) return [];
  const out: SurveyReason[] = [];
  for (const r of raw as unknown[]) {
    if (typeof r === 'string') out.push({ key: r, labels: {} });
    else if (r && typeof r === 'object' && typeof (r as { key?: unknown }).key === 'string') {
      const o = r as { key: string; labels?: unknown; label?: unknown };
      const labels = o.labels ?? o.label;
      const clean =
        labels && typeof labels === 'object'
          ? Object.fromEntries(
              Object.entries(labels as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'),
            )
          : {};
      out.push({ key: o.key, labels: clean });
    }
  }
  return out;
}

/**
 * One read for a link: the survey, its workspace's name and settings, and its response. `lock` takes the
 * survey row for the rest of the transaction, so two answers to one survey take turns (the second sees
 * the first's response).
 */
export async function findSurveyForAnswer(
  q: Queryable,
  workspaceId: string,
  surveyId: string,
  opts: { lock?: boolean } = {},
): Promise<SurveyForAnswer | undefined> {
  const { rows } = await q.query<Omit<SurveyForAnswer, 'reasons'> & { reasons: unknown }>(
    `SELECT s.id, s.conversation_id AS "conversationId", s.customer_id AS "customerId", s.kind, s.status, s.locale,
            s.expires_at AS "expiresAt", w.name AS "workspaceName", COALESCE(ss.ask_comment, true) AS "askComment",
            COALESCE(ss.reasons, '[]') AS reasons, COALESCE(ss.texts, '{}') AS texts,
            CASE WHEN r.id IS NULL THEN NULL ELSE jsonb_build_object(
              'id', r.id, 'score', r.score, 'reasons', to_jsonb(r.reasons), 'comment', r.comment, 'source', r.source,
              'answeredAt', r.answered_at, 'commentedAt', r.commented_at) END AS response
       FROM surveys s
       JOIN workspaces w ON w.id = s.workspace_id
       LEFT JOIN survey_settings ss ON ss.workspace_id = s.workspace_id
       LEFT JOIN survey_responses r ON r.workspace_id = s.workspace_id AND r.survey_id = s.id
      WHERE s.workspace_id = $1 AND s.id = $2
      ${opts.lock ? 'FOR UPDATE OF s' : ''}`,
    [workspaceId, surveyId],
  );
  const r = rows[0];
  if (!r) return undefined;
  const response = r.response
    ? {
        ...r.response,
        answeredAt: new Date(r.response.answeredAt),
        commentedAt: r.response.commentedAt ? new Date(r.response.commentedAt) : null,
      }
    : null;
  return { ...r, reasons: reasonsOf(r.reasons), response };
}

export interface NewSurveyResponse {
  id: string;
  surveyId: string;
  conversationId: string;
  customerId: string;
  kind: SurveyKind;
  score: number;
  reasons: string[];
  comment: string | null;
  source: 'link' | 'widget' | 'api';
}

/** Records a survey's response and marks the survey answered. The unique (workspace, survey) keeps it to one. */
export async function insertSurveyResponse(q: Queryable, workspaceId: string, r: NewSurveyResponse, at: Date): Promise<void> {
  await q.query(
    `WITH s AS (UPDATE surveys SET status = 'answered' WHERE workspace_id = $1 AND id = $3)
     INSERT INTO survey_responses (workspace_id, id, survey_id, conversation_id, customer_id, kind, score, reasons, comment,
                                   source, answered_at, commented_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $9::text IS NULL THEN NULL ELSE $11::timestamptz END)`,
    [workspaceId, r.id, r.surveyId, r.conversationId, r.customerId, r.kind, r.score, r.reasons, r.comment, r.source, at],
  );
}

/**
 * Changes what stays editable after the score: the reasons (when given) and the comment (when given;
 * null removes it). commented_at moves only when the comment text changes; the analysis columns
 * computed from the old comment are cleared with it.
 */
export async function updateSurveyResponse(
  q: Queryable,
  workspaceId: string,
  responseId: string,
  change: { reasons?: string[]; comment?: string | null },
  at: Date,
): Promise<void> {
  await q.query(
    `UPDATE survey_responses SET
       reasons = CASE WHEN $3::boolean THEN $4::text[] ELSE reasons END,
       commented_at = CASE WHEN $5::boolean AND comment IS DISTINCT FROM $6::text THEN
                        CASE WHEN $6::text IS NULL THEN NULL ELSE $7::timestamptz END ELSE commented_at END,
       comment_language = CASE WHEN $5::boolean AND comment IS DISTINCT FROM $6::text THEN NULL ELSE comment_language END,
       comment_translation = CASE WHEN $5::boolean AND comment IS DISTINCT FROM $6::text THEN NULL ELSE comment_translation END,
       comment_translation_language = CASE WHEN $5::boolean AND comment IS DISTINCT FROM $6::text THEN NULL
                                           ELSE comment_translation_language END,
       sentiment = CASE WHEN $5::boolean AND comment IS DISTINCT FROM $6::text THEN NULL ELSE sentiment END,
       comment = CASE WHEN $5::boolean THEN $6::text ELSE comment END
     WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, responseId, change.reasons !== undefined, change.reasons ?? [], change.comment !== undefined, change.comment ?? null, at],
  );
}
