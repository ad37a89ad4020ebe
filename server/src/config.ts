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
  /** Inbound SMTP listener port (--smtp-port, MERIDIAN_SMTP_PORT); 0 disables it. */
  smtpPort: number;
  /** Host the SMTP listener binds (MERIDIAN_SMTP_HOST); defaults to the HTTP host. */
  smtpHost: string;
  /** PEM certificate and key files (MERIDIAN_SMTP_TLS_CERT, MERIDIAN_SMTP_TLS_KEY): the listener offers STARTTLS only with both. */
  smtpTls?: { certFile: string; keyFile: string } | undefined;
  /** Largest inbound message the listener takes (MERIDIAN_SMTP_MAX_BYTES, advertised with SIZE); default 25 MiB. */
  smtpMaxBytes?: number | undefined;
  /** How often workspaces' IMAP mailboxes are polled (MERIDIAN_IMAP_POLL_SECONDS); 0: only on demand. */
  imapPollSeconds?: number | undefined;
  /** Outbound relay (--smtp-relay, MERIDIAN_SMTP_RELAY): smtp://[user:pass@]host:port or smtps://…; workspaces may override it. */
  smtpRelay?: string | undefined;
  /** Where attachments and raw mail are stored (MERIDIAN_BLOB_DIR): <data>/blobs by default. */
  blobDir: string;
}

export class ConfigError extends Error {}

export interface ConfigFlags {
  data?: string;
  databaseUrl?: string;
  port?: string;
  host?: string;
  smtpPort?: string;
  smtpRelay?: string;
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
  const smtpRelay = flags.smtpRelay ?? (env.MERIDIAN_SMTP_RELAY || undefined);
  if (smtpRelay !== undefined && !/^smtps?:\/\/([^\s@/]+@)?[^\s@/:]+(:\d{1,5})?\/?$/.test(smtpRelay)) {
    throw new ConfigError('--smtp-relay / MERIDIAN_SMTP_RELAY must look like smtp://host:port or smtps://user:pass@host:port');
  }
  const tlsCert = env.MERIDIAN_SMTP_TLS_CERT || undefined;
  const tlsKey = env.MERIDIAN_SMTP_TLS_KEY || undefined;
  if ((tlsCert === undefined) !== (tlsKey === undefined))
    throw new ConfigError('set both MERIDIAN_SMTP_TLS_CERT and MERIDIAN_SMTP_TLS_KEY, or neither');
  const host = flags.host ?? env.HOST ?? '127.0.0.1';
  return {
    db,
    apertiumUrl,
    smtpPort: int('MERIDIAN_SMTP_PORT / --smtp-port', flags.smtpPort ?? env.MERIDIAN_SMTP_PORT, 2525, 0, 65535),
    smtpHost: env.MERIDIAN_SMTP_HOST || host,
    smtpTls: tlsCert && tlsKey ? { certFile: path.resolve(tlsCert), keyFile: path.resolve(tlsKey) } : undefined,
    smtpMaxBytes: int('MERIDIAN_SMTP_MAX_BYTES', env.MERIDIAN_SMTP_MAX_BYTES, 25 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    imapPollSeconds: int('MERIDIAN_IMAP_POLL_SECONDS', env.MERIDIAN_IMAP_POLL_SECONDS, 60, 0, 86_400),
    smtpRelay,
    blobDir: path.resolve(env.MERIDIAN_BLOB_DIR || path.join(dataDir, 'blobs')),
    secretKey,
    secretKeyFile: path.resolve(env.MERIDIAN_SECRET_KEY_FILE || path.join(dataDir, 'secret.key')),
    providerAllowedHosts,
    port: int('PORT / --port', flags.port ?? env.PORT, 3000, 0, 65535),
    host,
    bodyLimit: int('MERIDIAN_BODY_LIMIT', env.MERIDIAN_BODY_LIMIT, 1024 * 1024, 1024, 64 * 1024 * 1024),
    sessionTtlMs: int('MERIDIAN_SESSION_HOURS', env.MERIDIAN_SESSION_HOURS, 12, 1, 24 * 90) * 3600 * 1000,
    secureCookies: env.MERIDIAN_SECURE_COOKIES === 'true',
    logLevel,
  };
}
