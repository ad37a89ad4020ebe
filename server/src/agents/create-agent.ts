import { hashPassword } from '../auth/passwords.js';
import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { assertTimeZone } from '../lib/time-zone.js';
import { findAgentByEmail, insertAgent, type AgentRow } from './agents.repo.js';
import type { CreateAgentBody } from './agents.schema.js';

export async function createAgent(
  tx: Queryable,
  workspaceId: string,
  actor: Pick<AuditEntry, 'actorType' | 'actorId'>,
  body: CreateAgentBody,
  at: Date,
): Promise<AgentRow> {
  const timeZone = body.timeZone ?? 'UTC';
  assertTimeZone(timeZone, '/timeZone');
  if (await findAgentByEmail(tx, workspaceId, body.email)) {
    throw new AppError('already_exists', 'an agent with this email exists', [{ path: 'body/email', message: 'taken' }]);
  }
  const agent = await insertAgent(
    tx,
    workspaceId,
    {
      id: newId(),
      email: body.email,
      name: body.name,
      role: body.role ?? 'agent',
      timeZone,
      languages: body.languages ?? [],
      capacity: body.capacity ?? 10,
      status: body.status ?? 'offline',
      passwordHash: body.password ? await hashPassword(body.password) : null,
    },
    at,
  );
  await recordChange(
    tx,
    workspaceId,
    { type: 'agent.created', subjectId: agent.id, payload: { agentId: agent.id } },
    { ...actor, action: 'agent.create', targetType: 'agent', targetId: agent.id },
    at,
  );
  return agent;
}
