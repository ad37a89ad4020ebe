import { findAgent } from '../agents/agents.repo.js';
import type { Principal } from '../auth/principal.js';
import type { Queryable } from '../db/types.js';
import { recordChange } from '../events/events.repo.js';
import { AppError, notFound } from '../lib/errors.js';
import { findMessage } from '../messages/messages.repo.js';
import { translationsFor } from './message-translations.repo.js';
import { approveReview, findReview } from './reviews.repo.js';
import { primaryLanguage as primary } from '../lib/language-tag.js';

/** The agent behind a request, if they read `language` natively or fluently: they vouch for a translation. */
export async function assertFluent(tx: Queryable, p: Principal, language: string, doing: string): Promise<string> {
  if (!p.agentId) throw new AppError('forbidden', `${doing} needs a logged-in agent, not an API token`);
  const agent = await findAgent(tx, p.workspaceId, p.agentId);
  const fluent = agent?.languages.some(
    (l) => primary(l.tag) === primary(language) && (l.proficiency === 'native' || l.proficiency === 'fluent'),
  );
  if (!fluent) throw new AppError('not_fluent', `${doing} needs native or fluent ${language}`);
  return p.agentId;
}

/**
 * Releases a held machine-translated reply. Only a person may approve, and only one who reads
 * the customer's language natively or fluently: they are vouching for the translation.
 */
export async function approveReply(tx: Queryable, p: Principal, messageId: string, at: Date): Promise<void> {
  const message = await findMessage(tx, p.workspaceId, messageId);
  if (!message) throw notFound('message');
  const { conversationId } = message;
  const review = await findReview(tx, p.workspaceId, messageId, true);
  if (!review) throw new AppError('conflict', 'this message is not waiting for review');
  if (review.status === 'approved') throw new AppError('conflict', 'this message was already approved');
  const agentId = await assertFluent(tx, p, review.language, 'approving');
  const translation = (await translationsFor(tx, p.workspaceId, [messageId])).get(messageId)?.find((t) => t.language === review.language);
  if (translation?.status !== 'translated') throw new AppError('conflict', 'there is no translation to approve yet');

  await approveReview(tx, p.workspaceId, messageId, agentId, at);
  await recordChange(
    tx,
    p.workspaceId,
    {
      type: 'message.outbound_ready',
      subjectId: messageId,
      payload: { conversationId, messageId, language: review.language, text: 'translation' },
    },
    {
      actorType: 'agent',
      actorId: agentId,
      action: 'message.approve',
      targetType: 'message',
      targetId: messageId,
      data: { language: review.language },
    },
    at,
  );
}
