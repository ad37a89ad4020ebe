import { findAgent } from '../agents/agents.repo.js';
import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { notFound } from '../lib/errors.js';
import { setByAgent } from '../language/settle.js';
import { drainQueue } from '../routing/drain-queue.js';
import { findConversation, updateConversationRow, type ConversationChanges, type ConversationRow } from './conversations.repo.js';
import type { UpdateConversationBody } from './conversations.schema.js';
import { assertRefs } from './create-conversation.js';
import { recordLanguageChange } from './language-changed.js';

export async function updateConversation(
  tx: Queryable,
  workspaceId: string,
  actor: Pick<AuditEntry, 'actorType' | 'actorId'>,
  id: string,
  body: UpdateConversationBody,
  at: Date,
): Promise<ConversationRow> {
  const current = await findConversation(tx, workspaceId, id, true);
  if (!current) throw notFound('conversation');
  await assertRefs(tx, workspaceId, body);

  const changes: ConversationChanges = { ...body };
  // An agent's language is authoritative; clearing it (null) hands the language back to the evidence.
  const language = body.language !== undefined ? setByAgent(current, body.language) : null;
  if (language) {
    changes.language = language.language;
    changes.languageSource = language.languageSource;
    changes.languageConfidence = language.languageConfidence;
  }
  if (body.status && body.status !== current.status) {
    // Timestamps follow the status so reports need not replay history.
    if (body.status === 'solved') changes.solvedAt = at;
    if (body.status === 'closed') changes.closedAt = at;
    if (body.status !== 'solved' && body.status !== 'closed') {
      changes.solvedAt = null;
      changes.closedAt = null;
    }
  }
  const updated = (await updateConversationRow(tx, workspaceId, id, changes, at))!;
  const changed = Object.keys(body).filter(
    (k) => JSON.stringify(body[k as keyof UpdateConversationBody]) !== JSON.stringify(current[k as keyof ConversationRow]),
  );
  await recordChange(
    tx,
    workspaceId,
    { type: 'conversation.updated', subjectId: id, payload: { conversationId: id, changed, status: updated.status } },
    { ...actor, action: 'conversation.update', targetType: 'conversation', targetId: id, data: { changed } },
    at,
  );
  if (language) await recordLanguageChange(tx, workspaceId, id, current.language, language, at);
  await passFreedSlot(tx, workspaceId, actor, current, updated, at);
  return updated;
}

/** What counts against an agent's capacity (as routing measures load). */
const HELD = new Set(['new', 'open', 'on_hold']);

/**
 * An agent who put a conversation down (solved, pending, handed to someone else) has room for one
 * more: a conversation waiting in their teams is routed again now rather than when the next one arrives.
 */
async function passFreedSlot(
  tx: Queryable,
  workspaceId: string,
  actor: Pick<AuditEntry, 'actorType' | 'actorId'>,
  before: ConversationRow,
  after: ConversationRow,
  at: Date,
): Promise<void> {
  const previous = before.assigneeId;
  if (!previous || !HELD.has(before.status)) return;
  if (after.assigneeId === previous && HELD.has(after.status)) return;
  const agent = await findAgent(tx, workspaceId, previous);
  if (agent?.status === 'online') await drainQueue(tx, workspaceId, agent.teamIds, 1, actor, at);
}
