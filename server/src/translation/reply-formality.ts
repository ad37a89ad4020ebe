import { findConversation } from '../conversations/conversations.repo.js';
import { cultureCatalog, customerCulture } from '../culture/culture.js';
import { findCustomer } from '../customers/customers.repo.js';
import type { Queryable } from '../db/types.js';

/**
 * The register a reply to this conversation's customer should be translated in: what the customer
 * stated, else their culture's default (du/Sie, tu/vous, keigo). Engines that take a formality
 * (DeepL, OpenAI-compatible) use it; undefined when nothing is known.
 */
export async function replyFormality(
  q: Queryable,
  workspaceId: string,
  conversationId: string,
): Promise<'formal' | 'informal' | undefined> {
  const conversation = await findConversation(q, workspaceId, conversationId);
  if (!conversation) return undefined;
  const customer = await findCustomer(q, workspaceId, conversation.customerId);
  if (!customer) return undefined;
  return customerCulture(cultureCatalog(), customer).formality ?? undefined;
}
