import { readerLanguages } from '../agents/agents.repo.js';
import { findConversation } from '../conversations/conversations.repo.js';
import type { Db } from '../db/types.js';
import { appendEvent } from '../events/events.repo.js';
import type { Clock } from '../lib/clock.js';
import { findMessage } from '../messages/messages.repo.js';
import { saveMessageTranslation } from './message-translations.repo.js';
import { readerTargets } from './reader-targets.js';
import type { TranslationFlag, Translator } from './translator.js';

/** Engine trouble that may pass: worth another try later. */
export const RETRYABLE: ReadonlySet<TranslationFlag> = new Set(['provider_unavailable', 'provider_timeout', 'provider_bad_response']);

/**
 * Stores translations of an inbound message into the languages of the agents who will read it.
 * Every outcome is stored (an untranslated one with its flag); `retry` says whether trying again
 * later could do better.
 */
export async function translateInbound(
  deps: { db: Db; translator: Translator; clock: Clock },
  workspaceId: string,
  messageId: string,
): Promise<{ targets: string[]; retry: boolean }> {
  const { db, translator, clock } = deps;
  const message = await findMessage(db, workspaceId, messageId);
  if (!message || message.direction !== 'inbound' || message.text.trim() === '') return { targets: [], retry: false };
  const conversation = await findConversation(db, workspaceId, message.conversationId);
  // Until detection lands, the language comes from the message or its conversation.
  const source = message.language ?? conversation?.language;
  if (!conversation || !source) return { targets: [], retry: false };

  const readers = await readerLanguages(db, workspaceId, conversation.teamId);
  const targets = readerTargets(readers, source, await translator.reachableFrom(workspaceId, source));
  let retry = false;
  for (const target of targets) {
    const o = await translator.translate(workspaceId, { text: message.text, source, target });
    if (o.status === 'untranslated' && o.flags.some((f) => RETRYABLE.has(f))) retry = true;
    await db.transaction(async (tx) => {
      const at = clock();
      await saveMessageTranslation(
        tx,
        workspaceId,
        messageId,
        { language: target, sourceLanguage: o.source, status: o.status, text: o.text, provider: o.provider, flags: o.flags },
        at,
      );
      await appendEvent(
        tx,
        workspaceId,
        {
          type: 'message.translated',
          subjectId: messageId,
          payload: { conversationId: conversation.id, messageId, language: target, status: o.status },
        },
        at,
      );
    });
  }
  return { targets, retry };
}
