import { api } from './client';

/** Mirrors server/src/auth/principal.ts. */
export type Role = 'admin' | 'lead' | 'agent';

const RANK: Record<Role, number> = { agent: 1, lead: 2, admin: 3 };
export const hasRole = (role: Role, min: Role): boolean => RANK[role] >= RANK[min];

export interface Agent {
  id: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string;
  languages: { tag: string; proficiency: 'native' | 'fluent' | 'working' | 'basic' }[];
  capacity: number;
  status: 'online' | 'away' | 'offline';
  /** The console language the agent chose; null: the browser's. */
  uiLocale: string | null;
  teamIds: string[];
  createdAt: string;
  updatedAt: string;
}

/** GET /api/v1/auth/me and the login answer. */
export interface Me {
  workspace: { id: string; slug: string; name: string };
  role: Role;
  kind: 'session' | 'token';
  agent: Agent | null;
}

export interface LoginInput {
  workspace: string;
  email: string;
  password: string;
}

export const login = (input: LoginInput) => api.post<Me>('/api/v1/auth/login', input);
export const logout = () => api.post<void>('/api/v1/auth/logout');
export const fetchMe = (signal?: AbortSignal) => api.get<Me>('/api/v1/auth/me', signal ? { signal } : {});

/** The agent's own console language, kept on the server so it follows them to any browser. */
export const saveUiLocale = (agentId: string, uiLocale: string | null) =>
  api.patch<Agent>(`/api/v1/agents/${encodeURIComponent(agentId)}`, { uiLocale });
