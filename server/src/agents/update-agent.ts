import { hasRole, type Principal } from '../auth/principal.js';
import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { AppError, notFound } from '../lib/errors.js';
import { assertTimeZone } from '../lib/time-zone.js';
import { drainQueue } from '../routing/drain-queue.js';
import { agentLoad, countOtherAdmins, lockAgent, updateAgentRow, type AgentChanges, type AgentRow } from './agents.repo.js';
import type { UpdateAgentBody } from './agents.schema.js';

/** What agents may change about themselves; the rest is for leads (languages, capacity) and admins (role). */
const SELF_SERVICE = new Set<keyof UpdateAgentBody>(['name', 'timeZone', 'status', 'uiLocale']);

export interface UpdatedAgent {
  agent: AgentRow;
  /** Queued conversations routed to someone because this change freed capacity. */
  assigned: string[];
}

/**
 * Changes an agent: presence (online / away / offline), working languages, capacity, name, zone, role.
 * Coming online, or being given more capacity or languages while online, routes the team queues
 * again in the same transaction, so waiting conversations reach the agent without anyone asking.
 */
export async function updateAgent(
  tx: Queryable,
  principal: Principal,
  actor: Pick<AuditEntry, 'actorType' | 'actorId'>,
  agentId: string,
  body: UpdateAgentBody,
  at: Date,
): Promise<UpdatedAgent> {
  const workspaceId = principal.workspaceId;
  const self = principal.agentId === agentId;
  for (const key of Object.keys(body) as (keyof UpdateAgentBody)[]) {
    const allowed = key === 'role' ? hasRole(principal, 'admin') : hasRole(principal, 'lead') || (self && SELF_SERVICE.has(key));
    if (!allowed) throw new AppError('forbidden', `changing ${key} needs the ${key === 'role' ? 'admin' : 'lead'} role`);
  }
  if (body.timeZone !== undefined) assertTimeZone(body.timeZone, '/timeZone');

  const before = await lockAgent(tx, workspaceId, agentId);
  if (!before) throw notFound('agent');
  if (before.role === 'admin' && !hasRole(principal, 'admin') && !self) {
    throw new AppError('forbidden', 'only admins change an admin');
  }
  if (before.role === 'admin' && body.role && body.role !== 'admin' && (await countOtherAdmins(tx, workspaceId, agentId)) === 0) {
    throw new AppError('conflict', 'the workspace needs at least one admin', [{ path: 'body/role', message: 'last admin' }]);
  }

  const changes: AgentChanges = {};
  for (const [key, value] of Object.entries(body) as [keyof AgentChanges, never][]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(value)) changes[key] = value;
  }
  const changed = Object.keys(changes);
  if (changed.length === 0) return { agent: before, assigned: [] };

  const agent = await updateAgentRow(tx, workspaceId, agentId, changes, at);
  await recordChange(
    tx,
    workspaceId,
    { type: 'agent.updated', subjectId: agentId, payload: { agentId, changed, status: agent.status } },
    { ...actor, action: 'agent.update', targetType: 'agent', targetId: agentId, data: { changed } },
    at,
  );

  const gainedCapacity =
    agent.status === 'online' && (before.status !== 'online' || agent.capacity > before.capacity || changes.languages !== undefined);
  const assigned = gainedCapacity
    ? await drainQueue(tx, workspaceId, agent.teamIds, agent.capacity - (await agentLoad(tx, workspaceId, agentId)), actor, at)
    : [];
  return { agent, assigned };
}
