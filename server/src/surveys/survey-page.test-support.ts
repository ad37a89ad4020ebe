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
