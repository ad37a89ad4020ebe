import { findConversation, type ConversationRow } from '../conversations/conversations.repo.js';
import type { Queryable } from '../db/types.js';
import { conversationsOfMessageIds } from './mail.repo.js';
import type { InboundMail } from './parse-mail.js';
import type { ThreadTokens } from './thread-token.js';

export type ThreadVia = 'reply_address' | 'message_id' | 'sender_history';

/**
 * The conversation an inbound message continues, if any, looked up only inside the workspace the
 * mail was addressed to. Three ways in, strongest first:
 *   1. a reply address of ours (`support+mrd…@`) whose signature verifies for this workspace;
 *   2. an In-Reply-To / References id of ours (`<mrd…@…>`) whose signature verifies;
 *   3. the id of earlier mail this workspace received, but only when that mail's conversation
 *      belongs to the same customer as this sender: message ids are not secrets, so quoting one must
 *      not let a stranger write into someone else's conversation.
 * A forged or foreign token verifies as nothing and falls through; a closed conversation is not
 * continued (the customer starts a new one, as in every helpdesk).
 */
export async function findThread(
  tx: Queryable,
  workspaceId: string,
  tokens: ThreadTokens,
  mail: Pick<InboundMail, 'inReplyTo' | 'references'>,
  rcptTo: readonly string[],
  senderCustomerId: string | null,
): Promise<{ conversation: ConversationRow; via: ThreadVia } | null> {
  const open = async (id: string): Promise<ConversationRow | null> => {
    const c = await findConversation(tx, workspaceId, id, true);
    return c && c.status !== 'closed' ? c : null;
  };
  for (const r of rcptTo) {
    const ref = tokens.parseReplyAddress(workspaceId, r);
    const c = ref && (await open(ref.conversationId));
    if (c) return { conversation: c, via: 'reply_address' };
  }
  const ids = [...mail.inReplyTo, ...[...mail.references].reverse()];
  for (const id of ids) {
    const ref = tokens.parseMessageId(workspaceId, id);
    const c = ref && (await open(ref.conversationId));
    if (c) return { conversation: c, via: 'message_id' };
  }
  if (senderCustomerId && ids.length) {
    for (const hit of await conversationsOfMessageIds(tx, workspaceId, ids.slice(0, 50))) {
      if (hit.customerId !== senderCustomerId) continue;
      const c = await open(hit.conversationId);
      if (c) return { conversation: c, via: 'sender_history' };
    }
  }
  return null;
}
