import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { appendEvent, recordChange } from '../events/events.repo.js';
import type { MessageRow } from '../messages/messages.repo.js';
import { findCritical, type CriticalFinding, type CriticalKeywordLists } from './critical.js';
import { machineTranslationNotice } from './disclosure.js';
import { saveMessageTranslation } from './message-translations.repo.js';
import { insertReview } from './reviews.repo.js';
import type { TranslationOutcome, Translator } from './translator.js';

export interface PreparedReply {
  translation: TranslationOutcome;
  back: TranslationOutcome | null;
  /** The workspace's lists (its own or the defaults), read with the engine settings. */
  criticalKeywords: CriticalKeywordLists;
  /** The customer-language notice to send under the translation, when the workspace discloses it. */
  notice: string | null;
}

/** Why a reply is held: critical content, or no translation to send. */
export type HoldReason = CriticalFinding | { category: 'translation_failed'; flags: string[] };

/**
 * Network part, before the transaction: translate the agent's draft (in the customer's formality,
 * for engines that take one) and read it back.
 */
export async function prepareReply(
  translator: Translator,
  workspaceId: string,
  r: { text: string; source: string; target: string; formality?: 'formal' | 'informal' | undefined },
): Promise<PreparedReply> {
  const settings = await translator.settings(workspaceId);
  const translation = await translator.translate(workspaceId, {
    text: r.text,
    source: r.source,
    target: r.target,
    ...(r.formality ? { formality: r.formality } : {}),
  });
  const back =
    translation.status === 'translated' && translation.text !== null
      ? await translator.translate(workspaceId, { text: translation.text, source: r.target, target: r.source })
      : null;
  const notice = settings.discloseMachineTranslation ? machineTranslationNotice(r.source, r.target) : null;
  return { translation, back, criticalKeywords: settings.criticalKeywords, notice };
}

/**
 * Stores the translation the customer will receive (with its back-translation) and says what holds
 * the reply back: critical content sent machine-translated, or no translation to send. The first
 * attempt (`recordReply`) and the background retry (`retry-reply.ts`) decide alike through it.
 */
export async function storeReplyTranslation(
  tx: Queryable,
  workspaceId: string,
  message: Pick<MessageRow, 'id' | 'text'>,
  prepared: PreparedReply,
  at: Date,
): Promise<HoldReason[]> {
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
      notice: translation.status === 'translated' ? prepared.notice : null,
    },
    at,
  );
  return translation.status === 'translated'
    ? findCritical(
        [
          { text: message.text, language: translation.source },
          { text: translation.text ?? '', language: translation.target },
        ],
        prepared.criticalKeywords,
      )
    : [{ category: 'translation_failed', flags: translation.flags }];
}

/**
 * Announces the decision: held for a fluent approver (`message.review_requested` with its reasons)
 * or ready for the channels (`message.outbound_ready`). With `audit` the change is also audited.
 */
export async function announceReply(
  tx: Queryable,
  workspaceId: string,
  message: Pick<MessageRow, 'id' | 'conversationId'>,
  language: string,
  reasons: HoldReason[],
  at: Date,
  audit?: AuditEntry,
): Promise<void> {
  const payload = { conversationId: message.conversationId, messageId: message.id, language };
  const ev =
    reasons.length > 0
      ? { type: 'message.review_requested', subjectId: message.id, payload: { ...payload, reasons } }
      : { type: 'message.outbound_ready', subjectId: message.id, payload: { ...payload, text: 'translation' } };
  if (audit) await recordChange(tx, workspaceId, ev, audit, at);
  else await appendEvent(tx, workspaceId, ev, at);
}

/**
 * The first attempt at a translated reply, in the create transaction: stores the translation and
 * decides delivery. A held reply waits in `outbound_reviews` for an agent fluent in the customer's
 * language (a failed translation is also retried in the background: `retry-reply.ts`); anything
 * else is ready at once.
 */
export async function recordReply(
  tx: Queryable,
  workspaceId: string,
  message: Pick<MessageRow, 'id' | 'conversationId' | 'text' | 'language'>,
  prepared: PreparedReply,
  at: Date,
): Promise<{ held: boolean; reasons: HoldReason[] }> {
  const language = prepared.translation.target;
  const reasons = await storeReplyTranslation(tx, workspaceId, message, prepared, at);
  if (reasons.length > 0) await insertReview(tx, workspaceId, { messageId: message.id, language, reasons }, at);
  await announceReply(tx, workspaceId, message, language, reasons, at);
  return { held: reasons.length > 0, reasons };
}
