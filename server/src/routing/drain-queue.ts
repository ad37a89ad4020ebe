import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { queuedConversations } from './routing.repo.js';
import { routeConversation } from './route-conversation.js';

type Actor = Pick<AuditEntry, 'actorType' | 'actorId'>;

/**
 * Looks at most this many queued conversations per call: enough to fill a freed agent several times
 * over when some of the queue is in languages they do not read, without routing a whole backlog
 * inside someone's status change.
 */
const MAX_LOOKED_AT = 50;

/**
 * Capacity appeared in these teams (an agent came online, or finished a conversation): routes queued
 * conversations again, urgent and oldest first, until `slots` of them found an agent. Routing decides
 * who takes each (the agent who freed up or anyone else free), so fairness and language bars hold as
 * for new conversations. Runs in the caller's transaction; conversations that still have to wait are
 * left untouched. Returns the ids that were assigned.
 */
export async function drainQueue(
  tx: Queryable,
  workspaceId: string,
  teamIds: string[],
  slots: number,
  actor: Actor,
  at: Date,
): Promise<string[]> {
  if (slots <= 0) return [];
  const assigned: string[] = [];
  for (const id of await queuedConversations(tx, workspaceId, teamIds, Math.min(MAX_LOOKED_AT, slots * 5))) {
    const routed = await routeConversation(tx, workspaceId, id, actor, 'queue', at);
    if (routed?.decision.agentId) assigned.push(id);
    if (assigned.length >= slots) break;
  }
  return assigned;
}
