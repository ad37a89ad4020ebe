import { agentsExist } from '../agents/agents.repo.js';
import type { Principal } from '../auth/principal.js';
import type { Queryable } from '../db/types.js';
import { appendEvent } from '../events/events.repo.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { insertMentions, markMentionsRead, type MentionRow } from './mentions.repo.js';

/** Mentioned agents are looked up in the caller's workspace only: another workspace's agent is "no such agent". */
export async function assertMentionable(tx: Queryable, workspaceId: string, agentIds: readonly string[]): Promise<void> {
  const found = await agentsExist(tx, workspaceId, [...agentIds]);
  const missing = agentIds.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new AppError('not_found', 'agent not found', [{ path: `body/mentions/${missing}`, message: 'no such agent' }]);
}

/**
 * Records who a note mentions, in the note's transaction, and tells each of them with a
 * `note.mentioned` event (their consoles hear it on the stream). Mentioning yourself notifies nobody.
 */
export async function mentionAgents(
  tx: Queryable,
  workspaceId: string,
  principal: Pick<Principal, 'agentId'>,
  note: { id: string; conversationId: string },
  agentIds: readonly string[],
  at: Date,
): Promise<MentionRow[]> {
  const others = [...new Set(agentIds)].filter((id) => id !== principal.agentId);
  const created = await insertMentions(
    tx,
    workspaceId,
    others.map((agentId) => ({
      id: newId(),
      messageId: note.id,
      conversationId: note.conversationId,
      agentId,
      byAgentId: principal.agentId,
      createdAt: at,
      readAt: null,
    })),
  );
  for (const m of created) {
    await appendEvent(
      tx,
      workspaceId,
      {
        type: 'note.mentioned',
        subjectId: m.id,
        payload: { mentionId: m.id, conversationId: m.conversationId, messageId: m.messageId, agentId: m.agentId, byAgentId: m.byAgentId },
      },
      at,
    );
  }
  return created;
}

/** Marks the caller's mentions read (given ones, or a conversation's); their other tabs hear `mentions.read`. */
export async function readMentions(
  tx: Queryable,
  workspaceId: string,
  agentId: string,
  which: { ids: string[] } | { conversationId: string },
  at: Date,
): Promise<string[]> {
  const ids = await markMentionsRead(tx, workspaceId, agentId, which, at);
  if (ids.length > 0) {
    await appendEvent(tx, workspaceId, { type: 'mentions.read', subjectId: agentId, payload: { agentId, mentionIds: ids } }, at);
  }
  return ids;
}
