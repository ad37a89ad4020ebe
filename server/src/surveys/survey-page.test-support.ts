import type { Db } from '../db/types.js';
import { newId } from '../lib/ids.js';
import type { SecretBox } from '../lib/secret-box.js';
import type { SurveyKind } from './survey-kinds.js';
import { SurveyTokens } from './survey-token.js';

export interface SentSurvey {
  id: string;
  token: string;
  expiresAt: Date;
}

/**
 * A survey as the sending job leaves it (status 'sent', expiry set) and its signed link, written
 * directly: the page's tests need the row, not the decision that made it.
 */
export async function seedSentSurvey(
  db: Db,
  box: SecretBox,
  s: { workspaceId: string; conversationId: string; customerId: string; kind?: SurveyKind; locale?: string | null; status?: string },
  sentAt: Date,
  ttlHours = 168,
): Promise<SentSurvey> {
  const id = newId();
  const expiresAt = new Date(sentAt.getTime() + ttlHours * 3600_000);
  const status = s.status ?? 'sent';
  await db.query(
    `INSERT INTO surveys (workspace_id, id, conversation_id, customer_id, kind, status, locale, channel, decided_at, sent_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'email', $8, $9, $10)`,
    [
      s.workspaceId,
      id,
      s.conversationId,
      s.customerId,
      s.kind ?? 'csat',
      status,
      s.locale ?? null,
      sentAt,
      status === 'sent' ? sentAt : null,
      status === 'sent' ? expiresAt : null,
    ],
  );
  const token = new SurveyTokens(box).sign({ ...s, surveyId: id, expiresAt });
  return { id, token, expiresAt };
}

/** Survey settings with reason choices (the settings helper's API may not exist where this runs). */
export async function seedSurveySettings(
  db: Db,
  workspaceId: string,
  s: { askComment?: boolean; reasons?: { key: string; labels: Record<string, string> }[] },
  at: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO survey_settings (workspace_id, enabled, kind, ask_comment, reasons, delay_minutes, quiet_start, quiet_end, throttle_days,
                                  link_ttl_hours, channels, updated_at)
     VALUES ($1, true, 'csat', $2, $3, 60, 20, 9, 30, 168, '{email,chat}', $4)
     ON CONFLICT (workspace_id) DO UPDATE SET ask_comment = $2, reasons = $3`,
    [workspaceId, s.askComment ?? true, JSON.stringify(s.reasons ?? []), at],
  );
}

/** A system message carrying a survey's channel metadata; the survey points at it only when `linked`. */
async function insertInvitationMessage(
  db: Db,
  s: { workspaceId: string; conversationId: string; kind?: SurveyKind; locale?: string | null },
  survey: SentSurvey,
  at: Date,
  linked: boolean,
): Promise<{ messageId: string; url: string }> {
  const messageId = newId();
  const url = `http://meridian.test/s/${survey.token}`;
  await db.query(
    `INSERT INTO messages (id, workspace_id, conversation_id, direction, author_type, author_id, text, html, language, attachments,
                           channel_meta, created_at)
     VALUES ($1, $2, $3, 'outbound', 'system', NULL, $4, NULL, $5, '[]', $6, $7)`,
    [
      messageId,
      s.workspaceId,
      s.conversationId,
      `How did we do? ${url}`,
      s.locale ?? 'en',
      JSON.stringify({ surveyId: survey.id, surveyKind: s.kind ?? 'csat', surveyUrl: url }),
      at,
    ],
  );
  if (linked)
    await db.query('UPDATE surveys SET message_id = $3 WHERE workspace_id = $1 AND id = $2', [s.workspaceId, survey.id, messageId]);
  return { messageId, url };
}

/**
 * A sent survey and its invitation as the sending job writes them: a system message whose channel
 * metadata names the survey, its kind and its link, and the survey pointing at that message. `copy`
 * then writes the same metadata on a second message the survey does not point at (what an API client could forge).
 */
export async function seedSurveyInvitation(
  db: Db,
  box: SecretBox,
  s: { workspaceId: string; conversationId: string; customerId: string; kind?: SurveyKind; locale?: string | null },
  at: Date,
): Promise<SentSurvey & { messageId: string; url: string; copy(): Promise<{ messageId: string }> }> {
  const survey = await seedSentSurvey(db, box, s, at);
  const message = await insertInvitationMessage(db, s, survey, at, true);
  return { ...survey, ...message, copy: () => insertInvitationMessage(db, s, survey, at, false) };
}
