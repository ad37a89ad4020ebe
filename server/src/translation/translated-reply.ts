import type { Queryable } from '../db/types.js';
import { appendEvent } from '../events/events.repo.js';
import type { MessageRow } from '../messages/messages.repo.js';
import { findCritical, type CriticalFinding } from './critical.js';
import { saveMessageTranslation } from './message-translations.repo.js';
import { insertReview } from './reviews.repo.js';
import type { TranslationOutcome, Translator } from './translator.js';

export interface PreparedReply {
  translation: TranslationOutcome;
  back: TranslationOutcome | null;
}

/** Why a reply is held: critical content, or no translation to send. */
export type HoldReason = CriticalFinding | { category: 'translation_failed'; flags: string[] };

/** Network part, before the transaction: translate the agent's draft and read it back. */
export async function prepareReply(
  translator: Translator,
  workspaceId: string,
  r: { text: string; source: string; target: string },
): Promise<PreparedReply> {
  const translation = await translator.translate(workspaceId, r);
  const back =
    translation.status === 'translated' && translation.text !== null
      ? await translator.translate(workspaceId, { text: translation.text, source: r.target, target: r.source })
      : null;
  return { translation, back };
}

/**
 * Stores the translation the customer will receive (with its back-translation) and decides
 * delivery: critical content sent machine-translated, or a reply whose translation failed, waits
 * for an agent fluent in the customer's language; anything else is ready at once.
 */
export async function recordReply(
  tx: Queryable,
  workspaceId: string,
  message: Pick<MessageRow, 'id' | 'conversationId' | 'text' | 'language'>,
  prepared: PreparedReply,
  at: Date,
): Promise<{ held: boolean; reasons: HoldReason[] }> {
  const { translation, back } = prepared;
  await saveMessageTranslation(
    tx,
    workspaceId,
    message.id,
    {
      language: translation.target,
      sourceLanguage: translation.source,
      status: translation.status,
      text: translation.text,
      provider: translation.provider,
      flags: translation.flags,
      backText: back?.status === 'translated' ? back.text : null,
      delivered: translation.status === 'translated',
    },
    at,
  );
  const reasons: HoldReason[] =
    translation.status === 'translated'
      ? findCritical([
          { text: message.text, language: translation.source },
          { text: translation.text ?? '', language: translation.target },
        ])
      : [{ category: 'translation_failed', flags: translation.flags }];
  const payload = { conversationId: message.conversationId, messageId: message.id, language: translation.target };
  if (reasons.length > 0) {
    await insertReview(tx, workspaceId, { messageId: message.id, language: translation.target, reasons }, at);
    await appendEvent(tx, workspaceId, { type: 'message.review_requested', subjectId: message.id, payload: { ...payload, reasons } }, at);
    return { held: true, reasons };
  }
  await appendEvent(
    tx,
    workspaceId,
    { type: 'message.outbound_ready', subjectId: message.id, payload: { ...payload, text: 'translation' } },
    at,
  );
  return { held: false, reasons };
}
