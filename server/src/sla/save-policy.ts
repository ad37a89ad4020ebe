import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { AppError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { countPolicies, findPolicy, insertPolicy, nextPosition, policyClashes, updatePolicyRow } from './policies.repo.js';
import type { SlaPolicyFields, SlaPolicyRow } from './policies.repo.js';
import { DEFAULT_WARNING, type CreateSlaPolicyBody, type UpdateSlaPolicyBody } from './sla.schema.js';

/** Policies are read whole when a conversation is created: keep the list short. */
export const MAX_SLA_POLICIES = 200;

type Actor = Pick<AuditEntry, 'actorType' | 'actorId'>;

/** Checks what the schema cannot: a non-blank name, a default without conditions, one default, unique names. */
async function assertValid(tx: Queryable, workspaceId: string, p: SlaPolicyFields, self: string | null): Promise<void> {
  if (p.name === '') throw new AppError('validation_failed', 'name is blank', [{ path: 'body/name', message: 'blank' }]);
  if (p.default && Object.keys(p.when).length > 0) {
    throw new AppError('validation_failed', 'the default policy applies when no other matches: it has no conditions', [
      { path: 'body/when', message: 'not allowed on the default policy' },
    ]);
  }
  const clash = await policyClashes(tx, workspaceId, p, self);
  if (clash.name) throw new AppError('already_exists', `a policy is named "${p.name}" already`, [{ path: 'body/name', message: 'taken' }]);
  if (clash.default) {
    throw new AppError('already_exists', 'the workspace has a default policy already', [{ path: 'body/default', message: 'taken' }]);
  }
}

async function record(tx: Queryable, workspaceId: string, actor: Actor, action: 'create' | 'update', row: SlaPolicyRow, at: Date) {
  await recordChange(
    tx,
    workspaceId,
    { type: `sla_policy.${action}d`, subjectId: row.id, payload: { policyId: row.id } },
    { ...actor, action: `sla_policy.${action}`, targetType: 'sla_policy', targetId: row.id },
    at,
  );
}

export async function createSlaPolicy(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  body: CreateSlaPolicyBody,
  at: Date,
): Promise<SlaPolicyRow> {
  if ((await countPolicies(tx, workspaceId)) >= MAX_SLA_POLICIES) {
    throw new AppError('conflict', `a workspace holds at most ${MAX_SLA_POLICIES} SLA policies`);
  }
  const fields: SlaPolicyFields = {
    name: body.name.trim(),
    position: body.position ?? (await nextPosition(tx, workspaceId)),
    default: body.default ?? false,
    when: body.when ?? {},
    targets: body.targets,
    warning: body.warning ?? DEFAULT_WARNING,
    escalation: body.escalation ?? {},
  };
  await assertValid(tx, workspaceId, fields, null);
  const row = await insertPolicy(tx, workspaceId, newId(), fields, at);
  await record(tx, workspaceId, actor, 'create', row, at);
  return row;
}

/** The fields sent replace the stored ones. Clocks already running keep the targets they started with. */
export async function changeSlaPolicy(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  id: string,
  body: UpdateSlaPolicyBody,
  at: Date,
): Promise<SlaPolicyRow> {
  const current = await findPolicy(tx, workspaceId, id, true);
  if (!current) throw notFound('SLA policy');
  const fields: SlaPolicyFields = {
    name: body.name?.trim() ?? current.name,
    position: body.position ?? current.position,
    default: body.default ?? current.default,
    when: body.when ?? current.when,
    targets: body.targets ?? current.targets,
    warning: body.warning ?? current.warning,
    escalation: body.escalation ?? current.escalation,
  };
  await assertValid(tx, workspaceId, fields, id);
  const row = await updatePolicyRow(tx, workspaceId, id, fields, at);
  await record(tx, workspaceId, actor, 'update', row, at);
  return row;
}
