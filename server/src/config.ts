import path from 'node:path';
import type { DbTarget } from './db/open.js';
import { parseSecretKey } from './lib/secret-box.js';

/** One validated configuration, from flags first, then environment, then defaults. */
export interface Config {
  db: DbTarget;
  port: number;
  host: string;
  bodyLimit: number;
  sessionTtlMs: number;
  secureCookies: boolean;
  logLevel: string;
  /** Apertium APy base URL (MERIDIAN_APERTIUM_URL); no machine translation when unset. */
  apertiumUrl?: string | undefined;
  /** MERIDIAN_SECRET_KEY: seals provider keys at rest; else read from (or created in) secretKeyFile. */
  secretKey?: Buffer | undefined;
  secretKeyFile: string;
  /** Private hosts a workspace-configured engine may reach (MERIDIAN_PROVIDER_ALLOWED_HOSTS). */
  providerAllowedHosts: string[];
}

export class ConfigError extends Error {}

export interface ConfigFlags {
  data?: string;
  databaseUrl?: string;
  port?: string;
  host?: string;
}

function int(name: string, raw: string | undefined, def: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}

export function loadConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv = process.env): Config {
  if (flags.data !== undefined && flags.databaseUrl !== undefined) throw new ConfigError('give either --data or --database-url, not both');
  // A flag beats the environment: `--data DIR` means the embedded database even when DATABASE_URL is set.
  const url = flags.databaseUrl ?? (flags.data === undefined ? env.DATABASE_URL : undefined);
  if (url !== undefined && url !== '' && !/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError(`DATABASE_URL / --database-url must start with postgres:// or postgresql://`);
  }
  const db: DbTarget = url
    ? { kind: 'postgres', url }
    : { kind: 'pglite', dataDir: path.resolve(flags.data ?? env.MERIDIAN_DATA ?? './data') };
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel))
    throw new ConfigError(`LOG_LEVEL "${logLevel}" is not a level`);
  const apertiumUrl = env.MERIDIAN_APERTIUM_URL || undefined;
  if (apertiumUrl && !/^https?:\/\/[^\s]+$/.test(apertiumUrl)) throw new ConfigError('MERIDIAN_APERTIUM_URL must be an http(s) URL');
  let secretKey: Buffer | undefined;
  if (env.MERIDIAN_SECRET_KEY) {
    secretKey = parseSecretKey(env.MERIDIAN_SECRET_KEY) ?? undefined;
    if (!secretKey) throw new ConfigError('MERIDIAN_SECRET_KEY must be 32 bytes: 64 hex digits or base64');
  }
  const dataDir = path.resolve(flags.data ?? env.MERIDIAN_DATA ?? './data');
  const providerAllowedHosts = (env.MERIDIAN_PROVIDER_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
  for (const h of providerAllowedHosts) {
    if (!/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/.test(h))
      throw new ConfigError(`MERIDIAN_PROVIDER_ALLOWED_HOSTS: "${h}" is not a host`);
  }
  return {
    db,
    apertiumUrl,
    secretKey,
    secretKeyFile: path.resolve(env.MERIDIAN_SECRET_KEY_FILE || path.join(dataDir, 'secret.key')),
    providerAllowedHosts,
    port: int('PORT / --port', flags.port ?? env.PORT, 3000, 0, 65535),
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    bodyLimit: int('MERIDIAN_BODY_LIMIT', env.MERIDIAN_BODY_LIMIT, 1024 * 1024, 1024, 64 * 1024 * 1024),
    sessionTtlMs: int('MERIDIAN_SESSION_HOURS', env.MERIDIAN_SESSION_HOURS, 12, 1, 24 * 90) * 3600 * 1000,
    secureCookies: env.MERIDIAN_SECURE_COOKIES === 'true',
    logLevel,
  };
}
