import { agentsExist } from '../agents/agents.repo.js';
import type { Db } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { AppError, notFound } from '../lib/errors.js';
import type { BulkAction, BulkBody, BulkResult } from './bulk.schema.js';
import { findConversation, type ConversationRow } from './conversations.repo.js';
import type { UpdateConversationBody } from './conversations.schema.js';
import { updateConversation } from './update-conversation.js';

const MAX_TAGS = 50;

/** The single update an action amounts to for one conversation; null when it already is so. */
export function patchFor(action: BulkAction, c: Pick<ConversationRow, 'assigneeId' | 'status' | 'tags'>): UpdateConversationBody | null {
  if (action.assign) return action.assign.assigneeId === c.assigneeId ? null : { assigneeId: action.assign.assigneeId };
  if (action.status) return action.status === c.status ? null : { status: action.status };
  const remove = new Set(action.tag?.remove ?? []);
  const tags = [...new Set([...c.tags.filter((t) => !remove.has(t)), ...(action.tag?.add ?? [])])];
  if (tags.length === c.tags.length && tags.every((t, i) => t === c.tags[i])) return null;
  if (tags.length > MAX_TAGS) throw new AppError('validation_failed', `a conversation holds at most ${MAX_TAGS} tags`);
  return { tags };
}

/**
 * Applies one action to many conversations, each through the single-update command in its own
 * transaction (events, audit, SLA and routing follow as for PATCH), so one failure leaves the others
 * done. Another workspace's id is a not_found item like a missing one. An unknown assignee fails the
 * whole request before anything is written. `onUnexpected` hears failures that are not AppErrors
 * (they are reported as `internal` for that id).
 */
export async function bulkUpdateConversations(
  db: Db,
  workspaceId: string,
  actor: Pick<AuditEntry, 'actorType' | 'actorId'>,
  body: BulkBody,
  at: Date,
  onUnexpected: (err: unknown) => void,
): Promise<BulkResult[]> {
  const assigneeId = body.action.assign?.assigneeId;
  if (assigneeId && !(await agentsExist(db, workspaceId, [assigneeId])).size) {
    throw new AppError('not_found', 'agent not found', [{ path: 'body/action/assign/assigneeId', message: 'no such agent' }]);
  }
  const results: BulkResult[] = [];
  for (const id of body.ids) {
    try {
      const changed = await db.transaction(async (tx) => {
        const current = await findConversation(tx, workspaceId, id, true);
        if (!current) throw notFound('conversation');
        const patch = patchFor(body.action, current);
        if (patch) await updateConversation(tx, workspaceId, actor, id, patch, at);
        return patch !== null;
      });
      results.push({ id, ok: true, changed });
    } catch (err) {
      if (!(err instanceof AppError)) onUnexpected(err);
      const e = err instanceof AppError ? err : new AppError('internal', 'internal error');
      results.push({ id, ok: false, error: { code: e.code, message: e.message } });
    }
  }
  return results;
}
