/**
 * Acceptance item 7: ingest throughput, end to end versus bare SQL, in one run.
 *
 *   npm run bench -- ingest [--n=N] [--warmup=N] [--rounds=N] [--concurrency=N] [--engine=postgres|pglite|both]
 *
 * Per engine:
 *  - API leg: the real server (`startServer`: migrations, pg-boss jobs and the outbox, as
 *    `meridian start` runs it) on port 0, and N × POST /api/v1/conversations over real HTTP
 *    (node:http, keep-alive) at a fixed concurrency; each a new customer (by email), a subject and
 *    a first message of ~150–330 characters in one of ten languages.
 *  - Baseline leg: exactly the rows one such request writes (customer, email identity,
 *    conversation, message, two outbox events, two audit entries), inserted with bare
 *    parameterised SQL, one statement per row, one transaction per item, over the same driver
 *    (a `pg` Pool of the server's pool size; a PGlite instance) at the same concurrency.
 * Each leg has its own database, so the server's outbox and pg-boss only see the API's rows, and
 * the legs alternate in rounds (A B, B A, …) so that other load on the machine falls on both.
 * After the run the two databases are compared row for row (counts per table, event type, audit
 * action): the comparison is void if the legs wrote different rows.
 *
 * Prints messages/s per leg and the api/baseline ratio, and exits 1 when PostgreSQL's ratio is
 * below TARGET_RATIO (or PostgreSQL cannot be reached). The `meridian_bench_*` databases are
 * dropped and the PGlite directory removed at the end, also on error or Ctrl-C.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createToken } from '../server/src/auth/create-token.js';
import type { Config } from '../server/src/config.js';
import { migrate } from '../server/src/db/migrate.js';
import { fromPglite } from '../server/src/db/pglite.js';
import type { Db, Engine, Queryable } from '../server/src/db/types.js';
import { newId } from '../server/src/lib/ids.js';
import { startServer, type Running } from '../server/src/server.js';
import { createWorkspace } from '../server/src/workspaces/create-workspace.js';

export const TARGET_RATIO = 0.5;

// Same precedence as the tests: a server this bench may create and drop `meridian_bench_*` databases on.
const ADMIN_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

interface EngineSpec {
  engine: Engine;
  n: number;
  concurrency: number;
}

const DEFAULTS: Record<Engine, EngineSpec> = {
  postgres: { engine: 'postgres', n: 2000, concurrency: 16 },
  // PGlite is one connection: more concurrency only queues inside the instance.
  pglite: { engine: 'pglite', n: 1000, concurrency: 4 },
};

interface Options {
  n?: number;
  concurrency?: number;
  warmup: number;
  rounds: number;
  engines: Engine[];
}

function parseArgs(args: string[]): Options {
  const opts: Options = { warmup: 100, rounds: 8, engines: ['postgres', 'pglite'] };
  for (const a of args) {
    const m = /^--([a-z-]+)=(.*)$/.exec(a);
    const int = (v: string, min: number) => {
      const x = Number(v);
      if (!Number.isInteger(x) || x < min) throw new UsageError(`${a}: expected an integer ≥ ${min}`);
      return x;
    };
    if (m?.[1] === 'n') opts.n = int(m[2]!, 1);
    else if (m?.[1] === 'warmup') opts.warmup = int(m[2]!, 0);
    else if (m?.[1] === 'rounds') opts.rounds = int(m[2]!, 1);
    else if (m?.[1] === 'concurrency') opts.concurrency = int(m[2]!, 1);
    else if (m?.[1] === 'engine') {
      const v = m[2]!;
      if (v === 'both') opts.engines = ['postgres', 'pglite'];
      else if (v === 'postgres' || v === 'pglite') opts.engines = [v];
      else throw new UsageError(`${a}: expected postgres, pglite or both`);
    } else throw new UsageError(`unknown option ${a}`);
  }
  return opts;
}

class UsageError extends Error {}

const USAGE = `usage: npm run bench -- ingest [--n=N] [--warmup=N] [--rounds=N] [--concurrency=N] [--engine=postgres|pglite|both]
  --n            conversations per leg (default ${DEFAULTS.postgres.n} on PostgreSQL, ${DEFAULTS.pglite.n} on PGlite)
  --warmup       requests per leg before measuring (default 100)
  --rounds       alternating measured rounds per leg (default 8)
  --concurrency  requests in flight (default ${DEFAULTS.postgres.concurrency} on PostgreSQL, ${DEFAULTS.pglite.concurrency} on PGlite)
  --engine       which engines to run (default both)`;

// ---------------------------------------------------------------------------------------------
// Workload: deterministic, realistic items. Same list for both legs of an engine.

interface Item {
  email: string;
  name: string;
  locale: string;
  subject: string;
  text: string;
  language: string;
}

const TEMPLATES: { lang: string; locale: string; names: string[]; subject: string; text: string }[] = [
  {
    lang: 'en',
    locale: 'en-GB',
    names: ['Olivia Carter', 'James Whitfield', 'Amelia Brooks'],
    subject: 'Order {o} arrived damaged',
    text:
      'Hello, my order {o} arrived this morning but the box was crushed and the {p} inside has a cracked corner. ' +
      'I have photos of the packaging and the device if you need them. Could you send a replacement, or tell me how to ' +
      'return it for a refund? I need it before the end of next week. Thanks, {n}',
  },
  {
    lang: 'de',
    locale: 'de-DE',
    names: ['Jürgen Weiß', 'Anna Schröder', 'Lukas Bäcker'],
    subject: 'Rechnung zu Bestellung {o} fehlerhaft',
    text:
      'Guten Tag, in der Rechnung zu meiner Bestellung {o} wurde die Mehrwertsteuer doppelt berechnet und die Lieferadresse ' +
      'stimmt nicht. Das Gerät ({p}) ist zwar angekommen, aber unsere Buchhaltung kann die Rechnung so nicht verbuchen. ' +
      'Bitte schicken Sie mir eine korrigierte Fassung. Mit freundlichen Grüßen, {n}',
  },
  {
    lang: 'es',
    locale: 'es-ES',
    names: ['María José Núñez', 'Alejandro Peña', 'Lucía Fernández'],
    subject: 'No puedo acceder a mi cuenta ({o})',
    text:
      'Hola, desde ayer no puedo iniciar sesión en mi cuenta. Cambié la contraseña dos veces y sigue diciendo que es incorrecta. ' +
      'Tengo el pedido {o} pendiente con un {p} y necesito ver el estado del envío. ¿Podrían revisar si la cuenta está ' +
      'bloqueada? Muchas gracias, {n}',
  },
  {
    lang: 'fr',
    locale: 'fr-FR',
    names: ['Chloé Lefèvre', 'François Dubois', 'Élodie Garnier'],
    subject: 'Remboursement de la commande {o}',
    text:
      "Bonjour, j'ai renvoyé le {p} de la commande {o} il y a trois semaines et je n'ai toujours pas reçu le remboursement. " +
      'Le transporteur confirme que le colis a été livré à votre entrepôt. Pourriez-vous vérifier où en est le dossier et ' +
      'me donner une date ? Cordialement, {n}',
  },
  {
    lang: 'pt',
    locale: 'pt-BR',
    names: ['João Gonçalves', 'Ana Luíza Ribeiro', 'Thiago Araújo'],
    subject: 'Entrega atrasada do pedido {o}',
    text:
      'Olá, o pedido {o} deveria ter chegado na segunda-feira, mas o rastreamento não é atualizado há cinco dias. ' +
      'Comprei o {p} como presente de aniversário e a festa é no sábado. Vocês conseguem verificar com a transportadora ' +
      'ou enviar outro por entrega expressa? Obrigado, {n}',
  },
  {
    lang: 'ja',
    locale: 'ja-JP',
    names: ['佐藤 美咲', '高橋 健一', '山本 さくら'],
    subject: '注文 {o} の配送について',
    text:
      'お世話になっております。注文番号 {o} の {p} について問い合わせいたします。発送完了のメールを受け取ってから一週間以上経ちましたが、' +
      'まだ届いておりません。追跡番号で確認すると「配達店に到着」のまま更新されていません。お手数ですが、配送状況をご確認いただけますでしょうか。' +
      '来週の出張前に受け取りたいと考えております。よろしくお願いいたします。{n}',
  },
  {
    lang: 'ru',
    locale: 'ru-RU',
    names: ['Алексей Смирнов', 'Екатерина Волкова', 'Дмитрий Козлов'],
    subject: 'Списание по заказу {o} прошло дважды',
    text:
      'Здравствуйте! Вчера я оплатил заказ {o} ({p}), и с моей карты деньги списались два раза. В личном кабинете ' +
      'отображается только один платёж. Прошу проверить транзакции и вернуть лишнюю сумму. Выписку из банка могу ' +
      'прислать по запросу. С уважением, {n}',
  },
  {
    lang: 'ar',
    locale: 'ar-EG',
    names: ['محمد عبد الله', 'فاطمة الزهراء', 'أحمد حسن'],
    subject: 'استفسار عن الطلب {o}',
    text:
      'مرحباً، طلبت {p} برقم الطلب {o} قبل عشرة أيام ولم يصلني حتى الآن. حاولت الاتصال بشركة الشحن لكن لم يرد أحد. ' +
      'أرجو منكم التحقق من حالة الشحنة وإبلاغي بموعد التسليم المتوقع، أو إلغاء الطلب واسترداد المبلغ إذا تعذر التوصيل. ' +
      'شكراً لكم، {n}',
  },
  {
    lang: 'zh',
    locale: 'zh-CN',
    names: ['王小明', '李静', '张伟'],
    subject: '订单 {o} 发票问题',
    text:
      '您好，我在贵店购买了{p}，订单号 {o}。收到货后发现发票抬头写错了，公司名称少了两个字，税号也不对。' +
      '我们公司财务需要正确的增值税专用发票才能报销，麻烦尽快帮我重新开具一张并寄到原地址。' +
      '另外想确认一下保修期是从发货日还是签收日开始计算？谢谢！{n}',
  },
  {
    lang: 'pl',
    locale: 'pl-PL',
    names: ['Katarzyna Wiśniewska', 'Paweł Łukasik', 'Zofia Kamińska'],
    subject: 'Reklamacja zamówienia {o}',
    text:
      'Dzień dobry, otrzymałam zamówienie {o}, ale {p} nie włącza się po naładowaniu. Próbowałam z innym kablem i ' +
      'ładowarką, bez zmian. Chciałabym złożyć reklamację i prosić o wymianę na nowy egzemplarz. Proszę o informację, ' +
      'jak odesłać towar. Pozdrawiam serdecznie, {n}',
  },
];

const PRODUCTS = ['Aurora X2 headset', 'Nimbus 14 laptop', 'Pulse smartwatch', 'Vela e-reader', 'Orbit router', 'Echo mini speaker'];

function makeItems(count: number, runTag: string): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < count; i++) {
    const t = TEMPLATES[i % TEMPLATES.length]!;
    const n = t.names[Math.floor(i / TEMPLATES.length) % t.names.length]!;
    const order = `M-${(100000 + i * 7919) % 1000000}`;
    const fill = (s: string) =>
      s
        .replaceAll('{o}', order)
        .replaceAll('{p}', PRODUCTS[i % PRODUCTS.length]!)
        .replaceAll('{n}', n);
    items.push({
      email: `customer.${i}.${runTag}@${t.lang}.example.com`,
      name: n,
      locale: t.locale,
      subject: fill(t.subject),
      text: fill(t.text),
      language: t.lang,
    });
  }
  return items;
}

const bodyOf = (it: Item): string =>
  JSON.stringify({
    customer: { email: it.email, name: it.name, locale: it.locale },
    channel: 'email',
    subject: it.subject,
    message: { text: it.text, language: it.language },
  });

// ---------------------------------------------------------------------------------------------
// Driving load. The two legs run interleaved in rounds (A B, B A, A B, …) so that whatever else
// the machine is doing falls on both of them alike; each leg has its own database.

/** CPU ticks per backend process of one database (Linux /proc); undefined when not measurable. */
type DbCpuProbe = () => Promise<Map<number, number> | undefined>;

interface Leg {
  name: 'api' | 'baseline';
  /** Writes item i: one HTTP request, or one bare-SQL transaction. */
  one: (i: number) => Promise<void>;
  dbCpu: DbCpuProbe;
}

class LegStats {
  n = 0;
  seconds = 0;
  cpuUs = 0;
  loopBusyMs = 0;
  dbTicks = 0;
  dbMeasured = true;
  readonly latencies: number[] = [];
  readonly rounds: number[] = [];

  get perSecond(): number {
    return this.n / this.seconds;
  }
  pct(p: number): number {
    const l = [...this.latencies].sort((a, b) => a - b);
    return l.length ? l[Math.min(l.length - 1, Math.floor(p * l.length))]! : 0;
  }
  cpuMs(): number {
    return this.cpuUs / 1000 / this.n;
  }
  /** Share of the wall time this process's event loop was busy (1 = saturated). */
  loopBusy(): number {
    return this.loopBusyMs / (this.seconds * 1000);
  }
  dbCpuMs(): number | undefined {
    return this.dbMeasured ? (this.dbTicks * 10) / this.n : undefined; // USER_HZ = 100
  }
}

/** Runs items [from, to) through `leg` with `concurrency` workers. Adds to `stats` unless it is a warm-up. */
async function runChunk(leg: Leg, from: number, to: number, concurrency: number, stats: LegStats | undefined): Promise<void> {
  if (to <= from) return;
  const db0 = stats ? await leg.dbCpu() : undefined;
  const latencies: number[] = [];
  let next = from;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= to) return;
      const s = performance.now();
      await leg.one(i);
      latencies.push(performance.now() - s);
    }
  };
  const cpu0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, to - from) }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const elu = performance.eventLoopUtilization(elu0);
  const cpu = process.cpuUsage(cpu0);
  if (!stats) return;
  const db1 = await leg.dbCpu();
  stats.n += to - from;
  stats.seconds += seconds;
  stats.rounds.push((to - from) / seconds);
  for (const l of latencies) stats.latencies.push(l);
  stats.cpuUs += cpu.user + cpu.system;
  stats.loopBusyMs += elu.active;
  if (db0 && db1) {
    for (const [pid, t] of db1) if (db0.has(pid)) stats.dbTicks += t - db0.get(pid)!;
  } else stats.dbMeasured = false;
}

/** Warm-up on both legs, then `rounds` alternating rounds (A B, B A, …) over the remaining items. */
async function interleave(
  api: Leg,
  baseline: Leg,
  total: number,
  opts: Options,
  concurrency: number,
): Promise<Record<'api' | 'baseline', LegStats>> {
  const stats = { api: new LegStats(), baseline: new LegStats() };
  await runChunk(api, 0, opts.warmup, concurrency, undefined);
  await runChunk(baseline, 0, opts.warmup, concurrency, undefined);
  const n = total - opts.warmup;
  const rounds = Math.min(opts.rounds, n);
  for (let r = 0; r < rounds; r++) {
    const from = opts.warmup + Math.floor((n * r) / rounds);
    const to = opts.warmup + Math.floor((n * (r + 1)) / rounds);
    for (const leg of r % 2 === 0 ? [api, baseline] : [baseline, api]) await runChunk(leg, from, to, concurrency, stats[leg.name]);
  }
  return stats;
}

/** Sums utime + stime per PostgreSQL backend connected to `database` (same machine only). */
function postgresCpuProbe(query: (sql: string, params: unknown[]) => Promise<{ rows: { pid: number }[] }>, database: string): DbCpuProbe {
  return async () => {
    if (process.platform !== 'linux') return undefined;
    try {
      const { rows } = await query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
      const ticks = new Map<number, number>();
      for (const { pid } of rows) {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks.set(pid, Number(f[11]) + Number(f[12]));
      }
      return ticks;
    } catch {
      return undefined; // PostgreSQL on another host, or /proc not readable
    }
  };
}

/** PGlite runs inside this process: its CPU is already in the node column. */
const noDbCpu: DbCpuProbe = async () => undefined;

/**
 * POSTs one body to /api/v1/conversations with a keep-alive agent (one socket per concurrent
 * request). It runs on the server's thread: a client on a worker thread measured no different.
 */
function httpPoster(baseUrl: string, token: string, concurrency: number) {
  const url = new URL('/api/v1/conversations', baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
  const auth = `Bearer ${token}`;
  const post = (body: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent,
          hostname: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: auth },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            if (res.statusCode === 201) resolve();
            else
              reject(
                new Error(`POST /api/v1/conversations → HTTP ${res.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 500)}`),
              );
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}

// ---------------------------------------------------------------------------------------------
// Baseline: the rows one POST /api/v1/conversations writes for a new customer, as bare SQL.

interface Ctx {
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

function pgBaseline(pool: pg.Pool, ctx: Ctx, items: Item[]) {
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

function pgliteBaseline(lite: PGlite, ctx: Ctx, items: Item[]) {
  return (i: number) => lite.transaction((tx) => baselineRows((sql, params) => tx.query(sql, params), ctx, items[i]!));
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

async function setupWorkspace(db: Db, slug: string): Promise<Ctx & { token: string }> {
  return db.transaction(async (tx) => {
    const at = new Date();
    const ws = await createWorkspace(tx, { slug, name: `Bench ${slug}` }, at);
    const t = await createToken(tx, ws.id, { name: 'bench', role: 'admin' }, at);
    return { workspaceId: ws.id, tokenId: t.id, token: t.secret };
  });
}

/** What a workspace holds, so the two legs can be shown to have written the same rows. */
async function rowSignature(q: Queryable, workspaceId: string): Promise<string> {
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

function benchConfig(db: Config['db']): Config {
  return { db, port: 0, host: '127.0.0.1', bodyLimit: 1024 * 1024, sessionTtlMs: 3600_000, secureCookies: false, logLevel: 'silent' };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Drops a bench database. Closed pools may still be finishing their sockets: terminating such a
 * connection makes `pg` emit an error nobody listens for, so wait (briefly) for them to go first.
 */
async function dropDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    for (let i = 0; i < 50; i++) {
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
      if (rows[0]!.n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function urlFor(database: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Cleanups run in reverse order at the end, on error, and on SIGINT/SIGTERM. */
class Cleanup {
  private readonly fns: { label: string; fn: () => Promise<void> | void }[] = [];
  add(label: string, fn: () => Promise<void> | void): void {
    this.fns.push({ label, fn });
  }
  async runAll(): Promise<void> {
    while (this.fns.length) {
      const { label, fn } = this.fns.pop()!;
      try {
        await fn();
      } catch (err) {
        process.stderr.write(`cleanup "${label}" failed: ${(err as Error).message}\n`);
      }
    }
  }
}

interface EngineResult {
  engine: Engine;
  concurrency: number;
  poolSize: number;
  version: string;
  api: LegStats;
  baseline: LegStats;
  rowsMatch: boolean;
  apiRows: string;
  baseRows: string;
}

const log = (s: string) => process.stdout.write(`${s}\n`);

// ---------------------------------------------------------------------------------------------
// Engines. Each leg writes to its own database, so the server's outbox processor and pg-boss
// only ever see the API's rows, and the two legs can alternate while the server stays up.

async function benchPostgres(spec: EngineSpec, opts: Options, cleanup: Cleanup): Promise<EngineResult> {
  const apiDb = `meridian_bench_${randomBytes(6).toString('hex')}`;
  const sqlDb = `${apiDb}_sql`;
  for (const name of [apiDb, sqlDb]) {
    await adminQuery(`CREATE DATABASE ${name}`);
    cleanup.add(`drop database ${name}`, () => dropDatabase(name));
  }
  const items = makeItems(opts.warmup + spec.n, randomBytes(3).toString('hex'));
  const bodies = items.map(bodyOf);

  // API leg: the real server, as `meridian start` runs it (jobs and outbox on).
  let apiCtx!: Ctx & { token: string };
  const running: Running = await startServer(benchConfig({ kind: 'postgres', url: urlFor(apiDb) }), {
    beforeListen: async (db) => {
      apiCtx = await setupWorkspace(db, 'bench-api');
    },
  });
  cleanup.add('stop server (postgres)', () => running.stop());
  const poolSize = (running.db.raw as pg.Pool).options.max;
  const { rows: v } = await running.db.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  const client = httpPoster(running.url, apiCtx.token, spec.concurrency);
  cleanup.add('close HTTP agent', () => client.close());

  // Baseline leg: a bare pg Pool of the server's pool size, on an identically migrated database.
  const pool = new pg.Pool({ connectionString: urlFor(sqlDb), max: poolSize });
  cleanup.add('close baseline pool', () => pool.end());
  const sqlSetup = poolDb(pool);
  await migrate(sqlSetup);
  const baseCtx = await setupWorkspace(sqlSetup, 'bench-sql');

  log(
    `postgres: ${spec.n} conversations per leg at concurrency ${spec.concurrency}, pool ${poolSize}, ${opts.rounds} alternating rounds (+${opts.warmup} warm-up each)…`,
  );
  const stats = await interleave(
    { name: 'api', one: (i) => client.post(bodies[i]!), dbCpu: postgresCpuProbe((sql, p) => running.db.query(sql, p), apiDb) },
    { name: 'baseline', one: pgBaseline(pool, baseCtx, items), dbCpu: postgresCpuProbe((sql, p) => pool.query(sql, p), sqlDb) },
    items.length,
    opts,
    spec.concurrency,
  );
  const apiRows = await rowSignature(running.db, apiCtx.workspaceId);
  const baseRows = await rowSignature(sqlSetup, baseCtx.workspaceId);
  await cleanup.runAll();
  return {
    engine: 'postgres',
    concurrency: spec.concurrency,
    poolSize,
    version: `PostgreSQL ${v[0]?.v ?? '?'}`,
    ...stats,
    rowsMatch: apiRows === baseRows,
    apiRows,
    baseRows,
  };
}

/** A minimal Db over a bare pg Pool, for migrating and checking the baseline's database outside the timed loop. */
function poolDb(pool: pg.Pool): Db {
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params?: readonly unknown[]) => {
      const r = await c.query(sql, params as unknown[] | undefined);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
    },
    exec: async (sql: string) => {
      await c.query(sql);
    },
  });
  return {
    engine: 'postgres',
    raw: pool,
    ...wrap(pool),
    async transaction(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const r = await fn(wrap(c));
        await c.query('COMMIT');
        return r;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}

async function benchPglite(spec: EngineSpec, opts: Options, cleanup: Cleanup): Promise<EngineResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'meridian-bench-'));
  cleanup.add(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  const items = makeItems(opts.warmup + spec.n, randomBytes(3).toString('hex'));
  const bodies = items.map(bodyOf);

  // API leg: the real server on a data directory, as `meridian start` runs it.
  let apiCtx!: Ctx & { token: string };
  let migrated!: Blob;
  log('pglite: starting the server (the first start runs initdb: several seconds)…');
  const running: Running = await startServer(benchConfig({ kind: 'pglite', dataDir: path.join(dir, 'api') }), {
    beforeListen: async (db) => {
      migrated = await (db.raw as PGlite).dumpDataDir('none');
      apiCtx = await setupWorkspace(db, 'bench-api');
    },
  });
  cleanup.add('stop server (pglite)', () => running.stop());
  const { rows: v } = await running.db.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  const client = httpPoster(running.url, apiCtx.token, spec.concurrency);
  cleanup.add('close HTTP agent', () => client.close());

  // Baseline leg: a bare PGlite instance on its own data directory, a copy of the freshly migrated one.
  const lite = await PGlite.create({ dataDir: path.join(dir, 'sql'), loadDataDir: migrated });
  cleanup.add('close baseline PGlite', () => lite.close());
  const sqlSetup = fromPglite(lite);
  const baseCtx = await setupWorkspace(sqlSetup, 'bench-sql');

  log(
    `pglite: ${spec.n} conversations per leg at concurrency ${spec.concurrency}, ${opts.rounds} alternating rounds (+${opts.warmup} warm-up each)…`,
  );
  const stats = await interleave(
    { name: 'api', one: (i) => client.post(bodies[i]!), dbCpu: noDbCpu },
    { name: 'baseline', one: pgliteBaseline(lite, baseCtx, items), dbCpu: noDbCpu },
    items.length,
    opts,
    spec.concurrency,
  );
  const apiRows = await rowSignature(running.db, apiCtx.workspaceId);
  const baseRows = await rowSignature(sqlSetup, baseCtx.workspaceId);
  await cleanup.runAll();
  return {
    engine: 'pglite',
    concurrency: spec.concurrency,
    poolSize: 1,
    version: `PGlite (PostgreSQL ${v[0]?.v ?? '?'})`,
    ...stats,
    rowsMatch: apiRows === baseRows,
    apiRows,
    baseRows,
  };
}

async function postgresReachable(): Promise<string | undefined> {
  try {
    await adminQuery('SELECT 1');
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

// ---------------------------------------------------------------------------------------------

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    log(`ingest: conversations per second through the HTTP API versus bare SQL, on PostgreSQL and PGlite.\n${USAGE}`);
    return 0;
  }
  let opts: Options;
  try {
    opts = parseArgs(args);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }

  const cpus = os.cpus();
  const loadBefore = os.loadavg()[0]!;
  log(
    `machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}, ${os.platform()} ${os.release()}`,
  );
  const sample = makeItems(TEMPLATES.length * 6, 'x');
  const chars = sample.map((i) => i.text.length);
  const bytes = sample.map((i) => Buffer.byteLength(i.text));
  log(
    `workload: POST /api/v1/conversations, a new customer (by email) each, first message ${Math.min(...chars)}–${Math.max(...chars)} characters ` +
      `(${Math.min(...bytes)}–${Math.max(...bytes)} bytes) in ${TEMPLATES.length} languages`,
  );

  const cleanup = new Cleanup();
  const onSignal = (sig: NodeJS.Signals) => {
    process.stderr.write(`\n${sig}: cleaning up…\n`);
    setTimeout(() => process.exit(130), 20_000).unref();
    void cleanup.runAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const results: EngineResult[] = [];
  let pgSkipped: string | undefined;
  try {
    for (const engine of opts.engines) {
      const spec = {
        ...DEFAULTS[engine],
        ...(opts.n !== undefined ? { n: opts.n } : {}),
        ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
      };
      if (engine === 'postgres') {
        const why = await postgresReachable();
        if (why) {
          pgSkipped = `PostgreSQL not reachable at ${ADMIN_URL.replace(/\/\/[^@/]*@/, '//…@')}: ${why}`;
          log(`postgres: SKIPPED — ${pgSkipped}`);
          continue;
        }
        results.push(await benchPostgres(spec, opts, cleanup));
      } else {
        results.push(await benchPglite(spec, opts, cleanup));
      }
    }
  } finally {
    await cleanup.runAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  log('');
  const rows = [
    ['engine', 'leg', 'N', 'seconds', 'messages/s', 'p50 ms', 'p99 ms', 'loop busy', 'node CPU ms/msg', 'db CPU ms/msg', 'api/baseline'],
  ];
  for (const r of results) {
    const ratio = r.api.perSecond / r.baseline.perSecond;
    for (const [leg, x] of [
      ['api (HTTP)', r.api],
      ['baseline (SQL)', r.baseline],
    ] as const) {
      const db = x.dbCpuMs();
      rows.push([
        r.engine,
        leg,
        String(x.n),
        x.seconds.toFixed(2),
        x.perSecond.toFixed(0),
        x.pct(0.5).toFixed(1),
        x.pct(0.99).toFixed(1),
        `${(x.loopBusy() * 100).toFixed(0)}%`,
        x.cpuMs().toFixed(2),
        db === undefined ? '-' : db.toFixed(2),
        leg.startsWith('api') ? ratio.toFixed(2) : '',
      ]);
    }
  }
  log(table(rows));
  log('');
  for (const r of results) {
    const rounds = (s: LegStats) => s.rounds.map((x) => x.toFixed(0)).join(' / ');
    const pairs = r.api.rounds.map((a, i) => a / r.baseline.rounds[i]!).sort((a, b) => a - b);
    const median = pairs.length % 2 ? pairs[(pairs.length - 1) / 2]! : (pairs[pairs.length / 2 - 1]! + pairs[pairs.length / 2]!) / 2;
    log(`${r.engine}: ${r.version}; concurrency ${r.concurrency}, pool ${r.poolSize}`);
    log(`${r.engine}: messages/s per round: api ${rounds(r.api)}; baseline ${rounds(r.baseline)}`);
    log(`${r.engine}: api/baseline per round: ${pairs[0]!.toFixed(2)}–${pairs[pairs.length - 1]!.toFixed(2)}, median ${median.toFixed(2)}`);
    log(`${r.engine}: rows per leg ${r.rowsMatch ? 'identical' : 'DIFFER'}: ${r.apiRows}`);
    if (!r.rowsMatch) log(`${r.engine}: baseline wrote ${r.baseRows}`);
  }
  log(
    'loop busy = share of the time this process’s event loop was busy; node CPU = this process (the server and its HTTP client for ' +
      'the API leg, the driver for the baseline, PGlite itself); db CPU = the PostgreSQL backends of that leg’s database (pg-boss’s included).',
  );
  log(
    `load average before the run: ${loadBefore.toFixed(2)} on ${cpus.length} CPUs` +
      (loadBefore > cpus.length / 2 ? ' — other work was running; expect noise (the per-round ratios show how much)' : ''),
  );

  let code = 0;
  if (results.some((r) => !r.rowsMatch)) {
    log('FAIL: the two legs wrote different rows, so the comparison is invalid.');
    code = 1;
  }
  const pgr = results.find((r) => r.engine === 'postgres');
  if (pgr) {
    const ratio = pgr.api.perSecond / pgr.baseline.perSecond;
    if (ratio < TARGET_RATIO) {
      log(
        `FAIL: on PostgreSQL the API reached ${(ratio * 100).toFixed(0)}% of the bare-SQL baseline; the target is at least ${TARGET_RATIO * 100}%.`,
      );
      code = 1;
    } else {
      log(`OK: on PostgreSQL the API reached ${(ratio * 100).toFixed(0)}% of the bare-SQL baseline (target ≥ ${TARGET_RATIO * 100}%).`);
    }
  } else if (opts.engines.includes('postgres')) {
    log(`FAIL: the PostgreSQL target could not be checked (${pgSkipped ?? 'no result'}).`);
    code = 1;
  }
  return code;
}
