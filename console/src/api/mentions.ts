import { api } from './client';

/** GET /api/v1/mentions: server/src/mentions/mentions.schema.ts. */
export interface Mention {
  id: string;
  messageId: string;
  conversationId: string;
  agentId: string;
  byAgentId: string | null;
  byName: string | null;
  subject: string | null;
  excerpt: string;
  createdAt: string;
  readAt: string | null;
}

export const listUnreadMentions = () =>
  api.get<{ data: Mention[]; nextCursor: string | null; unread: number }>('/api/v1/mentions', { query: { unread: true, limit: 20 } });

export const readMentions = (which: { ids: string[] } | { conversationId: string }) =>
  api.post<{ read: string[] }>('/api/v1/mentions/read', which);
