import type { Queryable } from '../db/types.js';

export interface AuditEntry {
  actorType: 'agent' | 'token' | 'system' | 'cli';
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string | null;
  data?: Record<string, unknown>;
}

export async function appendAudit(q: Queryable, workspaceId: string, e: AuditEntry, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO audit_log (workspace_id, actor_type, actor_id, action, target_type, target_id, data, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [workspaceId, e.actorType, e.actorId, e.action, e.targetType ?? null, e.targetId ?? null, JSON.stringify(e.data ?? {}), at],
  );
}

export interface AuditRow extends AuditEntry {
  id: number;
  createdAt: Date;
}

export async function listAudit(q: Queryable, workspaceId: string, limit: number): Promise<AuditRow[]> {
  const { rows } = await q.query<AuditRow>(
    `SELECT id, actor_type AS "actorType", actor_id AS "actorId", action, target_type AS "targetType",
            target_id AS "targetId", data, created_at AS "createdAt"
       FROM audit_log WHERE workspace_id = $1 ORDER BY id DESC LIMIT $2`,
    [workspaceId, limit],
  );
  return rows;
}
