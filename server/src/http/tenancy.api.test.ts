/**
 * Tenancy acceptance: a token of workspace A gets 404 for every id of workspace B on every
 * route; body references to B's rows are refused; lists never show B's rows; body fields that
 * try to set workspace, role or password hashes are rejected; roles and authentication hold.
 *
 * The route tables below are the place to extend when a route is added: the first test
 * compares them with the OpenAPI document and fails until the new route is listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../auth/principal.js';
import { seedQueuedChannelMessage } from '../channels/outbound/seed.test-support.js';
import { queueOutboundMail } from '../email/outbound/queue-mail.js';
import { ERROR_STATUS } from '../lib/errors.js';
import { ENGINES } from '../test/engines.js';
import { rawMail } from '../test/mail/inbound.js';
import { call, makeWorkspace, rowCounts, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';

type Method = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Access = 'public' | Role;
type Res = Awaited<ReturnType<typeof call>>;

/** The rows of one workspace that routes can name. */
interface Ids {
  workspace: string;
  agent: string;
  team: string;
  customer: string;
  conversation: string;
  message: string;
  template: string;
  glossary: string;
  calendar: string;
  slaPolicy: string;
  scheduledMessage: string;
  mailAddress: string;
  quarantine: string;
  attachment: string;
  mailOutbox: string;
  blockedSender: string;
  channelAccount: string;
  /** A second account: DELETE takes it, so the GETs (and HEADs, run last) still find the first. */
  spareChannelAccount: string;
  channelOutbox: string;
  change: string;
  /** A draft change: DELETE takes it (the other is announced by then, and stays). */
  spareChange: string;
}
type IdKind = Exclude<keyof Ids, 'workspace'>;
const ID_KINDS: IdKind[] = [
  'agent',
  'team',
  'customer',
  'conversation',
  'message',
  'template',
  'glossary',
  'calendar',
  'slaPolicy',
  'scheduledMessage',
  'mailAddress',
  'quarantine',
  'attachment',
  'mailOutbox',
  'blockedSender',
  'channelAccount',
  'channelOutbox',
  'change',
];

/** A valid business calendar definition: Mon–Fri 09:00–17:00 in Helsinki with Finnish holidays. */
const CALENDAR_DEFINITION = {
  timeZone: 'Europe/Helsinki',
  weekly: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }],
  holidays: { country: 'FI' },
};

interface RouteCase {
  method: Method;
  path: string;
  access: Access;
  /** For routes with `:id`: which kind of row the id names. */
  idKind?: IdKind;
  /** Values of path parameters other than `:id` (e.g. `:locale`). */
  params?: Record<string, string>;
  /** A valid body (given the ids of the caller's own workspace); absent for routes without one. */
  body?: (own: Ids, n: number) => unknown;
  /** Not reachable as plain HTTP (WebSocket upgrade) or not an API route. */
  skipInject?: boolean;
  /** Status for the caller's own id when it is not 201 (POST), 204 (DELETE) or 200 (approve: nothing awaits review → 409). */
  ownStatus?: number;
}

/** The link DELETE /changes/:id/links/:linkId names: A's, filled in when A is seeded. */
const CHANGE_LINK: Record<string, string> = { linkId: '00000000-0000-4000-8000-000000000000' };

/** Every route of the API. Keep in step with the app: the first test checks it against OpenAPI. */
const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/api/v1/health', access: 'public' },
  { method: 'GET', path: '/widget.js', access: 'public' },
  { method: 'GET', path: '/widget/demo', access: 'public' },
  {
    method: 'POST',
    path: '/api/v1/auth/login',
    access: 'public',
    body: () => ({ workspace: 'nope', email: 'nobody@example.com', password: 'wrong-password' }),
  },
  { method: 'POST', path: '/api/v1/auth/logout', access: 'agent' },
  { method: 'GET', path: '/api/v1/auth/me', access: 'agent' },
  { method: 'GET', path: '/api/v1/conversations', access: 'agent' },
  {
    method: 'POST',
    path: '/api/v1/conversations',
    access: 'agent',
    body: (_o, n) => ({ customer: { email: `tenant-${n}@example.org` }, channel: 'email', message: { text: `hello ${n}` } }),
  },
  {
    method: 'POST',
    path: '/api/v1/conversations/bulk',
    access: 'agent',
    ownStatus: 200,
    body: (own) => ({ ids: [own.conversation], action: { tag: { add: ['bulk'] } } }),
  },
  { method: 'GET', path: '/api/v1/inbox/counts', access: 'agent' },
  { method: 'GET', path: '/api/v1/conversations/:id', access: 'agent', idKind: 'conversation' },
  {
    method: 'PATCH',
    path: '/api/v1/conversations/:id',
    access: 'agent',
    idKind: 'conversation',
    body: () => ({ status: 'pending', priority: 'urgent', tags: ['moved'] }),
  },
  { method: 'GET', path: '/api/v1/conversations/:id/messages', access: 'agent', idKind: 'conversation' },
  {
    method: 'POST',
    path: '/api/v1/conversations/:id/messages',
    access: 'agent',
    idKind: 'conversation',
    body: (_o, n) => ({ direction: 'note', text: `note ${n}` }),
  },
  { method: 'GET', path: '/api/v1/conversations/:id/routing', access: 'agent', idKind: 'conversation' },
  // 200 for the caller's own conversation: routing it again creates no resource.
  { method: 'POST', path: '/api/v1/conversations/:id/route', access: 'agent', idKind: 'conversation', ownStatus: 200 },
  { method: 'GET', path: '/api/v1/routing', access: 'lead' },
  {
    method: 'PUT',
    path: '/api/v1/routing',
    access: 'lead',
    body: (own, n) => ({
      rules: [{ name: `Finnish ${n}`, when: { languages: ['fi'] }, teamId: own.team }],
      chains: [],
      teams: [{ teamId: own.team, mode: 'least_loaded', bar: 'working', fallbacks: [{ from: 'sv', to: 'fi', bar: 'fluent' }] }],
    }),
  },
  { method: 'GET', path: '/api/v1/customers', access: 'agent' },
  {
    method: 'POST',
    path: '/api/v1/customers',
    access: 'agent',
    body: (_o, n) => ({ name: `Customer ${n}`, emails: [`cust-${n}@example.org`] }),
  },
  { method: 'GET', path: '/api/v1/customers/:id', access: 'agent', idKind: 'customer' },
  {
    method: 'PATCH',
    path: '/api/v1/customers/:id',
    access: 'agent',
    idKind: 'customer',
    body: (_o, n) => ({ name: `Renamed ${n}`, tier: 'gold' }),
  },
  { method: 'GET', path: '/api/v1/customers/:id/culture', access: 'agent', idKind: 'customer' },
  { method: 'GET', path: '/api/v1/cultures', access: 'agent' },
  { method: 'GET', path: '/api/v1/cultures/:locale', access: 'agent', params: { locale: 'de-AT' } },
  { method: 'GET', path: '/api/v1/agents', access: 'agent' },
  { method: 'POST', path: '/api/v1/agents', access: 'admin', body: (_o, n) => ({ email: `agent-${n}@example.org`, name: `Agent ${n}` }) },
  { method: 'GET', path: '/api/v1/agents/:id', access: 'agent', idKind: 'agent' },
  // Agents change their own presence; changing someone else's takes a lead (the admin token here).
  {
    method: 'PATCH',
    path: '/api/v1/agents/:id',
    access: 'agent',
    idKind: 'agent',
    body: (_o, n) => ({ name: `Agent ${n}`, status: 'away' }),
  },
  { method: 'GET', path: '/api/v1/teams', access: 'agent' },
  { method: 'POST', path: '/api/v1/teams', access: 'lead', body: (_o, n) => ({ name: `Team ${n}`, timeZone: 'Europe/Berlin' }) },
  { method: 'POST', path: '/api/v1/translate/preview', access: 'agent', body: () => ({ text: 'Hello', source: 'en', target: 'es' }) },
  { method: 'POST', path: '/api/v1/language/detect', access: 'agent', body: () => ({ texts: ['Hello, where is my parcel?'] }) },
  { method: 'GET', path: '/api/v1/reports/coverage', access: 'lead' },
  { method: 'GET', path: '/api/v1/reports/volume', access: 'lead' },
  { method: 'GET', path: '/api/v1/feedback/summary', access: 'lead' },
  { method: 'GET', path: '/api/v1/feedback/responses', access: 'lead' },
  { method: 'GET', path: '/api/v1/feedback/responses.csv', access: 'lead' },
  {
    method: 'POST',
    path: '/api/v1/replies/check',
    access: 'agent',
    body: (own) => ({ text: 'Hello', language: 'en', conversationId: own.conversation }),
  },
  { method: 'GET', path: '/api/v1/teams/:id', access: 'agent', idKind: 'team' },
  {
    method: 'PATCH',
    path: '/api/v1/teams/:id',
    access: 'lead',
    idKind: 'team',
    body: (own, n) => ({ name: `Renamed team ${n}`, languages: ['fi'], calendarId: own.calendar }),
  },
  { method: 'GET', path: '/api/v1/calendars', access: 'agent' },
  {
    method: 'POST',
    path: '/api/v1/calendars',
    access: 'lead',
    body: (_o, n) => ({ name: `Calendar ${n}`, definition: CALENDAR_DEFINITION }),
  },
  { method: 'GET', path: '/api/v1/calendars/:id', access: 'agent', idKind: 'calendar' },
  {
    method: 'PATCH',
    path: '/api/v1/calendars/:id',
    access: 'lead',
    idKind: 'calendar',
    body: (_o, n) => ({ name: `Renamed calendar ${n}`, definition: { ...CALENDAR_DEFINITION, holidays: { country: 'SE' } } }),
  },
  // 200 for the caller's own calendar: computing a due time creates nothing.
  {
    method: 'POST',
    path: '/api/v1/calendars/:id/add',
    access: 'agent',
    idKind: 'calendar',
    ownStatus: 200,
    body: () => ({ from: '2026-03-06T15:00:00Z', minutes: 120 }),
  },
  { method: 'GET', path: '/api/v1/calendars/:id/openings', access: 'agent', idKind: 'calendar' },
  { method: 'GET', path: '/api/v1/sla/policies', access: 'agent' },
  {
    method: 'POST',
    path: '/api/v1/sla/policies',
    access: 'lead',
    body: (_o, n) => ({ name: `Policy ${n}`, when: { channels: ['chat'] }, targets: { firstReply: { minutes: 30 } } }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/sla/policies/:id',
    access: 'lead',
    idKind: 'slaPolicy',
    body: (_o, n) => ({ name: `Renamed policy ${n}`, position: 3, targets: { resolution: { minutes: 480, time: 'calendar' } } }),
  },
  { method: 'POST', path: '/api/v1/messages/:id/approve', access: 'agent', idKind: 'message', ownStatus: 409 },
  // 409 for the caller's own message: it is not held for review.
  {
    method: 'PUT',
    path: '/api/v1/messages/:id/translation',
    access: 'agent',
    idKind: 'message',
    ownStatus: 409,
    body: () => ({ text: 'Hola' }),
  },
  { method: 'GET', path: '/api/v1/templates', access: 'agent' },
  {
    method: 'POST',
    path: '/api/v1/templates',
    access: 'lead',
    body: (_o, n) => ({ key: `tpl-${n}`, name: 'T', sourceLocale: 'en', variants: [{ locale: 'en', body: 'Hi {customerName}' }] }),
  },
  { method: 'GET', path: '/api/v1/templates/:id', access: 'agent', idKind: 'template' },
  {
    method: 'PUT',
    path: '/api/v1/templates/:id/variants',
    access: 'lead',
    idKind: 'template',
    body: () => ({ locale: 'de', body: 'Hallo' }),
  },
  // 503 for the caller's own template: no engine here drafts into Finnish.
  {
    method: 'POST',
    path: '/api/v1/templates/:id/variants/draft',
    access: 'lead',
    idKind: 'template',
    ownStatus: 503,
    body: () => ({ locale: 'fi' }),
  },
  {
    method: 'POST',
    path: '/api/v1/templates/:id/render',
    access: 'agent',
    idKind: 'template',
    ownStatus: 200,
    body: (o) => ({ conversationId: o.conversation }),
  },
  { method: 'GET', path: '/api/v1/settings/translation', access: 'lead' },
  // No engine here: A stays on the server default, so nothing in this file calls out to one.
  {
    method: 'PATCH',
    path: '/api/v1/settings/translation',
    access: 'admin',
    body: () => ({ discloseMachineTranslation: true, criticalKeywords: { warranty: { en: ['warranty claim'] } } }),
  },
  { method: 'GET', path: '/api/v1/settings/acknowledgements', access: 'admin' },
  { method: 'PUT', path: '/api/v1/settings/acknowledgements', access: 'admin', body: () => ({ enabled: false, windowMinutes: 60 }) },
  { method: 'GET', path: '/api/v1/surveys/settings', access: 'lead' },
  { method: 'PUT', path: '/api/v1/surveys/settings', access: 'lead', body: () => ({ kind: 'nps', delayMinutes: 30 }) },
  { method: 'GET', path: '/api/v1/conversations/:id/survey', access: 'agent', idKind: 'conversation' },
  { method: 'GET', path: '/api/v1/glossary', access: 'agent' },
  {
    method: 'POST',
    path: '/api/v1/glossary',
    access: 'lead',
    body: (_o, n) => ({ term: `Term ${n}`, language: 'en', translations: { de: `Begriff ${n}` } }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/glossary/:id',
    access: 'lead',
    idKind: 'glossary',
    body: (_o, n) => ({ term: `Renamed term ${n}`, translations: { de: `Umbenannt ${n}` } }),
  },
  // Last of the glossary routes: the own-id check deletes A's seeded term.
  { method: 'DELETE', path: '/api/v1/glossary/:id', access: 'lead', idKind: 'glossary' },
  {
    method: 'POST',
    path: '/api/v1/conversations/:id/scheduled-messages',
    access: 'agent',
    idKind: 'conversation',
    body: (_o, n) => ({ text: `later ${n}`, sendAt: 'customer_business_hours' }),
  },
  { method: 'GET', path: '/api/v1/conversations/:id/scheduled-messages', access: 'agent', idKind: 'conversation' },
  { method: 'DELETE', path: '/api/v1/scheduled-messages/:id', access: 'agent', idKind: 'scheduledMessage' },
  {
    method: 'POST',
    path: '/api/v1/conversations/:id/snooze',
    access: 'agent',
    idKind: 'conversation',
    body: () => ({ until: 'customer_business_hours' }),
  },
  {
    method: 'POST',
    path: '/api/v1/conversations/:id/reminders',
    access: 'agent',
    idKind: 'conversation',
    body: (_o, n) => ({ at: 'next_business_morning', note: `follow up ${n}` }),
  },
  { method: 'GET', path: '/api/v1/conversations/:id/snoozes', access: 'agent', idKind: 'conversation' },
  { method: 'GET', path: '/api/v1/mail/imap', access: 'admin' },
  {
    method: 'PUT',
    path: '/api/v1/mail/imap',
    access: 'admin',
    body: (_o, n) => ({
      host: 'imap.example.com',
      port: 993,
      security: 'tls',
      username: `support-${n}@example.com`,
      password: 'imap secret',
    }),
  },
  // No mailbox in A: 404 when an admin asks; the route is here for its role and credential checks.
  { method: 'POST', path: '/api/v1/mail/imap/poll', access: 'admin' },
  { method: 'GET', path: '/api/v1/mail/addresses', access: 'admin' },
  { method: 'POST', path: '/api/v1/mail/addresses', access: 'admin', body: (_o, n) => ({ address: `help-${n}@tenancy.example` }) },
  { method: 'DELETE', path: '/api/v1/mail/addresses/:id', access: 'admin', idKind: 'mailAddress' },
  { method: 'GET', path: '/api/v1/mail/failing-addresses', access: 'agent' },
  // Nothing bounced in A: 404 for an admin; here for its role and credential checks.
  { method: 'DELETE', path: '/api/v1/mail/failing-addresses/:address', access: 'admin', params: { address: 'gone@example.org' } },
  { method: 'GET', path: '/api/v1/mail/quarantine', access: 'admin' },
  { method: 'GET', path: '/api/v1/mail/quarantine/:id', access: 'admin', idKind: 'quarantine' },
  { method: 'GET', path: '/api/v1/mail/quarantine/:id/raw', access: 'admin', idKind: 'quarantine' },
  { method: 'POST', path: '/api/v1/mail/quarantine/:id/reprocess', access: 'admin', idKind: 'quarantine', ownStatus: 200 },
  { method: 'GET', path: '/api/v1/conversations/:id/attachments', access: 'agent', idKind: 'conversation' },
  { method: 'GET', path: '/api/v1/attachments/:id', access: 'agent', idKind: 'attachment' },
  { method: 'GET', path: '/api/v1/mail/settings', access: 'admin' },
  {
    method: 'PUT',
    path: '/api/v1/mail/settings',
    access: 'admin',
    body: (_o, n) => ({
      fromName: `Support ${n}`,
      relayUrl: 'smtp://relay.example.com:587',
      relayUser: 'u',
      relayPassword: 'relay secret',
    }),
  },
  { method: 'GET', path: '/api/v1/mail/outbox', access: 'agent' },
  // The seeded reply's mail is queued: retrying it is a 409 for its own workspace.
  { method: 'POST', path: '/api/v1/mail/outbox/:id/retry', access: 'admin', idKind: 'mailOutbox', ownStatus: 409 },
  { method: 'GET', path: '/api/v1/channels', access: 'admin' },
  {
    method: 'POST',
    path: '/api/v1/channels',
    access: 'admin',
    body: (_o, n) => ({
      kind: 'telegram',
      name: `Bot ${n}`,
      secrets: { botToken: `${n}:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw`, secretToken: `s${n}` },
    }),
  },
  { method: 'GET', path: '/api/v1/channels/:id', access: 'admin', idKind: 'channelAccount' },
  { method: 'PATCH', path: '/api/v1/channels/:id', access: 'admin', idKind: 'channelAccount', body: (_o, n) => ({ name: `Renamed ${n}` }) },
  { method: 'DELETE', path: '/api/v1/channels/:id', access: 'admin', idKind: 'spareChannelAccount' },
  { method: 'GET', path: '/api/v1/changes', access: 'agent' },
  {
    method: 'POST',
    path: '/api/v1/changes',
    access: 'lead',
    body: (_o, n) => ({ title: `Change ${n}`, description: 'Invoices in Portuguese', sourceLanguage: 'en', texts: { pt: 'Faturas' } }),
  },
  { method: 'GET', path: '/api/v1/changes/:id', access: 'agent', idKind: 'change' },
  { method: 'PATCH', path: '/api/v1/changes/:id', access: 'lead', idKind: 'change', body: (_o, n) => ({ title: `Renamed ${n}` }) },
  // 200: linking adds links to the change, it creates no resource.
  {
    method: 'POST',
    path: '/api/v1/changes/:id/links',
    access: 'lead',
    idKind: 'change',
    ownStatus: 200,
    body: (own) => ({ conversationIds: [own.conversation] }),
  },
  { method: 'GET', path: '/api/v1/changes/:id/links', access: 'agent', idKind: 'change' },
  { method: 'POST', path: '/api/v1/changes/:id/announce', access: 'lead', idKind: 'change', ownStatus: 200 },
  // A's own link (its id is set when A is seeded): B's change with it is a 404 like any other.
  { method: 'DELETE', path: '/api/v1/changes/:id/links/:linkId', access: 'lead', idKind: 'change', params: CHANGE_LINK },
  { method: 'DELETE', path: '/api/v1/changes/:id', access: 'lead', idKind: 'spareChange' },
  { method: 'GET', path: '/api/v1/conversations/:id/changes', access: 'agent', idKind: 'conversation' },
  { method: 'GET', path: '/api/v1/channels/outbox', access: 'lead' },
  // The seeded WhatsApp reply is queued: retrying it is a 409 for its own workspace.
  { method: 'POST', path: '/api/v1/channels/outbox/:id/retry', access: 'lead', idKind: 'channelOutbox', ownStatus: 409 },
  // The seeded conversation is an e-mail one: a template is a 409 for its own workspace.
  {
    method: 'POST',
    path: '/api/v1/conversations/:id/whatsapp/template',
    access: 'agent',
    idKind: 'conversation',
    ownStatus: 409,
    body: () => ({ name: 'order_update', language: 'en_US' }),
  },
  {
    method: 'POST',
    path: '/api/v1/conversations/:id/calls',
    access: 'agent',
    idKind: 'conversation',
    body: (_o, n) => ({ direction: 'inbound', outcome: 'answered', durationSeconds: 60 + n, from: '+358401112233', notes: `call ${n}` }),
  },
  { method: 'GET', path: '/api/v1/conversations/:id/calls', access: 'agent', idKind: 'conversation' },
  {
    method: 'POST',
    path: '/api/v1/calls',
    access: 'agent',
    body: (o, n) => ({ direction: 'outbound', outcome: 'missed', durationSeconds: 0, notes: `call ${n}`, customer: { id: o.customer } }),
  },
  { method: 'GET', path: '/api/v1/mentions', access: 'agent' },
  // Mentions belong to a signed-in agent: a token (as here) is refused whatever it names.
  { method: 'POST', path: '/api/v1/mentions/read', access: 'agent', body: (own) => ({ conversationId: own.conversation }) },
  { method: 'GET', path: '/api/v1/blocked-senders', access: 'lead' },
  { method: 'DELETE', path: '/api/v1/blocked-senders/:id', access: 'lead', idKind: 'blockedSender' },
  // 200 for the caller's own conversation: marking is not a create. Unmarking next reopens it.
  { method: 'POST', path: '/api/v1/conversations/:id/spam', access: 'agent', idKind: 'conversation', ownStatus: 200 },
  { method: 'DELETE', path: '/api/v1/conversations/:id/spam', access: 'agent', idKind: 'conversation', ownStatus: 200 },
  { method: 'GET', path: '/api/v1/stream', access: 'agent', skipInject: true },
  { method: 'GET', path: '/api/v1/widget/settings', access: 'admin' },
  { method: 'PUT', path: '/api/v1/widget/settings', access: 'admin', body: (own) => ({ enabled: true, teamId: own.team }) },
  { method: 'POST', path: '/api/v1/widget/settings/rotate', access: 'admin', body: () => ({ what: 'secret' }) },
  // Public: the widget names its workspace by key; an unknown key is a 404 like any missing row.
  { method: 'GET', path: '/api/v1/widget/config', access: 'public' },
  { method: 'POST', path: '/api/v1/widget/sessions', access: 'public', body: () => ({ key: `wk_${'k'.repeat(22)}` }) },
  {
    method: 'POST',
    path: '/api/v1/widget/identify',
    access: 'public',
    body: () => ({ key: `wk_${'k'.repeat(22)}`, visitorToken: `wv_${'v'.repeat(43)}`, id: 'user-1', hash: '00' }),
  },
  {
    method: 'POST',
    path: '/api/v1/widget/offline',
    access: 'public',
    body: (_o, n) => ({
      key: `wk_${'k'.repeat(22)}`,
      visitorToken: `wv_${'v'.repeat(43)}`,
      email: `offline-${n}@example.org`,
      text: 'hello',
      clientId: `client-${n}-0000`,
    }),
  },
  { method: 'GET', path: '/api/v1/widget/socket', access: 'public', skipInject: true },
  // Public upload: the file is the body; without the widget headers it is a 400.
  { method: 'POST', path: '/api/v1/widget/attachments', access: 'public' },
  // Public: the signed link names its workspace and survey (a made-up one is 404 survey_link_invalid); a link of one
  // workspace never reaches another's survey: surveys/survey-page.api.test.ts tries it. The HTML page /s/:token is hidden.
  { method: 'POST', path: '/api/v1/public/surveys/answer', access: 'public', body: () => ({ token: `v1.${'0'.repeat(20)}`, score: 3 }) },
  // 204: typing is relayed, not stored.
  {
    method: 'POST',
    path: '/api/v1/conversations/:id/typing',
    access: 'agent',
    idKind: 'conversation',
    body: () => ({ on: true }),
    ownStatus: 204,
  },
];

const ID_ROUTES = ROUTES.filter((r) => r.idKind);
// HEAD is served for every GET by Fastify; it must not leak existence either.
const ID_ROUTES_WITH_HEAD: RouteCase[] = [
  ...ID_ROUTES,
  ...ID_ROUTES.filter((r) => r.method === 'GET').map((r) => ({ ...r, method: 'HEAD' as const, body: undefined })),
];

const urlFor = (r: RouteCase, id?: string) => r.path.replace(/:(\w+)/g, (m, k: string) => (k === 'id' ? (id ?? '') : (r.params?.[k] ?? m)));

/** Body fields a client must never be able to set; value is what an attacker would send. */
const FORBIDDEN_FIELDS = (b: Ids): Record<string, unknown> => ({
  workspaceId: b.workspace,
  workspace_id: b.workspace,
  role: 'admin',
  passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$AAAA$BBBB',
  password_hash: '$argon2id$v=19$m=65536,t=3,p=4$AAAA$BBBB',
});

/** Where each forbidden field may be smuggled: route, and an optional nested object inside the body. */
interface Smuggle {
  route: RouteCase;
  /** Nested object key to put the field into (e.g. the conversation's `customer`). */
  into?: string;
  /** Fields that are legitimate on this route and so not forbidden there. */
  allowed?: string[];
}
const find = (method: Method, path: string): RouteCase => {
  const r = ROUTES.find((x) => x.method === method && x.path === path);
  if (!r) throw new Error(`no route ${method} ${path} in the table`);
  return r;
};
const SMUGGLE: Smuggle[] = [
  { route: find('POST', '/api/v1/customers') },
  { route: find('PATCH', '/api/v1/customers/:id') },
  { route: find('POST', '/api/v1/conversations') },
  { route: find('POST', '/api/v1/conversations'), into: 'customer' },
  { route: find('POST', '/api/v1/conversations'), into: 'message' },
  { route: find('PATCH', '/api/v1/conversations/:id') },
  { route: find('POST', '/api/v1/conversations/:id/messages') },
  { route: find('POST', '/api/v1/conversations/bulk') },
  { route: find('POST', '/api/v1/conversations/bulk'), into: 'action' },
  // `role` is a real field of agents; a workspace or a password hash is not.
  { route: find('POST', '/api/v1/agents'), allowed: ['role'] },
  { route: find('POST', '/api/v1/teams') },
  { route: find('PATCH', '/api/v1/teams/:id') },
  { route: find('POST', '/api/v1/calendars') },
  { route: find('POST', '/api/v1/calendars'), into: 'definition' },
  { route: find('PATCH', '/api/v1/calendars/:id') },
  { route: find('POST', '/api/v1/sla/policies') },
  { route: find('POST', '/api/v1/sla/policies'), into: 'targets' },
  { route: find('PATCH', '/api/v1/sla/policies/:id') },
  { route: find('PUT', '/api/v1/routing') },
  { route: find('PATCH', '/api/v1/settings/translation') },
  { route: find('PUT', '/api/v1/settings/acknowledgements') },
  { route: find('PUT', '/api/v1/surveys/settings') },
  { route: find('PUT', '/api/v1/mail/imap') },
  { route: find('PUT', '/api/v1/mail/settings') },
  { route: find('POST', '/api/v1/glossary') },
  { route: find('PATCH', '/api/v1/glossary/:id') },
  { route: find('POST', '/api/v1/conversations/:id/scheduled-messages') },
  { route: find('POST', '/api/v1/conversations/:id/snooze') },
  { route: find('POST', '/api/v1/conversations/:id/reminders') },
  { route: find('POST', '/api/v1/conversations/:id/calls') },
  { route: find('POST', '/api/v1/calls') },
  { route: find('POST', '/api/v1/calls'), into: 'customer' },
  { route: find('POST', '/api/v1/conversations/:id/whatsapp/template') },
  { route: find('POST', '/api/v1/changes') },
  { route: find('PATCH', '/api/v1/changes/:id') },
  { route: find('POST', '/api/v1/changes/:id/links') },
];

/** B's own engine (with a key) and keyword lists: nothing of them may show through A's token. */
const B_ENGINE_HOST = 'mt.b-private-engine.invalid';
const B_ENGINE_KEY = 'b-engine-key-3c9d1e';
const B_CATEGORY = 'b_secret_category';

function expectError(
  res: Res,
  status: number,
  code: keyof typeof ERROR_STATUS,
): { code: string; message: string; details?: { path: string; message: string }[] } {
  expect({ status: res.statusCode, body: res.body.slice(0, 500) }).toMatchObject({ status });
  const err = res.json().error;
  expect(err.code).toBe(code);
  expect(ERROR_STATUS[code]).toBe(status);
  expect(typeof err.message).toBe('string');
  return err;
}

describe.each(ENGINES)('tenancy on $engine', (engine) => {
  let h: Harness;
  let A: TestWorkspace;
  let B: TestWorkspace;
  let a: Ids;
  let b: Ids;
  let bAgentEmail: string;
  let bCustomerEmail: string;
  const bPassword = 'correct horse battery staple';
  let n = 0;

  const counts = (workspaceId: string) => rowCounts(h.db, workspaceId);

  /** Everything B can read about its rows, through B's own token, plus row counts. */
  async function snapshot(ws: TestWorkspace, ids: Ids): Promise<unknown> {
    const read = async (url: string) => {
      const res = await call(h, ws.token, 'GET', url);
      expect(res.statusCode, url).toBe(200);
      return res.json();
    };
    return {
      conversation: await read(`/api/v1/conversations/${ids.conversation}`),
      messages: await read(`/api/v1/conversations/${ids.conversation}/messages?limit=200`),
      customer: await read(`/api/v1/customers/${ids.customer}`),
      agent: await read(`/api/v1/agents/${ids.agent}`),
      team: await read(`/api/v1/teams/${ids.team}`),
      calendar: await read(`/api/v1/calendars/${ids.calendar}`),
      calendars: await read('/api/v1/calendars?limit=100'),
      slaPolicies: await read('/api/v1/sla/policies'),
      routing: await read('/api/v1/routing'),
      decisions: await read(`/api/v1/conversations/${ids.conversation}/routing`),
      scheduledMessages: await read(`/api/v1/conversations/${ids.conversation}/scheduled-messages`),
      snoozes: await read(`/api/v1/conversations/${ids.conversation}/snoozes`),
      calls: await read(`/api/v1/conversations/${ids.conversation}/calls`),
      blockedSenders: await read('/api/v1/blocked-senders?limit=100'),
      conversations: await read('/api/v1/conversations?limit=100'),
      customers: await read('/api/v1/customers?limit=100'),
      agents: await read('/api/v1/agents?limit=100'),
      teams: await read('/api/v1/teams?limit=100'),
      glossary: await read('/api/v1/glossary'),
      translationSettings: await read('/api/v1/settings/translation'),
      ackSettings: await read('/api/v1/settings/acknowledgements'),
      surveySettings: await read('/api/v1/surveys/settings'),
      survey: await read(`/api/v1/conversations/${ids.conversation}/survey`),
      mailSettings: await read('/api/v1/mail/settings'),
      mailOutbox: await read('/api/v1/mail/outbox'),
      channels: await read('/api/v1/channels'),
      channelOutbox: await read('/api/v1/channels/outbox'),
      changes: await read('/api/v1/changes?limit=100'),
      changeLinks: await read(`/api/v1/changes/${ids.change}/links?limit=100`),
      conversationChanges: await read(`/api/v1/conversations/${ids.conversation}/changes`),
      counts: await counts(ids.workspace),
    };
  }

  async function seed(ws: TestWorkspace, label: string): Promise<{ ids: Ids; agentEmail: string; customerEmail: string }> {
    const post = async (url: string, body: unknown) => {
      const res = await call(h, ws.token, 'POST', url, body);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
      return res.json();
    };
    const agentEmail = `${label}-agent@example.com`;
    const customerEmail = `${label}-customer@example.com`;
    const agent = await post('/api/v1/agents', {
      email: agentEmail,
      name: `${label} agent`,
      password: bPassword,
      languages: [{ tag: 'fi', proficiency: 'native' }],
    });
    const calendar = await post('/api/v1/calendars', { name: `${label} calendar`, definition: CALENDAR_DEFINITION });
    const slaPolicy = await post('/api/v1/sla/policies', {
      name: `${label} policy`,
      when: { priorities: ['urgent'], countries: ['FI'] },
      targets: { firstReply: { minutes: 30 }, resolution: { minutes: 480 } },
      escalation: { notifyLead: true },
    });
    const team = await post('/api/v1/teams', {
      name: `${label} team`,
      timeZone: 'Europe/Helsinki',
      languages: [`fi`, label === 'b' ? 'sw' : 'en'],
      memberIds: [agent.id],
      calendarId: calendar.id,
    });
    const spare = await post('/api/v1/teams', { name: `${label} spare team`, timeZone: 'UTC', languages: ['sv'] });
    const routing = await call(h, ws.token, 'PUT', '/api/v1/routing', {
      rules: [{ name: `${label} Finnish`, when: { languages: ['fi'], countries: ['FI'] }, teamId: team.id }],
      chains: [{ name: `${label} chain`, teamIds: [team.id, spare.id] }],
      teams: [{ teamId: team.id, fallbacks: [{ from: 'et', to: 'fi', bar: 'working' }] }],
    });
    expect(routing.statusCode, routing.body).toBe(200);
    const customer = await post('/api/v1/customers', {
      name: `${label} Secret Customer`,
      emails: [customerEmail],
      phones: [label === 'b' ? '+358401234567' : '+358407654321'],
      country: 'FI',
    });
    const conversation = await post('/api/v1/conversations', {
      customer: { id: customer.id },
      channel: 'email',
      subject: `${label} private subject`,
      teamId: team.id,
      assigneeId: agent.id,
      tags: [`${label}-tag`],
      message: { text: `${label} first message` },
    });
    const message = await post(`/api/v1/conversations/${conversation.id}/messages`, { direction: 'outbound', text: `${label} reply` });
    const template = await post('/api/v1/templates', {
      key: `${label}-template`,
      name: `${label} template`,
      sourceLocale: 'en',
      variants: [{ locale: 'en', body: `${label} says hi to {customerName}` }],
    });
    const glossary = await post('/api/v1/glossary', {
      term: `${label} Secret Term`,
      language: 'en',
      translations: { de: `${label} Geheimbegriff` },
      note: `${label} private note`,
    });
    // A second term, so the list still has one after the own-id check deletes the first.
    await post('/api/v1/glossary', { term: `${label} Product`, note: 'product name' });
    const scheduled = await post(`/api/v1/conversations/${conversation.id}/scheduled-messages`, {
      text: `${label} later`,
      sendAt: 'next_business_morning',
    });
    const mailbox = await post('/api/v1/mail/addresses', { address: `support-${label}@tenancy.example` });
    const mailed = await h.mailIngest.ingest(
      rawMail(
        {
          From: customerEmail,
          To: mailbox.address,
          Subject: `${label} mailed subject`,
          'Message-ID': `<${label}-mailed@tenancy.example>`,
          'MIME-Version': '1.0',
          'Content-Type': 'multipart/mixed; boundary="b"',
        },
        `--b\nContent-Type: text/plain\n\n${label} mailed text\n--b\nContent-Type: text/plain; name="${label}-secret.txt"\nContent-Disposition: attachment; filename="${label}-secret.txt"\n\n${label} secret file\n--b--\n`,
      ),
      { workspaceId: ws.id, mailFrom: customerEmail, rcptTo: [mailbox.address], receivedVia: 'smtp' },
    );
    expect(mailed.kind).toBe('created');
    const mailedId = (mailed as { conversationId: string }).conversationId;
    const attachments = await call(h, ws.token, 'GET', `/api/v1/conversations/${mailedId}/attachments`);
    // Mail from the workspace's own address is a loop: quarantined.
    const looped = await h.mailIngest.ingest(
      rawMail(
        { From: mailbox.address, To: mailbox.address, Subject: `${label} looped`, 'Message-ID': `<${label}-loop@tenancy.example>` },
        'loop',
      ),
      { workspaceId: ws.id, mailFrom: mailbox.address, rcptTo: [mailbox.address], receivedVia: 'smtp' },
    );
    expect(looped.kind).toBe('quarantined');
    // The reply's e-mail, queued as the outbox handler would.
    const queued = await h.db.transaction((tx) => queueOutboundMail(tx, ws.id, message.id, h.clock()));
    expect(queued.kind).toBe('queued');
    // Two SMS conversations marked as spam: their senders are blocked (the list keeps one after the own-id check lifts the other).
    const blocks: string[] = [];
    for (const i of [1, 2]) {
      const spammy = await post('/api/v1/conversations', {
        customer: { email: `${label}-spammer-${i}@example.com` },
        channel: 'sms',
        message: { text: `${label} spam ${i}`, channelMeta: { from: `+35840999${label === 'b' ? 1 : 2}00${i}` } },
      });
      const spam = await call(h, ws.token, 'POST', `/api/v1/conversations/${spammy.id}/spam`);
      expect(spam.statusCode, spam.body).toBe(200);
      blocks.push(spam.json().block.id);
    }
    const channel = await post('/api/v1/channels', {
      kind: 'whatsapp',
      name: `${label} WhatsApp`,
      settings: { phoneNumberId: '106540352242922' },
      secrets: { appSecret: `${label}-app-secret`, accessToken: `${label}-token`, verifyToken: `${label}-verify` },
    });
    const spareChannel = await post('/api/v1/channels', {
      kind: 'sms',
      name: `${label} SMS`,
      settings: { accountSid: `AC${'0'.repeat(32)}`, fromNumber: '+15005550006' },
      secrets: { authToken: '0123456789abcdef0123456789abcdef' },
    });
    const channelOutbox = await seedQueuedChannelMessage(h, ws, label);
    const change = await post('/api/v1/changes', { title: `${label} change`, description: `${label} secret change`, sourceLanguage: 'en' });
    const spareChange = await post('/api/v1/changes', { title: `${label} draft`, description: `${label} draft`, sourceLanguage: 'en' });
    const linked = await call(h, ws.token, 'POST', `/api/v1/changes/${change.id}/links`, { conversationIds: [conversation.id] });
    expect(linked.statusCode, linked.body).toBe(200);
    if (label === 'a') CHANGE_LINK.linkId = (await call(h, ws.token, 'GET', `/api/v1/changes/${change.id}/links`)).json().data[0].id;
    return {
      ids: {
        workspace: ws.id,
        agent: agent.id,
        team: team.id,
        customer: customer.id,
        conversation: conversation.id,
        message: message.id,
        template: template.id,
        glossary: glossary.id,
        calendar: calendar.id,
        slaPolicy: slaPolicy.id,
        scheduledMessage: scheduled.id,
        mailAddress: mailbox.id,
        quarantine: (looped as { quarantineId: string }).quarantineId,
        attachment: attachments.json().data[0].id,
        mailOutbox: (queued as { row: { id: string } }).row.id,
        blockedSender: blocks[0]!,
        channelAccount: channel.id,
        spareChannelAccount: spareChannel.id,
        channelOutbox,
        change: change.id,
        spareChange: spareChange.id,
      },
      agentEmail,
      customerEmail,
    };
  }

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    A = await makeWorkspace(h);
    B = await makeWorkspace(h);
    a = (await seed(A, 'a')).ids;
    const sb = await seed(B, 'b');
    b = sb.ids;
    // B has its own engine, key and keyword lists; A stays on the server default.
    const bSettings = await call(h, B.token, 'PATCH', '/api/v1/settings/translation', {
      provider: { kind: 'libretranslate', baseUrl: `https://${B_ENGINE_HOST}`, apiKey: B_ENGINE_KEY },
      discloseMachineTranslation: true,
      criticalKeywords: { [B_CATEGORY]: { en: ['b secret keyword'] } },
    });
    expect(bSettings.statusCode, bSettings.body).toBe(200);
    // B acknowledges nobody and would wait 17 minutes between acknowledgements; A keeps the defaults.
    const bAcks = await call(h, B.token, 'PUT', '/api/v1/settings/acknowledgements', { enabled: false, windowMinutes: 17 });
    expect(bAcks.statusCode, bAcks.body).toBe(200);
    bAgentEmail = sb.agentEmail;
    bCustomerEmail = sb.customerEmail;
    // Any write that slipped through would now show up as a changed updatedAt.
    h.clock.advance(60_000);
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('the route table lists every route of the API', async () => {
    const doc = h.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    const listed = ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    expect(listed).toEqual(documented);
  });

  it.skipIf(!engine.available)(
    "A's token gets 404 not_found for every id of B on every route, and B is unchanged",
    async () => {
      const before = await snapshot(B, b);
      const aBefore = await counts(a.workspace);
      for (const route of ID_ROUTES_WITH_HEAD) {
        for (const kind of ID_KINDS) {
          const res = await call(h, A.token, route.method, urlFor(route, b[kind]), route.body?.(a, ++n));
          const where = `${route.method} ${route.path} with B's ${kind}`;
          expect(res.statusCode, where).toBe(404);
          if (route.method !== 'HEAD') expect(res.json().error.code, where).toBe('not_found');
        }
      }
      // The same with an Idempotency-Key: the key must not turn a 404 into a stored response.
      const post = find('POST', '/api/v1/conversations/:id/messages');
      const res = await call(h, A.token, 'POST', urlFor(post, b.conversation), post.body!(a, ++n), { 'idempotency-key': 'tenancy-404' });
      expectError(res, 404, 'not_found');
      expect(await snapshot(B, b)).toEqual(before);
      expect(await counts(a.workspace)).toEqual(aBefore);
      // Every route × every kind of id: slow on a loaded 2-core machine, not stuck.
    },
    240_000,
  );

  it.skipIf(!engine.available)("the same routes answer A's own ids (so the 404s above mean isolation, not breakage)", async () => {
    for (const route of ID_ROUTES_WITH_HEAD) {
      const res = await call(h, A.token, route.method, urlFor(route, a[route.idKind!]), route.body?.(a, ++n));
      const ok = route.method === 'POST' ? 201 : route.method === 'DELETE' ? 204 : 200;
      expect(res.statusCode, `${route.method} ${route.path}: ${res.body}`).toBe(route.ownStatus ?? ok);
    }
  });

  it.skipIf(!engine.available)("a session of B's agent cannot reach A's rows, and B's credentials do not log in to A", async () => {
    const wrong = await call(h, null, 'POST', '/api/v1/auth/login', { workspace: A.slug, email: bAgentEmail, password: bPassword });
    expectError(wrong, 401, 'invalid_credentials');
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const ok = await call(h, null, 'POST', '/api/v1/auth/login', { workspace: B.slug, email: bAgentEmail, password: bPassword });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().workspace.id).toBe(b.workspace);
    const cookie = String(ok.headers['set-cookie']).split(';')[0]!;
    // Admin-only routes answer an agent 403 before looking at the id, which reveals nothing.
    for (const route of ID_ROUTES.filter((r) => r.method === 'GET' && r.access === 'agent')) {
      const res = await call(h, null, 'GET', urlFor(route, a[route.idKind!]), undefined, { cookie });
      expectError(res, 404, 'not_found');
    }
    const mine = await call(h, null, 'GET', `/api/v1/conversations/${b.conversation}`, undefined, { cookie });
    expect(mine.statusCode).toBe(200);
  });

  interface RefCase {
    name: string;
    method: Method;
    url: () => string;
    body: () => unknown;
    path: string;
  }
  const REF_CASES: RefCase[] = [
    {
      name: "B's conversation linked to A's change",
      method: 'POST',
      url: () => `/api/v1/changes/${a.change}/links`,
      body: () => ({ conversationIds: [a.conversation, b.conversation] }),
      path: 'body/conversationIds/1',
    },
    {
      name: "conversation for B's customer",
      method: 'POST',
      url: () => '/api/v1/conversations',
      body: () => ({ customer: { id: b.customer }, channel: 'email', message: { text: 'x' } }),
      path: 'body/customer/id',
    },
    {
      name: "new conversation (with a new customer) in B's team",
      method: 'POST',
      url: () => '/api/v1/conversations',
      body: () => ({ customer: { email: 'ref-team@example.org' }, channel: 'chat', teamId: b.team, message: { text: 'x' } }),
      path: 'body/teamId',
    },
    {
      name: "new conversation assigned to B's agent",
      method: 'POST',
      url: () => '/api/v1/conversations',
      body: () => ({ customer: { email: 'ref-agent@example.org' }, channel: 'chat', assigneeId: b.agent, message: { text: 'x' } }),
      path: 'body/assigneeId',
    },
    {
      name: "A's conversation moved to B's team",
      method: 'PATCH',
      url: () => `/api/v1/conversations/${a.conversation}`,
      body: () => ({ teamId: b.team }),
      path: 'body/teamId',
    },
    {
      name: "A's conversation assigned to B's agent",
      method: 'PATCH',
      url: () => `/api/v1/conversations/${a.conversation}`,
      body: () => ({ status: 'open', assigneeId: b.agent }),
      path: 'body/assigneeId',
    },
    {
      name: "team with B's agent as member",
      method: 'POST',
      url: () => '/api/v1/teams',
      body: () => ({ name: 'Stolen', timeZone: 'UTC', memberIds: [a.agent, b.agent] }),
      path: 'body/memberIds/1',
    },
    {
      name: "team on B's calendar",
      method: 'POST',
      url: () => '/api/v1/teams',
      body: () => ({ name: 'On B time', timeZone: 'UTC', calendarId: b.calendar }),
      path: 'body/calendarId',
    },
    {
      name: "A's team moved to B's calendar",
      method: 'PATCH',
      url: () => `/api/v1/teams/${a.team}`,
      body: () => ({ name: 'Still A', calendarId: b.calendar }),
      path: 'body/calendarId',
    },
    {
      name: "A's team given B's agent as member",
      method: 'PATCH',
      url: () => `/api/v1/teams/${a.team}`,
      body: () => ({ memberIds: [b.agent] }),
      path: 'body/memberIds/0',
    },
    {
      name: "bulk assignment to B's agent",
      method: 'POST',
      url: () => '/api/v1/conversations/bulk',
      body: () => ({ ids: [a.conversation], action: { assign: { assigneeId: b.agent } } }),
      path: 'body/action/assign/assigneeId',
    },
    {
      name: "routing rule sending to B's team",
      method: 'PUT',
      url: () => '/api/v1/routing',
      body: () => ({ rules: [{ name: 'Stolen', when: {}, teamId: b.team }], chains: [], teams: [] }),
      path: 'body/rules/0/teamId',
    },
    {
      name: "follow-the-sun chain through B's team",
      method: 'PUT',
      url: () => '/api/v1/routing',
      body: () => ({ rules: [], chains: [{ name: 'Stolen', teamIds: [a.team, b.team] }], teams: [] }),
      path: 'body/chains/0/teamIds/1',
    },
    {
      name: "routing settings for B's team",
      method: 'PUT',
      url: () => '/api/v1/routing',
      body: () => ({ rules: [], chains: [], teams: [{ teamId: b.team, mode: 'least_loaded' }] }),
      path: 'body/teams/0/teamId',
    },
    {
      name: "call starting a conversation for B's customer",
      method: 'POST',
      url: () => '/api/v1/calls',
      body: () => ({ direction: 'inbound', outcome: 'answered', durationSeconds: 5, customer: { id: b.customer } }),
      path: 'body/customer/id',
    },
    {
      name: "call starting a conversation (with a new caller) in B's team",
      method: 'POST',
      url: () => '/api/v1/calls',
      body: () => ({ direction: 'inbound', outcome: 'answered', durationSeconds: 5, customer: { phone: '+358401119999' }, teamId: b.team }),
      path: 'body/teamId',
    },
    {
      name: "tone check against B's conversation",
      method: 'POST',
      url: () => '/api/v1/replies/check',
      body: () => ({ text: 'Hello', language: 'en', conversationId: b.conversation }),
      path: 'body/conversationId',
    },
  ];

  it.skipIf(!engine.available)("body references to B's rows are 404 and write nothing in A or B", async () => {
    const aBefore = await snapshot(A, a);
    const bBefore = await snapshot(B, b);
    for (const c of REF_CASES) {
      const res = await call(h, A.token, c.method, c.url(), c.body());
      const err = expectError(res, 404, 'not_found');
      expect(
        err.details?.map((d) => d.path),
        c.name,
      ).toContain(c.path);
    }
    expect(await snapshot(A, a)).toEqual(aBefore);
    expect(await snapshot(B, b)).toEqual(bBefore);
  });

  it.skipIf(!engine.available)("lists with A's token never include B's rows, whatever the filter", async () => {
    const bIds = new Set(Object.values(b));
    const empty = [
      `/api/v1/conversations?customerId=${b.customer}`,
      `/api/v1/conversations?teamId=${b.team}`,
      `/api/v1/conversations?assigneeId=${b.agent}`,
      '/api/v1/conversations?tag=b-tag',
      `/api/v1/conversations?q=${encodeURIComponent(bCustomerEmail)}`,
      `/api/v1/customers?email=${encodeURIComponent(bCustomerEmail)}`,
      `/api/v1/customers?phone=${encodeURIComponent('+358401234567')}`,
      '/api/v1/customers?q=b%20Secret',
      `/api/v1/agents?teamId=${b.team}`,
      '/api/v1/teams?language=sw',
    ];
    for (const url of empty) {
      const res = await call(h, A.token, 'GET', url);
      expect(res.statusCode, url).toBe(200);
      expect(res.json(), url).toEqual({ data: [], nextCursor: null });
    }
    // A cursor taken from B's list pages through A's rows only.
    const bPage = (await call(h, B.token, 'GET', '/api/v1/conversations?limit=1')).json();
    const cursors = [undefined, bPage.nextCursor ?? undefined];
    for (const list of ['conversations', 'customers', 'agents', 'teams', 'calendars', 'blocked-senders', 'changes']) {
      for (const cursor of cursors) {
        const url = `/api/v1/${list}?limit=100${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await call(h, A.token, 'GET', url);
        expect(res.statusCode, url).toBe(200);
        const ids: string[] = res.json().data.map((r: { id: string }) => r.id);
        if (!cursor) expect(ids.length, url).toBeGreaterThan(0);
        expect(
          ids.filter((id) => bIds.has(id)),
          url,
        ).toEqual([]);
      }
    }
    // Asking for another workspace through the query string is an unknown parameter, not a switch.
    for (const list of ['conversations', 'customers', 'agents', 'teams', 'calendars', 'blocked-senders', 'changes']) {
      for (const param of ['workspaceId', 'workspace_id', 'workspace']) {
        const res = await call(h, A.token, 'GET', `/api/v1/${list}?${param}=${b.workspace}`);
        expectError(res, 400, 'validation_failed');
      }
    }
    // The glossary (unpaged) shows A's terms only; the settings say nothing of B's engine, key or lists.
    const bTerms: { id: string; term: string }[] = (await call(h, B.token, 'GET', '/api/v1/glossary')).json().data;
    expect(bTerms.length).toBeGreaterThan(0);
    const bLeaks = (body: string) =>
      [B_ENGINE_HOST, B_ENGINE_KEY, B_CATEGORY, ...bTerms.flatMap((t) => [t.id, t.term])].filter((x) => body.includes(x));
    for (const query of ['', `?workspaceId=${b.workspace}`, `?workspace_id=${b.workspace}`]) {
      const glossary = await call(h, A.token, 'GET', `/api/v1/glossary${query}`);
      const where = `GET /api/v1/glossary${query}`;
      // These routes take no query: a parameter is refused or ignored, never a switch to B.
      if (query && glossary.statusCode === 400) expectError(glossary, 400, 'validation_failed');
      else {
        expect(glossary.statusCode, where).toBe(200);
        const terms: { id: string }[] = glossary.json().data;
        expect(terms.length, where).toBeGreaterThan(0);
        expect(
          terms.map((t) => t.id).filter((id) => bIds.has(id)),
          where,
        ).toEqual([]);
      }
      expect(bLeaks(glossary.body), where).toEqual([]);

      const settings = await call(h, A.token, 'GET', `/api/v1/settings/translation${query}`);
      const at = `GET /api/v1/settings/translation${query}`;
      if (query && settings.statusCode === 400) expectError(settings, 400, 'validation_failed');
      else {
        expect(settings.statusCode, at).toBe(200);
        expect(settings.json(), at).toMatchObject({ provider: null, secretsSet: [], criticalKeywordsCustomized: false });
      }
      expect(bLeaks(settings.body), at).toEqual([]);
    }
    // (B really has them: the checks above are not vacuous.)
    const bSettings = await call(h, B.token, 'GET', '/api/v1/settings/translation');
    expect(bSettings.json()).toMatchObject({ provider: { baseUrl: `https://${B_ENGINE_HOST}` }, secretsSet: ['apiKey'] });
    expect(bSettings.json().criticalKeywords).toHaveProperty(B_CATEGORY);
    // Routing settings (unpaged): A's rules, chain and teams only, though B has its own.
    const aRouting = (await call(h, A.token, 'GET', '/api/v1/routing')).body;
    expect(aRouting).toContain(a.team);
    expect([...bIds].filter((id) => aRouting.includes(id))).toEqual([]);
    expect((await call(h, B.token, 'GET', '/api/v1/routing')).body).toContain(b.team);
    // SLA policies (unpaged): A's own only.
    const policies: { id: string }[] = (await call(h, A.token, 'GET', '/api/v1/sla/policies')).json().data;
    expect(policies.length).toBeGreaterThan(0);
    expect(policies.map((p) => p.id).filter((id) => bIds.has(id))).toEqual([]);
    // Acknowledgement settings: A's own (untouched defaults), never B's.
    expect((await call(h, A.token, 'GET', '/api/v1/settings/acknowledgements')).json()).toEqual({
      enabled: true,
      windowMinutes: 240,
      updatedAt: null,
    });
    expect((await call(h, B.token, 'GET', '/api/v1/settings/acknowledgements')).json()).toMatchObject({
      enabled: false,
      windowMinutes: 17,
    });
  });

  it.skipIf(!engine.available)("bulk actions on B's ids answer not_found per id and leave B unchanged; counts are A's own", async () => {
    const bBefore = await snapshot(B, b);
    const aCounts = (
      await call(h, A.token, 'GET', '/api/v1/inbox/counts?status=new&status=open&status=pending&status=on_hold&status=solved&status=closed')
    ).json();
    const aList = (await call(h, A.token, 'GET', '/api/v1/conversations?limit=100')).json();
    expect(aList.nextCursor).toBeNull();
    expect(aCounts.views.all).toBe(aList.data.length);
    for (const action of [{ status: 'closed' }, { tag: { add: ['stolen'], remove: ['b-tag'] } }, { assign: { assigneeId: null } }]) {
      const res = await call(h, A.token, 'POST', '/api/v1/conversations/bulk', { ids: [b.conversation, a.conversation], action });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().results[0]).toEqual({
        id: b.conversation,
        ok: false,
        error: { code: 'not_found', message: 'conversation not found' },
      });
      expect(res.json().results[1]).toMatchObject({ id: a.conversation, ok: true });
    }
    expect(await snapshot(B, b)).toEqual(bBefore);
  });

  it.skipIf(!engine.available)("uniqueness is per workspace: B's emails and names are free in A (no existence oracle)", async () => {
    const bBefore = await snapshot(B, b);
    const taken = await call(h, B.token, 'GET', `/api/v1/teams/${b.team}`);
    const cases: [string, unknown][] = [
      ['/api/v1/customers', { emails: [bCustomerEmail], phones: ['+358401234567'] }],
      ['/api/v1/agents', { email: bAgentEmail, name: 'Same email, other workspace' }],
      ['/api/v1/teams', { name: taken.json().name, timeZone: 'UTC' }],
      ['/api/v1/calendars', { name: 'b calendar', definition: CALENDAR_DEFINITION }],
      ['/api/v1/sla/policies', { name: 'b policy', targets: { resolution: { minutes: 60 } } }],
      ['/api/v1/conversations', { customer: { email: bCustomerEmail }, channel: 'email', message: { text: 'same address' } }],
    ];
    for (const [url, body] of cases) {
      const res = await call(h, A.token, 'POST', url, body);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
      expect(Object.values(b)).not.toContain(res.json().id);
    }
    // The conversation above went to A's own new customer, not to B's customer with that email.
    const list = (await call(h, A.token, 'GET', `/api/v1/customers?email=${encodeURIComponent(bCustomerEmail)}`)).json();
    expect(list.data).toHaveLength(1);
    expect(list.data[0].id).not.toBe(b.customer);
    expect(await snapshot(B, b)).toEqual(bBefore);
  });

  it.skipIf(!engine.available)('an Idempotency-Key used in B does not replay into A', async () => {
    const route = find('POST', '/api/v1/customers');
    const body = { name: 'Same body', emails: ['same-key@example.org'] };
    const inB = await call(h, B.token, 'POST', route.path, body, { 'idempotency-key': 'shared-key-1' });
    expect(inB.statusCode).toBe(201);
    const inA = await call(h, A.token, 'POST', route.path, body, { 'idempotency-key': 'shared-key-1' });
    expect(inA.statusCode).toBe(201);
    expect(inA.headers['idempotent-replayed']).toBeUndefined();
    expect(inA.json().id).not.toBe(inB.json().id);
    expect((await call(h, A.token, 'GET', `/api/v1/customers/${inB.json().id}`)).statusCode).toBe(404);
    expect((await call(h, B.token, 'GET', `/api/v1/customers/${inA.json().id}`)).statusCode).toBe(404);
  });

  it.skipIf(!engine.available)(
    'body fields that try to set workspace, role or password hash are rejected with 400 and write nothing',
    async () => {
      const aBefore = await snapshot(A, a);
      const bBefore = await snapshot(B, b);
      let tried = 0;
      for (const s of SMUGGLE) {
        for (const [field, value] of Object.entries(FORBIDDEN_FIELDS(b))) {
          if (s.allowed?.includes(field)) continue;
          const body = structuredClone(s.route.body!(a, ++n)) as Record<string, Record<string, unknown>>;
          if (s.into) body[s.into] = { ...body[s.into], [field]: value };
          else (body as Record<string, unknown>)[field] = value;
          const url = urlFor(s.route, s.route.idKind ? a[s.route.idKind] : undefined);
          const res = await call(h, A.token, s.route.method, url, body);
          const where = `${s.route.method} ${s.route.path} ${s.into ? `${s.into}.` : ''}${field}`;
          expect(res.statusCode, `${where}: ${res.body}`).toBe(400);
          const err = res.json().error;
          expect(err.code, where).toBe('validation_failed');
          expect(
            err.details.map((d: { path: string }) => d.path),
            where,
          ).toContain(`body/${s.into ? `${s.into}/` : ''}${field}`);
          tried++;
        }
      }
      expect(tried).toBeGreaterThanOrEqual(40);
      expect(await snapshot(A, a)).toEqual(aBefore);
      expect(await snapshot(B, b)).toEqual(bBefore);
      // The agent created through the API never gets a caller-chosen hash: only `password` sets one.
      const rows = await h.db.query<{ password_hash: string | null }>(
        'SELECT password_hash FROM agents WHERE workspace_id = $1 AND password_hash LIKE $2',
        [a.workspace, '%AAAA$BBBB'],
      );
      expect(rows.rows).toEqual([]);
    },
  );

  interface RoleCase {
    role: Role;
    route: RouteCase;
    status: 200 | 201 | 403;
  }
  const ROLE_CASES: RoleCase[] = [
    { role: 'agent', route: find('POST', '/api/v1/agents'), status: 403 },
    { role: 'agent', route: find('POST', '/api/v1/teams'), status: 403 },
    { role: 'lead', route: find('POST', '/api/v1/agents'), status: 403 },
    { role: 'lead', route: find('POST', '/api/v1/teams'), status: 201 },
    { role: 'admin', route: find('POST', '/api/v1/agents'), status: 201 },
    { role: 'admin', route: find('POST', '/api/v1/teams'), status: 201 },
    { role: 'agent', route: find('PUT', '/api/v1/routing'), status: 403 },
    { role: 'lead', route: find('PUT', '/api/v1/routing'), status: 200 },
    { role: 'agent', route: find('POST', '/api/v1/conversations'), status: 201 },
    { role: 'agent', route: find('POST', '/api/v1/customers'), status: 201 },
    { role: 'agent', route: find('POST', '/api/v1/glossary'), status: 403 },
    { role: 'lead', route: find('POST', '/api/v1/glossary'), status: 201 },
    { role: 'lead', route: find('PATCH', '/api/v1/settings/translation'), status: 403 },
    { role: 'admin', route: find('PATCH', '/api/v1/settings/translation'), status: 200 },
    { role: 'lead', route: find('PUT', '/api/v1/settings/acknowledgements'), status: 403 },
    { role: 'admin', route: find('PUT', '/api/v1/settings/acknowledgements'), status: 200 },
    { role: 'agent', route: find('POST', '/api/v1/calendars'), status: 403 },
    { role: 'lead', route: find('POST', '/api/v1/calendars'), status: 201 },
    { role: 'agent', route: find('POST', '/api/v1/sla/policies'), status: 403 },
    { role: 'lead', route: find('POST', '/api/v1/sla/policies'), status: 201 },
  ];

  it.skipIf(!engine.available)('roles: agents cannot create agents or teams, leads can create teams but not agents', async () => {
    for (const c of ROLE_CASES) {
      const token = await A.tokenFor(c.role);
      const before = await counts(a.workspace);
      const res = await call(h, token, c.route.method, c.route.path, c.route.body!(a, ++n));
      const where = `${c.role} ${c.route.method} ${c.route.path}`;
      if (c.status === 403) {
        expect(res.statusCode, where).toBe(403);
        expect(res.json().error.code, where).toBe('forbidden');
        expect(await counts(a.workspace), where).toEqual(before);
        // Refused before the body is looked at: a bad body is still 403, not 400.
        const bad = await call(h, token, c.route.method, c.route.path, { nonsense: true });
        expect(bad.statusCode, where).toBe(403);
      } else {
        expect(res.statusCode, `${where}: ${res.body}`).toBe(c.status);
      }
    }
    // Every route's declared least role is enforced: one rank below it is forbidden.
    const below: Record<Role, Role | null> = { admin: 'lead', lead: 'agent', agent: null };
    for (const route of ROUTES.filter((r) => r.access !== 'public' && !r.skipInject)) {
      const lower = below[route.access as Role];
      if (!lower) continue;
      const res = await call(
        h,
        await A.tokenFor(lower),
        route.method,
        urlFor(route, route.idKind ? a[route.idKind] : undefined),
        route.body?.(a, ++n),
      );
      expectError(res, 403, 'forbidden');
    }
  });

  it.skipIf(!engine.available)('no token, a garbage token or a revoked-looking token is 401 on every non-public route', async () => {
    const before = await counts(a.workspace);
    const variants: [string, Record<string, string> | null][] = [
      ['no credentials', null],
      ['garbage bearer', { authorization: 'Bearer !!garbage!!' }],
      ['unknown well-formed bearer', { authorization: `Bearer mrd_${'x'.repeat(40)}` }],
      ['empty bearer', { authorization: 'Bearer ' }],
      ['basic auth', { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` }],
      ['token without scheme', { authorization: A.token }],
      ['oversized bearer', { authorization: `Bearer ${'a'.repeat(5000)}` }],
      ['garbage session cookie', { cookie: 'meridian_session=not-a-session-at-all' }],
      ['malformed session cookie', { cookie: 'meridian_session=%%%' }],
    ];
    for (const route of ROUTES) {
      if (route.skipInject) continue;
      for (const [name, headers] of variants) {
        const res = await call(
          h,
          null,
          route.method,
          urlFor(route, route.idKind ? a[route.idKind] : undefined),
          route.body?.(a, ++n),
          headers ?? {},
        );
        const where = `${route.method} ${route.path} (${name})`;
        if (route.access === 'public') {
          // Public routes answer on their own terms (login: wrong credentials), never "unauthorized".
          expect(res.statusCode, where).toBeLessThan(500);
          if (res.statusCode >= 400) expect(res.json().error.code, where).not.toBe('unauthorized');
          continue;
        }
        expect(res.statusCode, where).toBe(401);
        expect(res.json().error.code, where).toBe('unauthorized');
      }
    }
    // The WebSocket route refuses an unauthenticated upgrade too.
    const ws = await h.app.inject({
      method: 'GET',
      url: '/api/v1/stream',
      headers: {
        connection: 'upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });
    expect(ws.statusCode).toBe(401);
    expect(await counts(a.workspace)).toEqual(before);
  });
});
