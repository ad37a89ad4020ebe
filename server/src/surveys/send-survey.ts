import { loopId } from '../acks/acknowledge.js';
import type { Db, Queryable } from '../db/types.js';
import { appendEvent } from '../events/events.repo.js';
import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { addSystemMessage } from '../messages/system-message.js';
import { findWorkspace } from '../workspaces/workspaces.repo.js';
import { composeInvitation } from './compose-invitation.js';
import { ruleInput } from './decide-survey.js';
import { surveyDecision } from './survey-rules.js';
import type { SurveyTokens } from './survey-token.js';
import {
  claimDueSurvey,
  dueSurveys,
  findSurveySettings,
  lastSurveySent,
  lockSurveyCustomer,
  markSurveySent,
  markSurveySuppressed,
  markSurveyWaiting,
  surveyFacts,
} from './surveys.repo.js';

export interface SurveySendDeps {
  tokens: SurveyTokens;
  /** The base of survey links (MERIDIAN_PUBLIC_URL, else the server's own listening URL), no trailing slash. */
  publicUrl: () => string;
}

export type SendOutcome =
  | { kind: 'sent'; surveyId: string; messageId: string; url: string }
  | { kind: 'suppressed'; surveyId: string; reason: string }
  | { kind: 'waiting'; surveyId: string }
  | { kind: 'skipped' };

/** The survey page's address for a token. */
export const surveyUrl = (publicUrl: string, token: string): string => `${publicUrl.replace(/\/+$/, '')}/s/${token}`;

/**
 * Sends one due survey in the caller's transaction, with its row locked (SKIP LOCKED: a row another
 * pass holds is its business) and everything checked again: a conversation reopened since goes back
 * to waiting for its next solve; the rules run again at the send instant under the customer's lock,
 * so of two conversations solved together only the first survey goes out (the second is throttled).
 * Sending is an outbound system message with the invitation, which the conversation's channel
 * delivers like an acknowledgement, and `survey.sent`.
 */
export async function sendSurvey(tx: Queryable, deps: SurveySendDeps, workspaceId: string, id: string, now: Date): Promise<SendOutcome> {
  const row = await claimDueSurvey(tx, workspaceId, id, now);
  if (!row) return { kind: 'skipped' };
  const f = await surveyFacts(tx, workspaceId, row.conversationId);
  if (!f) return { kind: 'skipped' };
  if (f.status !== 'solved' && f.status !== 'closed') {
    await markSurveyWaiting(tx, workspaceId, id);
    return { kind: 'waiting', surveyId: id };
  }
  const settings = await findSurveySettings(tx, workspaceId);
  await lockSurveyCustomer(tx, workspaceId, row.customerId);
  const lastSentAt = await lastSurveySent(tx, workspaceId, row.customerId, row.conversationId);
  const outcome = surveyDecision(ruleInput(workspaceId, f, settings, lastSentAt, now));
  if (!outcome.ok) {
    await markSurveySuppressed(tx, workspaceId, id, outcome.reason, outcome.detail);
    await appendEvent(
      tx,
      workspaceId,
      { type: 'survey.suppressed', subjectId: id, payload: { conversationId: row.conversationId, surveyId: id, reason: outcome.reason } },
      now,
    );
    return { kind: 'suppressed', surveyId: id, reason: outcome.reason };
  }

  const expiresAt = new Date(now.getTime() + settings.linkTtlHours * 3600_000);
  const token = deps.tokens.sign({ workspaceId, surveyId: id, customerId: row.customerId, conversationId: row.conversationId, expiresAt });
  const url = surveyUrl(deps.publicUrl(), token);
  const workspace = await findWorkspace(tx, workspaceId);
  // The kind it was decided with: the page and analytics read the row's kind, not today's setting.
  const invitation = composeInvitation({
    kind: row.kind,
    channel: row.channel,
    locale: row.locale,
    workspaceName: workspace?.name ?? '',
    url,
    overrides: settings.texts,
  });
  const messageId = newId();
  const conversationId = row.conversationId;
  await addSystemMessage(
    tx,
    workspaceId,
    {
      id: messageId,
      conversationId,
      text: invitation.text,
      language: invitation.language,
      // Flat strings: the survey's id, kind and link for the widget and the console. auto-generated: it answers nothing (RFC 3834 §5).
      channelMeta: { autoSubmitted: 'auto-generated', xLoop: loopId(workspaceId), surveyId: id, surveyKind: row.kind, surveyUrl: url },
    },
    now,
  );
  await markSurveySent(tx, workspaceId, id, { sentAt: now, expiresAt, messageId });
  await appendEvent(
    tx,
    workspaceId,
    { type: 'survey.sent', subjectId: id, payload: { conversationId, surveyId: id, messageId, kind: row.kind, locale: row.locale } },
    now,
  );
  return { kind: 'sent', surveyId: id, messageId, url };
}

export interface SurveyPassResult {
  sent: number;
  settled: number;
  failed: number;
}

/**
 * One scheduler pass over every due survey, each in its own transaction (sendSurvey), so running
 * twice or in two processes at once settles each once. A failing row is reported and left for the
 * next pass.
 */
export async function runDueSurveys(
  deps: SurveySendDeps & { db: Db; clock: Clock; onError?: (err: unknown, row: { workspaceId: string; id: string }) => void },
  opts: { batch?: number } = {},
): Promise<SurveyPassResult> {
  const now = deps.clock();
  const result: SurveyPassResult = { sent: 0, settled: 0, failed: 0 };
  const seen = new Set<string>();
  for (;;) {
    const due = (await dueSurveys(deps.db, now, opts.batch ?? 200)).filter((d) => !seen.has(d.id));
    if (due.length === 0) return result;
    for (const d of due) {
      seen.add(d.id);
      try {
        const r = await deps.db.transaction((tx) => sendSurvey(tx, deps, d.workspaceId, d.id, now));
        if (r.kind === 'sent') result.sent++;
        else if (r.kind !== 'skipped') result.settled++;
      } catch (err) {
        result.failed++;
        deps.onError?.(err, d);
      }
    }
  }
}
