import { lookup as dnsLookup } from 'node:dns';
import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { isAllowedHost, isPrivateHost, isPublicAddress, PrivateAddressError, type Resolver } from '../../lib/safe-fetch.js';
import type { SecretBox } from '../../lib/secret-box.js';
import type { MailSettingsRow } from './mail-settings.repo.js';

/** Where one e-mail goes: the workspace's relay or the server's. */
export interface RelayTarget {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
  /** A workspace admin typed it in: it must resolve to public addresses unless the operator allowed the host. */
  guarded: boolean;
}

const RELAY_URL = /^(smtps?):\/\/(?:([^\s:@/]+)(?::([^\s@/]*))?@)?(\[[0-9a-fA-F:.]+\]|[^\s@/:[\]]+)(?::(\d{1,5}))?\/?$/;

/** smtp://[user[:pass]@]host[:port] (587 by default) or smtps://… (465): the relay URL forms the server and workspaces use. */
export function parseRelayUrl(url: string): { secure: boolean; host: string; port: number; user?: string; pass?: string } | null {
  const m = RELAY_URL.exec(url.trim());
  if (!m) return null;
  const secure = m[1] === 'smtps';
  const port = m[5] ? Number(m[5]) : secure ? 465 : 587;
  if (port < 1 || port > 65535) return null;
  const dec = (s: string | undefined) => (s === undefined ? undefined : decodeURIComponent(s));
  return {
    secure,
    host: m[4]!.replace(/^\[|\]$/g, '').toLowerCase(),
    port,
    ...(m[2] !== undefined ? { user: dec(m[2])! } : {}),
    ...(m[3] !== undefined ? { pass: dec(m[3])! } : {}),
  };
}

/** The workspace's relay when it set one (its password unsealed), else the server's, else null. */
export function relayFor(
  settings: Pick<MailSettingsRow, 'relayUrl' | 'relayUser' | 'relaySecret'>,
  box: SecretBox,
  workspaceId: string,
  serverRelay: string | undefined,
): RelayTarget | null {
  if (settings.relayUrl) {
    const r = parseRelayUrl(settings.relayUrl);
    if (!r) return null;
    const opened = settings.relaySecret ? box.open(settings.relaySecret, workspaceId) : null;
    const pass = typeof opened === 'string' ? opened : '';
    return {
      host: r.host,
      port: r.port,
      secure: r.secure,
      guarded: true,
      ...(settings.relayUser ? { auth: { user: settings.relayUser, pass } } : {}),
    };
  }
  const r = serverRelay ? parseRelayUrl(serverRelay) : null;
  if (!r) return null;
  return {
    host: r.host,
    port: r.port,
    secure: r.secure,
    guarded: false,
    ...(r.user ? { auth: { user: r.user, pass: r.pass ?? '' } } : {}),
  };
}

/** Whether a workspace-typed relay host is refused outright (loopback, private literal, localhost) unless allowed. */
const relayAllowed = (host: string, port: number, allowed: readonly string[]): boolean =>
  isAllowedHost(new URL(`smtp://${isIP(host) === 6 ? `[${host}]` : host}:${port}`), allowed);

export function isPrivateRelayHost(host: string, port: number, allowed: readonly string[]): boolean {
  if (relayAllowed(host, port, allowed)) return false;
  // A host no URL can name is nothing to connect to safely.
  return isPrivateHost(host) ?? true;
}

/**
 * The address to connect to. A guarded relay's name is resolved here and every answer must be
 * public (DNS rebinding cannot point it into the server's network later); the connection then goes
 * to that address, with the name kept for TLS.
 */
export async function connectAddress(
  target: RelayTarget,
  allowed: readonly string[],
  resolve: Resolver = dnsLookup as unknown as Resolver,
): Promise<string> {
  if (!target.guarded || relayAllowed(target.host, target.port, allowed)) return target.host;
  if (isPrivateRelayHost(target.host, target.port, allowed)) throw new PrivateAddressError(target.host);
  if (isIP(target.host) !== 0) return target.host;
  const list = await new Promise<{ address: string }[]>((ok, fail) =>
    resolve(target.host, { all: true }, (err, addresses) => (err ? fail(err) : ok(addresses))),
  );
  if (list.length === 0 || list.some((a) => !isPublicAddress(a.address))) throw new PrivateAddressError(target.host);
  return list[0]!.address;
}

/** A one-shot SMTP transport to the relay (connecting to `address`, verifying TLS for the relay's name). */
export function transportFor(target: RelayTarget, address: string, heloName: string): Transporter<SMTPTransport.SentMessageInfo> {
  return nodemailer.createTransport({
    host: address,
    port: target.port,
    secure: target.secure,
    name: heloName,
    ...(target.auth ? { auth: target.auth } : {}),
    tls: { servername: isIP(target.host) ? undefined : target.host },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  } as SMTPTransport.Options);
}
