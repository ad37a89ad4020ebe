import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../app.js';
import { ApertiumProvider } from '../translation/providers/apertium.js';
import { Translator } from '../translation/translator.js';
import { WorkspaceTranslation } from '../translation/workspace-translation.js';
import { SecretBox } from '../lib/secret-box.js';
import { createToken } from '../auth/create-token.js';
import type { Role } from '../auth/principal.js';
import type { Db } from '../db/types.js';
import type { Deps } from '../http/deps.js';
import { fixedClock } from '../lib/clock.js';
import { createWorkspace } from '../workspaces/create-workspace.js';
import type { EngineCase, TestDb } from './engines.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMailIngest } from '../email/ingest-mail.js';
import { ThreadTokens } from '../email/thread-token.js';
import type { MailIngest, MailReprocess } from '../email/ingest.types.js';
import { FsBlobStore, type BlobStore } from '../storage/blob-store.js';

export const T0 = '2026-03-02T09:00:00.000Z';

export interface Harness {
  tdb: TestDb;
  db: Db;
  app: FastifyInstance;
  clock: ReturnType<typeof fixedClock>;
  commits: number;
  /** Attachments and raw mail, in a temp dir removed on close. */
  blobs: BlobStore;
  /** The app's mail ingest (raw mail lands in `blobs`). */
  mailIngest: MailIngest & MailReprocess;
  /** The app's translator (real Apertium when the suite has one). */
  translator: Translator;
  close(): Promise<void>;
}

/** An app over a fresh database of the given engine, with a fixed clock. */
export async function startHarness(engine: EngineCase, overrides: Partial<Deps> = {}): Promise<Harness> {
  const tdb = await engine.create();
  const clock = fixedClock(T0);
  const h = { tdb, db: tdb.db, clock, commits: 0 } as Harness;
  const secretBox = overrides.secretBox ?? SecretBox.random();
  const providerAllowedHosts = overrides.providerAllowedHosts ?? [];
  const blobDir = mkdtempSync(path.join(tmpdir(), 'meridian-harness-blobs-'));
  h.blobs = overrides.blobs ?? new FsBlobStore(blobDir, clock);
  const onCommit = () => {
    h.commits++;
  };
  h.mailIngest =
    overrides.mailIngest ?? createMailIngest({ db: tdb.db, clock, blobs: h.blobs, tokens: new ThreadTokens(secretBox), onCommit });
  const apy = inject('apyUrl') ? new ApertiumProvider(inject('apyUrl')) : null;
  h.translator =
    overrides.translator ??
    new Translator(tdb.db, new WorkspaceTranslation(tdb.db, secretBox, apy, { allowedHosts: providerAllowedHosts }), clock);
  h.app = await buildApp({
    db: tdb.db,
    clock,
    onCommit,
    translator: h.translator,
    secretBox,
    providerAllowedHosts,
    bodyLimit: 1024 * 1024,
    sessionTtlMs: 3600_000,
    secureCookies: false,
    blobs: h.blobs,
    mailIngest: h.mailIngest,
    ...overrides,
  });
  h.close = async () => {
    await h.app.close();
    await tdb.cleanup();
    rmSync(blobDir, { recursive: true, force: true });
  };
  return h;
}

export interface TestWorkspace {
  id: string;
  slug: string;
  token: string;
  tokenFor(role: Role): Promise<string>;
}

let seq = 0;
export async function makeWorkspace(h: Harness, role: Role = 'admin'): Promise<TestWorkspace> {
  const slug = `ws-${process.pid}-${++seq}`;
  const ws = await h.db.transaction((tx) => createWorkspace(tx, { slug, name: `Workspace ${seq}` }, h.clock()));
  const tokenFor = async (r: Role) =>
    (await h.db.transaction((tx) => createToken(tx, ws.id, { name: `test ${r}`, role: r }, h.clock()))).secret;
  return { id: ws.id, slug, token: await tokenFor(role), tokenFor };
}

/**
 * Injects a request with a bearer token; JSON bodies are serialised. A request with a session cookie
 * comes from the app's own origin (as the console's would: see http/csrf.ts) unless it names another.
 */
export async function call(
  h: Harness,
  token: string | null,
  method: InjectOptions['method'],
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse & { json<T = any>(): T }> {
  return h.app.inject({
    method,
    url,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(headers.cookie && !('origin' in headers) ? { origin: 'http://localhost' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
}

/** Every table that holds workspace data (workspaces and api_tokens aside). */
export const TENANT_TABLES = [
  'agents',
  'teams',
  'team_members',
  'calendars',
  'customers',
  'customer_identities',
  'conversations',
  'messages',
  'events',
  'audit_log',
  'idempotency_keys',
  'sessions',
  'translation_settings',
  'glossary_terms',
  'sla_policies',
  'sla_conversations',
  'conversation_sla',
  'sla_events',
  'routing_rules',
  'routing_chains',
  'routing_chain_teams',
  'routing_team_settings',
  'routing_round_robin',
  'routing_decisions',
  'scheduled_messages',
  'conversation_snoozes',
  'acknowledgements',
  'acknowledgement_settings',
  'mail_addresses',
  'mail_messages',
  'mail_quarantine',
  'attachments',
  'mail_failing_addresses',
  'mail_settings',
  'mail_outbox',
  'channel_outbox',
  'mail_imap_accounts',
  'channel_accounts',
  'channel_inbound',
  'blocked_senders',
  'calls',
  'survey_settings',
  'surveys',
  'survey_responses',
  'changes',
  'change_links',
  'change_announcements',
  'mentions',
] as const;

/** Row counts per table, of one workspace or of all: to prove a request wrote nothing. */
export async function rowCounts(db: Db, workspaceId?: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const tables = workspaceId ? TENANT_TABLES : ['workspaces', 'api_tokens', ...TENANT_TABLES];
  for (const t of tables) {
    const where = workspaceId ? ' WHERE workspace_id = $1' : '';
    out[t] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}${where}`, workspaceId ? [workspaceId] : [])).rows[0]!.n;
  }
  return out;
}

/** Creates agents with the given languages and logs each in: their session cookies by name. */
export async function agentSessions(
  h: Harness,
  ws: TestWorkspace,
  agents: Record<string, { tag: string; proficiency: string }[]>,
): Promise<Record<string, string>> {
  const password = 'correct horse battery staple';
  const cookies: Record<string, string> = {};
  for (const [who, languages] of Object.entries(agents)) {
    const email = `${who}@example.com`;
    const created = await call(h, ws.token, 'POST', '/api/v1/agents', { email, name: who, password, languages });
    if (created.statusCode !== 201) throw new Error(`creating agent ${who}: ${created.body}`);
    const login = await call(h, null, 'POST', '/api/v1/auth/login', { workspace: ws.slug, email, password });
    cookies[who] = String(login.headers['set-cookie']).split(';')[0]!;
  }
  return cookies;
}
