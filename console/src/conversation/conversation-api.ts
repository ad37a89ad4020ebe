import { api } from '../api/client';

/**
 * What the conversation view reads and writes, typed after the server's schemas
 * (server/src/conversations, messages, routing, culture, templates, tone, translation, scheduling).
 */

export const STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

export interface SlaClock {
  metric: 'first_reply' | 'next_reply' | 'resolution';
  cycle: number;
  status: 'running' | 'paused' | 'achieved' | 'breached';
  atRisk: boolean;
  startedAt: string;
  dueAt: string | null;
  remainingMinutes: number | null;
  warnedAt: string | null;
  breachedAt: string | null;
  achievedAt: string | null;
}

export interface Conversation {
  id: string;
  channel: string;
  subject: string | null;
  status: Status;
  priority: string;
  language: string | null;
  customerId: string;
  teamId: string | null;
  assigneeId: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  sla: { clocks: SlaClock[] } | null;
}

export interface Translation {
  language: string;
  sourceLanguage: string;
  status: 'translated' | 'untranslated';
  text: string | null;
  provider: string | null;
  flags: string[];
  backText?: string | null;
  delivered?: boolean;
}

export interface Message {
  id: string;
  conversationId: string;
  direction: 'inbound' | 'outbound' | 'note';
  authorType: string;
  authorId: string | null;
  text: string;
  html: string | null;
  language: string | null;
  attachments: { name: string; contentType: string; size: number; url?: string }[];
  createdAt: string;
  translations?: Translation[];
  review?: {
    status: 'awaiting_review' | 'approved';
    language: string;
    reasons: { category: string; term?: string }[];
  } | null;
}

export interface AttachmentMeta {
  id: string;
  messageId: string;
  name: string;
  contentType: string;
  size: number;
  inline: boolean;
}

export interface Customer {
  id: string;
  name: string | null;
  emails: string[];
  phones: string[];
  locale: string | null;
  country: string | null;
  timeZone: string | null;
  preferredChannel: string | null;
  formality: string | null;
  tier: string | null;
}

export interface CustomerCulture {
  matchedLocale: string | null;
  formality: string | null;
  addressForm: string | null;
  greetings: string[];
  closings: string[];
  profile: { name: string; directness: string; weekend: { days: number[] }; names: { formalAddress: string } } | null;
}

export interface RoutingDecision {
  id: string;
  decidedAt: string;
  trigger: string;
  teamId: string | null;
  agentId: string | null;
  handover: { fromTeamId: string; toTeamId: string; reason: string; note: string } | null;
  steps: { code: string; text: string }[];
}

/** A change this conversation is linked to (server/src/changes): whether, and where, its customer was told. */
export interface ConversationChange {
  change: { id: string; title: string; status: 'draft' | 'announced' };
  linkId: string;
  linkedAt: string;
  announcedAt: string | null;
  note: { messageId: string; conversationId: string; language: string; announcedAt: string } | null;
}

export interface AgentSummary {
  id: string;
  name: string;
  email: string;
}

export interface Template {
  id: string;
  key: string;
  name: string;
}

export interface Rendered {
  text: string;
  locale: string;
  reason: string;
}

export interface Outcome {
  status: 'translated' | 'untranslated';
  text: string | null;
  flags: string[];
}

export interface ToneFinding {
  code: string;
  severity: 'warning' | 'info';
  message: string;
  suggestion?: string;
}

export interface ScheduledMessage {
  id: string;
  status: 'scheduled' | 'sent' | 'cancelled';
  sendAt: string;
  text: string | null;
}

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

const c = (id: string) => `/api/v1/conversations/${encodeURIComponent(id)}`;

export const getConversation = (id: string) => api.get<Conversation>(c(id));

/** Every message, oldest first (the API pages by 200). */
export async function listMessages(id: string): Promise<Message[]> {
  const all: Message[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<Page<Message>>(`${c(id)}/messages`, { query: { limit: 200, cursor } });
    all.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

export const listAttachments = (id: string) => api.get<Page<AttachmentMeta>>(`${c(id)}/attachments`).then((p) => p.data);
export const listRouting = (id: string) => api.get<{ data: RoutingDecision[] }>(`${c(id)}/routing`).then((p) => p.data);
export const listChanges = (id: string) => api.get<{ data: ConversationChange[] }>(`${c(id)}/changes`).then((p) => p.data);
export const listScheduled = (id: string) => api.get<Page<ScheduledMessage>>(`${c(id)}/scheduled-messages`).then((p) => p.data);
export const getCustomer = (id: string) => api.get<Customer>(`/api/v1/customers/${encodeURIComponent(id)}`);
export const getCulture = (id: string) => api.get<CustomerCulture>(`/api/v1/customers/${encodeURIComponent(id)}/culture`);
export const customerConversations = (customerId: string) =>
  api.get<Page<Conversation>>('/api/v1/conversations', { query: { customerId, limit: 20 } }).then((p) => p.data);
export const listAgents = () => api.get<Page<AgentSummary>>('/api/v1/agents', { query: { limit: 100 } }).then((p) => p.data);
export const listTemplates = () => api.get<{ data: Template[] }>('/api/v1/templates').then((p) => p.data);

export const updateConversation = (id: string, body: { status?: Status; assigneeId?: string | null }) =>
  api.patch<Conversation>(c(id), body);

export interface SendBody {
  direction: 'outbound' | 'note';
  text: string;
  language?: string;
  translateTo?: string;
  /** Notes: `mentions` holds the mentioned agents' ids, comma-separated. */
  channelMeta?: Record<string, string>;
}
export const sendMessage = (id: string, body: SendBody) => api.post<Message>(`${c(id)}/messages`, body);
export const scheduleMessage = (id: string, body: { text: string; language?: string; translateTo?: string; sendAt: string }) =>
  api.post<ScheduledMessage>(`${c(id)}/scheduled-messages`, body);
export const approveMessage = (messageId: string) => api.post<Message>(`/api/v1/messages/${encodeURIComponent(messageId)}/approve`);

export const renderTemplate = (templateId: string, conversationId: string) =>
  api.post<Rendered>(`/api/v1/templates/${encodeURIComponent(templateId)}/render`, { conversationId });
export const previewTranslation = (text: string, source: string, target: string) =>
  api.post<{ translation: Outcome; backTranslation: Outcome | null }>('/api/v1/translate/preview', { text, source, target });
export const checkTone = (text: string, language: string, conversationId: string) =>
  api.post<{ findings: ToneFinding[] }>('/api/v1/replies/check', { text, language, conversationId });
