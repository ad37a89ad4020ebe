import type { Queryable } from '../db/types.js';
import { appendEvent } from '../events/events.repo.js';
import type { ConversationLanguage } from '../language/settle.js';

/**
 * Writes `conversation.language_changed` when a command moved the conversation's language (the
 * evidence of a message, or an agent), in the command's transaction. Nothing when it stayed.
 */
export async function recordLanguageChange(
  tx: Queryable,
  workspaceId: string,
  conversationId: string,
  from: string | null,
  to: ConversationLanguage,
  at: Date,
  messageId: string | null = null,
): Promise<void> {
  if (to.language === from) return;
  await appendEvent(
    tx,
    workspaceId,
    {
      type: 'conversation.language_changed',
      subjectId: conversationId,
      payload: { conversationId, from, to: to.language, source: to.languageSource, confidence: to.languageConfidence, messageId },
    },
    at,
  );
}
