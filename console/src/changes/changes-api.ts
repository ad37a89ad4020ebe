import { api } from '../api/client';

/** Shapes and calls of /api/v1/changes (server/src/changes/changes.schema.ts). */

export type ChangeStatus = 'draft' | 'announced';

export interface Change {
  id: string;
  title: string;
  description: string;
  sourceLanguage: string;
  texts: Record<string, string>;
  status: ChangeStatus;
  createdAt: string;
  announcedAt: string | null;
  counts: { links: number; customers: number; told: number };
}

export interface ChangeBody {
  title: string;
  description: string;
  sourceLanguage: string;
  texts: Record<string, string>;
}

export interface Note {
  messageId: string;
  conversationId: string;
  language: string;
  textSource: 'lead' | 'machine' | 'original';
  textLanguage: string;
  flags: string[];
  announcedAt: string;
}

export interface ChangeLink {
  id: string;
  conversationId: string;
  customer: { id: string; name: string | null };
  language: string | null;
  responseId: string | null;
  linkedAt: string;
  announcedAt: string | null;
  note: Note | null;
}

export interface LinkFilter {
  tag?: string;
  language?: string;
  q?: string;
}

export interface LinkRequest {
  responseIds?: string[];
  conversationIds?: string[];
  filter?: LinkFilter;
}

export interface LinkResult {
  added: number;
  alreadyLinked: number;
  links: number;
}

export interface AnnounceResult {
  change: Change;
  sent: number;
  alreadyTold: number;
  fallbacks: number;
  notes: (Note & { customerId: string })[];
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

const base = '/api/v1/changes';

export const changesApi = {
  listPath: `${base}?limit=100`,
  itemPath: (id: string) => `${base}/${id}`,
  linksPath: (id: string) => `${base}/${id}/links?limit=100`,
  create: (body: ChangeBody) => api.post<Change>(base, body),
  update: (id: string, body: Partial<ChangeBody>) => api.patch<Change>(`${base}/${id}`, body),
  remove: (id: string) => api.delete(`${base}/${id}`),
  links: (id: string, cursor?: string) => api.get<Page<ChangeLink>>(`${base}/${id}/links`, { query: { limit: 100, cursor } }),
  link: (id: string, body: LinkRequest) => api.post<LinkResult>(`${base}/${id}/links`, body),
  unlink: (id: string, linkId: string) => api.delete(`${base}/${id}/links/${linkId}`),
  announce: (id: string) => api.post<AnnounceResult>(`${base}/${id}/announce`),
};
