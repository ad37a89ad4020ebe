import type { Queryable } from '../db/types.js';
import type { Cursor } from '../http/cursor.js';
import type { SurveyKind } from '../surveys/survey-kinds.js';
import type { FeedbackRow, SurveyDimensions } from './analytics.js';
import type { SentimentLabel } from './feedback.schema.js';
import { NEUTRAL_BAND } from './sentiment/label.js';

/** The workspace's configured survey kind, or null without survey settings. */
export async function workspaceSurveyKind(q: Queryable, workspaceId: string): Promise<SurveyKind | null> {
  const { rows } = await q.query<{ kind: SurveyKind }>(`SELECT kind FROM survey_settings WHERE workspace_id = $1`, [workspaceId]);
  return rows[0]?.kind ?? null;
}

/**
 * Surveys of one kind sent in [start, end), with the answer's score when there is one and the team's
 * and agent's current names. A survey counts in the period it was sent, its answer with it.
 */
export async function feedbackRows(q: Queryable, workspaceId: string, kind: SurveyKind, start: Date, end: Date): Promise<FeedbackRow[]> {
  const { rows } = await q.query<SurveyDimensions & { sentAt: Date | string; score: number | null }>(
    `SELECT s.sent_at AS "sentAt", r.score, s.language, s.country, s.channel,
            s.team_id AS "teamId", t.name AS "teamName", s.agent_id AS "agentId", a.name AS "agentName", s.tags
       FROM surveys s
       LEFT JOIN survey_responses r ON r.workspace_id = s.workspace_id AND r.survey_id = s.id
       LEFT JOIN teams t ON t.workspace_id = s.workspace_id AND t.id = s.team_id
       LEFT JOIN agents a ON a.workspace_id = s.workspace_id AND a.id = s.agent_id
      WHERE s.workspace_id = $1 AND s.sent_at >= $2 AND s.sent_at < $3 AND s.kind = $4`,
    [workspaceId, start, end, kind],
  );
  return rows.map((r) => ({ ...r, kind, sentAt: new Date(r.sentAt), score: r.score === null ? null : Number(r.score) }));
}

export interface ResponseFilter {
  start: Date;
  end: Date;
  kind?: SurveyKind | undefined;
  language?: string | undefined;
  country?: string | undefined;
  channel?: string | undefined;
  teamId?: string | undefined;
  agentId?: string | undefined;
  tag?: string | undefined;
  sentiment?: SentimentLabel | undefined;
  commented?: boolean | undefined;
}

export interface ResponseRow extends SurveyDimensions {
  id: string;
  surveyId: string;
  conversationId: string;
  kind: string;
  score: number;
  reasons: string[];
  comment: string | null;
  commentLanguage: string | null;
  commentTranslation: string | null;
  commentTranslationLanguage: string | null;
  sentiment: number | null;
  answeredAt: Date;
  sentAt: Date | null;
}

/** Answers in [start, end) matching the filter, newest first, `limit` rows after the cursor. */
export async function listResponses(
  q: Queryable,
  workspaceId: string,
  f: ResponseFilter,
  page: { cursor?: Cursor | undefined; limit: number },
): Promise<ResponseRow[]> {
  const params: unknown[] = [workspaceId, f.start, f.end];
  const where = ['r.workspace_id = $1', 'r.answered_at >= $2', 'r.answered_at < $3'];
  const add = (sql: (p: string) => string, v: unknown) => {
    params.push(v);
    where.push(sql(`$${params.length}`));
  };
  if (f.kind) add((p) => `r.kind = ${p}`, f.kind);
  if (f.language) add((p) => `lower(split_part(s.language, '-', 1)) = ${p}`, f.language.toLowerCase().split('-')[0]);
  if (f.country) add((p) => `upper(s.country) = ${p}`, f.country.toUpperCase());
  if (f.channel) add((p) => `s.channel = ${p}`, f.channel);
  if (f.teamId) add((p) => `s.team_id = ${p}`, f.teamId);
  if (f.agentId) add((p) => `s.agent_id = ${p}`, f.agentId);
  if (f.tag) add((p) => `${p} = ANY (s.tags)`, f.tag);
  if (f.sentiment === 'positive') add((p) => `r.sentiment >= ${p}`, NEUTRAL_BAND);
  if (f.sentiment === 'negative') add((p) => `r.sentiment <= -${p}::real`, NEUTRAL_BAND);
  if (f.sentiment === 'neutral') add((p) => `r.sentiment > -${p}::real AND r.sentiment < ${p}`, NEUTRAL_BAND);
  if (f.commented) where.push(`r.comment IS NOT NULL AND r.comment <> ''`);
  if (page.cursor) {
    params.push(page.cursor.at, page.cursor.id);
    where.push(`(r.answered_at, r.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(page.limit);
  const { rows } = await q.query<ResponseRow>(
    `SELECT r.id, r.survey_id AS "surveyId", r.conversation_id AS "conversationId", r.kind, r.score, r.reasons, r.comment,
            r.comment_language AS "commentLanguage", r.comment_translation AS "commentTranslation",
            r.comment_translation_language AS "commentTranslationLanguage", r.sentiment, r.answered_at AS "answeredAt",
            s.sent_at AS "sentAt", s.language, s.country, s.channel, s.team_id AS "teamId", t.name AS "teamName",
            s.agent_id AS "agentId", a.name AS "agentName", s.tags
       FROM survey_responses r
       JOIN surveys s ON s.workspace_id = r.workspace_id AND s.id = r.survey_id
       LEFT JOIN teams t ON t.workspace_id = s.workspace_id AND t.id = s.team_id
       LEFT JOIN agents a ON a.workspace_id = s.workspace_id AND a.id = s.agent_id
      WHERE ${where.join(' AND ')}
      ORDER BY r.answered_at DESC, r.id DESC
      LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    ...r,
    score: Number(r.score),
    // real is float4: PGlite hands back its binary value (-0.41999998...), pg its shortest text (-0.42).
    sentiment: r.sentiment === null ? null : Math.round(Number(r.sentiment) * 1000) / 1000,
    answeredAt: new Date(r.answeredAt),
    sentAt: r.sentAt === null ? null : new Date(r.sentAt),
  }));
}

/** What the comment analysis needs of an answer: its comment and the language to read it in. */
export async function findCommentForAnalysis(
  q: Queryable,
  workspaceId: string,
  responseId: string,
): Promise<{ comment: string | null; language: string | null; commentedAt: Date | null } | null> {
  const { rows } = await q.query<{ comment: string | null; language: string | null; commentedAt: Date | null }>(
    `SELECT r.comment, coalesce(r.comment_language, s.language, s.locale) AS language, r.commented_at AS "commentedAt"
       FROM survey_responses r JOIN surveys s ON s.workspace_id = r.workspace_id AND s.id = r.survey_id
      WHERE r.workspace_id = $1 AND r.id = $2`,
    [workspaceId, responseId],
  );
  return rows[0] ?? null;
}

/**
 * Stores a comment's analysis, unless the comment changed since it was read (the customer may edit
 * it; the later edit's own job analyses that text).
 */
export async function saveCommentAnalysis(
  q: Queryable,
  workspaceId: string,
  responseId: string,
  a: { comment: string; language: string | null; translation: string | null; translationLanguage: string | null; sentiment: number | null },
): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE survey_responses
        SET comment_language = coalesce(comment_language, $4), comment_translation = $5,
            comment_translation_language = $6, sentiment = $7
      WHERE workspace_id = $1 AND id = $2 AND comment = $3`,
    [workspaceId, responseId, a.comment, a.language, a.translation, a.translationLanguage, a.sentiment],
  );
  return (rowCount ?? 0) > 0;
}
