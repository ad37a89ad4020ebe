import type { Principal } from '../auth/principal.js';
import type { Queryable } from '../db/types.js';
import { recordChange } from '../events/events.repo.js';
import { AppError, notFound } from '../lib/errors.js';
import { findMessage } from '../messages/messages.repo.js';
import { assertFluent } from './approve-reply.js';
import { replaceDeliveredTranslation, translationsFor } from './message-translations.repo.js';
import { findReview, setReviewReasons } from './reviews.repo.js';

/**
 * A fluent agent corrects the machine translation of a held reply, or writes it when the engine
 * never delivered one (the way out once background retries gave up). The reply stays held until
 * someone approves it; a `translation_failed` reason is dropped, so the retry job leaves the
 * person's wording alone. A disclosed notice stays on an edited machine translation; a translation
 * the agent wrote from scratch is not machine-translated and carries none.
 */
export async function editReplyTranslation(tx: Queryable, p: Principal, messageId: string, text: string, at: Date): Promise<void> {
  const message = await findMessage(tx, p.workspaceId, messageId);
  if (!message) throw notFound('message');
  const review = await findReview(tx, p.workspaceId, messageId, true);
  if (!review) throw new AppError('conflict', 'only a reply held for review can have its translation changed');
  if (review.status !== 'awaiting_review') throw new AppError('conflict', 'this reply was already released');
  const agentId = await assertFluent(tx, p, review.language, 'changing the translation');

  const current = (await translationsFor(tx, p.workspaceId, [messageId])).get(messageId)?.find((t) => t.language === review.language);
  const machine = current?.status === 'translated' && current.provider !== 'human';
  const wasHuman = current?.provider === 'human';
  await replaceDeliveredTranslation(
    tx,
    p.workspaceId,
    messageId,
    {
      language: review.language,
      sourceLanguage: current?.sourceLanguage ?? message.language ?? 'und',
      text,
      provider: 'human',
      flags: [machine || (wasHuman && current.flags.includes('human_edited')) ? 'human_edited' : 'human_translated'],
      notice: machine || wasHuman ? (current?.notice ?? null) : null,
    },
    at,
  );
  const reasons = review.reasons.filter((r) => r.category !== 'translation_failed');
  if (reasons.length !== review.reasons.length) await setReviewReasons(tx, p.workspaceId, messageId, reasons);
  await recordChange(
    tx,
    p.workspaceId,
    {
      type: 'message.translation_edited',
      subjectId: messageId,
      payload: { conversationId: message.conversationId, messageId, language: review.language },
    },
    {
      actorType: 'agent',
      actorId: agentId,
      action: 'message.translation_edit',
      targetType: 'message',
      targetId: messageId,
      data: { language: review.language, had: current?.status ?? 'none' },
    },
    at,
  );
}
