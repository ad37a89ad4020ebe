import type { Queryable } from '../db/types.js';
import { recordChange } from '../events/events.repo.js';
import { AppError, type ErrorDetail } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { inScale, SCALE } from './survey-kinds.js';
import { findSurveyForAnswer, insertSurveyResponse, updateSurveyResponse, type SurveyForAnswer } from './survey-responses.repo.js';
import { SurveyTokens } from './survey-token.js';

export const MAX_COMMENT = 5000;

export type AnswerSource = 'link' | 'widget' | 'api';

export interface AnswerInput {
  score?: number | undefined;
  reasons?: string[] | undefined;
  /** Empty or blank removes the comment. */
  comment?: string | undefined;
  source: AnswerSource;
}

export type AnswerOutcome =
  | { kind: 'recorded'; survey: SurveyForAnswer; responseId: string; commented: boolean }
  | { kind: 'updated'; survey: SurveyForAnswer; responseId: string; commented: boolean };

const invalid = () => new AppError('survey_link_invalid', 'this survey link is not valid');

export type LinkCheck =
  | { ok: true; survey: SurveyForAnswer }
  | { ok: false; code: 'survey_link_invalid' | 'survey_link_expired'; /** Known when only the expiry failed. */ survey?: SurveyForAnswer };

/**
 * The survey a link names, checked: well formed, signed for this survey's customer and conversation,
 * not expired, and sent (a scheduled or suppressed survey has no link to answer). Tampered, unknown and
 * another workspace's all look the same. Reads only: safe for GET.
 */
export async function checkSurveyLink(
  q: Queryable,
  tokens: SurveyTokens,
  token: string,
  now: Date,
  opts: { lock?: boolean } = {},
): Promise<LinkCheck> {
  const p = SurveyTokens.parse(token);
  if (!p) return { ok: false, code: 'survey_link_invalid' };
  const survey = await findSurveyForAnswer(q, p.workspaceId, p.surveyId, opts);
  if (!survey) return { ok: false, code: 'survey_link_invalid' };
  const check = tokens.verify(token, survey, now);
  if (!check.ok && check.reason !== 'expired') return { ok: false, code: 'survey_link_invalid' };
  if (survey.status !== 'sent' && survey.status !== 'answered') return { ok: false, code: 'survey_link_invalid' };
  if (!check.ok || (survey.expiresAt && survey.expiresAt.getTime() <= now.getTime()))
    return { ok: false, code: 'survey_link_expired', survey };
  return { ok: true, survey };
}

/** checkSurveyLink, throwing survey_link_invalid or survey_link_expired. */
export async function openSurveyLink(
  q: Queryable,
  tokens: SurveyTokens,
  token: string,
  now: Date,
  opts: { lock?: boolean } = {},
): Promise<SurveyForAnswer> {
  const c = await checkSurveyLink(q, tokens, token, now, opts);
  if (c.ok) return c.survey;
  throw c.code === 'survey_link_expired' ? new AppError(c.code, 'this survey link has expired') : invalid();
}

/** The workspace a well-formed link names (what the caller scopes its transaction to), or invalid. */
export function linkWorkspace(token: string): string {
  const p = SurveyTokens.parse(token);
  if (!p) throw invalid();
  return p.workspaceId;
}

function validate(survey: SurveyForAnswer, input: AnswerInput): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const { min, max } = SCALE[survey.kind];
  if (input.score !== undefined && !inScale(survey.kind, input.score))
    details.push({ path: 'body/score', message: `must be a whole number from ${min} to ${max}` });
  if (input.score === undefined && !survey.response) details.push({ path: 'body/score', message: 'a score comes first' });
  const keys = new Set(survey.reasons.map((r) => r.key));
  (input.reasons ?? []).forEach((r, i) => {
    if (!keys.has(r)) details.push({ path: `body/reasons/${i}`, message: 'not one of the survey’s reasons' });
  });
  if (input.comment !== undefined) {
    if (input.comment.length > MAX_COMMENT) details.push({ path: 'body/comment', message: `at most ${MAX_COMMENT} characters` });
    if (/\u0000/.test(input.comment)) details.push({ path: 'body/comment', message: 'contains a NUL character' });
    if (input.comment.trim() && !survey.askComment) details.push({ path: 'body/comment', message: 'this survey takes no comment' });
  }
  return details;
}

/**
 * Answers a survey through its link, in the caller's transaction. The score is recorded once: a survey
 * has one response row, and a second score is refused (survey_already_answered) with nothing changed.
 * After it, the reasons and the comment stay editable. Writes `survey.answered` with the score and
 * `survey.commented` whenever a comment is saved or changed (the analytics read it for sentiment and
 * translation); the caller kicks the outbox after commit.
 */
export async function answerSurvey(
  tx: Queryable,
  tokens: SurveyTokens,
  token: string,
  input: AnswerInput,
  at: Date,
): Promise<AnswerOutcome> {
  const survey = await openSurveyLink(tx, tokens, token, at, { lock: true });
  const workspaceId = linkWorkspace(token);
  if (survey.response && input.score !== undefined)
    throw new AppError('survey_already_answered', 'this survey was already answered; only the comment can still change');
  const details = validate(survey, input);
  if (details.length) throw new AppError('validation_failed', 'the answer does not fit this survey', details);
  const comment = input.comment === undefined ? undefined : input.comment.trim() || null;
  const reasons = input.reasons ? [...new Set(input.reasons)] : undefined;
  const base = { surveyId: survey.id, conversationId: survey.conversationId };
  const audit = (action: string, responseId: string) =>
    ({
      actorType: 'system',
      actorId: null,
      action,
      targetType: 'survey',
      targetId: survey.id,
      data: { responseId, source: input.source },
    }) as const;

  if (!survey.response) {
    const id = newId();
    await insertSurveyResponse(
      tx,
      workspaceId,
      {
        id,
        ...base,
        customerId: survey.customerId,
        kind: survey.kind,
        score: input.score!,
        reasons: reasons ?? [],
        comment: comment ?? null,
        source: input.source,
      },
      at,
    );
    await recordChange(
      tx,
      workspaceId,
      {
        type: 'survey.answered',
        subjectId: survey.conversationId,
        payload: { ...base, responseId: id, kind: survey.kind, score: input.score! },
      },
      audit('survey.answer', id),
      at,
    );
    if (comment) await recordCommented(tx, workspaceId, base, id, audit('survey.comment', id), at);
    return { kind: 'recorded', survey, responseId: id, commented: Boolean(comment) };
  }

  const id = survey.response.id;
  const commentChanged = comment !== undefined && comment !== survey.response.comment;
  await updateSurveyResponse(tx, workspaceId, id, { ...(reasons ? { reasons } : {}), ...(comment !== undefined ? { comment } : {}) }, at);
  if (commentChanged && comment) await recordCommented(tx, workspaceId, base, id, audit('survey.comment', id), at);
  return { kind: 'updated', survey, responseId: id, commented: commentChanged && Boolean(comment) };
}

async function recordCommented(
  tx: Queryable,
  workspaceId: string,
  base: { surveyId: string; conversationId: string },
  responseId: string,
  audit: Parameters<typeof recordChange>[3],
  at: Date,
): Promise<void> {
  await recordChange(
    tx,
    workspaceId,
    { type: 'survey.commented', subjectId: base.conversationId, payload: { ...base, responseId } },
    audit,
    at,
  );
}
