import path from 'node:path';
import { TELEGRAM_DEFAULT_URL } from './channels/providers/telegram.js';
import { TWILIO_DEFAULT_URL } from './channels/providers/twilio.js';
import { WHATSAPP_DEFAULT_URL } from './channels/providers/whatsapp.js';
import type { DbTarget } from './db/open.js';
import { parseSecretKey } from './lib/secret-box.js';
import type { S3Options } from './storage/s3-blob-store.js';

/** One validated configuration, from flags first, then environment, then defaults. */
export interface Config {
  db: DbTarget;
  port: number;
  host: string;
  bodyLimit: number;
  sessionTtlMs: number;
  secureCookies: boolean;
  /**
   * The server's public base URL (MERIDIAN_PUBLIC_URL, e.g. https://help.example.com): webhook URLs
   * shown to admins, and the URL Twilio signs (X-Twilio-Signature covers the exact URL it called).
   */
  publicUrl?: string | undefined;
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
  /** MERIDIAN_BLOB_STORE: `fs` (blobDir, the default) or `s3` (then `s3` is set). */
  blobStore?: 'fs' | 's3' | undefined;
  s3?: S3Options | undefined;
  /** Messaging APIs' base URLs (MERIDIAN_WHATSAPP_API_URL, MERIDIAN_TELEGRAM_API_URL, MERIDIAN_TWILIO_API_URL): the providers' own by default. */
  channelApis?: ChannelApis | undefined;
}

/** Where the messaging providers' HTTP APIs are: operator configuration (a proxy or a test double), never per workspace. */
export interface ChannelApis {
  whatsapp: string;
  telegram: string;
  twilio: string;
}

/** MERIDIAN_*_API_URL, each an http(s) URL without credentials, query or fragment; trailing slashes dropped. */
function channelApis(env: NodeJS.ProcessEnv): ChannelApis {
  const one = (name: string, def: string): string => {
    const v = env[name] || def;
    if (!/^https?:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/.test(v))
      throw new ConfigError(`${name} must be an http(s) URL without credentials, e.g. ${def}`);
    return v.replace(/\/+$/, '');
  };
  return {
    whatsapp: one('MERIDIAN_WHATSAPP_API_URL', WHATSAPP_DEFAULT_URL),
    telegram: one('MERIDIAN_TELEGRAM_API_URL', TELEGRAM_DEFAULT_URL),
    twilio: one('MERIDIAN_TWILIO_API_URL', TWILIO_DEFAULT_URL),
  };
}

export class ConfigError extends Error {}

/** MERIDIAN_PUBLIC_URL: an http(s) origin, optionally with a path prefix; no trailing slash kept. */
function publicUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (!/^https?:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/.test(raw))
    throw new ConfigError(
      'MERIDIAN_PUBLIC_URL must be an http(s) URL without credentials, query or fragment, e.g. https://help.example.com',
    );
  return raw.replace(/\/+$/, '');
}

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

/** MERIDIAN_S3_*: checked only for MERIDIAN_BLOB_STORE=s3, and refused otherwise so a half-done switch is noticed. */
function s3Options(env: NodeJS.ProcessEnv, store: string): S3Options | undefined {
  const v = (name: string): string | undefined => env[name] || undefined;
  if (store !== 's3') {
    const stray = Object.keys(env).find((k) => k.startsWith('MERIDIAN_S3_') && env[k]);
    if (stray) throw new ConfigError(`${stray} is set but MERIDIAN_BLOB_STORE is not s3; set MERIDIAN_BLOB_STORE=s3 or unset it`);
    return undefined;
  }
  const bucket = v('MERIDIAN_S3_BUCKET');
  if (!bucket) throw new ConfigError('MERIDIAN_BLOB_STORE=s3 needs MERIDIAN_S3_BUCKET');
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new ConfigError(`MERIDIAN_S3_BUCKET "${bucket}" is not a bucket name`);
  const region = v('MERIDIAN_S3_REGION') ?? v('AWS_REGION') ?? 'us-east-1';
  if (!/^[a-z0-9-]+$/.test(region)) throw new ConfigError(`MERIDIAN_S3_REGION "${region}" is not a region name`);
  const endpoint = v('MERIDIAN_S3_ENDPOINT') ?? `https://s3.${region}.amazonaws.com`;
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(endpoint) || /@/.test(endpoint))
    throw new ConfigError('MERIDIAN_S3_ENDPOINT must be an http(s) URL without credentials, e.g. https://s3.eu-central-1.amazonaws.com');
  const pathStyle = v('MERIDIAN_S3_FORCE_PATH_STYLE') ?? 'false';
  if (pathStyle !== 'true' && pathStyle !== 'false') throw new ConfigError('MERIDIAN_S3_FORCE_PATH_STYLE must be true or false');
  let accessKeyId = v('MERIDIAN_S3_ACCESS_KEY_ID');
  let secretAccessKey = v('MERIDIAN_S3_SECRET_ACCESS_KEY');
  let sessionToken: string | undefined;
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined))
    throw new ConfigError(
      'set both MERIDIAN_S3_ACCESS_KEY_ID and MERIDIAN_S3_SECRET_ACCESS_KEY, or neither (then AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)',
    );
  if (accessKeyId === undefined) {
    // Neither given: the standard AWS variables, as every S3 tool reads them.
    accessKeyId = v('AWS_ACCESS_KEY_ID');
    secretAccessKey = v('AWS_SECRET_ACCESS_KEY');
    sessionToken = v('AWS_SESSION_TOKEN');
    if (!accessKeyId || !secretAccessKey)
      throw new ConfigError(
        'MERIDIAN_BLOB_STORE=s3 needs MERIDIAN_S3_ACCESS_KEY_ID and MERIDIAN_S3_SECRET_ACCESS_KEY (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)',
      );
  }
  return { endpoint, bucket, region, forcePathStyle: pathStyle === 'true', accessKeyId, secretAccessKey: secretAccessKey!, sessionToken };
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
  const blobStore = env.MERIDIAN_BLOB_STORE || 'fs';
  if (blobStore !== 'fs' && blobStore !== 's3') throw new ConfigError(`MERIDIAN_BLOB_STORE must be fs or s3, got "${blobStore}"`);
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
    blobStore,
    s3: s3Options(env, blobStore),
    channelApis: channelApis(env),
    secretKey,
    secretKeyFile: path.resolve(env.MERIDIAN_SECRET_KEY_FILE || path.join(dataDir, 'secret.key')),
    providerAllowedHosts,
    port: int('PORT / --port', flags.port ?? env.PORT, 3000, 0, 65535),
    host,
    bodyLimit: int('MERIDIAN_BODY_LIMIT', env.MERIDIAN_BODY_LIMIT, 1024 * 1024, 1024, 64 * 1024 * 1024),
    sessionTtlMs: int('MERIDIAN_SESSION_HOURS', env.MERIDIAN_SESSION_HOURS, 12, 1, 24 * 90) * 3600 * 1000,
    secureCookies: env.MERIDIAN_SECURE_COOKIES === 'true',
    publicUrl: publicUrl(env.MERIDIAN_PUBLIC_URL),
    logLevel,
  };
}
