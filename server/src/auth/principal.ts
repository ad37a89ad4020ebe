export type Role = 'admin' | 'lead' | 'agent';
export const ROLES: readonly Role[] = ['admin', 'lead', 'agent'];

/** Who is calling: resolved once per request from a session cookie or an API token. */
export interface Principal {
  workspaceId: string;
  role: Role;
  kind: 'session' | 'token';
  /** Token id or session id: what idempotency keys and the audit log are scoped to. */
  id: string;
  /** Set when a person is logged in. */
  agentId: string | null;
}

const RANK: Record<Role, number> = { agent: 1, lead: 2, admin: 3 };
export const hasRole = (p: Principal, min: Role): boolean => RANK[p.role] >= RANK[min];
