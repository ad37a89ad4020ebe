import { parseArgs, type ParseArgsConfig } from 'node:util';
import { keyFromFile, SecretBox } from './lib/secret-box.js';
import { createAgent } from './agents/create-agent.js';
import { createToken } from './auth/create-token.js';
import { ROLES, type Role } from './auth/principal.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { migrate } from './db/migrate.js';
import { openDb } from './db/open.js';
import type { Db } from './db/types.js';
import { seedDemo } from './demo/seed-demo.js';
import { AppError } from './lib/errors.js';
import { systemClock } from './lib/clock.js';
import { startServer } from './server.js';
import { createWorkspace } from './workspaces/create-workspace.js';
import { countWorkspaces, findWorkspaceBySlug } from './workspaces/workspaces.repo.js';

const USAGE = `meridian <command> [options]

Commands:
  start [--port N] [--host H] [--smtp-port N] [--smtp-relay smtp://host:port]
                                   migrate, seed the demo workspace if the database is empty, serve
                                   (HTTP, and SMTP on --smtp-port, default 2525, 0 = off)
  migrate                          apply database migrations
  demo                             seed the demo workspace (slug "demo"); does nothing if it exists
  workspace create --slug S --name N
  token create --workspace S --role admin|lead|agent --name N
                                   prints the new API token on stdout and nothing else
  agent create --workspace S --email E --name N [--role R] [--password P]
               [--time-zone TZ] [--languages de:native,en:fluent]

Every command takes --data DIR (embedded database, default ./data)
or --database-url URL (PostgreSQL; also DATABASE_URL).`;

const OPTIONS = {
  data: { type: 'string' },
  'database-url': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'smtp-port': { type: 'string' },
  'smtp-relay': { type: 'string' },
  slug: { type: 'string' },
  name: { type: 'string' },
  workspace: { type: 'string' },
  role: { type: 'string' },
  email: { type: 'string' },
  password: { type: 'string' },
  'time-zone': { type: 'string' },
  languages: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

class UsageError extends Error {}

function need(v: Values, key: keyof Values): string {
  const x = v[key];
  if (typeof x !== 'string' || x === '') throw new UsageError(`--${String(key)} is required`);
  return x;
}

function role(v: Values, def?: Role): Role {
  const r = v.role ?? def;
  if (!r || !(ROLES as readonly string[]).includes(r)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return r as Role;
}

async function withDb<T>(config: Config, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(config.db);
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function workspaceId(db: Db, slug: string): Promise<string> {
  const ws = await findWorkspaceBySlug(db, slug);
  if (!ws) throw new UsageError(`workspace "${slug}" does not exist`);
  return ws.id;
}

function parseLanguages(raw: string | undefined): { tag: string; proficiency: 'native' | 'fluent' | 'working' | 'basic' }[] {
  if (!raw) return [];
  return raw.split(',').map((part) => {
    const [tag, proficiency = 'fluent'] = part.split(':');
    if (!tag || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) || !['native', 'fluent', 'working', 'basic'].includes(proficiency)) {
      throw new UsageError(`--languages: "${part}" is not tag:native|fluent|working|basic`);
    }
    return { tag, proficiency: proficiency as 'native' };
  });
}

export async function run(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s + '\n'),
  err: (s: string) => void = (s) => process.stderr.write(s + '\n'),
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  const [cmd, sub] = positionals;
  if (v.help || !cmd) {
    (cmd ? out : err)(USAGE);
    return cmd ? 0 : 2;
  }
  try {
    const config = loadConfig({
      data: v.data,
      databaseUrl: v['database-url'],
      port: v.port,
      host: v.host,
      smtpPort: v['smtp-port'],
      smtpRelay: v['smtp-relay'],
    });
    const now = systemClock();
    switch (`${cmd}${sub ? ' ' + sub : ''}`) {
      case 'start': {
        const running = await startServer(config, {
          beforeListen: async (db, box) => {
            if ((await countWorkspaces(db)) === 0) {
              await seedDemo(db, systemClock(), box);
              err('Seeded the demo workspace "demo" (log in as admin@demo.meridian.local / meridian-demo).');
            }
          },
        });
        err(
          `Meridian is serving on ${running.url} (${running.db.engine}${config.db.kind === 'pglite' ? `, data in ${config.db.dataDir}` : ''})`,
        );
        const shutdown = () => {
          running.stop().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        };
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
        return -1; // keep running
      }
      case 'migrate': {
        const db = await openDb(config.db);
        try {
          const applied = await migrate(db);
          err(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date');
        } finally {
          await db.close();
        }
        return 0;
      }
      case 'demo':
        return await withDb(config, async (db) => {
          const r = await seedDemo(db, now, SecretBox.fromKey(config.secretKey ?? keyFromFile(config.secretKeyFile)));
          err(r.created ? 'Seeded the demo workspace "demo".' : 'The demo workspace exists; nothing to do.');
          return 0;
        });
      case 'workspace create':
        return await withDb(config, async (db) => {
          const ws = await db.transaction((tx) => createWorkspace(tx, { slug: need(v, 'slug'), name: need(v, 'name') }, now));
          out(ws.id);
          return 0;
        });
      case 'token create':
        return await withDb(config, async (db) => {
          const ws = await workspaceId(db, need(v, 'workspace'));
          const r = role(v);
          const t = await db.transaction((tx) => createToken(tx, ws, { name: need(v, 'name'), role: r }, now));
          out(t.secret);
          return 0;
        });
      case 'agent create':
        return await withDb(config, async (db) => {
          const ws = await workspaceId(db, need(v, 'workspace'));
          const password = v.password ?? process.env.MERIDIAN_AGENT_PASSWORD;
          const agent = await db.transaction((tx) =>
            createAgent(
              tx,
              ws,
              { actorType: 'cli', actorId: null },
              {
                email: need(v, 'email'),
                name: need(v, 'name'),
                role: role(v, 'agent'),
                ...(password ? { password } : {}),
                ...(v['time-zone'] ? { timeZone: v['time-zone'] } : {}),
                languages: parseLanguages(v.languages),
              },
              now,
            ),
          );
          out(agent.id);
          return 0;
        });
      default:
        err(`unknown command "${positionals.join(' ')}"\n\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError) {
      err(`meridian: ${e.message}`);
      return 2;
    }
    if (e instanceof AppError) {
      err(`meridian: ${e.code}: ${e.message}`);
      return 1;
    }
    err(`meridian: ${(e as Error).message}`);
    return 1;
  }
}
