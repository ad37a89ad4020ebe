import type { Queryable } from '../db/types.js';

export interface MessageTranslation {
  language: string;
  sourceLanguage: string;
  status: 'translated' | 'untranslated';
  text: string | null;
  provider: string | null;
  flags: string[];
  attempts: number;
  updatedAt: Date;
  /** For outbound replies: the translation read back into the agent's language. */
  backText: string | null;
  /** True when this is the text the customer receives. */
  delivered: boolean;
  /** Sent under a delivered translation when the workspace discloses machine translation. */
  notice: string | null;
}

const COLS = `language, source_language AS "sourceLanguage", status, text, provider, flags, attempts, updated_at AS "updatedAt",
  back_text AS "backText", delivered, notice`;

/**
 * Writes the latest outcome; a retry bumps `attempts`. A translated row is never downgraded, so
 * whatever was delivered (with its back-translation) stays as the customer received it.
 */
export async function saveMessageTranslation(
  q: Queryable,
  workspaceId: string,
  messageId: string,
  t: Omit<MessageTranslation, 'attempts' | 'updatedAt' | 'backText' | 'delivered' | 'notice'> &
    Partial<Pick<MessageTranslation, 'backText' | 'delivered' | 'notice'>>,
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO message_translations (workspace_id, message_id, language, source_language, status, text, provider, flags, created_at, updated_at, back_text, delivered, notice)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12)
     ON CONFLICT (workspace_id, message_id, language) DO UPDATE
        SET status = EXCLUDED.status, text = EXCLUDED.text, provider = EXCLUDED.provider, flags = EXCLUDED.flags,
            source_language = EXCLUDED.source_language, attempts = message_translations.attempts + 1, updated_at = EXCLUDED.updated_at,
            back_text = EXCLUDED.back_text, delivered = EXCLUDED.delivered, notice = EXCLUDED.notice
      WHERE message_translations.status <> 'translated'`,
    [
      workspaceId,
      messageId,
      t.language,
      t.sourceLanguage,
      t.status,
      t.text,
      t.provider,
      t.flags,
      at,
      t.backText ?? null,
      t.delivered ?? false,
      t.notice ?? null,
    ],
  );
}

/**
 * A fluent agent's own wording replaces what the customer will receive, whatever the engine did
 * (unlike saveMessageTranslation, which never overwrites a translation).
 */
export async function replaceDeliveredTranslation(
  q: Queryable,
  workspaceId: string,
  messageId: string,
  t: Pick<MessageTranslation, 'language' | 'sourceLanguage' | 'text' | 'provider' | 'flags' | 'notice'>,
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO message_translations (workspace_id, message_id, language, source_language, status, text, provider, flags, created_at, updated_at, back_text, delivered, notice)
     VALUES ($1, $2, $3, $4, 'translated', $5, $6, $7, $8, $8, NULL, true, $9)
     ON CONFLICT (workspace_id, message_id, language) DO UPDATE
        SET status = 'translated', text = EXCLUDED.text, provider = EXCLUDED.provider, flags = EXCLUDED.flags,
            updated_at = EXCLUDED.updated_at, back_text = NULL, delivered = true, notice = EXCLUDED.notice`,
    [workspaceId, messageId, t.language, t.sourceLanguage, t.text, t.provider, t.flags, at, t.notice],
  );
}

export async function translationsFor(q: Queryable, workspaceId: string, messageIds: string[]): Promise<Map<string, MessageTranslation[]>> {
  const out = new Map<string, MessageTranslation[]>();
  if (messageIds.length === 0) return out;
  const { rows } = await q.query<MessageTranslation & { messageId: string }>(
    `SELECT message_id AS "messageId", ${COLS} FROM message_translations
      WHERE workspace_id = $1 AND message_id = ANY($2::uuid[]) ORDER BY language`,
    [workspaceId, messageIds],
  );
  for (const { messageId, ...t } of rows) {
    const list = out.get(messageId) ?? [];
    list.push(t);
    out.set(messageId, list);
  }
  return out;
}
