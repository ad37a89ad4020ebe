import type { Db, Queryable } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import { findMessage } from '../messages/messages.repo.js';
import { releaseReview, setReviewReasons, findReview } from './reviews.repo.js';
import { replyFormality } from './reply-formality.js';
import { RETRYABLE } from './translate-message.js';
import { announceReply, prepareReply, storeReplyTranslation, type HoldReason } from './translated-reply.js';
import type { TranslationFlag, Translator } from './translator.js';

/** True when a reply is held only until its failed translation is tried again: engine trouble that may pass. */
export function awaitsRetry(reasons: unknown): boolean {
  return (
    Array.isArray(reasons) &&
    reasons.some(
      (r: { category?: unknown; flags?: unknown }) =>
        r?.category === 'translation_failed' && Array.isArray(r.flags) && r.flags.some((f) => RETRYABLE.has(f as TranslationFlag)),
    )
  );
}

export type RetryOutcome =
  /** Nothing waits for this retry: released, approved, never held, or gone. */
  | { status: 'skipped' }
  /** The engine failed again; `retry` says whether a later try could do better. */
  | { status: 'failed'; retry: boolean; flags: TranslationFlag[] }
  /** Translated and released: `message.outbound_ready`. */
  | { status: 'ready' }
  /** Translated, but critical: still held, now for a fluent approver. */
  | { status: 'held'; reasons: HoldReason[] };

/** The held reply and its review, when the review still waits for a retried translation. */
async function waiting(q: Queryable, workspaceId: string, messageId: string, lock = false) {
  // The review first: under `lock` it is the row an approval or a second run waits on.
  const review = await findReview(q, workspaceId, messageId, lock);
  if (!review || review.status !== 'awaiting_review' || !awaitsRetry(review.reasons)) return undefined;
  const message = await findMessage(q, workspaceId, messageId);
  if (!message || message.direction !== 'outbound' || !message.language) return undefined;
  return { message: { ...message, language: message.language }, review };
}

/**
 * Tries again to translate a reply held because its translation failed. The engine is called
 * (translation and back-translation) before the transaction; inside it, with the review row
 * locked, the reply is re-checked and, if it still waits, the outcome is stored and decided as on
 * the first attempt (`storeReplyTranslation`): critical content stays held for a fluent approver
 * with the new reasons, anything else is released (`message.outbound_ready`). Another failure is
 * stored (attempts + 1) and reported; the reply stays held. A run that finds nothing waiting, or a
 * reply approved or changed meanwhile, writes nothing.
 */
export async function retryReply(
  deps: { db: Db; translator: Translator; clock: Clock },
  workspaceId: string,
  messageId: string,
): Promise<RetryOutcome> {
  const { db, translator, clock } = deps;
  const before = await waiting(db, workspaceId, messageId);
  if (!before) return { status: 'skipped' };
  const { message, review } = before;
  const prepared = await prepareReply(translator, workspaceId, {
    text: message.text,
    source: message.language,
    target: review.language,
    formality: await replyFormality(db, workspaceId, message.conversationId),
  });

  return db.transaction(async (tx): Promise<RetryOutcome> => {
    const now = await waiting(tx, workspaceId, messageId, true);
    if (!now || now.message.text !== message.text || now.message.language !== message.language || now.review.language !== review.language) {
      return { status: 'skipped' };
    }
    const at = clock();
    const reasons = await storeReplyTranslation(tx, workspaceId, message, prepared, at);
    const { translation } = prepared;
    if (translation.status !== 'translated') {
      // Still held for the same cause; no event, so the outbox does not queue a second job.
      await setReviewReasons(tx, workspaceId, messageId, reasons);
      return { status: 'failed', retry: translation.flags.some((f) => RETRYABLE.has(f)), flags: translation.flags };
    }
    if (reasons.length > 0) await setReviewReasons(tx, workspaceId, messageId, reasons);
    else await releaseReview(tx, workspaceId, messageId, at);
    await announceReply(tx, workspaceId, message, review.language, reasons, at, {
      actorType: 'system',
      actorId: null,
      action: 'message.translation_retried',
      targetType: 'message',
      targetId: messageId,
      data: { language: review.language, held: reasons.length > 0 },
    });
    return reasons.length > 0 ? { status: 'held', reasons } : { status: 'ready' };
  });
}
