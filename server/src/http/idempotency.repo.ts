import type { Queryable } from '../db/types.js';

export interface IdempotentRecord {
  requestHash: string;
  statusCode: number;
  response: unknown;
}

export async function findIdempotent(
  q: Queryable,
  workspaceId: string,
  principal: string,
  key: string,
): Promise<IdempotentRecord | undefined> {
  const { rows } = await q.query<IdempotentRecord>(
    `SELECT request_hash AS "requestHash", status_code AS "statusCode", response
       FROM idempotency_keys WHERE workspace_id = $1 AND principal = $2 AND key = $3`,
    [workspaceId, principal, key],
  );
  return rows[0];
}

export async function saveIdempotent(
  q: Queryable,
  workspaceId: string,
  r: { principal: string; key: string; method: string; path: string; requestHash: string; statusCode: number; response: unknown },
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO idempotency_keys (workspace_id, principal, key, method, path, request_hash, status_code, response, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [workspaceId, r.principal, r.key, r.method, r.path, r.requestHash, r.statusCode, JSON.stringify(r.response), at],
  );
}

export async function purgeIdempotent(q: Queryable, olderThan: Date): Promise<number> {
  const { rowCount } = await q.query('DELETE FROM idempotency_keys WHERE created_at < $1', [olderThan]);
  return rowCount;
}
