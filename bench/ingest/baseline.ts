/**
 * Baseline: the rows one POST /api/v1/conversations writes for a new customer, as bare SQL; the
 * workspace both legs write under; and the row signature that shows both legs wrote the same.
 */
import { saveAckSettings } from '../../server/src/acks/acks.repo.js';
import { DEFAULT_WINDOW_MINUTES } from '../../server/src/acks/rate-limit.js';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { createToken } from '../../server/src/auth/create-token.js';
import type { Db, Queryable } from '../../server/src/db/types.js';
import { newId } from '../../server/src/lib/ids.js';
import { createWorkspace } from '../../server/src/workspaces/create-workspace.js';
import type { Item } from './workload.js';

export interface Ctx {
  workspaceId: string;
  tokenId: string;
}

type Exec = (sql: string, params: unknown[]) => Promise<unknown>;

const SQL = {
  customer: 'INSERT INTO customers (id, workspace_id, name, locale, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)',
  identity: "INSERT INTO customer_identities (workspace_id, customer_id, kind, value, position) VALUES ($1, $2, 'email', $3, 1)",
  event: 'INSERT INTO events (workspace_id, type, subject_id, payload, created_at) VALUES ($1, $2, $3, $4, $5)',
  audit:
    "INSERT INTO audit_log (workspace_id, actor_type, actor_id, action, target_type, target_id, created_at) VALUES ($1, 'token', $2, $3, $4, $5, $6)",
  conversation: `INSERT INTO conversations (id, workspace_id, channel, subject, status, priority, language, customer_id, message_count, created_at, updated_at, last_message_at)
     VALUES ($1, $2, 'email', $3, 'new', 'normal', $4, $5, 1, $6, $6, $6)`,
  message: `INSERT INTO messages (id, workspace_id, conversation_id, direction, author_type, author_id, text, language, created_at)
     VALUES ($1, $2, $3, 'inbound', 'customer', $4, $5, $6, $7)`,
};

/** Exactly the rows the API writes: customer + email identity + customer.created event/audit, conversation + message + conversation.created event/audit. */
async function baselineRows(q: Exec, ctx: Ctx, it: Item): Promise<void> {
  const at = new Date();
  const ws = ctx.workspaceId;
  const customerId = newId();
  const conversationId = newId();
  const messageId = newId();
  await q(SQL.customer, [customerId, ws, it.name, it.locale, at]);
  await q(SQL.identity, [ws, customerId, it.email.toLowerCase()]);
  await q(SQL.event, [ws, 'customer.created', customerId, JSON.stringify({ customerId }), at]);
  await q(SQL.audit, [ws, ctx.tokenId, 'customer.create', 'customer', customerId, at]);
  await q(SQL.conversation, [conversationId, ws, it.subject, it.language, customerId, at]);
  await q(SQL.message, [messageId, ws, conversationId, customerId, it.text, it.language, at]);
  await q(SQL.event, [ws, 'conversation.created', conversationId, JSON.stringify({ conversationId, customerId, messageId }), at]);
  await q(SQL.audit, [ws, ctx.tokenId, 'conversation.create', 'conversation', conversationId, at]);
}

export function pgBaseline(pool: pg.Pool, ctx: Ctx, items: Item[]) {
  return async (i: number) => {
    const it = items[i]!;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await baselineRows((sql, params) => client.query(sql, params), ctx, it);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
}

export function pgliteBaseline(lite: PGlite, ctx: Ctx, items: Item[]) {
  return (i: number) => lite.transaction((tx) => baselineRows((sql, params) => tx.query(sql, params), ctx, items[i]!));
}

/** A workspace and an admin token for one leg: the API leg authenticates with the token, the baseline writes as it. */
export async function setupWorkspace(db: Db, slug: string): Promise<Ctx & { token: string }> {
  return db.transaction(async (tx) => {
    const at = new Date();
    const ws = await createWorkspace(tx, { slug, name: `Bench ${slug}` }, at);
    const t = await createToken(tx, ws.id, { name: 'bench', role: 'admin' }, at);
    // Ingest is what is measured: acknowledgements are background work that writes a message and
    // events of its own (measured by the eta bench), so neither leg's workspace sends them.
    await saveAckSettings(tx, ws.id, { enabled: false, windowMinutes: DEFAULT_WINDOW_MINUTES }, at);
    return { workspaceId: ws.id, tokenId: t.id, token: t.secret };
  });
}

/** What a workspace holds, so the two legs can be shown to have written the same rows. */
export async function rowSignature(q: Queryable, workspaceId: string): Promise<string> {
  const { rows } = await q.query<{ k: string; n: number | string }>(
    `SELECT 'customers' AS k, count(*) AS n FROM customers WHERE workspace_id = $1
     UNION ALL SELECT 'identities', count(*) FROM customer_identities WHERE workspace_id = $1
     UNION ALL SELECT 'conversations', count(*) FROM conversations WHERE workspace_id = $1 AND message_count = 1
     UNION ALL SELECT 'messages', count(*) FROM messages WHERE workspace_id = $1
     UNION ALL SELECT 'message-chars', coalesce(sum(char_length(text)), 0) FROM messages WHERE workspace_id = $1
     UNION ALL SELECT 'subject-chars', coalesce(sum(char_length(subject)), 0) FROM conversations WHERE workspace_id = $1
     UNION ALL SELECT 'events:' || type, count(*) FROM events WHERE workspace_id = $1 GROUP BY type
     UNION ALL SELECT 'audit:' || action, count(*) FROM audit_log WHERE workspace_id = $1 GROUP BY action`,
    [workspaceId],
  );
  return rows
    .map((r) => `${r.k}=${Number(r.n)}`)
    .sort()
    .join(' ');
}
