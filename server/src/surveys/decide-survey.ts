import { loopId } from '../acks/acknowledge.js';
import { ackLocale, customerZone } from '../acks/recipient.js';
import type { Queryable } from '../db/types.js';
import { appendEvent } from '../events/events.repo.js';
import { newId } from '../lib/ids.js';
import { surveyDecision, surveyDueAt, type SurveyRuleOutcome } from './survey-rules.js';
import {
  findSurveySettings,
  lastSurveySent,
  lockSurveyCustomer,
  lockSurveyOf,
  surveyFacts,
  upsertSurveyDecision,
  type SurveyFacts,
  type SurveySettings,
} from './surveys.repo.js';

export type SurveyDecision =
  | { kind: 'scheduled'; surveyId: string; dueAt: Date }
  | { kind: 'suppressed'; surveyId: string; reason: string }
  | { kind: 'skipped'; why: 'missing' | 'not_solved' | 'decided' };

const SOLVED = new Set(['solved', 'closed']);

/** The zone quiet hours are kept in: the customer's (stated, else their country's when it has one clock), else UTC. */
export const surveyZone = (f: Pick<SurveyFacts, 'customer'>, at: Date): string => customerZone(f.customer, at) ?? 'UTC';

/** The rules' input from the facts, the settings and when the survey would go out. */
export function ruleInput(
  workspaceId: string,
  f: SurveyFacts,
  settings: Pick<SurveySettings, 'enabled' | 'channels' | 'throttleDays'>,
  lastSentAt: Date | null,
  at: Date,
) {
  return {
    settings,
    channel: f.channel,
    tags: f.tags,
    inboundMeta: f.inboundMeta,
    customerEmail: f.customer.email,
    widgetVisitor: f.widgetVisitor,
    lastSentAt,
    at,
    selfIds: [loopId(workspaceId)],
  };
}

/**
 * Decides a solved (or closed) conversation's survey once, in the caller's transaction: scheduled
 * for `solvedAt + delay`, moved out of the customer's quiet hours, or suppressed with the reason
 * (survey-rules.ts). The conversation's dimensions are copied onto the row now. A conversation
 * already sent, answered or suppressed is left alone; one still scheduled or waiting (reopened before
 * its survey went out) is decided again when solved again, from the new solve.
 */
export async function decideSurvey(tx: Queryable, workspaceId: string, conversationId: string, now: Date): Promise<SurveyDecision> {
  const existing = await lockSurveyOf(tx, workspaceId, conversationId);
  if (existing && existing.status !== 'scheduled') return { kind: 'skipped', why: 'decided' };
  const f = await surveyFacts(tx, workspaceId, conversationId);
  if (!f) return { kind: 'skipped', why: 'missing' };
  // Reopened before this job ran: the next solve queues another.
  if (!SOLVED.has(f.status)) return { kind: 'skipped', why: 'not_solved' };
  const solvedAt = new Date(f.solvedAt ?? f.closedAt ?? now);
  // Decided for this solve already (the job ran twice, or the conversation went on from solved to closed).
  if (existing && existing.dueAt && existing.decidedAt.getTime() >= solvedAt.getTime()) return { kind: 'skipped', why: 'decided' };

  const settings = await findSurveySettings(tx, workspaceId);
  const timeZone = surveyZone(f, solvedAt);
  const dueAt = surveyDueAt(solvedAt, settings, timeZone);
  await lockSurveyCustomer(tx, workspaceId, f.customerId);
  const lastSentAt = await lastSurveySent(tx, workspaceId, f.customerId, conversationId);
  const outcome: SurveyRuleOutcome = surveyDecision(ruleInput(workspaceId, f, settings, lastSentAt, dueAt));

  const surveyId = existing?.id ?? newId();
  await upsertSurveyDecision(tx, workspaceId, {
    id: surveyId,
    conversationId,
    customerId: f.customerId,
    kind: settings.kind,
    status: outcome.ok ? 'scheduled' : 'suppressed',
    suppressed: outcome.ok ? null : outcome.reason,
    detail: outcome.ok ? `quiet hours in ${timeZone}` : outcome.detail,
    locale: ackLocale(f.language, f.customer),
    channel: f.channel,
    teamId: f.teamId,
    agentId: f.assigneeId,
    language: f.language,
    country: f.customer.country,
    tags: f.tags,
    decidedAt: now,
    dueAt: outcome.ok ? dueAt : null,
  });
  if (outcome.ok) {
    await appendEvent(
      tx,
      workspaceId,
      { type: 'survey.scheduled', subjectId: surveyId, payload: { conversationId, surveyId, dueAt: dueAt.toISOString() } },
      now,
    );
    return { kind: 'scheduled', surveyId, dueAt };
  }
  await appendEvent(
    tx,
    workspaceId,
    { type: 'survey.suppressed', subjectId: surveyId, payload: { conversationId, surveyId, reason: outcome.reason } },
    now,
  );
  return { kind: 'suppressed', surveyId, reason: outcome.reason };
}
