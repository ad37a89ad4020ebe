import { listAgents } from '../agents/agents.repo.js';
import { findConversation, updateConversationRow } from '../conversations/conversations.repo.js';
import { PRIORITIES } from '../conversations/conversations.schema.js';
import type { Queryable } from '../db/types.js';
import { recordChange } from '../events/events.repo.js';
import { routeConversation } from '../routing/route-conversation.js';
import type { SlaChange } from './clock.js';
import { claimSlaEvent } from './clocks.repo.js';
import type { SlaPolicyRow } from './policies.repo.js';

const SYSTEM = { actorType: 'system', actorId: null } as const;

/**
 * Records each change once: the ledger row (sla_events, unique per conversation, metric, kind and
 * cycle) and the outbox event share the caller's transaction, so a rerun, a concurrent run or a
 * run after a crash finds the ledger row and writes nothing. A breach recorded here for the first
 * time runs the policy's escalation in the same transaction (so it, too, happens once).
 * Returns how many changes were recorded now.
 */
export async function recordSlaChanges(
  tx: Queryable,
  workspaceId: string,
  conversationId: string,
  policy: SlaPolicyRow | undefined,
  changes: readonly SlaChange[],
  at: Date,
): Promise<number> {
  let recorded = 0;
  for (const c of changes) {
    if (!(await claimSlaEvent(tx, workspaceId, conversationId, c, at))) continue;
    recorded++;
    const payload = {
      conversationId,
      metric: c.metric,
      cycle: c.cycle,
      at: c.at.toISOString(),
      dueAt: c.dueAt?.toISOString() ?? null,
      policyId: policy?.id ?? null,
    };
    await recordChange(
      tx,
      workspaceId,
      { type: `sla.${c.kind}`, subjectId: conversationId, payload },
      {
        ...SYSTEM,
        action: `sla.${c.kind}`,
        targetType: 'conversation',
        targetId: conversationId,
        data: { metric: c.metric, cycle: c.cycle },
      },
      at,
    );
    if (c.kind === 'breached' && policy) await escalate(tx, workspaceId, conversationId, policy, c, at);
  }
  return recorded;
}

/**
 * A breach's escalation: one step up in priority (as a system change of the conversation), routing
 * it again to someone else on shift (routing decides who, and explains it as a decision with the
 * trigger 'escalation'), and an `sla.escalation` event naming the leads to notify — the team's,
 * else the workspace's.
 */
async function escalate(tx: Queryable, workspaceId: string, conversationId: string, policy: SlaPolicyRow, c: SlaChange, at: Date) {
  const { raisePriority, notifyLead, reassign } = policy.escalation;
  if (!raisePriority && !notifyLead && !reassign) return;
  const conversation = await findConversation(tx, workspaceId, conversationId, true);
  if (!conversation) return;
  const actions: string[] = [];
  let reassigned: { from: string | null; to: string } | null = null;
  if (reassign) {
    // Before the priority is raised: routing sees the conversation as the breach found it.
    const routed = await routeConversation(tx, workspaceId, conversationId, SYSTEM, 'escalation', at, undefined, {
      excludeAgentId: conversation.assigneeId,
    });
    if (routed?.decision.agentId && routed.decision.agentId !== conversation.assigneeId) {
      reassigned = { from: conversation.assigneeId, to: routed.decision.agentId };
      actions.push('reassign');
    }
  }
  let priority: { from: string; to: string } | null = null;
  const next = PRIORITIES[PRIORITIES.indexOf(conversation.priority) + 1];
  if (raisePriority && next) {
    priority = { from: conversation.priority, to: next };
    actions.push('raise_priority');
    await updateConversationRow(tx, workspaceId, conversationId, { priority: next }, at);
    const changed = ['priority'];
    await recordChange(
      tx,
      workspaceId,
      { type: 'conversation.updated', subjectId: conversationId, payload: { conversationId, changed, status: conversation.status } },
      {
        ...SYSTEM,
        action: 'conversation.update',
        targetType: 'conversation',
        targetId: conversationId,
        data: { changed, reason: `sla.breached:${c.metric}` },
      },
      at,
    );
  }
  let leadIds: string[] = [];
  if (notifyLead) {
    actions.push('notify_lead');
    const leads = (teamId?: string) => listAgents(tx, workspaceId, { role: 'lead', limit: 50, ...(teamId ? { teamId } : {}) });
    let found = conversation.teamId ? await leads(conversation.teamId) : [];
    if (found.length === 0) found = await leads();
    leadIds = found.slice(0, 50).map((a) => a.id);
  }
  if (actions.length === 0) return;
  await recordChange(
    tx,
    workspaceId,
    {
      type: 'sla.escalation',
      subjectId: conversationId,
      payload: {
        conversationId,
        metric: c.metric,
        cycle: c.cycle,
        policyId: policy.id,
        actions,
        priority,
        reassigned,
        teamId: conversation.teamId,
        leadIds,
      },
    },
    { ...SYSTEM, action: 'sla.escalate', targetType: 'conversation', targetId: conversationId, data: { metric: c.metric, actions } },
    at,
  );
}
