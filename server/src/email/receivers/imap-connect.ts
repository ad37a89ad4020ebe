import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { ImapFlowOptions } from 'imapflow';
import { AppError } from '../../lib/errors.js';
import { isAllowedHost, isPublicAddress, PrivateAddressError } from '../../lib/safe-fetch.js';
import type { ImapAccountRow } from './imap.repo.js';

/**
 * A workspace admin types the IMAP host, so connecting to it is a server-side request into someone
 * else's network: the same rule as translation engines (lib/safe-fetch.ts). Private, loopback and
 * link-local addresses are refused unless the operator allowed the host
 * (MERIDIAN_PROVIDER_ALLOWED_HOSTS). The name is resolved here and the connection goes to the
 * address that was checked (TLS still verifies the certificate against the name), so DNS rebinding
 * between check and connect gets nowhere.
 */

const url = (host: string, port: number) => new URL(`imap://${isIP(host) === 6 ? `[${host}]` : host}:${port}`);

/** For saving: refuses a private address (in any spelling a URL parser accepts) or 'localhost' unless allowed; names are checked again at connect time. */
export function assertImapHost(host: string, port: number, allowed: readonly string[]): void {
  let u: URL;
  let h: string;
  try {
    u = url(host, port);
    // The WHATWG http parser normalises IPv4 spellings (127.1, 0x7f000001, 2130706433) as connect() would.
    h = new URL(`http://${u.host}`).hostname
      .replace(/^\[|\]$/g, '')
      .replace(/\.$/, '')
      .toLowerCase();
  } catch {
    throw new AppError('validation_failed', 'host is not a host name or address', [{ path: 'body/host', message: 'not a host' }]);
  }
  if (isAllowedHost(u, allowed)) return;
  if ((isIP(h) && !isPublicAddress(h)) || h === 'localhost' || h.endsWith('.localhost')) {
    throw new AppError('private_address', new PrivateAddressError(h).message, [{ path: 'body/host', message: 'private address' }]);
  }
}

export type HostResolver = (host: string) => Promise<string[]>;
const resolveAll: HostResolver = async (host) => (await lookup(host, { all: true })).map((a) => a.address);

/** ImapFlow options for an account, connecting only to a checked address. */
export async function imapFlowOptions(
  account: Pick<ImapAccountRow, 'host' | 'port' | 'security' | 'username'>,
  password: string,
  allowed: readonly string[],
  resolve: HostResolver = resolveAll,
): Promise<ImapFlowOptions> {
  const base: ImapFlowOptions = {
    host: account.host,
    port: account.port,
    secure: account.security === 'tls',
    doSTARTTLS: account.security === 'starttls' ? true : account.security === 'none' ? false : undefined,
    auth: { user: account.username, pass: password },
    logger: false,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 5 * 60_000,
  };
  if (isAllowedHost(url(account.host, account.port), allowed)) return base;
  const addresses = isIP(account.host) ? [account.host] : await resolve(account.host);
  const bad = addresses.find((a) => !isPublicAddress(a));
  if (bad !== undefined || addresses.length === 0) throw new PrivateAddressError(`${account.host} (${bad ?? 'no address'})`);
  return { ...base, host: addresses[0]!, ...(isIP(account.host) ? {} : { servername: account.host }) };
}
