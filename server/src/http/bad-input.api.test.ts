/**
 * Bad input acceptance: malformed JSON, wrong types, unknown fields, oversized bodies (limit:
 * 1 MiB, the harness's and the default config's `bodyLimit`), NUL bytes and lone surrogates,
 * absurd ids and bad query parameters all get a 4xx with a stable code, never a 500, and
 * nothing is written.
 *
 * Every request of the batch is checked and mismatches are collected, so one run lists every
 * route × input that misbehaves. Extend BODY_ROUTES / ID_ROUTES / LIST_ROUTES when a route is
 * added; the first test fails until the table covers the OpenAPI document.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS, type ErrorCode } from '../lib/errors.js';
import { ENGINES } from '../test/engines.js';
import { seedQueuedChannelMessage } from '../channels/outbound/seed.test-support.js';
import { queueOutboundMail } from '../email/outbound/queue-mail.js';
import { rawMail } from '../test/mail/inbound.js';
import { makeWorkspace, rowCounts, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';

const BODY_LIMIT = 1024 * 1024;

interface Ids {
  conversation: string;
  message: string;
  customer: string;
  agent: string;
  team: string;
  template: string;
  glossary: string;
  calendar: string;
  slaPolicy: string;
  /** A second team, for follow-the-sun chains. */
  otherTeam: string;
  scheduledMessage: string;
  mailAddress: string;
  quarantine: string;
  attachment: string;
  mailOutbox: string;
  blockedSender: string;
  channelAccount: string;
  channelOutbox: string;
  change: string;
}

type Json = Record<string, unknown>;

interface BodyRoute {
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  idKind?: keyof Ids;
  /** Values of path parameters other than `:id`. */
  params?: Record<string, string>;
  public?: boolean;
  /** Routes that take no body at all: only transport-level checks apply. */
  noBody?: boolean;
  /** The body is a file (any bytes, its own content type): the JSON checks do not apply, its own limits do. */
  rawFile?: boolean;
  /** Goes through createOnce, so it reads the Idempotency-Key header. */
  idempotent?: boolean;
  /** Status of the valid body when it is not the usual 201 for POST / 200 for PATCH (a POST that creates nothing). */
  okStatus?: number;
  /** A valid body (the positive control sends it and expects 2xx), given the ids of the test workspace's rows. */
  valid?: (n: number, ids: Ids) => Json;
  /** Pointers (as key lists) of string fields to poison with NUL / lone surrogates / huge text. */
  strings?: string[][];
  /** Wrong-typed values for nested fields, beyond the automatic top-level ones. */
  wrongTypes?: [string[], unknown][];
  /** Nested objects where an unknown key must be refused too. */
  nestedObjects?: string[][];
  /** Further invalid bodies specific to the route (a string is sent as raw JSON text). */
  extra?: { name: string; body: (n: number, ids: Ids) => unknown; status: number; code: ErrorCode; path?: string }[];
}

/** A valid phone call with every optional part (so each can be made wrong in turn). */
const CALL = (n: number, _ids: Ids): Json => ({
  direction: 'inbound',
  outcome: 'answered',
  from: '+3197010000001',
  to: '+3197010000002',
  startedAt: '2026-03-02T08:00:00Z',
  durationSeconds: 60 + n,
  notes: `call ${n}`,
  recordingUrl: 'https://pbx.example.com/recordings/1.wav',
});

/** A valid calendar definition with every optional part (so each can be made wrong in turn). */
const CALENDAR = {
  timeZone: 'Asia/Tokyo',
  weekly: [
    { days: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' },
    { days: [1, 2, 3, 4, 5], start: '13:00', end: '18:00' },
  ],
  holidays: { country: 'JP', types: ['public'] },
  closures: [{ from: '2026-12-29', to: '2027-01-03', reason: 'year end' }],
  extraDays: [{ date: '2026-03-07', hours: [{ start: '10:00', end: '14:00' }], reason: 'stocktaking' }],
};
/** Calendar definition problems only the server's checks find, as [name, change, path under body/definition]. */
const CALENDAR_PROBLEMS: [string, Record<string, unknown>, string][] = [
  ['unknown time zone', { timeZone: 'Asia/Atlantis' }, '/timeZone'],
  [
    'overlapping hours',
    {
      weekly: [
        { days: [1], start: '09:00', end: '17:00' },
        { days: [1], start: '12:00', end: '13:00' },
      ],
    },
    '/weekly/1',
  ],
  [
    'Sunday night overlapping Monday',
    {
      weekly: [
        { days: [7], start: '22:00', end: '08:00' },
        { days: [1], start: '07:00', end: '09:00' },
      ],
    },
    '/weekly/1',
  ],
  ['unknown holiday country', { holidays: { country: 'XX' } }, '/holidays/country'],
  ['unknown subdivision', { holidays: { country: 'DE', subdivision: 'ZZ' } }, '/holidays/subdivision'],
  ['closure ending before it starts', { closures: [{ from: '2026-05-02', to: '2026-05-01', reason: 'x' }] }, '/closures/0/to'],
  ['closure on 30 February', { closures: [{ from: '2026-02-30', to: '2026-03-01', reason: 'x' }] }, '/closures/0/from'],
  [
    'instant closure without an offset',
    { closures: [{ start: '2026-05-01T10:00:00', end: '2026-05-01T12:00:00Z', reason: 'x' }] },
    '/closures/0',
  ],
  [
    'instant closure ending at its start',
    { closures: [{ start: '2026-05-01T10:00:00Z', end: '2026-05-01T10:00:00Z', reason: 'x' }] },
    '/closures/0/end',
  ],
  ['extra day listed twice', { extraDays: [CALENDAR.extraDays[0], CALENDAR.extraDays[0]] }, '/extraDays/1/date'],
  ['hours 24:01', { weekly: [{ days: [1], start: '09:00', end: '24:01' }] }, '/weekly/0/end'],
  ['weekday 0', { weekly: [{ days: [0], start: '09:00', end: '17:00' }] }, '/weekly/0/days/0'],
  ['holiday type bogus', { holidays: { country: 'JP', types: ['fun'] } }, '/holidays/types/0'],
  ['too many weekly rows', { weekly: Array.from({ length: 101 }, () => ({ days: [1], start: '09:00', end: '09:01' })) }, '/weekly'],
];

/** Engine URLs on private, loopback, link-local, CGNAT and unspecified addresses, in the spellings WHATWG URLs allow. */
const PRIVATE_URLS = [
  'http://127.0.0.1:5000',
  'http://localhost:5000',
  'http://169.254.169.254/latest',
  'http://10.1.2.3',
  'http://192.168.0.10',
  'http://100.64.0.1',
  'http://0.0.0.0',
  'http://[::1]:5000',
  'http://[::ffff:127.0.0.1]',
  'http://[fd00::1]',
  'http://[fe80::1]',
  'http://0x7f000001',
  'http://2130706433',
  'http://127.1',
  'http://localhost.',
  'http://api.localhost',
];

const BODY_ROUTES: BodyRoute[] = [
  {
    method: 'POST',
    path: '/api/v1/changes',
    idempotent: true,
    valid: (n) => ({
      title: `Change ${n}`,
      description: 'Invoices in Portuguese',
      sourceLanguage: 'en',
      texts: { pt: 'Faturas em português' },
    }),
    strings: [['title'], ['description'], ['texts', 'pt']],
    wrongTypes: [
      [['texts'], 'pt'],
      [['texts', 'pt'], 5],
      [['sourceLanguage'], 'not a tag'],
    ],
    extra: [
      {
        name: 'a texts key that is no language tag',
        body: () => ({ title: 'T', description: 'D', sourceLanguage: 'en', texts: { 'x y': 'z' } }),
        status: 400,
        code: 'validation_failed',
      },
      {
        name: 'one locale twice',
        body: () => ({ title: 'T', description: 'D', sourceLanguage: 'en', texts: { 'pt-br': 'a', 'pt-BR': 'b' } }),
        status: 400,
        code: 'validation_failed',
      },
      { name: 'no description', body: () => ({ title: 'T', sourceLanguage: 'en' }), status: 400, code: 'validation_failed' },
      {
        name: 'status set by hand',
        body: () => ({ title: 'T', description: 'D', sourceLanguage: 'en', status: 'announced' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/status',
      },
    ],
  },
  {
    method: 'PATCH',
    path: '/api/v1/changes/:id',
    idKind: 'change',
    valid: (n) => ({ title: `Renamed ${n}` }),
    strings: [['title']],
    extra: [{ name: 'nothing to change', body: () => ({}), status: 400, code: 'validation_failed' }],
  },
  { method: 'DELETE', path: '/api/v1/changes/:id', idKind: 'change', noBody: true },
  {
    method: 'POST',
    path: '/api/v1/changes/:id/links',
    idKind: 'change',
    okStatus: 200,
    valid: (_n, ids) => ({ conversationIds: [ids.conversation], filter: { tag: 'none-such', q: 'seed' } }),
    strings: [['filter', 'q']],
    nestedObjects: [['filter']],
    wrongTypes: [
      [['conversationIds'], 'x'],
      [['conversationIds', '0'], 'not-a-uuid'],
      [['filter', 'tag'], 'two words'],
    ],
    extra: [
      { name: 'nothing to link', body: () => ({}), status: 400, code: 'validation_failed' },
      { name: 'an empty filter', body: () => ({ filter: {} }), status: 400, code: 'validation_failed' },
      { name: 'no ids', body: () => ({ conversationIds: [] }), status: 400, code: 'validation_failed' },
      {
        name: 'the same id twice',
        body: (_n, ids) => ({ conversationIds: [ids.conversation, ids.conversation] }),
        status: 400,
        code: 'validation_failed',
      },
      { name: 'an unknown response', body: () => ({ responseIds: [SOME_UUID] }), status: 404, code: 'not_found' },
    ],
  },
  {
    method: 'DELETE',
    path: '/api/v1/changes/:id/links/:linkId',
    idKind: 'change',
    params: { linkId: '0190a6f2-7c4e-7000-8000-000000000000' },
    noBody: true,
  },
  { method: 'POST', path: '/api/v1/changes/:id/announce', idKind: 'change', noBody: true },
  {
    method: 'POST',
    path: '/api/v1/auth/login',
    public: true,
    valid: () => ({ workspace: 'placeholder', email: 'login@example.com', password: 'a password of some length' }),
    strings: [['password'], ['email'], ['workspace']],
  },
  { method: 'POST', path: '/api/v1/auth/logout', noBody: true },
  {
    method: 'PUT',
    path: '/api/v1/widget/settings',
    okStatus: 200,
    valid: (_n, ids) => ({
      enabled: true,
      identityRequired: false,
      allowedOrigins: ['https://shop.example.com'],
      teamId: ids.team,
      preChatFields: [{ name: 'email', required: true, label: { en: 'E-mail' } }],
      greeting: { en: 'Hi!' },
    }),
    strings: [
      ['greeting', 'en'],
      ['preChatFields', '0', 'label', 'en'],
    ],
    wrongTypes: [
      [['allowedOrigins', '0'], 7],
      [['preChatFields', '0', 'required'], 'yes'],
    ],
    nestedObjects: [['preChatFields', '0'], ['greeting']],
    extra: [
      {
        name: 'origin with a path',
        body: () => ({ enabled: true, allowedOrigins: ['https://a.example/x'] }),
        status: 400,
        code: 'validation_failed',
      },
      {
        name: 'unknown team',
        body: () => ({ enabled: true, teamId: '0190a6f2-7c4e-7000-8000-000000000000' }),
        status: 404,
        code: 'not_found',
      },
      {
        name: 'duplicate pre-chat field',
        body: () => ({
          enabled: true,
          preChatFields: [
            { name: 'email', required: true },
            { name: 'email', required: false },
          ],
        }),
        status: 400,
        code: 'validation_failed',
      },
    ],
  },
  { method: 'POST', path: '/api/v1/widget/settings/rotate', okStatus: 200, valid: () => ({ what: 'secret' }), strings: [['what']] },
  // Public survey answers: a well-formed but unknown token is a 404; the body is checked before the token is looked at.
  {
    method: 'POST',
    path: '/api/v1/public/surveys/answer',
    public: true,
    okStatus: 200,
    valid: () => ({ token: `v1.${'0'.repeat(20)}`, score: 3, reasons: ['speed'], comment: 'ok', source: 'widget' }),
    strings: [['comment'], ['token'], ['reasons', '0']],
    extra: [
      { name: 'score over 10', body: () => ({ token: 'v1.x', score: 11 }), status: 400, code: 'validation_failed', path: 'body/score' },
      {
        name: 'comment over 5000',
        body: () => ({ token: 'v1.x', comment: 'a'.repeat(5001) }),
        status: 400,
        code: 'validation_failed',
        path: 'body/comment',
      },
      {
        name: 'unknown source',
        body: () => ({ token: 'v1.x', score: 1, source: 'link' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/source',
      },
    ],
  },
  // Public widget endpoints: an unknown key is a 404; the bodies are checked before the key is looked up.
  // The upload's body is the file (any bytes): only transport-level checks apply; widget.api.test covers the rest.
  { method: 'POST', path: '/api/v1/widget/attachments', public: true, rawFile: true },
  {
    method: 'POST',
    path: '/api/v1/widget/sessions',
    public: true,
    valid: () => ({
      key: `wk_${'k'.repeat(22)}`,
      visitorToken: `wv_${'v'.repeat(43)}`,
      locale: 'pt-BR',
      timeZone: 'America/Sao_Paulo',
      pageUrl: 'https://shop.example.com/',
    }),
    strings: [['key'], ['visitorToken'], ['locale'], ['timeZone'], ['pageUrl']],
  },
  {
    method: 'POST',
    path: '/api/v1/widget/identify',
    public: true,
    valid: () => ({ key: `wk_${'k'.repeat(22)}`, visitorToken: `wv_${'v'.repeat(43)}`, id: 'user-1', name: 'Ana', hash: '00' }),
    strings: [['id'], ['name'], ['hash'], ['visitorToken']],
  },
  {
    method: 'POST',
    path: '/api/v1/widget/offline',
    public: true,
    valid: (n) => ({
      key: `wk_${'k'.repeat(22)}`,
      visitorToken: `wv_${'v'.repeat(43)}`,
      email: `offline-${n}@example.org`,
      name: 'Ana',
      text: 'hello',
      clientId: `client-${n}-0000`,
    }),
    strings: [['text'], ['name'], ['email'], ['clientId']],
  },
  {
    method: 'POST',
    path: '/api/v1/conversations/:id/typing',
    idKind: 'conversation',
    okStatus: 204,
    valid: () => ({ on: true }),
    wrongTypes: [[['on'], 'yes']],
  },
  { method: 'POST', path: '/api/v1/messages/:id/approve', idKind: 'message', noBody: true },
  {
    method: 'POST',
    path: '/api/v1/mentions/read',
    // Mentions belong to a signed-in agent: the token of this test gets 403 for a valid body, 400 for a bad one.
    okStatus: 403,
    valid: (_n, ids) => ({ conversationId: ids.conversation }),
    extra: [
      { name: 'empty body', body: () => ({}), status: 400, code: 'validation_failed' },
      {
        name: 'both ids and conversation',
        body: (_n, ids) => ({ ids: [ids.conversation], conversationId: ids.conversation }),
        status: 400,
        code: 'validation_failed',
      },
      { name: 'no ids', body: () => ({ ids: [] }), status: 400, code: 'validation_failed' },
    ],
  },
  {
    method: 'PUT',
    path: '/api/v1/messages/:id/translation',
    idKind: 'message',
    // The test workspace's message is not held for review: a valid body gets 409, not 200.
    okStatus: 409,
    valid: () => ({ text: 'Hola, su pedido llega mañana.' }),
    strings: [['text']],
    extra: [{ name: 'blank text', body: () => ({ text: '   ' }), status: 400, code: 'validation_failed', path: 'body/text' }],
  },
  {
    method: 'POST',
    path: '/api/v1/conversations',
    idempotent: true,
    valid: (n) => ({
      customer: { email: `bad-input-${n}@example.org`, name: 'Ana' },
      channel: 'email',
      subject: 'Hello',
      tags: ['a'],
      message: { text: 'Olá', attachments: [{ name: 'a.pdf', contentType: 'application/pdf', size: 10 }] },
    }),
    strings: [['subject'], ['customer', 'name'], ['message', 'text'], ['message', 'attachments', '0', 'name']],
    wrongTypes: [
      [['customer', 'email'], 42],
      [['message', 'text'], ['x']],
      [['message', 'attachments', '0', 'size'], '10'],
      [['message', 'attachments', '0', 'size'], 1.5],
      [['message', 'attachments'], { name: 'a.pdf' }],
      [['tags', '0'], 7],
    ],
    nestedObjects: [['customer'], ['message'], ['message', 'attachments', '0']],
    extra: [
      {
        name: 'customer by absurd id',
        body: () => ({ customer: { id: 'x'.repeat(10_000) }, channel: 'chat', message: { text: 'x' } }),
        status: 400,
        code: 'validation_failed',
      },
      {
        name: 'teamId not a uuid',
        body: () => ({ customer: { email: 'x@example.org' }, channel: 'chat', teamId: '../../etc/passwd', message: { text: 'x' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/teamId',
      },
      {
        name: 'assigneeId urn form',
        body: () => ({
          customer: { email: 'x@example.org' },
          channel: 'chat',
          assigneeId: 'urn:uuid:00000000-0000-0000-0000-000000000000',
          message: { text: 'x' },
        }),
        status: 400,
        code: 'validation_failed',
        path: 'body/assigneeId',
      },
      {
        name: 'unknown customer',
        body: () => ({ customer: { id: '00000000-0000-4000-8000-000000000000' }, channel: 'chat', message: { text: 'x' } }),
        status: 404,
        code: 'not_found',
        path: 'body/customer/id',
      },
      {
        name: 'unknown team with a new customer',
        body: () => ({
          customer: { email: 'new-but-rolled-back@example.org' },
          channel: 'chat',
          teamId: '00000000-0000-4000-8000-000000000000',
          message: { text: 'x' },
        }),
        status: 404,
        code: 'not_found',
        path: 'body/teamId',
      },
      {
        name: 'empty message',
        body: () => ({ customer: { email: 'x@example.org' }, channel: 'chat', message: { text: '   ' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/text',
      },
      {
        name: 'bogus channel',
        body: () => ({ customer: { email: 'x@example.org' }, channel: 'pigeon', message: { text: 'x' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/channel',
      },
      {
        name: 'status not in the enum',
        body: () => ({ customer: { email: 'x@example.org' }, channel: 'chat', status: 'bogus', message: { text: 'x' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/status',
      },
      {
        name: 'duplicate tags',
        body: () => ({ customer: { email: 'x@example.org' }, channel: 'chat', tags: ['a', 'a'], message: { text: 'x' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/tags',
      },
      {
        name: 'missing message',
        body: () => ({ customer: { email: 'x@example.org' }, channel: 'chat' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/message',
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/conversations/bulk',
    okStatus: 200,
    valid: (_n, ids) => ({ ids: [ids.conversation], action: { tag: { add: ['bulk'], remove: ['a'] } } }),
    strings: [['action', 'tag', 'add', '0']],
    wrongTypes: [
      [['ids', '0'], 5],
      [['ids'], 'one'],
      [['action', 'tag', 'add'], 'bulk'],
    ],
    nestedObjects: [['action'], ['action', 'tag']],
    extra: [
      {
        name: 'over 100 ids',
        body: () => ({
          ids: Array.from({ length: 101 }, (_, i) => `0190a6f2-7c4e-7000-8000-${String(i).padStart(12, '0')}`),
          action: { status: 'open' },
        }),
        status: 400,
        code: 'validation_failed',
        path: 'body/ids',
      },
      {
        name: 'an id twice',
        body: (_n, ids) => ({ ids: [ids.conversation, ids.conversation], action: { status: 'open' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/ids',
      },
      { name: 'no ids', body: () => ({ ids: [], action: { status: 'open' } }), status: 400, code: 'validation_failed', path: 'body/ids' },
      {
        name: 'id not a uuid',
        body: () => ({ ids: ['../../etc'], action: { status: 'open' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/ids/0',
      },
      {
        name: 'no action',
        body: (_n, ids) => ({ ids: [ids.conversation], action: {} }),
        status: 400,
        code: 'validation_failed',
        path: 'body/action',
      },
      {
        name: 'two actions',
        body: (_n, ids) => ({ ids: [ids.conversation], action: { status: 'open', assign: { assigneeId: null } } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/action',
      },
      {
        name: 'status bogus',
        body: (_n, ids) => ({ ids: [ids.conversation], action: { status: 'bogus' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/action/status',
      },
      {
        name: 'tag action without tags',
        body: (_n, ids) => ({ ids: [ids.conversation], action: { tag: {} } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/action/tag',
      },
      {
        name: 'unknown assignee',
        body: (_n, ids) => ({ ids: [ids.conversation], action: { assign: { assigneeId: '00000000-0000-4000-8000-000000000000' } } }),
        status: 404,
        code: 'not_found',
        path: 'body/action/assign/assigneeId',
      },
    ],
  },
  {
    method: 'PATCH',
    path: '/api/v1/conversations/:id',
    idKind: 'conversation',
    valid: () => ({ subject: 'Changed', status: 'open', tags: ['b'] }),
    strings: [['subject'], ['tags', '0']],
    extra: [
      { name: 'empty patch', body: () => ({}), status: 400, code: 'validation_failed' },
      {
        name: 'unknown team',
        body: () => ({ teamId: '00000000-0000-4000-8000-000000000000' }),
        status: 404,
        code: 'not_found',
        path: 'body/teamId',
      },
      {
        name: 'assignee not a uuid',
        body: () => ({ assigneeId: 'none' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/assigneeId',
      },
      { name: 'status bogus', body: () => ({ status: 'bogus' }), status: 400, code: 'validation_failed', path: 'body/status' },
      { name: 'tag with spaces', body: () => ({ tags: ['two words'] }), status: 400, code: 'validation_failed', path: 'body/tags/0' },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/conversations/:id/messages',
    idKind: 'conversation',
    idempotent: true,
    valid: () => ({ direction: 'note', text: 'internal', channelMeta: { 'message-id': '<a@b>' } }),
    strings: [['text'], ['channelMeta', 'message-id']],
    wrongTypes: [[['channelMeta', 'message-id'], 5]],
    extra: [
      {
        name: 'channelMeta key outside its pattern',
        body: () => ({ text: 'x', channelMeta: { 'Message ID': { deep: true } } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/channelMeta/Message ID',
      },
      {
        name: 'direction bogus',
        body: () => ({ direction: 'sideways', text: 'x' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/direction',
      },
      {
        name: 'html over its limit',
        body: () => ({ html: 'a'.repeat(500_001) }),
        status: 400,
        code: 'validation_failed',
        path: 'body/html',
      },
      {
        name: 'too many attachments',
        body: () => ({ text: 'x', attachments: Array.from({ length: 21 }, () => ({ name: 'a', contentType: 'text/plain', size: 1 })) }),
        status: 400,
        code: 'validation_failed',
        path: 'body/attachments',
      },
      {
        name: 'attachment url not a uri',
        body: () => ({ text: 'x', attachments: [{ name: 'a', contentType: 'text/plain', size: 1, url: 'not a uri' }] }),
        status: 400,
        code: 'validation_failed',
        path: 'body/attachments/0/url',
      },
      {
        name: 'attachment size absurd',
        body: () => ({ text: 'x', attachments: [{ name: 'a', contentType: 'text/plain', size: 1e300 }] }),
        status: 400,
        code: 'validation_failed',
        path: 'body/attachments/0/size',
      },
      { name: 'empty message', body: () => ({ text: '' }), status: 400, code: 'validation_failed', path: 'body/text' },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/customers',
    idempotent: true,
    valid: (n) => ({
      name: 'Zoë',
      emails: [`cust-${n}@example.org`],
      attributes: { plan: 'pro' },
      consent: { marketing: { granted: true, at: '2026-01-01T00:00:00Z' } },
    }),
    strings: [['name'], ['emails', '0'], ['attributes', 'plan']],
    wrongTypes: [
      [['attributes', 'plan'], { nested: true }],
      [['consent', 'marketing', 'granted'], 'yes'],
      [['consent', 'marketing', 'at'], '2026-02-30T25:61:00Z'],
    ],
    nestedObjects: [['consent', 'marketing']],
    extra: [
      { name: 'phone not E.164', body: () => ({ phones: ['0800 123'] }), status: 400, code: 'validation_failed', path: 'body/phones/0' },
      {
        name: 'unknown time zone',
        body: () => ({ timeZone: 'Mars/Olympus_Mons' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/timeZone',
      },
      { name: 'country lower case', body: () => ({ country: 'de' }), status: 400, code: 'validation_failed', path: 'body/country' },
      // Keys outside the pattern must not slip past it with values nobody checks.
      {
        name: 'attribute key with spaces',
        body: () => ({ attributes: { 'a b': { nested: [1] } } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/attributes/a b',
      },
      {
        name: 'consent key upper case',
        body: () => ({ consent: { Marketing: { anything: 'goes' } } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/consent/Marketing',
      },
      {
        name: 'too many emails',
        body: () => ({ emails: Array.from({ length: 21 }, (_, i) => `e${i}@example.org`) }),
        status: 400,
        code: 'validation_failed',
        path: 'body/emails',
      },
    ],
  },
  {
    method: 'PATCH',
    path: '/api/v1/customers/:id',
    idKind: 'customer',
    valid: () => ({ name: 'Renamed', tier: 'gold', locale: null }),
    strings: [['name'], ['tier']],
    extra: [
      { name: 'empty patch', body: () => ({}), status: 400, code: 'validation_failed' },
      { name: 'emails null', body: () => ({ emails: null }), status: 400, code: 'validation_failed', path: 'body/emails' },
      { name: 'formality bogus', body: () => ({ formality: 'casual' }), status: 400, code: 'validation_failed', path: 'body/formality' },
      {
        name: 'unknown time zone',
        body: () => ({ timeZone: 'Etc/Nowhere' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/timeZone',
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/agents',
    idempotent: true,
    valid: (n) => ({
      email: `agent-${n}@example.org`,
      name: 'Agent',
      timeZone: 'Asia/Tokyo',
      languages: [{ tag: 'ja', proficiency: 'native' }],
      capacity: 5,
    }),
    strings: [['name'], ['email'], ['timeZone']],
    wrongTypes: [
      [['languages', '0', 'tag'], 1],
      [['capacity'], 1e21],
      [['capacity'], -1],
      [['capacity'], 2.5],
    ],
    nestedObjects: [['languages', '0']],
    extra: [
      // JSON text, not a JS value: 1e400 parses to Infinity.
      {
        name: 'capacity 1e400',
        body: () => '{"email":"i@example.org","name":"I","capacity":1e400}',
        status: 400,
        code: 'validation_failed',
        path: 'body/capacity',
      },
      {
        name: 'role bogus',
        body: () => ({ email: 'r@example.org', name: 'R', role: 'owner' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/role',
      },
      {
        name: 'password too short',
        body: () => ({ email: 'p@example.org', name: 'P', password: 'short' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/password',
      },
      {
        name: 'email not an email',
        body: () => ({ email: 'not-an-email', name: 'E' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/email',
      },
      {
        name: 'unknown time zone',
        body: () => ({ email: 'tz@example.org', name: 'T', timeZone: 'Europe/Atlantis' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/timeZone',
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/teams',
    idempotent: true,
    valid: (n) => ({ name: `Team ${n}`, timeZone: 'America/Sao_Paulo', languages: ['pt', 'es'] }),
    strings: [['name'], ['languages', '0']],
    wrongTypes: [[['languages', '0'], 1]],
    extra: [
      {
        name: 'unknown member',
        body: () => ({ name: 'X', timeZone: 'UTC', memberIds: ['00000000-0000-4000-8000-000000000000'] }),
        status: 404,
        code: 'not_found',
        path: 'body/memberIds/0',
      },
      {
        name: 'member not a uuid',
        body: () => ({ name: 'X', timeZone: 'UTC', memberIds: ['zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'] }),
        status: 400,
        code: 'validation_failed',
        path: 'body/memberIds/0',
      },
      {
        name: 'unknown time zone',
        body: () => ({ name: 'X', timeZone: 'Not/AZone' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/timeZone',
      },
      { name: 'name empty', body: () => ({ name: '', timeZone: 'UTC' }), status: 400, code: 'validation_failed', path: 'body/name' },
    ],
  },
  {
    method: 'PATCH',
    path: '/api/v1/agents/:id',
    idKind: 'agent',
    valid: () => ({ name: 'Seed', status: 'away', capacity: 7, languages: [{ tag: 'fi', proficiency: 'fluent' }] }),
    strings: [['name'], ['languages', '0', 'tag']],
    wrongTypes: [
      [['capacity'], 'ten'],
      [['languages', '0', 'proficiency'], 'excellent'],
    ],
    nestedObjects: [['languages', '0']],
    extra: [
      { name: 'empty patch', body: () => ({}), status: 400, code: 'validation_failed' },
      { name: 'unknown status', body: () => ({ status: 'busy' }), status: 400, code: 'validation_failed', path: 'body/status' },
      { name: 'negative capacity', body: () => ({ capacity: -1 }), status: 400, code: 'validation_failed', path: 'body/capacity' },
      { name: 'unknown zone', body: () => ({ timeZone: 'Mars/Olympus' }), status: 400, code: 'validation_failed', path: 'body/timeZone' },
    ],
  },
  {
    method: 'PATCH',
    path: '/api/v1/teams/:id',
    idKind: 'team',
    valid: (_n, ids) => ({ name: 'Seed', timeZone: 'UTC', languages: ['en'], memberIds: [ids.agent], calendarId: ids.calendar }),
    strings: [['name'], ['languages', '0']],
    wrongTypes: [
      [['memberIds', '0'], 7],
      [['calendarId'], 'not-a-uuid'],
    ],
    extra: [
      { name: 'empty patch', body: () => ({}), status: 400, code: 'validation_failed' },
      { name: 'name null', body: () => ({ name: null }), status: 400, code: 'validation_failed', path: 'body/name' },
      {
        name: 'unknown calendar',
        body: () => ({ calendarId: '00000000-0000-4000-8000-000000000000' }),
        status: 404,
        code: 'not_found',
        path: 'body/calendarId',
      },
      {
        name: 'unknown member',
        body: () => ({ memberIds: ['00000000-0000-4000-8000-000000000000'] }),
        status: 404,
        code: 'not_found',
        path: 'body/memberIds/0',
      },
      { name: 'unknown time zone', body: () => ({ timeZone: 'Not/AZone' }), status: 400, code: 'validation_failed', path: 'body/timeZone' },
      { name: 'name taken', body: () => ({ name: 'Other' }), status: 409, code: 'already_exists', path: 'body/name' },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/calendars',
    idempotent: true,
    valid: (n) => ({ name: `Calendar ${n}`, definition: CALENDAR }),
    strings: [['name'], ['definition', 'timeZone'], ['definition', 'closures', '0', 'reason'], ['definition', 'extraDays', '0', 'reason']],
    wrongTypes: [
      [['definition', 'weekly'], { days: [1] }],
      [['definition', 'weekly', '0', 'days'], 1],
      [['definition', 'weekly', '0', 'days', '0'], '1'],
      [['definition', 'weekly', '0', 'start'], 900],
      [['definition', 'holidays', 'country'], 'jp'],
      [['definition', 'closures', '0', 'from'], 20261229],
      [['definition', 'extraDays', '0', 'hours'], []],
    ],
    nestedObjects: [['definition'], ['definition', 'weekly', '0'], ['definition', 'holidays'], ['definition', 'extraDays', '0']],
    extra: [
      ...CALENDAR_PROBLEMS.map(([name, change, path]) => ({
        name,
        body: (n: number) => ({ name: `Broken ${n}`, definition: { ...CALENDAR, ...change } }),
        status: 400,
        code: 'validation_failed' as const,
        path: `body/definition${path}`,
      })),
      { name: 'no definition', body: () => ({ name: 'X' }), status: 400, code: 'validation_failed', path: 'body/definition' },
      {
        name: 'no weekly hours',
        body: () => ({ name: 'X', definition: { timeZone: 'UTC' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/definition/weekly',
      },
      { name: 'name taken', body: () => ({ name: 'Seed', definition: CALENDAR }), status: 409, code: 'already_exists', path: 'body/name' },
    ],
  },
  {
    method: 'PATCH',
    path: '/api/v1/calendars/:id',
    idKind: 'calendar',
    valid: () => ({ name: 'Seed', definition: CALENDAR }),
    strings: [['name'], ['definition', 'timeZone']],
    nestedObjects: [['definition']],
    extra: [
      { name: 'empty patch', body: () => ({}), status: 400, code: 'validation_failed' },
      { name: 'definition null', body: () => ({ definition: null }), status: 400, code: 'validation_failed', path: 'body/definition' },
      ...CALENDAR_PROBLEMS.map(([name, change, path]) => ({
        name,
        body: () => ({ definition: { ...CALENDAR, ...change } }),
        status: 400,
        code: 'validation_failed' as const,
        path: `body/definition${path}`,
      })),
      { name: 'renamed to a taken name', body: () => ({ name: 'Other' }), status: 409, code: 'already_exists', path: 'body/name' },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/calendars/:id/add',
    idKind: 'calendar',
    okStatus: 200,
    valid: () => ({ from: '2026-03-06T15:00:00Z', minutes: 120 }),
    strings: [['from']],
    wrongTypes: [
      [['minutes'], -1],
      [['minutes'], 1e12],
      [['minutes'], null],
      [['from'], '2026-03-06'],
      [['from'], '2026-03-06T15:00:00'],
      [['from'], '2026-02-30T15:00:00Z'],
    ],
    extra: [
      {
        name: 'minutes 1e400',
        body: () => '{"from":"2026-03-06T15:00:00Z","minutes":1e400}',
        status: 400,
        code: 'validation_failed',
        path: 'body/minutes',
      },
      { name: 'no minutes', body: () => ({ from: '2026-03-06T15:00:00Z' }), status: 400, code: 'validation_failed', path: 'body/minutes' },
      {
        name: 'year 1800',
        body: () => ({ from: '1800-01-01T00:00:00Z', minutes: 60 }),
        status: 400,
        code: 'validation_failed',
        path: 'body/from',
      },
      {
        name: 'year 9999',
        body: () => ({ from: '9999-12-31T00:00:00Z', minutes: 60 }),
        status: 400,
        code: 'validation_failed',
        path: 'body/from',
      },
      {
        name: 'leap second',
        body: () => ({ from: '2026-12-31T23:59:60Z', minutes: 60 }),
        status: 400,
        code: 'validation_failed',
        path: 'body/from',
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/templates',
    idempotent: true,
    valid: (n) => ({ key: `tpl-${n}`, name: 'T', sourceLocale: 'en', variants: [{ locale: 'en', body: 'Hi {customerName}' }] }),
    strings: [['name'], ['variants', '0', 'body']],
    wrongTypes: [[['variants'], 'x']],
    extra: [
      {
        name: 'ICU syntax error',
        body: () => ({ key: 'icu', name: 'T', sourceLocale: 'en', variants: [{ locale: 'en', body: 'Hi {name' }] }),
        status: 400,
        code: 'validation_failed',
        path: 'body/variants/0/body',
      },
      {
        name: 'bad key',
        body: () => ({ key: 'Bad Key', name: 'T', sourceLocale: 'en', variants: [{ locale: 'en', body: 'x' }] }),
        status: 400,
        code: 'validation_failed',
        path: 'body/key',
      },
    ],
  },
  {
    method: 'PUT',
    path: '/api/v1/templates/:id/variants',
    idKind: 'template',
    valid: () => ({ locale: 'de', formality: 'formal', body: 'Guten Tag {customerName}' }),
    strings: [['body']],
    wrongTypes: [[['formality'], 'casual']],
  },
  {
    method: 'POST',
    path: '/api/v1/templates/:id/variants/draft',
    idKind: 'template',
    okStatus: 503,
    valid: () => ({ locale: 'fi' }),
    strings: [],
    wrongTypes: [[['formality'], 'casual']],
  },
  {
    method: 'POST',
    path: '/api/v1/templates/:id/render',
    idKind: 'template',
    okStatus: 200,
    valid: (_n, ids) => ({ conversationId: ids.conversation }),
    strings: [],
    wrongTypes: [[['conversationId'], 42]],
  },
  {
    method: 'POST',
    path: '/api/v1/translate/preview',
    okStatus: 200,
    valid: () => ({ text: 'Hello', source: 'en', target: 'es' }),
    strings: [['text']],
    wrongTypes: [[['text'], 1]],
    extra: [
      {
        name: 'bad language tag',
        body: () => ({ text: 'x', source: 'english!', target: 'es' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/source',
      },
      {
        name: 'text too long',
        body: () => ({ text: 'a'.repeat(20_001), source: 'en', target: 'es' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/text',
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/language/detect',
    okStatus: 200,
    valid: () => ({
      texts: ['Hello, where is my parcel?'],
      hints: { locale: 'en-GB', acceptLanguage: 'en-GB, en;q=0.9', previous: ['Hi'] },
      candidates: ['en', 'de'],
    }),
    strings: [
      ['texts', '0'],
      ['hints', 'acceptLanguage'],
      ['hints', 'previous', '0'],
    ],
    wrongTypes: [
      [['texts', '0'], 1],
      [['hints', 'previous'], 'Hi'],
      [['candidates', '0'], 7],
    ],
    nestedObjects: [['hints']],
    extra: [
      { name: 'no texts', body: () => ({ texts: [] }), status: 400, code: 'validation_failed', path: 'body/texts' },
      {
        name: 'too many texts',
        body: () => ({ texts: Array.from({ length: 101 }, () => 'x') }),
        status: 400,
        code: 'validation_failed',
        path: 'body/texts',
      },
      {
        name: 'text too long',
        body: () => ({ texts: ['a'.repeat(10_001)] }),
        status: 400,
        code: 'validation_failed',
        path: 'body/texts/0',
      },
      {
        name: 'bad candidate tag',
        body: () => ({ texts: ['Hallo'], candidates: ['german!'] }),
        status: 400,
        code: 'validation_failed',
        path: 'body/candidates/0',
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/replies/check',
    okStatus: 200,
    valid: (_n, ids) => ({ text: 'Hello', language: 'en', conversationId: ids.conversation }),
    strings: [['text'], ['language']],
    wrongTypes: [[['text'], 1]],
    extra: [
      {
        name: 'bad language tag',
        body: (_n, ids) => ({ text: 'x', language: 'english!', conversationId: ids.conversation }),
        status: 400,
        code: 'validation_failed',
        path: 'body/language',
      },
      {
        name: 'conversation id not a uuid',
        body: () => ({ text: 'x', language: 'en', conversationId: 'nope' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/conversationId',
      },
      {
        name: 'unknown conversation',
        body: () => ({ text: 'x', language: 'en', conversationId: '00000000-0000-4000-8000-000000000000' }),
        status: 404,
        code: 'not_found',
        path: 'body/conversationId',
      },
      {
        name: 'text too long',
        body: (_n, ids) => ({ text: 'a'.repeat(20_001), language: 'en', conversationId: ids.conversation }),
        status: 400,
        code: 'validation_failed',
        path: 'body/text',
      },
    ],
  },
  {
    method: 'PATCH',
    path: '/api/v1/settings/translation',
    // A public engine host that never resolves: the positive control saves it, nothing here calls it.
    valid: () => ({
      provider: { kind: 'libretranslate', baseUrl: 'https://mt.example.invalid', apiKey: 'lt-key-123', timeoutMs: 5000 },
      discloseMachineTranslation: true,
      criticalKeywords: { warranty: { en: ['warranty claim'], de: ['garantiefall'] } },
    }),
    strings: [
      ['provider', 'baseUrl'],
      ['provider', 'apiKey'],
      ['criticalKeywords', 'warranty', 'en', '0'],
    ],
    wrongTypes: [
      [['provider', 'kind'], 'systran'],
      [['provider', 'timeoutMs'], '5000'],
      [['provider', 'timeoutMs'], 1.5],
      [['provider', 'timeoutMs'], 10],
      [['provider', 'apiKey'], 'a key with spaces'],
      [['criticalKeywords', 'warranty'], ['warranty claim']],
      [['criticalKeywords', 'warranty', 'en'], 'warranty claim'],
      [['criticalKeywords', 'warranty', 'en', '0'], 7],
      [['criticalKeywords', 'warranty', 'en', '0'], 'x'],
      [['criticalKeywords', 'warranty', 'en', '0'], 'x'.repeat(101)],
    ],
    nestedObjects: [['provider'], ['criticalKeywords'], ['criticalKeywords', 'warranty']],
    extra: [
      { name: 'empty patch', body: () => ({}), status: 400, code: 'validation_failed' },
      {
        name: 'ftp URL',
        body: () => ({ provider: { kind: 'libretranslate', baseUrl: 'ftp://mt.example.org' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/provider/baseUrl',
      },
      {
        name: 'URL with credentials',
        body: () => ({ provider: { kind: 'apertium', baseUrl: 'http://user:pw@mt.example.org' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/provider/baseUrl',
      },
      {
        name: 'URL that does not parse',
        body: () => ({ provider: { kind: 'apertium', baseUrl: 'https://mt example.org' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/provider/baseUrl',
      },
      {
        name: 'URL over its limit',
        body: () => ({ provider: { kind: 'apertium', baseUrl: `https://${'a'.repeat(500)}.example.org` } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/provider/baseUrl',
      },
      ...PRIVATE_URLS.map((baseUrl) => ({
        name: `private engine URL ${baseUrl}`,
        body: () => ({ provider: { kind: 'libretranslate', baseUrl } }),
        status: 400,
        code: 'private_address' as const,
        path: 'body/provider/baseUrl',
      })),
      {
        name: 'private URL on an engine with a default host',
        body: () => ({ provider: { kind: 'deepl', apiKey: 'dl-key', baseUrl: 'http://169.254.169.254' } }),
        status: 400,
        code: 'private_address',
        path: 'body/provider/baseUrl',
      },
      {
        name: 'engine without its key',
        body: () => ({ provider: { kind: 'deepl' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/provider/apiKey',
      },
      {
        name: 'openai without a model',
        body: () => ({ provider: { kind: 'openai', apiKey: 'sk-x' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/provider/model',
      },
      {
        name: 'DeepL glossary key upper case',
        body: () => ({ provider: { kind: 'deepl', apiKey: 'dl-key', glossaries: { 'EN>DE': 'g-1' } } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/provider/glossaries/EN>DE',
      },
      {
        name: 'critical category upper case',
        body: () => ({ criticalKeywords: { Warranty: { en: ['warranty claim'] } } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/criticalKeywords/Warranty',
      },
      // Would reach the matcher as a list of single characters.
      {
        name: 'critical category with a bad shape',
        body: () => ({ criticalKeywords: { 'Warranty claims': { en: 'refund' } } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/criticalKeywords/Warranty claims',
      },
      {
        name: 'critical category null',
        body: () => ({ criticalKeywords: { WARRANTY: null } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/criticalKeywords/WARRANTY',
      },
      {
        name: 'critical language not a primary subtag',
        body: () => ({ criticalKeywords: { warranty: { 'en-US': ['warranty claim'] } } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/criticalKeywords/warranty/en-US',
      },
      {
        name: 'critical keywords with numbers',
        body: () => ({ criticalKeywords: { warranty: { EN: [1, 2] } } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/criticalKeywords/warranty/EN',
      },
      {
        name: 'critical lists all empty',
        body: () => ({ criticalKeywords: { warranty: { en: [], de: [] } } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/criticalKeywords',
      },
      {
        name: 'critical category without languages',
        body: () => ({ criticalKeywords: { warranty: {} } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/criticalKeywords',
      },
      {
        name: 'no critical category',
        body: () => ({ criticalKeywords: {} }),
        status: 400,
        code: 'validation_failed',
        path: 'body/criticalKeywords',
      },
      {
        name: 'too many critical categories',
        body: () => ({ criticalKeywords: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`c${i}`, { en: ['keyword'] }])) }),
        status: 400,
        code: 'validation_failed',
        path: 'body/criticalKeywords',
      },
    ],
  },
  {
    method: 'PUT',
    path: '/api/v1/settings/acknowledgements',
    valid: () => ({ enabled: true, windowMinutes: 240 }),
    strings: [],
    wrongTypes: [
      [['windowMinutes'], 1.5],
      [['windowMinutes'], -1],
      [['windowMinutes'], 10_081],
      [['windowMinutes'], '240'],
      [['windowMinutes'], null],
      [['enabled'], 'false'],
      [['enabled'], 0],
    ],
    extra: [
      { name: 'no window', body: () => ({ enabled: true }), status: 400, code: 'validation_failed', path: 'body/windowMinutes' },
      { name: 'empty body', body: () => ({}), status: 400, code: 'validation_failed' },
    ],
  },
  {
    method: 'PUT',
    path: '/api/v1/surveys/settings',
    valid: () => ({
      enabled: true,
      kind: 'csat',
      askComment: true,
      reasons: [{ key: 'speed', labels: { en: 'Speed', es: 'Rapidez' } }],
      delayMinutes: 60,
      quietStart: 20,
      quietEnd: 9,
      throttleDays: 30,
      linkTtlHours: 168,
      channels: ['email', 'chat'],
      texts: { es: { question: '¿Le ayudó {workspace}?' } },
    }),
    strings: [
      ['reasons', '0', 'labels', 'es'],
      ['texts', 'es', 'question'],
    ],
    wrongTypes: [
      [['kind'], 'stars'],
      [['delayMinutes'], 1.5],
      [['delayMinutes'], 10_081],
      [['quietStart'], 24],
      [['quietEnd'], -1],
      [['throttleDays'], '30'],
      [['linkTtlHours'], 0],
      [['channels'], ['email', 'email']],
      [['channels', '0'], 'fax'],
      [['reasons', '0', 'key'], 'Speed!'],
      [['reasons', '0', 'labels'], {}],
      [['texts', 'es'], {}],
      [['texts', 'es', 'question'], ''],
    ],
    nestedObjects: [
      ['reasons', '0'],
      ['texts', 'es'],
    ],
    extra: [
      {
        name: '13 reasons',
        body: () => ({ reasons: Array.from({ length: 13 }, (_, i) => ({ key: `r${i}`, labels: { en: 'x' } })) }),
        status: 400,
        code: 'validation_failed',
        path: 'body/reasons',
      },
      {
        name: 'duplicate reason keys',
        body: () => ({
          reasons: [
            { key: 'a', labels: { en: 'A' } },
            { key: 'a', labels: { en: 'B' } },
          ],
        }),
        status: 400,
        code: 'validation_failed',
        path: 'body/reasons/1/key',
      },
      {
        name: 'a placeholder other than {workspace}',
        body: () => ({ texts: { es: { question: '¿{name}?' } } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/texts/es/question',
      },
      {
        name: 'a locale key that is no tag',
        body: () => ({ texts: { 'no tag': { question: 'x' } } }),
        status: 400,
        code: 'validation_failed',
      },
    ],
  },
  {
    method: 'PUT',
    path: '/api/v1/mail/imap',
    valid: (n) => ({
      host: 'imap.example.com',
      port: 993,
      security: 'tls',
      username: `support-${n}@example.com`,
      password: 'imap secret',
      mailbox: 'Support/Inbox',
      address: 'support@example.com',
      idle: true,
      enabled: false,
    }),
    strings: [['host'], ['username'], ['password'], ['mailbox'], ['address']],
    wrongTypes: [
      [['port'], 0],
      [['port'], 65536],
      [['port'], '993'],
      [['security'], 'ssl'],
      [['idle'], 'true'],
    ],
    extra: [
      ...['127.0.0.1', 'localhost', '10.1.2.3', '169.254.169.254', '::1', '127.1', '0x7f000001', 'mail.localhost'].map((host) => ({
        name: `private IMAP host ${host}`,
        body: () => ({ host, port: 143, security: 'none', username: 'u', password: 'p' }),
        status: 400,
        code: 'private_address' as const,
        path: 'body/host',
      })),
      {
        name: 'new host without a password',
        body: () => ({ host: 'imap.elsewhere.example', port: 993, security: 'tls', username: 'u' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/password',
      },
      {
        name: 'host with a space',
        body: () => ({ host: 'imap example.com', port: 993, security: 'tls', username: 'u', password: 'p' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/host',
      },
    ],
  },
  { method: 'POST', path: '/api/v1/mail/imap/poll', noBody: true, okStatus: 409 },
  {
    method: 'POST',
    path: '/api/v1/mail/addresses',
    valid: (n) => ({ address: `help-${n}@bad-input.example`, name: `Help ${n}` }),
    strings: [['address'], ['name']],
    extra: [
      ...['no-at-sign', 'two@@example.com', 'a b@example.com', '<x@example.com>', 'x@-example.com', 'x@exa_mple.com', '@example.com'].map(
        (address) => ({
          name: `address ${address}`,
          body: () => ({ address }),
          status: 400,
          code: 'validation_failed' as const,
          path: 'body/address',
        }),
      ),
      {
        name: 'a +tag form',
        body: () => ({ address: 'help+x@bad-input.example' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/address',
      },
      { name: 'taken (any case)', body: () => ({ address: 'SUPPORT@bad-input.example' }), status: 409, code: 'already_exists' },
    ],
  },
  { method: 'DELETE', path: '/api/v1/mail/addresses/:id', idKind: 'mailAddress', noBody: true },
  { method: 'DELETE', path: '/api/v1/mail/failing-addresses/:address', params: { address: 'gone@example.org' }, noBody: true },
  { method: 'POST', path: '/api/v1/mail/quarantine/:id/reprocess', idKind: 'quarantine', noBody: true },
  {
    method: 'PUT',
    path: '/api/v1/mail/settings',
    valid: (n) => ({
      enabled: true,
      fromName: `Support ${n}`,
      fromAddress: 'support@bad-input.example',
      relayUrl: 'smtp://relay.example.com:587',
      relayUser: `relay-${n}`,
      relayPassword: 'relay secret',
    }),
    strings: [['fromName'], ['fromAddress'], ['relayUrl'], ['relayUser'], ['relayPassword']],
    extra: [
      ...[
        'smtp://127.0.0.1:25',
        'smtp://localhost',
        'smtp://10.1.2.3:587',
        'smtp://[::1]:25',
        'smtps://169.254.169.254',
        'smtp://0x7f000001',
      ].map((relayUrl) => ({
        name: `private relay ${relayUrl}`,
        body: () => ({ relayUrl }),
        status: 400,
        code: 'private_address' as const,
        path: 'body/relayUrl',
      })),
      ...[
        'http://relay.example.com',
        'smtp://user:pass@relay.example.com',
        'smtp://relay.example.com/path',
        'smtp://relay.example.com:99999',
      ].map((relayUrl) => ({
        name: `relay URL ${relayUrl}`,
        body: () => ({ relayUrl }),
        status: 400,
        code: 'validation_failed' as const,
        path: 'body/relayUrl',
      })),
      {
        name: 'From address the workspace does not receive at',
        body: () => ({ fromAddress: 'someone@elsewhere.example' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/fromAddress',
      },
      {
        name: 'password with a line break',
        body: () => ({ relayPassword: 'a\r\nb' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/relayPassword',
      },
    ],
  },
  { method: 'POST', path: '/api/v1/mail/outbox/:id/retry', idKind: 'mailOutbox', noBody: true },
  {
    method: 'POST',
    path: '/api/v1/channels',
    valid: (n) => ({
      kind: 'whatsapp',
      name: `WhatsApp ${n}`,
      enabled: true,
      settings: {
        phoneNumberId: `1065403522${n}`,
        businessAccountId: '102290129340398',
        displayPhoneNumber: '+15550783881',
        graphApiVersion: 'v21.0',
      },
      secrets: { appSecret: 'app-secret', accessToken: 'EAAG-token', verifyToken: 'verify-me' },
    }),
    strings: [['name'], ['settings', 'phoneNumberId'], ['secrets', 'appSecret'], ['secrets', 'accessToken'], ['secrets', 'verifyToken']],
    wrongTypes: [
      [['settings', 'phoneNumberId'], 106540352242922],
      [['settings', 'graphApiVersion'], 21],
      [['secrets', 'appSecret'], true],
    ],
    nestedObjects: [['settings'], ['secrets']],
    extra: [
      {
        name: 'unknown kind',
        body: () => ({ kind: 'signal', name: 'x', settings: {}, secrets: {} }),
        status: 400,
        code: 'validation_failed',
        path: 'body/kind',
      },
      {
        name: 'a secret missing',
        body: () => ({ kind: 'whatsapp', name: 'x', settings: { phoneNumberId: '1' }, secrets: { appSecret: 'a', accessToken: 'b' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/secrets/verifyToken',
      },
      {
        name: 'a secret with a space',
        body: () => ({
          kind: 'whatsapp',
          name: 'x',
          settings: { phoneNumberId: '1' },
          secrets: { appSecret: 'a b', accessToken: 'b', verifyToken: 'c' },
        }),
        status: 400,
        code: 'validation_failed',
        path: 'body/secrets/appSecret',
      },
      {
        name: 'WhatsApp settings on a Telegram account',
        body: () => ({
          kind: 'telegram',
          name: 'x',
          settings: { phoneNumberId: '1' },
          secrets: { botToken: '1:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', secretToken: 's' },
        }),
        status: 400,
        code: 'validation_failed',
        path: 'body/settings/phoneNumberId',
      },
      {
        name: 'not a bot token',
        body: () => ({ kind: 'telegram', name: 'x', secrets: { botToken: 'not-a-token', secretToken: 's' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/secrets/botToken',
      },
      {
        name: 'Telegram secret token with characters Telegram refuses',
        body: () => ({ kind: 'telegram', name: 'x', secrets: { botToken: '1:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', secretToken: 'a/b' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/secrets/secretToken',
      },
      {
        name: 'SMS without a sender',
        body: () => ({
          kind: 'sms',
          name: 'x',
          settings: { accountSid: `AC${'0'.repeat(32)}` },
          secrets: { authToken: '0123456789abcdef0123456789abcdef' },
        }),
        status: 400,
        code: 'validation_failed',
        path: 'body/settings/fromNumber',
      },
      {
        name: 'not an account SID',
        body: () => ({
          kind: 'sms',
          name: 'x',
          settings: { accountSid: 'AC123', fromNumber: '+15005550006' },
          secrets: { authToken: '0123456789abcdef0123456789abcdef' },
        }),
        status: 400,
        code: 'validation_failed',
        path: 'body/settings/accountSid',
      },
      {
        name: 'display number not E.164',
        body: () => ({
          kind: 'whatsapp',
          name: 'x',
          settings: { phoneNumberId: '1', displayPhoneNumber: '555 0100' },
          secrets: { appSecret: 'a', accessToken: 'b', verifyToken: 'c' },
        }),
        status: 400,
        code: 'validation_failed',
        path: 'body/settings/displayPhoneNumber',
      },
    ],
  },
  {
    method: 'PATCH',
    path: '/api/v1/channels/:id',
    idKind: 'channelAccount',
    valid: (n) => ({ name: `Renamed ${n}`, enabled: true, settings: { graphApiVersion: 'v22.0' }, secrets: { accessToken: `token-${n}` } }),
    strings: [['name'], ['settings', 'graphApiVersion'], ['secrets', 'accessToken']],
    extra: [
      { name: 'empty body', body: () => ({}), status: 400, code: 'validation_failed' },
      { name: 'empty settings', body: () => ({ settings: {} }), status: 400, code: 'validation_failed', path: 'body/settings' },
      {
        name: 'a Telegram setting on a WhatsApp account',
        body: () => ({ settings: { botUsername: 'meridian_bot' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/settings/botUsername',
      },
      {
        name: 'a Twilio secret on a WhatsApp account',
        body: () => ({ secrets: { authToken: '0123456789abcdef0123456789abcdef' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/secrets/authToken',
      },
    ],
  },
  { method: 'DELETE', path: '/api/v1/channels/:id', idKind: 'channelAccount', noBody: true },
  { method: 'POST', path: '/api/v1/channels/outbox/:id/retry', idKind: 'channelOutbox', noBody: true },
  {
    method: 'POST',
    path: '/api/v1/conversations/:id/whatsapp/template',
    idKind: 'conversation',
    // The seeded conversation is an e-mail one: a valid template is refused as a conflict.
    okStatus: 409,
    valid: () => ({ name: 'order_update', language: 'en_US', components: [{ type: 'body', parameters: [{ type: 'text', text: 'Kim' }] }] }),
    strings: [['name'], ['language'], ['components', '0', 'type']],
    wrongTypes: [
      [['components'], { type: 'body' }],
      [['components', '0'], 'body'],
      [['components', '0', 'type'], 7],
    ],
    extra: [
      {
        name: 'template name with capitals',
        body: () => ({ name: 'Order Update', language: 'en' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/name',
      },
      {
        name: 'language not a WhatsApp code',
        body: () => ({ name: 'x', language: 'en-US' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/language',
      },
      {
        name: 'too many components',
        body: () => ({ name: 'x', language: 'en', components: Array(21).fill({ type: 'body' }) }),
        status: 400,
        code: 'validation_failed',
        path: 'body/components',
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/glossary',
    idempotent: true,
    valid: (n) => ({ term: `Term ${n}`, language: 'en', translations: { de: `Begriff ${n}` }, caseSensitive: true, note: 'a note' }),
    strings: [['term'], ['translations', 'de'], ['note'], ['language']],
    wrongTypes: [
      [['translations', 'de'], 5],
      [['translations', 'de'], { deep: true }],
    ],
    nestedObjects: [['translations']],
    extra: [
      { name: 'blank term', body: () => ({ term: ' \t ' }), status: 400, code: 'validation_failed', path: 'body/term' },
      { name: 'empty term', body: () => ({ term: '' }), status: 400, code: 'validation_failed', path: 'body/term' },
      { name: 'term too long', body: () => ({ term: 'a'.repeat(201) }), status: 400, code: 'validation_failed', path: 'body/term' },
      { name: 'no term', body: () => ({ note: 'x' }), status: 400, code: 'validation_failed', path: 'body/term' },
      {
        name: 'bad language tag',
        body: () => ({ term: 'x', language: 'english!' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/language',
      },
      {
        name: 'translation too long',
        body: () => ({ term: 'x', translations: { de: 'a'.repeat(201) } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/translations/de',
      },
      {
        name: 'empty translation',
        body: () => ({ term: 'x', translations: { de: '' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/translations/de',
      },
      {
        name: 'translation key not a primary subtag',
        body: () => ({ term: 'x', translations: { 'de-DE': { deep: true } } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/translations/de-DE',
      },
      {
        name: 'too many translations',
        body: () => ({
          term: 'x',
          translations: Object.fromEntries(
            Array.from({ length: 101 }, (_, i) => [
              `a${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`,
              'x',
            ]),
          ),
        }),
        status: 400,
        code: 'validation_failed',
        path: 'body/translations',
      },
      {
        name: 'note too long',
        body: () => ({ term: 'x', note: 'a'.repeat(1001) }),
        status: 400,
        code: 'validation_failed',
        path: 'body/note',
      },
      // The seed has "Other term" (no language): the same term in other case is taken.
      { name: 'term taken', body: () => ({ term: 'OTHER TERM' }), status: 409, code: 'already_exists', path: 'body/term' },
    ],
  },
  {
    method: 'PATCH',
    path: '/api/v1/glossary/:id',
    idKind: 'glossary',
    valid: () => ({ term: 'Seed term', translations: { de: 'Saatbegriff' }, note: null }),
    strings: [['term'], ['translations', 'de']],
    nestedObjects: [['translations']],
    extra: [
      { name: 'blank term', body: () => ({ term: '   ' }), status: 400, code: 'validation_failed', path: 'body/term' },
      { name: 'term too long', body: () => ({ term: 'a'.repeat(201) }), status: 400, code: 'validation_failed', path: 'body/term' },
      // The term is the one required field, on a change too.
      { name: 'no term', body: () => ({ note: 'x' }), status: 400, code: 'validation_failed', path: 'body/term' },
      {
        name: 'translation key upper case',
        body: () => ({ term: 'Seed term', translations: { DE: 'x' } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/translations/DE',
      },
      {
        name: 'renamed to a taken term',
        body: () => ({ term: 'other Term', language: null }),
        status: 409,
        code: 'already_exists',
        path: 'body/term',
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/conversations/:id/scheduled-messages',
    idKind: 'conversation',
    idempotent: true,
    valid: (n) => ({ text: `later ${n}`, sendAt: 'customer_business_hours' }),
    strings: [['text'], ['sendAt']],
    wrongTypes: [
      [['sendAt'], 'tomorrow'],
      [['sendAt'], '2026-03-06T15:00:00'],
      [['sendAt'], null],
    ],
    extra: [
      { name: 'no sendAt', body: () => ({ text: 'x' }), status: 400, code: 'validation_failed', path: 'body/sendAt' },
      { name: 'empty message', body: () => ({ text: ' ', sendAt: 'customer_business_hours' }), status: 400, code: 'validation_failed' },
      {
        name: 'years ahead',
        body: () => ({ text: 'x', sendAt: '2030-01-01T00:00:00Z' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/sendAt',
      },
    ],
  },
  { method: 'DELETE', path: '/api/v1/scheduled-messages/:id', idKind: 'scheduledMessage', noBody: true },
  {
    method: 'POST',
    path: '/api/v1/conversations/:id/snooze',
    idKind: 'conversation',
    idempotent: true,
    valid: (n) => ({ until: 'customer_business_hours', note: `snoozed ${n}` }),
    strings: [['until'], ['note']],
    wrongTypes: [
      [['status'], 'solved'],
      [['until'], '2026-03-06'],
    ],
    extra: [
      {
        name: 'until in the past',
        body: () => ({ until: '2020-01-01T00:00:00Z' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/until',
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/conversations/:id/reminders',
    idKind: 'conversation',
    idempotent: true,
    valid: (n) => ({ at: 'next_business_morning', note: `follow up ${n}` }),
    strings: [['at'], ['note']],
    extra: [{ name: 'no at', body: () => ({ note: 'x' }), status: 400, code: 'validation_failed', path: 'body/at' }],
  },
  { method: 'DELETE', path: '/api/v1/glossary/:id', idKind: 'glossary', noBody: true },
  {
    method: 'POST',
    path: '/api/v1/sla/policies',
    idempotent: true,
    valid: (n) => ({
      name: `Policy ${n}`,
      position: 3,
      when: {
        priorities: ['urgent'],
        channels: ['chat'],
        tiers: ['gold'],
        segments: ['smb'],
        countries: ['DE'],
        regions: ['DE-BY'],
        languages: ['de'],
      },
      targets: { firstReply: { minutes: 30, time: 'business' }, resolution: { minutes: 480, time: 'calendar' } },
      warning: { percent: 80 },
      escalation: { raisePriority: true, notifyLead: true },
    }),
    strings: [['name'], ['when', 'languages', '0'], ['when', 'segments', '0']],
    wrongTypes: [
      [['targets', 'firstReply', 'minutes'], 1.5],
      [['targets', 'firstReply', 'minutes'], 0],
      [['targets', 'firstReply', 'minutes'], 525_601],
      [['targets', 'firstReply', 'time'], 'wall'],
      [['when', 'priorities', '0'], 'meh'],
      [['when', 'countries', '0'], 'de'],
      [['when', 'regions', '0'], 'BY'],
      [['when', 'channels'], []],
      [
        ['when', 'channels'],
        ['chat', 'chat'],
      ],
      [['warning', 'percent'], 100],
      [['escalation', 'raisePriority'], 'yes'],
    ],
    nestedObjects: [['when'], ['targets'], ['targets', 'firstReply'], ['warning'], ['escalation']],
    extra: [
      { name: 'no targets', body: () => ({ name: 'X' }), status: 400, code: 'validation_failed', path: 'body/targets' },
      {
        name: 'no target in targets',
        body: () => ({ name: 'X', targets: {} }),
        status: 400,
        code: 'validation_failed',
        path: 'body/targets',
      },
      {
        name: 'blank name',
        body: () => ({ name: '  ', targets: { resolution: { minutes: 5 } } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/name',
      },
      {
        name: 'warning both ways',
        body: () => ({ name: 'X', targets: { resolution: { minutes: 5 } }, warning: { percent: 50, minutesBefore: 1 } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/warning',
      },
      {
        name: 'empty warning',
        body: () => ({ name: 'X', targets: { resolution: { minutes: 5 } }, warning: {} }),
        status: 400,
        code: 'validation_failed',
        path: 'body/warning',
      },
      {
        name: 'default with conditions',
        body: () => ({ name: 'X', default: true, when: { channels: ['chat'] }, targets: { resolution: { minutes: 5 } } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/when',
      },
      // The seed policy is the default.
      {
        name: 'a second default',
        body: () => ({ name: 'X', default: true, targets: { resolution: { minutes: 5 } } }),
        status: 409,
        code: 'already_exists',
        path: 'body/default',
      },
      {
        name: 'name taken',
        body: () => ({ name: 'Other', targets: { resolution: { minutes: 5 } } }),
        status: 409,
        code: 'already_exists',
        path: 'body/name',
      },
    ],
  },
  {
    method: 'PATCH',
    path: '/api/v1/sla/policies/:id',
    idKind: 'slaPolicy',
    valid: () => ({ name: 'Seed', position: 1, targets: { firstReply: { minutes: 60 } } }),
    strings: [['name']],
    nestedObjects: [['targets']],
    extra: [
      { name: 'empty patch', body: () => ({}), status: 400, code: 'validation_failed' },
      { name: 'targets null', body: () => ({ targets: null }), status: 400, code: 'validation_failed', path: 'body/targets' },
      {
        name: 'conditions on the default',
        body: () => ({ when: { channels: ['chat'] } }),
        status: 400,
        code: 'validation_failed',
        path: 'body/when',
      },
      { name: 'renamed to a taken name', body: () => ({ name: 'Other' }), status: 409, code: 'already_exists', path: 'body/name' },
    ],
  },
  { method: 'POST', path: '/api/v1/conversations/:id/route', idKind: 'conversation', noBody: true },
  {
    method: 'PUT',
    path: '/api/v1/routing',
    valid: (n, ids) => ({
      rules: [
        {
          name: `Rule ${n}`,
          when: {
            languages: ['de'],
            countries: ['DE'],
            regions: ['DE-BY'],
            channels: ['email'],
            priorities: ['high'],
            tiers: ['gold'],
            tags: ['vip'],
          },
          teamId: ids.team,
        },
      ],
      chains: [{ name: 'Sun', teamIds: [ids.team, ids.otherTeam] }],
      teams: [{ teamId: ids.team, mode: 'least_loaded', bar: 'working', fallbacks: [{ from: 'pt', to: 'es', bar: 'fluent' }] }],
    }),
    strings: [
      ['rules', '0', 'name'],
      ['rules', '0', 'when', 'languages', '0'],
      ['rules', '0', 'when', 'tags', '0'],
      ['chains', '0', 'name'],
      ['teams', '0', 'fallbacks', '0', 'from'],
    ],
    wrongTypes: [
      [['rules', '0', 'teamId'], 'not-a-uuid'],
      [['rules', '0', 'when', 'countries', '0'], 'de'],
      [['rules', '0', 'when', 'regions', '0'], 'BY'],
      [['rules', '0', 'when', 'priorities', '0'], 'meh'],
      [['rules', '0', 'when', 'channels', '0'], 'pigeon'],
      [['rules', '0', 'when', 'languages'], []],
      [['rules', '0', 'when', 'tags', '0'], 'two words'],
      [['chains', '0', 'teamIds', '0'], 5],
      [['chains', '0', 'teamIds'], ['x']],
      [['teams', '0', 'mode'], 'random'],
      [['teams', '0', 'bar'], 'expert'],
      [['teams', '0', 'fallbacks', '0', 'bar'], 'expert'],
      [['teams', '0', 'fallbacks', '0', 'to'], '!!'],
    ],
    nestedObjects: [
      ['rules', '0'],
      ['rules', '0', 'when'],
      ['chains', '0'],
      ['teams', '0'],
      ['teams', '0', 'fallbacks', '0'],
    ],
    extra: [
      { name: 'no chains', body: () => ({ rules: [], teams: [] }), status: 400, code: 'validation_failed', path: 'body/chains' },
      {
        name: 'rule to an unknown team',
        body: () => ({ rules: [{ name: 'X', when: {}, teamId: '00000000-0000-4000-8000-000000000000' }], chains: [], teams: [] }),
        status: 404,
        code: 'not_found',
        path: 'body/rules/0/teamId',
      },
      {
        name: 'unknown rule id',
        body: (_n, ids) => ({
          rules: [{ id: '00000000-0000-4000-8000-000000000000', name: 'X', when: {}, teamId: ids.team }],
          chains: [],
          teams: [],
        }),
        status: 404,
        code: 'not_found',
        path: 'body/rules/0/id',
      },
      {
        name: 'blank rule name',
        body: (_n, ids) => ({ rules: [{ name: '   ', when: {}, teamId: ids.team }], chains: [], teams: [] }),
        status: 400,
        code: 'validation_failed',
        path: 'body/rules/0/name',
      },
      {
        name: 'language not BCP 47',
        body: (_n, ids) => ({ rules: [{ name: 'X', when: { languages: ['en-US-US'] }, teamId: ids.team }], chains: [], teams: [] }),
        status: 400,
        code: 'validation_failed',
        path: 'body/rules/0/when/languages/0',
      },
      {
        name: 'chain of one team',
        body: (_n, ids) => ({ rules: [], chains: [{ name: 'Solo', teamIds: [ids.team] }], teams: [] }),
        status: 400,
        code: 'validation_failed',
        path: 'body/chains/0/teamIds',
      },
      {
        name: 'team in two chains',
        body: (_n, ids) => ({
          rules: [],
          chains: [
            { name: 'A', teamIds: [ids.team, ids.otherTeam] },
            { name: 'B', teamIds: [ids.otherTeam, ids.team] },
          ],
          teams: [],
        }),
        status: 400,
        code: 'validation_failed',
        path: 'body/chains/1/teamIds/0',
      },
      {
        name: 'team settings twice',
        body: (_n, ids) => ({ rules: [], chains: [], teams: [{ teamId: ids.team }, { teamId: ids.team }] }),
        status: 400,
        code: 'validation_failed',
        path: 'body/teams/1/teamId',
      },
      {
        name: 'fallback to the same language',
        body: (_n, ids) => ({
          rules: [],
          chains: [],
          teams: [{ teamId: ids.team, fallbacks: [{ from: 'pt-BR', to: 'pt', bar: 'basic' }] }],
        }),
        status: 400,
        code: 'validation_failed',
        path: 'body/teams/0/fallbacks/0/to',
      },
      {
        name: 'too many rules',
        body: (_n, ids) => ({
          rules: Array.from({ length: 201 }, () => ({ name: 'X', when: {}, teamId: ids.team })),
          chains: [],
          teams: [],
        }),
        status: 400,
        code: 'validation_failed',
        path: 'body/rules',
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/conversations/:id/calls',
    idKind: 'conversation',
    idempotent: true,
    valid: (n, ids) => CALL(n, ids),
    strings: [['notes'], ['recordingUrl'], ['from'], ['startedAt']],
    extra: [
      {
        name: 'negative duration',
        body: (n, ids) => ({ ...CALL(n, ids), durationSeconds: -1 }),
        status: 400,
        code: 'validation_failed',
        path: 'body/durationSeconds',
      },
      {
        name: 'over 24 hours',
        body: (n, ids) => ({ ...CALL(n, ids), durationSeconds: 86_401 }),
        status: 400,
        code: 'validation_failed',
        path: 'body/durationSeconds',
      },
      {
        name: 'fractional duration',
        body: (n, ids) => ({ ...CALL(n, ids), durationSeconds: 0.5 }),
        status: 400,
        code: 'validation_failed',
        path: 'body/durationSeconds',
      },
      {
        name: 'unknown outcome',
        body: (n, ids) => ({ ...CALL(n, ids), outcome: 'dropped' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/outcome',
      },
      {
        name: 'number not E.164',
        body: (n, ids) => ({ ...CALL(n, ids), from: '06 1234 5678' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/from',
      },
      {
        name: 'notes over 10,000',
        body: (n, ids) => ({ ...CALL(n, ids), notes: 'n'.repeat(10_001) }),
        status: 400,
        code: 'validation_failed',
        path: 'body/notes',
      },
      {
        name: 'start in the future',
        body: (n, ids) => ({ ...CALL(n, ids), startedAt: '2027-01-01T00:00:00Z' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/startedAt',
      },
      {
        name: 'start not a date-time',
        body: (n, ids) => ({ ...CALL(n, ids), startedAt: '2026-03-02' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/startedAt',
      },
      {
        name: 'recording over ftp',
        body: (n, ids) => ({ ...CALL(n, ids), recordingUrl: 'ftp://pbx.example.com/1.wav' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/recordingUrl',
      },
      {
        name: 'recording as a data URL',
        body: (n, ids) => ({ ...CALL(n, ids), recordingUrl: 'data:audio/wav;base64,AAAA' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/recordingUrl',
      },
      {
        name: 'recording with credentials',
        body: (n, ids) => ({ ...CALL(n, ids), recordingUrl: 'https://u:p@pbx.example.com/1.wav' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/recordingUrl',
      },
      {
        name: 'recording URL over 2000',
        body: (n, ids) => ({ ...CALL(n, ids), recordingUrl: `https://pbx.example.com/${'r'.repeat(2000)}` }),
        status: 400,
        code: 'validation_failed',
        path: 'body/recordingUrl',
      },
    ],
  },
  {
    method: 'POST',
    path: '/api/v1/calls',
    idempotent: true,
    valid: (n, ids) => ({ ...CALL(n, ids), customer: { phone: '+3197010000001', name: 'Caller' }, subject: 'Phoned in', tags: ['phone'] }),
    strings: [['subject'], ['customer', 'name']],
    wrongTypes: [
      [['customer', 'phone'], 31612345678],
      [['tags', '0'], 7],
    ],
    nestedObjects: [['customer']],
    extra: [
      {
        name: 'over 24 hours',
        body: (n, ids) => ({ ...CALL(n, ids), customer: { id: ids.customer }, durationSeconds: 86_401 }),
        status: 400,
        code: 'validation_failed',
        path: 'body/durationSeconds',
      },
      {
        name: 'recording with credentials',
        body: (n, ids) => ({ ...CALL(n, ids), customer: { id: ids.customer }, recordingUrl: 'https://u:p@pbx.example.com/1.wav' }),
        status: 400,
        code: 'validation_failed',
        path: 'body/recordingUrl',
      },
      {
        name: 'customer by unknown id',
        body: (n, ids) => ({ ...CALL(n, ids), customer: { id: '00000000-0000-4000-8000-000000000000' } }),
        status: 404,
        code: 'not_found',
        path: 'body/customer/id',
      },
      {
        name: 'customer by phone and e-mail',
        body: (n, ids) => ({ ...CALL(n, ids), customer: { phone: '+3197010000001', email: 'x@example.org' } }),
        status: 400,
        code: 'validation_failed',
      },
      { name: 'no customer', body: (n, ids) => CALL(n, ids), status: 400, code: 'validation_failed', path: 'body/customer' },
      {
        name: 'unknown team',
        body: (n, ids) => ({ ...CALL(n, ids), customer: { id: ids.customer }, teamId: '00000000-0000-4000-8000-000000000000' }),
        status: 404,
        code: 'not_found',
        path: 'body/teamId',
      },
    ],
  },
  { method: 'POST', path: '/api/v1/conversations/:id/spam', idKind: 'conversation', noBody: true },
  { method: 'DELETE', path: '/api/v1/conversations/:id/spam', idKind: 'conversation', noBody: true },
  { method: 'DELETE', path: '/api/v1/blocked-senders/:id', idKind: 'blockedSender', noBody: true },
];

/** Routes with an `:id` in the path, and which kind of row it names. */
const ID_ROUTES: {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  idKind: keyof Ids;
  /** Values of path parameters other than `:id`. */
  params?: Record<string, string>;
}[] = [
  { method: 'GET', path: '/api/v1/conversations/:id', idKind: 'conversation' },
  { method: 'PATCH', path: '/api/v1/conversations/:id', idKind: 'conversation' },
  { method: 'GET', path: '/api/v1/conversations/:id/messages', idKind: 'conversation' },
  { method: 'POST', path: '/api/v1/conversations/:id/messages', idKind: 'conversation' },
  { method: 'POST', path: '/api/v1/conversations/:id/typing', idKind: 'conversation' },
  { method: 'GET', path: '/api/v1/customers/:id', idKind: 'customer' },
  { method: 'PATCH', path: '/api/v1/customers/:id', idKind: 'customer' },
  { method: 'GET', path: '/api/v1/customers/:id/culture', idKind: 'customer' },
  { method: 'GET', path: '/api/v1/agents/:id', idKind: 'agent' },
  { method: 'PATCH', path: '/api/v1/agents/:id', idKind: 'agent' },
  { method: 'GET', path: '/api/v1/teams/:id', idKind: 'team' },
  { method: 'PATCH', path: '/api/v1/teams/:id', idKind: 'team' },
  { method: 'GET', path: '/api/v1/calendars/:id', idKind: 'calendar' },
  { method: 'PATCH', path: '/api/v1/calendars/:id', idKind: 'calendar' },
  { method: 'POST', path: '/api/v1/calendars/:id/add', idKind: 'calendar' },
  { method: 'GET', path: '/api/v1/calendars/:id/openings', idKind: 'calendar' },
  { method: 'POST', path: '/api/v1/messages/:id/approve', idKind: 'message' },
  { method: 'PUT', path: '/api/v1/messages/:id/translation', idKind: 'message' },
  { method: 'GET', path: '/api/v1/templates/:id', idKind: 'template' },
  { method: 'PUT', path: '/api/v1/templates/:id/variants', idKind: 'template' },
  { method: 'POST', path: '/api/v1/templates/:id/variants/draft', idKind: 'template' },
  { method: 'POST', path: '/api/v1/templates/:id/render', idKind: 'template' },
  { method: 'PATCH', path: '/api/v1/glossary/:id', idKind: 'glossary' },
  { method: 'DELETE', path: '/api/v1/glossary/:id', idKind: 'glossary' },
  { method: 'PATCH', path: '/api/v1/sla/policies/:id', idKind: 'slaPolicy' },
  { method: 'GET', path: '/api/v1/conversations/:id/routing', idKind: 'conversation' },
  { method: 'POST', path: '/api/v1/conversations/:id/route', idKind: 'conversation' },
  { method: 'POST', path: '/api/v1/conversations/:id/scheduled-messages', idKind: 'conversation' },
  { method: 'GET', path: '/api/v1/conversations/:id/scheduled-messages', idKind: 'conversation' },
  { method: 'DELETE', path: '/api/v1/scheduled-messages/:id', idKind: 'scheduledMessage' },
  { method: 'POST', path: '/api/v1/conversations/:id/snooze', idKind: 'conversation' },
  { method: 'POST', path: '/api/v1/conversations/:id/reminders', idKind: 'conversation' },
  { method: 'GET', path: '/api/v1/conversations/:id/snoozes', idKind: 'conversation' },
  { method: 'DELETE', path: '/api/v1/mail/addresses/:id', idKind: 'mailAddress' },
  { method: 'GET', path: '/api/v1/mail/quarantine/:id', idKind: 'quarantine' },
  { method: 'GET', path: '/api/v1/mail/quarantine/:id/raw', idKind: 'quarantine' },
  { method: 'POST', path: '/api/v1/mail/quarantine/:id/reprocess', idKind: 'quarantine' },
  { method: 'GET', path: '/api/v1/conversations/:id/attachments', idKind: 'conversation' },
  { method: 'GET', path: '/api/v1/attachments/:id', idKind: 'attachment' },
  { method: 'POST', path: '/api/v1/mail/outbox/:id/retry', idKind: 'mailOutbox' },
  { method: 'POST', path: '/api/v1/conversations/:id/calls', idKind: 'conversation' },
  { method: 'GET', path: '/api/v1/conversations/:id/calls', idKind: 'conversation' },
  { method: 'POST', path: '/api/v1/conversations/:id/spam', idKind: 'conversation' },
  { method: 'DELETE', path: '/api/v1/conversations/:id/spam', idKind: 'conversation' },
  { method: 'DELETE', path: '/api/v1/blocked-senders/:id', idKind: 'blockedSender' },
  { method: 'GET', path: '/api/v1/channels/:id', idKind: 'channelAccount' },
  { method: 'PATCH', path: '/api/v1/channels/:id', idKind: 'channelAccount' },
  { method: 'DELETE', path: '/api/v1/channels/:id', idKind: 'channelAccount' },
  { method: 'POST', path: '/api/v1/channels/outbox/:id/retry', idKind: 'channelOutbox' },
  { method: 'POST', path: '/api/v1/conversations/:id/whatsapp/template', idKind: 'conversation' },
  { method: 'GET', path: '/api/v1/changes/:id', idKind: 'change' },
  { method: 'PATCH', path: '/api/v1/changes/:id', idKind: 'change' },
  { method: 'DELETE', path: '/api/v1/changes/:id', idKind: 'change' },
  { method: 'POST', path: '/api/v1/changes/:id/links', idKind: 'change' },
  { method: 'GET', path: '/api/v1/changes/:id/links', idKind: 'change' },
  {
    method: 'DELETE',
    path: '/api/v1/changes/:id/links/:linkId',
    idKind: 'change',
    params: { linkId: '0190a6f2-7c4e-7000-8000-000000000000' },
  },
  { method: 'POST', path: '/api/v1/changes/:id/announce', idKind: 'change' },
  { method: 'GET', path: '/api/v1/conversations/:id/changes', idKind: 'conversation' },
  { method: 'GET', path: '/api/v1/conversations/:id/survey', idKind: 'conversation' },
];

/** Routes whose path parameter is a mail address. */
const ADDRESS_ROUTES: { method: 'DELETE'; path: string }[] = [{ method: 'DELETE', path: '/api/v1/mail/failing-addresses/:address' }];

/** Addresses in the path: [raw segment, acceptable statuses, codes]. */
const ABSURD_ADDRESSES: [string, number[], ErrorCode[]][] = [
  ['nobody@example.org', [404], ['not_found']],
  ['no-at-sign', [400], ['validation_failed']],
  [`${'a'.repeat(250)}@example.org`, [400], ['validation_failed', 'invalid_id']],
  ['a%00b@example.org', [400], ['invalid_string', 'validation_failed']],
  ['%ED%A0%80@example.org', [400], ['bad_request', 'invalid_string', 'validation_failed']],
  // Slashes are legal in a local part: a plain miss.
  ['..%2F..%2Fetc@example.org', [404], ['not_found']],
];

/** Routes whose path parameter is a locale (BCP 47 tag) rather than an id. */
const LOCALE_ROUTES: { method: 'GET'; path: string }[] = [{ method: 'GET', path: '/api/v1/cultures/:locale' }];

/** Locales no route may answer with a 500: [raw path segment, acceptable statuses, codes]. */
const ABSURD_LOCALES: [string, number[], ErrorCode[]][] = [
  ['zz', [404], ['not_found']],
  ['xx-YY', [404], ['not_found']],
  ['tlh-Latn', [404], ['not_found']],
  ['de_DE', [400], ['validation_failed']],
  ['d', [400], ['validation_failed']],
  ['1234', [400], ['validation_failed']],
  ['en-US-US', [400], ['validation_failed']],
  ['de-DE-', [400], ['validation_failed']],
  ['en-u-ca-buddhist', [400], ['validation_failed']],
  [`de-${'x'.repeat(40)}`, [400], ['validation_failed']],
  ['x'.repeat(201), [400], ['invalid_id']],
  ['../../etc', [400, 404], ['validation_failed', 'not_found']],
  ['..%2F..%2Fetc%2Fpasswd', [400], ['validation_failed']],
  ['de%00', [400], ['invalid_string']],
  ['%', [400], ['bad_request', 'validation_failed']],
  ['%ED%A0%80', [400], ['bad_request', 'invalid_string', 'validation_failed']],
  ['%27%20OR%201%3D1%20--', [400], ['validation_failed']],
  ['null', [400], ['validation_failed']],
];

/** List routes and query strings that must be refused, beyond the common paging ones (max null: not paged). */
const LIST_ROUTES: { path: (ids: Ids) => string; max: number | null; bad: string[] }[] = [
  {
    path: () => '/api/v1/conversations',
    max: 100,
    bad: [
      'status=bogus',
      'status=new&status=bogus',
      'sort=oldest',
      'assigneeId=nobody',
      'customerId=abc',
      'teamId=../../etc',
      'language=!!',
      'tag=two%20words',
      'channel=pigeon',
      'priority=meh',
      `status=${Array(7).fill('new').join('&status=')}`,
      'view=everyone',
      // A token is no agent: it has no mine or team view.
      'view=mine',
      'view=team',
      'view=mine&view=team',
      'sort=sla',
      'q=',
      `q=${'a'.repeat(201)}`,
      'q=a&q=b',
    ],
  },
  {
    path: () => '/api/v1/inbox/counts',
    max: null,
    bad: ['status=bogus', `status=${Array(7).fill('new').join('&status=')}`, 'view=mine', 'limit=5'],
  },
  { path: () => '/api/v1/customers', max: 100, bad: ['q=', `q=${'a'.repeat(101)}`, 'country=de', `email=${'a'.repeat(255)}`] },
  { path: () => '/api/v1/agents', max: 100, bad: ['role=owner', 'teamId=x', 'language=1'] },
  { path: () => '/api/v1/teams', max: 100, bad: ['language=%20'] },
  { path: () => '/api/v1/calendars', max: 100, bad: ['language=en', 'at=2026-03-02T00:00:00Z'] },
  {
    path: (ids) => `/api/v1/calendars/${ids.calendar}/openings`,
    max: null,
    bad: [
      'from=yesterday',
      'from=2026-03-02',
      'to=2026-13-01T00:00:00Z',
      'from=2026-03-02T00:00:00Z&from=2026-03-03T00:00:00Z',
      // Longer than 92 days, backwards, or outside the years a calendar answers for.
      'from=2026-01-01T00:00:00Z&to=2026-04-04T00:00:00Z',
      'from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z',
      'from=1700-01-01T00:00:00Z',
      'from=2026-12-31T23:59:60Z',
      'at=2026-03-02T00:00:00Z',
    ],
  },
  { path: (ids) => `/api/v1/conversations/${ids.conversation}/messages`, max: 200, bad: ['direction=inbound'] },
  { path: () => '/api/v1/cultures', max: null, bad: ['language=!!', 'language=deutsch', 'language=', 'language=de-DE', 'limit=5'] },
  {
    path: () => '/api/v1/reports/coverage',
    max: null,
    bad: ['weeks=0', 'weeks=13', 'weeks=two', 'weeks=1.5', 'proficiency=expert', 'proficiency=', 'limit=5'],
  },
  {
    path: () => '/api/v1/reports/volume',
    max: null,
    bad: [
      'by=region',
      'by=',
      'from=2026-02-30',
      'from=yesterday',
      'to=2026-03-01T00:00:00Z',
      'from=2026-03-02&to=2026-03-01',
      'from=2025-01-01&to=2026-03-01',
      'limit=5',
    ],
  },
  {
    path: () => '/api/v1/feedback/summary',
    max: null,
    bad: [
      'by=region',
      'kind=stars',
      'bucket=month',
      'tz=Mars/Olympus',
      'tz=',
      'from=2026-02-30',
      'from=2026-03-02&to=2026-03-01',
      'from=2025-01-01&to=2026-03-01',
      'limit=5',
    ],
  },
  {
    path: () => '/api/v1/feedback/responses',
    max: 100,
    bad: ['sentiment=angry', 'teamId=nope', 'agentId=1', 'country=ESP', 'language=!!', 'commented=maybe', 'kind=stars', 'tz=Mars/Olympus'],
  },
  {
    path: () => '/api/v1/feedback/responses.csv',
    max: null,
    bad: ['limit=5', 'cursor=abc', 'sentiment=angry', 'from=2026-03-02&to=2026-03-01'],
  },
  { path: (ids) => `/api/v1/conversations/${ids.conversation}/calls`, max: 100, bad: ['direction=inbound', 'outcome=missed'] },
  { path: () => '/api/v1/blocked-senders', max: 100, bad: ['channel=pigeon', 'channel=api', 'channel=', 'address=x'] },
  { path: () => '/api/v1/changes', max: 100, bad: ['status=bogus', 'status=', 'q=x'] },
  { path: (ids) => `/api/v1/changes/${ids.change}/links`, max: 100, bad: ['status=draft'] },
  { path: (ids) => `/api/v1/conversations/${ids.conversation}/changes`, max: null, bad: ['limit=5'] },
  { path: (ids) => `/api/v1/conversations/${ids.conversation}/survey`, max: null, bad: ['limit=5'] },
  { path: () => '/api/v1/surveys/settings', max: null, bad: ['limit=5'] },
];

const cursorOf = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const SOME_UUID = '0190a6f2-7c4e-7000-8000-000000000000';
/** Paging parameters every list refuses (the limit's upper bound is per route). */
const PAGING_BAD = (max: number): [string, ErrorCode][] => [
  ['limit=0', 'validation_failed'],
  ['limit=-1', 'validation_failed'],
  ['limit=abc', 'validation_failed'],
  ['limit=1.5', 'validation_failed'],
  ['limit=', 'validation_failed'],
  ['limit=1&limit=2', 'validation_failed'],
  [`limit=${max + 1}`, 'validation_failed'],
  ['limit=1000', 'validation_failed'],
  ['limit=99999999999999999999', 'validation_failed'],
  ['cursor=garbage', 'invalid_cursor'],
  ['cursor=!!!', 'validation_failed'],
  [`cursor=${'A'.repeat(201)}`, 'validation_failed'],
  [`cursor=${cursorOf({ at: '2026-01-01T00:00:00Z', id: SOME_UUID })}`, 'invalid_cursor'],
  [`cursor=${cursorOf(['2026-01-01T00:00:00.000Z', 'not-a-uuid'])}`, 'invalid_cursor'],
  [`cursor=${cursorOf(['yesterday', SOME_UUID])}`, 'invalid_cursor'],
  // Dates JavaScript parses but PostgreSQL does not (or cannot represent).
  [`cursor=${cursorOf(['1', SOME_UUID])}`, 'invalid_cursor'],
  [`cursor=${cursorOf(['Tue Mar 03 2026', SOME_UUID])}`, 'invalid_cursor'],
  [`cursor=${cursorOf(['-271821-04-20T00:00:00.000Z', SOME_UUID])}`, 'invalid_cursor'],
  [`cursor=${cursorOf(['+275760-09-13T00:00:00.000Z', SOME_UUID])}`, 'invalid_cursor'],
  ['unknown=1', 'validation_failed'],
  ['workspaceId=00000000-0000-4000-8000-000000000000', 'validation_failed'],
  ['q=%00', 'invalid_string'],
];

/** Ids no route may answer with a 500: [raw path segment, acceptable statuses]. */
const ABSURD_IDS: [string, number[], ErrorCode[]][] = [
  ['abc', [400], ['validation_failed']],
  ['g0000000-0000-0000-0000-000000000000', [400], ['validation_failed']],
  ['0000000-0000-0000-0000-0000000000000', [400], ['validation_failed']],
  ['00000000-0000-0000-0000-00000000000Z', [400], ['validation_failed']],
  ['{00000000-0000-0000-0000-000000000000}', [400], ['validation_failed']],
  ['urn:uuid:00000000-0000-0000-0000-000000000000', [400], ['validation_failed']],
  ['00000000-0000-0000-0000-000000000000', [404], ['not_found']],
  ['FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF', [404], ['not_found']],
  // Longer than the router's maxParamLength (200): refused before routing.
  ['x'.repeat(201), [400], ['invalid_id']],
  ['x'.repeat(10_000), [400], ['invalid_id']],
  ['1'.repeat(10_000), [400], ['invalid_id']],
  ['x'.repeat(200), [400], ['validation_failed']],
  ['../../etc', [400, 404], ['validation_failed', 'not_found']],
  ['..%2F..%2Fetc%2Fpasswd', [400, 404], ['validation_failed', 'not_found']],
  ['%00', [400], ['invalid_string']],
  ['00000000-0000-0000-0000-000000000000%00', [400], ['invalid_string']],
  ['%', [400], ['bad_request', 'validation_failed']],
  ['%ZZ', [400], ['bad_request', 'validation_failed']],
  ['%E0%A4%A', [400], ['bad_request', 'validation_failed']],
  ['%ED%A0%80', [400], ['bad_request', 'invalid_string', 'validation_failed']],
  ['%FF', [400], ['bad_request', 'invalid_string', 'validation_failed']],
  ['00000000-0000-0000-0000-000000000000%20', [400], ['validation_failed']],
  ['%27%20OR%201%3D1%20--', [400], ['validation_failed']],
  ['-1', [400], ['validation_failed']],
  ['null', [400], ['validation_failed']],
];

const get = (obj: unknown, ptr: string[]): unknown => ptr.reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);
function set(obj: Json, ptr: string[], value: unknown): Json {
  const copy = structuredClone(obj);
  let o: Record<string, unknown> = copy;
  for (const k of ptr.slice(0, -1)) o = o[k] as Record<string, unknown>;
  o[ptr[ptr.length - 1]!] = value;
  return copy;
}
/** JSON text of `obj` with the string at `ptr` replaced by raw JSON (for escapes JSON.stringify would never write). */
function withRawString(obj: Json, ptr: string[], rawJsonString: string): string {
  const marker = '__RAW_MARKER__';
  return JSON.stringify(set(obj, ptr, marker)).replace(`"${marker}"`, rawJsonString);
}
function wrongTypeFor(v: unknown): unknown {
  if (typeof v === 'string') return 12345;
  if (typeof v === 'number') return 'twelve';
  if (typeof v === 'boolean') return 'true';
  if (Array.isArray(v)) return 'not-an-array';
  if (v === null) return ['null?'];
  return 'not-an-object';
}

describe.each(ENGINES)('bad input on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let ids: Ids;
  let n = 0;

  const counts = () => rowCounts(h.db);

  interface Case {
    name: string;
    req: InjectOptions;
    status: number[];
    codes: ErrorCode[];
    path?: string;
  }

  /** Sends every case and returns a list of what did not match (empty when all is well). */
  async function run(cases: Case[]): Promise<string[]> {
    const problems: string[] = [];
    for (const c of cases) {
      const res = await h.app.inject(c.req);
      const label = `${c.name} → ${res.statusCode} ${res.body.slice(0, 300)}`;
      if (res.statusCode >= 500 || res.statusCode < 400) {
        problems.push(`not 4xx: ${label}`);
        continue;
      }
      if (!c.status.includes(res.statusCode)) problems.push(`status (want ${c.status.join('|')}): ${label}`);
      if (c.req.method === 'HEAD') continue;
      if (!String(res.headers['content-type']).startsWith('application/json'))
        problems.push(`content-type ${String(res.headers['content-type'])}: ${label}`);
      let err: { code?: unknown; message?: unknown; details?: { path: string }[] } | undefined;
      try {
        err = res.json().error;
      } catch {
        problems.push(`body is not JSON: ${label}`);
        continue;
      }
      if (!err || typeof err.code !== 'string' || !(err.code in ERROR_STATUS)) {
        problems.push(`no stable error.code: ${label}`);
        continue;
      }
      if (typeof err.message !== 'string' || err.message === '') problems.push(`no error.message: ${label}`);
      if (ERROR_STATUS[err.code as ErrorCode] !== res.statusCode) problems.push(`code/status disagree: ${label}`);
      if (!c.codes.includes(err.code as ErrorCode)) problems.push(`code (want ${c.codes.join('|')}): ${label}`);
      if (c.path && !err.details?.some((d) => d.path === c.path)) problems.push(`details lack path ${c.path}: ${label}`);
    }
    return problems;
  }

  const urlOf = (r: { path: string; idKind?: keyof Ids; params?: Record<string, string> }) =>
    r.path.replace(/:(\w+)/g, (m, k: string) => (k === 'id' && r.idKind ? ids[r.idKind] : (r.params?.[k] ?? m)));
  const headersFor = (r: { public?: boolean }, extra: Record<string, string> = {}): Record<string, string> => ({
    ...(r.public ? {} : { authorization: `Bearer ${ws.token}` }),
    ...extra,
  });
  const jsonReq = (r: BodyRoute, payload: string | Buffer, extra: Record<string, string> = {}): InjectOptions => ({
    method: r.method,
    url: urlOf(r),
    headers: headersFor(r, { 'content-type': 'application/json', ...extra }),
    payload,
  });

  function bodyCases(r: BodyRoute): Case[] {
    const cases: Case[] = [];
    const name = (what: string) => `${r.method} ${r.path}: ${what}`;
    const add = (what: string, payload: string | Buffer, status: number, code: ErrorCode, path?: string, extra?: Record<string, string>) =>
      cases.push({ name: name(what), req: jsonReq(r, payload, extra), status: [status], codes: [code], ...(path ? { path } : {}) });

    if (r.rawFile) {
      const file = (headers: Record<string, string>, payload: Buffer): InjectOptions => ({
        method: r.method,
        url: urlOf(r),
        headers,
        payload,
      });
      const widget = { 'x-widget-key': `wk_${'k'.repeat(22)}`, 'x-visitor-token': `wv_${'v'.repeat(43)}` };
      cases.push(
        {
          name: name('a file without the widget headers'),
          req: file({ 'content-type': 'application/pdf' }, Buffer.from('%PDF-1.4')),
          status: [400],
          codes: ['validation_failed'],
        },
        {
          name: name('a file over 10 MiB'),
          req: file({ 'content-type': 'application/octet-stream', ...widget }, Buffer.alloc(10 * 1024 * 1024 + 1)),
          status: [413],
          codes: ['payload_too_large'],
        },
      );
      return cases;
    }
    // Transport: JSON that does not parse, bodies too large, the wrong media type.
    add('malformed JSON', '{"a":', 400, 'invalid_json');
    add('trailing garbage', '{} x', 400, 'invalid_json');
    add('single quotes', "{'a': 1}", 400, 'invalid_json');
    add('empty body', '', 400, 'invalid_json');
    add('raw control character in a string', '{"a":"x\u0001y"}', 400, 'invalid_json');
    add('prototype pollution', '{"__proto__":{"admin":true}}', 400, 'invalid_json');
    add('constructor pollution', '{"constructor":{"prototype":{"admin":true}}}', 400, 'invalid_json');
    add('over the body limit (valid JSON)', JSON.stringify({ pad: 'a'.repeat(BODY_LIMIT + 1) }), 413, 'payload_too_large');
    add('over the body limit (garbage)', Buffer.alloc(2 * BODY_LIMIT, 0x7b), 413, 'payload_too_large');
    cases.push({
      name: name('body without a content type'),
      req: { method: r.method, url: urlOf(r), headers: headersFor(r), payload: '{}' },
      status: [415],
      codes: ['unsupported_media_type'],
    });
    // The charset parameter is not honoured: the bytes are read as UTF-8 and do not parse.
    add('JSON in UTF-16', Buffer.from('{}', 'utf16le'), 400, 'invalid_json', undefined, {
      'content-type': 'application/json; charset=utf-16',
    });
    add('Content-Length smaller than the body', '{"aaaaaaaaaaaaaaaa":1}', 400, 'bad_request', undefined, { 'content-length': '5' });
    for (const ct of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'text/json',
      'application/jsonx',
    ]) {
      add(`content type ${ct}`, JSON.stringify(r.valid?.(++n, ids) ?? {}), 415, 'unsupported_media_type', undefined, {
        'content-type': ct,
      });
    }
    // Text PostgreSQL cannot store, anywhere in the document (keys included).
    add('NUL in a key', '{"a\\u0000b":1}', 400, 'invalid_string');
    add('lone surrogate in a key', '{"\\ud800":1}', 400, 'invalid_string');
    add('NUL in an unknown field', '{"zz":"\\u0000"}', 400, 'invalid_string');
    // Bytes that are not UTF-8 would be replaced with U+FFFD and stored; a Latin-1 "café" too.
    add(
      'invalid UTF-8 bytes',
      Buffer.concat([Buffer.from('{"zz":"a'), Buffer.from([0xff, 0xc3]), Buffer.from('b"}')]),
      400,
      'invalid_string',
    );
    add('Latin-1 text', Buffer.from('{"zz":"caf\u00e9"}', 'latin1'), 400, 'invalid_string', undefined, {
      'content-type': 'application/json; charset=latin1',
    });
    add(
      'UTF-8 encoded surrogate (CESU)',
      Buffer.concat([Buffer.from('{"zz":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
      400,
      'invalid_string',
    );
    // Structure deep enough to exhaust a recursive walker.
    add('deeply nested arrays', `{"zz":${'['.repeat(200_000)}${']'.repeat(200_000)}}`, 400, 'validation_failed');
    add('nested 33 levels', `{"zz":${'['.repeat(33)}${']'.repeat(33)}}`, 400, 'validation_failed');
    add('deeply nested objects', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`, 400, 'validation_failed');
    if (r.noBody) return cases;

    // Shapes: not an object at all.
    for (const raw of ['[]', '[{}]', '"x"', 'null', '42', 'true', '0']) add(`body ${raw}`, raw, 400, 'validation_failed');

    const valid = r.valid!(++n, ids);
    // Wrong types, every top-level field and the listed nested ones.
    const wrong: [string[], unknown][] = [
      ...Object.entries(valid).map(([k, v]): [string[], unknown] => [[k], wrongTypeFor(v)]),
      ...(r.wrongTypes ?? []),
    ];
    for (const [ptr, v] of wrong)
      add(`wrong type at ${ptr.join('.')}`, JSON.stringify(set(valid, ptr, v)), 400, 'validation_failed', `body/${ptr.join('/')}`);
    // Unknown fields, at the top and inside nested objects.
    add('unknown field', JSON.stringify({ ...valid, zzUnknown: 1 }), 400, 'validation_failed', 'body/zzUnknown');
    add('unknown field (null)', JSON.stringify({ ...valid, zzUnknown: null }), 400, 'validation_failed', 'body/zzUnknown');
    for (const ptr of r.nestedObjects ?? []) {
      add(
        `unknown field in ${ptr.join('.')}`,
        JSON.stringify(set(valid, [...ptr, 'zzUnknown'], 1)),
        400,
        'validation_failed',
        `body/${ptr.join('/')}/zzUnknown`,
      );
    }
    // NUL bytes and lone surrogates in each string field; an oversized value in the first.
    for (const ptr of r.strings ?? []) {
      if (typeof get(valid, ptr) !== 'string') throw new Error(`${r.path}: ${ptr.join('.')} is not a string in the valid body`);
      const at = `body/${ptr.join('/')}`;
      add(`NUL in ${ptr.join('.')}`, JSON.stringify(set(valid, ptr, `a\u0000b`)), 400, 'invalid_string', at);
      add(`only NUL in ${ptr.join('.')}`, JSON.stringify(set(valid, ptr, '\u0000')), 400, 'invalid_string', at);
      add(`lone high surrogate in ${ptr.join('.')}`, withRawString(valid, ptr, '"a\\ud800b"'), 400, 'invalid_string', at);
      add(`lone low surrogate in ${ptr.join('.')}`, withRawString(valid, ptr, '"\\udfff"'), 400, 'invalid_string', at);
      add(`reversed surrogate pair in ${ptr.join('.')}`, withRawString(valid, ptr, '"\\udc00\\ud800"'), 400, 'invalid_string', at);
    }
    if (r.strings?.[0])
      add(`huge ${r.strings[0].join('.')}`, JSON.stringify(set(valid, r.strings[0], 'a'.repeat(BODY_LIMIT))), 413, 'payload_too_large');
    for (const x of r.extra ?? []) {
      const b = x.body(++n, ids);
      add(x.name, typeof b === 'string' ? b : JSON.stringify(b), x.status, x.code, x.path);
    }

    // A valid body with a bad Idempotency-Key.
    if (r.idempotent) {
      const body = JSON.stringify(r.valid!(++n, ids));
      const badKeys: [string, string | string[]][] = [
        ['too long', 'k'.repeat(256)],
        ['non-ASCII (latin-1)', 'cl\u00e9'],
        ['non-ASCII (UTF-8 bytes)', Buffer.from('ключ', 'utf8').toString('latin1')],
        ['with a space', 'a b'],
        ['empty', ''],
        ['sent twice', ['k1', 'k2']],
      ];
      for (const [what, key] of badKeys) {
        cases.push({
          name: name(`Idempotency-Key ${what}`),
          req: { ...jsonReq(r, body), headers: { ...headersFor(r, { 'content-type': 'application/json' }), 'idempotency-key': key } },
          status: [400],
          codes: ['validation_failed'],
          path: 'headers/idempotency-key',
        });
      }
    }
    return cases;
  }

  function idCases(): Case[] {
    const cases: Case[] = [];
    for (const r of ID_ROUTES) {
      const body = BODY_ROUTES.find((b) => b.method === r.method && b.path === r.path)?.valid?.(++n, ids);
      for (const [raw, status, codes] of ABSURD_IDS) {
        cases.push({
          name: `${r.method} ${r.path} id=${raw.length > 60 ? `${raw.slice(0, 20)}…(${raw.length})` : raw}`,
          req: {
            method: r.method,
            url: Object.entries(r.params ?? {})
              .reduce((p, [k, v]) => p.replace(`:${k}`, v), r.path)
              .replace(':id', raw),
            headers: { authorization: `Bearer ${ws.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
            ...(body ? { payload: JSON.stringify(body) } : {}),
          },
          status,
          codes,
        });
      }
    }
    return cases;
  }

  function addressCases(): Case[] {
    return ADDRESS_ROUTES.flatMap((r) =>
      ABSURD_ADDRESSES.map(([raw, status, codes]) => ({
        name: `${r.method} ${r.path} address=${raw.slice(0, 40)}`,
        req: { method: r.method, url: r.path.replace(':address', raw), headers: { authorization: `Bearer ${ws.token}` } },
        status,
        codes,
      })),
    );
  }

  function localeCases(): Case[] {
    return LOCALE_ROUTES.flatMap((r) =>
      ABSURD_LOCALES.map(([raw, status, codes]) => ({
        name: `${r.method} ${r.path} locale=${raw.length > 60 ? `${raw.slice(0, 20)}…(${raw.length})` : raw}`,
        req: { method: r.method, url: r.path.replace(':locale', raw), headers: { authorization: `Bearer ${ws.token}` } },
        status,
        codes,
      })),
    );
  }

  function queryCases(): Case[] {
    const cases: Case[] = [];
    for (const l of LIST_ROUTES) {
      const path = l.path(ids);
      // Unpaged lists take no limit or cursor: only the common checks apply.
      const common = l.max === null ? PAGING_BAD(0).filter(([q]) => !/^(limit|cursor)=/.test(q)) : PAGING_BAD(l.max);
      const bad: [string, ErrorCode][] = [...common, ...l.bad.map((q): [string, ErrorCode] => [q, 'validation_failed'])];
      for (const [q, code] of bad) {
        cases.push({
          name: `GET ${path}?${q.slice(0, 80)}`,
          req: { method: 'GET', url: `${path}?${q}`, headers: { authorization: `Bearer ${ws.token}` } },
          status: [400],
          codes: [code],
        });
      }
      // (A malformed escape in free text, like q=%ZZ, is taken literally and is not an error.)
      for (const q of ['limit=%', 'limit=%ZZ', 'cursor=%ED%A0%80', 'cursor=%FF', 'limit=%00']) {
        cases.push({
          name: `GET ${path}?${q}`,
          req: { method: 'GET', url: `${path}?${q}`, headers: { authorization: `Bearer ${ws.token}` } },
          status: [400],
          codes: ['validation_failed', 'invalid_string', 'bad_request', 'invalid_cursor'],
        });
      }
    }
    return cases;
  }

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
    const post = async (url: string, body: unknown) => {
      const res = await h.app.inject({
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${ws.token}`, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const agent = await post('/api/v1/agents', { email: 'seed@example.org', name: 'Seed', password: 'a password of some length' });
    const calendar = await post('/api/v1/calendars', { name: 'Seed', definition: CALENDAR });
    // Names the PATCH routes try to take.
    await post('/api/v1/calendars', { name: 'Other', definition: { timeZone: 'UTC', weekly: [] } });
    const otherTeam = await post('/api/v1/teams', { name: 'Other', timeZone: 'UTC' });
    const team = await post('/api/v1/teams', { name: 'Seed', timeZone: 'UTC', memberIds: [agent.id], calendarId: calendar.id });
    const customer = await post('/api/v1/customers', { name: 'Seed', emails: ['seed-customer@example.org'] });
    const conversation = await post('/api/v1/conversations', { customer: { id: customer.id }, channel: 'chat', message: { text: 'seed' } });
    // A second page exists in every list, so cursors are really applied.
    await post('/api/v1/conversations', { customer: { id: customer.id }, channel: 'chat', message: { text: 'seed 2' } });
    const template = await post('/api/v1/templates', {
      key: 'seed',
      name: 'Seed',
      sourceLocale: 'en',
      variants: [{ locale: 'en', body: 'Hi {customerName}' }],
    });
    const glossary = await post('/api/v1/glossary', { term: 'Seed term', language: 'en', translations: { de: 'Saatbegriff' } });
    await post('/api/v1/glossary', { term: 'Other term' });
    // The default policy, and a name the routes try to take.
    const slaPolicy = await post('/api/v1/sla/policies', { name: 'Seed', default: true, targets: { firstReply: { minutes: 60 } } });
    await post('/api/v1/sla/policies', { name: 'Other', targets: { resolution: { minutes: 60 } } });
    const scheduled = await post(`/api/v1/conversations/${conversation.id}/scheduled-messages`, {
      text: 'seed later',
      sendAt: 'next_business_morning',
    });
    ids = {
      conversation: conversation.id,
      message: conversation.messages[0].id,
      customer: customer.id,
      agent: agent.id,
      team: team.id,
      template: template.id,
      glossary: glossary.id,
      calendar: calendar.id,
      slaPolicy: slaPolicy.id,
      otherTeam: otherTeam.id,
      scheduledMessage: scheduled.id,
      ...(await seedMail()),
      blockedSender: await seedBlock(post),
      channelAccount: (
        await post('/api/v1/channels', {
          kind: 'whatsapp',
          name: 'Seed WhatsApp',
          settings: { phoneNumberId: '106540352242922' },
          secrets: { appSecret: 'app-secret', accessToken: 'EAAG-token', verifyToken: 'verify-me' },
        })
      ).id,
      channelOutbox: await seedQueuedChannelMessage(h, ws, 'bad-input'),
      change: await seedChange(post, conversation.id),
    };
  });
  afterAll(async () => h?.close());

  /** A change with the seed conversation linked. */
  async function seedChange(post: (url: string, body: unknown) => Promise<any>, conversationId: string): Promise<string> {
    const change = await post('/api/v1/changes', { title: 'Seed change', description: 'Seed', sourceLanguage: 'en' });
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/changes/${change.id}/links`,
      headers: { authorization: `Bearer ${ws.token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ conversationIds: [conversationId] }),
    });
    expect(res.statusCode, res.body).toBe(200);
    return change.id;
  }

  /** An SMS conversation marked as spam: its sender's block. */
  async function seedBlock(post: (url: string, body: unknown) => Promise<any>): Promise<string> {
    const sms = await post('/api/v1/conversations', {
      customer: { email: 'spammer@example.org' },
      channel: 'sms',
      message: { text: 'spam', channelMeta: { from: '+3197010009999' } },
    });
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${sms.id}/spam`,
      headers: { authorization: `Bearer ${ws.token}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().block.id;
  }

  /** A mail address, a mailed conversation with an attachment, and a quarantined loop. */
  async function seedMail(): Promise<Pick<Ids, 'mailAddress' | 'quarantine' | 'attachment' | 'mailOutbox'>> {
    const auth = { authorization: `Bearer ${ws.token}` };
    const address = 'support@bad-input.example';
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/mail/addresses', headers: auth, payload: { address } });
    expect(res.statusCode, res.body).toBe(201);
    const env = { workspaceId: ws.id, rcptTo: [address], receivedVia: 'smtp' as const };
    const mailed = await h.mailIngest.ingest(
      rawMail(
        {
          From: 'mailer@example.org',
          To: address,
          Subject: 'with a file',
          'MIME-Version': '1.0',
          'Content-Type': 'multipart/mixed; boundary="b"',
        },
        '--b\nContent-Type: text/plain\n\nsee file\n--b\nContent-Type: text/plain\nContent-Disposition: attachment; filename="a.txt"\n\nfile\n--b--\n',
      ),
      { ...env, mailFrom: 'mailer@example.org' },
    );
    if (mailed.kind !== 'created') throw new Error(`seed mail: ${mailed.kind}`);
    const list = await h.app.inject({ method: 'GET', url: `/api/v1/conversations/${mailed.conversationId}/attachments`, headers: auth });
    const looped = await h.mailIngest.ingest(rawMail({ From: address, To: address, Subject: 'loop' }, 'loop'), {
      ...env,
      mailFrom: address,
    });
    if (looped.kind !== 'quarantined') throw new Error(`seed loop: ${looped.kind}`);
    // A reply, and its e-mail queued as the outbox handler would.
    const reply = await h.app.inject({
      method: 'POST',
      url: `/api/v1/conversations/${mailed.conversationId}/messages`,
      headers: auth,
      payload: { direction: 'outbound', text: 'thanks' },
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const queued = await h.db.transaction((tx) => queueOutboundMail(tx, ws.id, reply.json().id, h.clock()));
    if (queued.kind !== 'queued') throw new Error(`seed outbox: ${queued.kind}`);
    return { mailAddress: res.json().id, quarantine: looped.quarantineId, attachment: list.json().data[0].id, mailOutbox: queued.row.id };
  }

  it.skipIf(!engine.available)('the tables cover every POST/PATCH route and every route with an id', async () => {
    const doc = h.app.swagger() as { info: { description?: string }; paths: Record<string, Record<string, unknown>> };
    // The body limit is documented where clients look for it.
    expect(doc.info.description).toContain(`Bodies over ${BODY_LIMIT} bytes are refused with 413`);
    const ops = Object.entries(doc.paths).flatMap(([p, o]) =>
      Object.keys(o).map((m) => ({ method: m.toUpperCase(), path: p.replace(/\{(\w+)\}/g, ':$1') })),
    );
    const writes = ops
      .filter((o) => o.method === 'POST' || o.method === 'PATCH' || o.method === 'PUT' || o.method === 'DELETE')
      .map((o) => `${o.method} ${o.path}`);
    expect(BODY_ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(writes.sort());
    const withId = ops.filter((o) => o.path.includes(':')).map((o) => `${o.method} ${o.path}`);
    expect([...ID_ROUTES, ...LOCALE_ROUTES, ...ADDRESS_ROUTES].map((r) => `${r.method} ${r.path}`).sort()).toEqual(withId.sort());
    const lists = ops.filter(
      (o) =>
        o.method === 'GET' &&
        /\/(conversations|customers|agents|teams|messages|cultures|calendars|openings|coverage|volume|calls|blocked-senders|counts|changes|links|survey|surveys\/settings|summary|responses|responses\.csv)$/.test(
          o.path,
        ),
    );
    expect(lists.length).toBe(LIST_ROUTES.length);
  });

  it.skipIf(!engine.available)(
    'every bad body on every POST/PATCH route is a 4xx with a stable code, and nothing is written',
    async () => {
      const before = await counts();
      const commits = h.commits;
      const problems = await run(BODY_ROUTES.flatMap(bodyCases));
      expect(problems).toEqual([]);
      expect(await counts()).toEqual(before);
      expect(h.commits).toBe(commits);
      // Thousands of requests, growing with every route: slow on a loaded 2-core machine, not stuck.
    },
    240_000,
  );

  it.skipIf(!engine.available)('absurd ids in the path are 400 or 404, never 500, and nothing is written', async () => {
    const before = await counts();
    const problems = await run(idCases());
    expect(problems).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it.skipIf(!engine.available)('absurd addresses in the path are 400 or 404, never 500, and nothing is written', async () => {
    const before = await counts();
    expect(await run(addressCases())).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it.skipIf(!engine.available)('absurd locales in the path are 400 or 404, never 500', async () => {
    const problems = await run(localeCases());
    expect(problems).toEqual([]);
    // Positive control: the same route answers a real tag.
    const ok = await h.app.inject({ method: 'GET', url: '/api/v1/cultures/de-AT', headers: { authorization: `Bearer ${ws.token}` } });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it.skipIf(!engine.available)('bad query parameters are 400 with a code', async () => {
    const before = await counts();
    const problems = await run(queryCases());
    expect(problems).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it.skipIf(!engine.available)('unrouted methods and paths answer with a code, not a 500', async () => {
    const t = { authorization: `Bearer ${ws.token}` };
    const problems = await run([
      {
        name: 'DELETE conversation',
        req: { method: 'DELETE', url: `/api/v1/conversations/${ids.conversation}`, headers: t },
        status: [404, 405],
        codes: ['not_found', 'method_not_allowed'],
      },
      {
        name: 'PUT customer',
        req: {
          method: 'PUT',
          url: `/api/v1/customers/${ids.customer}`,
          headers: { ...t, 'content-type': 'application/json' },
          payload: '{}',
        },
        status: [404, 405],
        codes: ['not_found', 'method_not_allowed'],
      },
      { name: 'unknown path', req: { method: 'GET', url: '/api/v1/../../etc/passwd', headers: t }, status: [404], codes: ['not_found'] },
      {
        name: 'path with NUL',
        req: { method: 'GET', url: '/api/v1/%00', headers: t },
        status: [400, 404],
        codes: ['not_found', 'bad_request', 'invalid_string'],
      },
    ]);
    expect(problems).toEqual([]);
  });

  it.skipIf(!engine.available)('the valid bodies the bad ones were derived from are accepted (positive control)', async () => {
    // Give the login route a real agent to log in as.
    const login = BODY_ROUTES.find((r) => r.path === '/api/v1/auth/login')!;
    const ok = await h.app.inject(
      jsonReq(login, JSON.stringify({ ...login.valid!(++n, ids), workspace: ws.slug, email: 'seed@example.org' })),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    for (const r of BODY_ROUTES) {
      if (r.noBody || r.public) continue;
      const res = await h.app.inject(jsonReq(r, JSON.stringify(r.valid!(++n, ids))));
      expect(res.statusCode, `${r.method} ${r.path}: ${res.body}`).toBe(r.okStatus ?? (r.method === 'POST' ? 201 : 200));
    }
    // And a good Idempotency-Key is accepted where bad ones were refused.
    for (const r of BODY_ROUTES.filter((x) => x.idempotent)) {
      const res = await h.app.inject(jsonReq(r, JSON.stringify(r.valid!(++n, ids)), { 'idempotency-key': `ok-${n}` }));
      expect(res.statusCode, `${r.method} ${r.path}: ${res.body}`).toBe(201);
    }
  });
});
