import { api } from '../api/client';

/** Mirrors server/src/conversations/conversations.schema.ts and inbox.schema.ts. */
export const STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const CHANNELS = ['email', 'chat', 'whatsapp', 'telegram', 'sms', 'phone', 'api'] as const;
export const VIEWS = ['mine', 'team', 'unassigned', 'all'] as const;
/** What the inbox lists when no status is chosen; the counts endpoint counts the same. */
export const UNRESOLVED = ['new', 'open', 'pending', 'on_hold'] as const;

export type Status = (typeof STATUSES)[number];
export type Priority = (typeof PRIORITIES)[number];
export type View = (typeof VIEWS)[number];

export interface InboxRow {
  id: string;
  channel: string;
  subject: string | null;
  status: Status;
  priority: Priority;
  language: string | null;
  assigneeId: string | null;
  teamId: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  customer: { id: string; name: string | null; locale: string | null; timeZone: string | null; country: string | null };
  lastMessage: { direction: 'inbound' | 'outbound' | 'note'; preview: string; at: string } | null;
  slaDue: { at: string; metric: string; breached: boolean } | null;
}

export interface InboxPage {
  data: InboxRow[];
  nextCursor: string | null;
}

export interface InboxCounts {
  statuses: Status[];
  views: { mine: number | null; team: number | null; unassigned: number; all: number };
  languages: { language: string | null; count: number }[];
}

export interface BulkAction {
  assign?: { assigneeId: string | null };
  tag?: { add?: string[]; remove?: string[] };
  status?: Status;
}

export interface BulkResult {
  id: string;
  ok: boolean;
  changed?: boolean;
  error?: { code: string; message: string };
}

export interface Named {
  id: string;
  name: string;
}

/** The API's query string: repeated `status` for arrays, empty values left out. */
export function queryString(params: Record<string, string | readonly string[] | number | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    if (Array.isArray(v)) for (const item of v as readonly string[]) sp.append(k, item);
    else sp.set(k, String(v));
  }
  return sp.toString();
}

export const fetchInboxPage = (qs: string, signal?: AbortSignal) =>
  api.get<InboxPage>(`/api/v1/conversations?${qs}`, signal ? { signal } : {});

export const fetchInboxCounts = (signal?: AbortSignal) => api.get<InboxCounts>('/api/v1/inbox/counts', signal ? { signal } : {});

export const bulkUpdate = (ids: string[], action: BulkAction) =>
  api.post<{ results: BulkResult[] }>('/api/v1/conversations/bulk', { ids, action });

export const fetchAgents = () => api.get<{ data: Named[] }>('/api/v1/agents', { query: { limit: 100 } });
export const fetchTeams = () => api.get<{ data: Named[] }>('/api/v1/teams', { query: { limit: 100 } });
