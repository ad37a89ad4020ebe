import type { Queryable } from '../db/types.js';
import type { SlaConditions, SlaEscalation, SlaTargets, SlaWarning } from './sla.schema.js';

export interface SlaPolicyRow {
  id: string;
  name: string;
  position: number;
  default: boolean;
  when: SlaConditions;
  targets: SlaTargets;
  warning: SlaWarning;
  escalation: SlaEscalation;
  createdAt: Date;
  updatedAt: Date;
}

export type SlaPolicyFields = Pick<SlaPolicyRow, 'name' | 'position' | 'default' | 'when' | 'targets' | 'warning' | 'escalation'>;

const COLS = `id, name, position, is_default AS "default", conditions AS "when", targets, warning, escalation,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** In the order they are tried: by position, then age; the default last. */
export async function listPolicies(q: Queryable, workspaceId: string): Promise<SlaPolicyRow[]> {
  const { rows } = await q.query<SlaPolicyRow>(
    `SELECT ${COLS} FROM sla_policies WHERE workspace_id = $1 ORDER BY is_default, position, id`,
    [workspaceId],
  );
  return rows;
}

export async function findPolicy(q: Queryable, workspaceId: string, id: string, forUpdate = false): Promise<SlaPolicyRow | undefined> {
  const { rows } = await q.query<SlaPolicyRow>(
    `SELECT ${COLS} FROM sla_policies WHERE workspace_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [workspaceId, id],
  );
  return rows[0];
}

export async function insertPolicy(q: Queryable, workspaceId: string, id: string, p: SlaPolicyFields, at: Date): Promise<SlaPolicyRow> {
  const { rows } = await q.query<SlaPolicyRow>(
    `INSERT INTO sla_policies (id, workspace_id, name, position, is_default, conditions, targets, warning, escalation, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING ${COLS}`,
    [id, workspaceId, ...fieldParams(p), at],
  );
  return rows[0]!;
}

export async function updatePolicyRow(q: Queryable, workspaceId: string, id: string, p: SlaPolicyFields, at: Date): Promise<SlaPolicyRow> {
  const { rows } = await q.query<SlaPolicyRow>(
    `UPDATE sla_policies SET name = $3, position = $4, is_default = $5, conditions = $6, targets = $7, warning = $8, escalation = $9,
            updated_at = $10
      WHERE workspace_id = $1 AND id = $2 RETURNING ${COLS}`,
    [workspaceId, id, ...fieldParams(p), at],
  );
  return rows[0]!;
}

const fieldParams = (p: SlaPolicyFields) => [
  p.name,
  p.position,
  p.default,
  JSON.stringify(p.when),
  JSON.stringify(p.targets),
  JSON.stringify(p.warning),
  JSON.stringify(p.escalation),
];

/** Which of a name and the default role another policy (not `exceptId`) holds already. */
export async function policyClashes(
  q: Queryable,
  workspaceId: string,
  p: { name: string; default: boolean },
  exceptId: string | null,
): Promise<{ name: boolean; default: boolean }> {
  const { rows } = await q.query<{ name: boolean; default: boolean }>(
    `SELECT COALESCE(bool_or(name = $2), false) AS name, COALESCE(bool_or(is_default AND $3), false) AS "default"
       FROM sla_policies WHERE workspace_id = $1 AND id IS DISTINCT FROM $4`,
    [workspaceId, p.name, p.default, exceptId],
  );
  return rows[0]!;
}

/** The position after every policy's (where a new one goes by default). */
export async function nextPosition(q: Queryable, workspaceId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    'SELECT COALESCE(max(position) + 1, 0)::int AS n FROM sla_policies WHERE workspace_id = $1 AND NOT is_default',
    [workspaceId],
  );
  return Math.min(rows[0]!.n, 10_000);
}

export async function countPolicies(q: Queryable, workspaceId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM sla_policies WHERE workspace_id = $1', [workspaceId]);
  return rows[0]!.n;
}
