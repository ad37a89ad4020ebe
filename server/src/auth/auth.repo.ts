import type { Queryable } from '../db/types.js';
import type { Role } from './principal.js';

export interface TokenRow {
  id: string;
  workspaceId: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

// Lookups by secret hash are how a request finds its workspace, so they are the one
// place that is not filtered by workspace id.
export async function findTokenByHash(q: Queryable, hash: string): Promise<TokenRow | undefined> {
  const { rows } = await q.query<TokenRow>(
    `SELECT id, workspace_id AS "workspaceId", name, role, prefix, created_at AS "createdAt", last_used_at AS "lastUsedAt"
       FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
    [hash],
  );
  return rows[0];
}

export async function insertToken(
  q: Queryable,
  workspaceId: string,
  t: { id: string; name: string; role: Role; hash: string; prefix: string },
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO api_tokens (id, workspace_id, name, role, token_hash, prefix, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [t.id, workspaceId, t.name, t.role, t.hash, t.prefix, at],
  );
}

export async function touchToken(q: Queryable, workspaceId: string, id: string, at: Date): Promise<void> {
  await q.query('UPDATE api_tokens SET last_used_at = $3 WHERE workspace_id = $1 AND id = $2', [workspaceId, id, at]);
}

export interface SessionRow {
  id: string;
  workspaceId: string;
  agentId: string;
  role: Role;
  expiresAt: Date;
}

export async function findSessionByHash(q: Queryable, hash: string, now: Date): Promise<SessionRow | undefined> {
  const { rows } = await q.query<SessionRow>(
    `SELECT s.id, s.workspace_id AS "workspaceId", s.agent_id AS "agentId", a.role, s.expires_at AS "expiresAt"
       FROM sessions s JOIN agents a ON a.workspace_id = s.workspace_id AND a.id = s.agent_id
      WHERE s.token_hash = $1 AND s.expires_at > $2`,
    [hash, now],
  );
  return rows[0];
}

export async function insertSession(
  q: Queryable,
  workspaceId: string,
  s: { id: string; agentId: string; hash: string; expiresAt: Date },
  at: Date,
): Promise<void> {
  await q.query(`INSERT INTO sessions (id, workspace_id, agent_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
    s.id,
    workspaceId,
    s.agentId,
    s.hash,
    at,
    s.expiresAt,
  ]);
}

export async function deleteSession(q: Queryable, workspaceId: string, id: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
}

export async function findAgentCredentials(
  q: Queryable,
  workspaceId: string,
  email: string,
): Promise<{ id: string; passwordHash: string | null } | undefined> {
  const { rows } = await q.query<{ id: string; passwordHash: string | null }>(
    'SELECT id, password_hash AS "passwordHash" FROM agents WHERE workspace_id = $1 AND email = $2',
    [workspaceId, email.toLowerCase()],
  );
  return rows[0];
}
