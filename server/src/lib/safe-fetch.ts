import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, fetch as undiciFetch } from 'undici';
import { AppError } from './errors.js';

/**
 * Server-side requests to addresses a workspace admin typed in (translation engines, later
 * webhooks) must not reach the server's own network: loopback, private ranges, link-local (cloud
 * metadata at 169.254.169.254), CGNAT, multicast, tunnels that embed an IPv4 address. Only global
 * unicast addresses pass, unless the operator allows a host by name (a self-hosted engine on the LAN).
 *
 * The check runs on the address the socket actually connects to (a DNS lookup hook), so a name
 * that resolves to a public address when saved and a private one later (DNS rebinding) is still
 * refused; redirects are refused outright because they would skip the hook for IP literals.
 */
export function isPublicAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  return ipaddr.process(ip).range() === 'unicast';
}

export class PrivateAddressError extends Error {
  constructor(host: string) {
    super(`${host} is a private or reserved address; server-side requests may only reach public addresses`);
    this.name = 'PrivateAddressError';
  }
}

/** Lower-case host without IPv6 brackets or a trailing root dot ('localhost.' is 'localhost'). */
const hostOf = (url: URL): string =>
  url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();

/** A host (as a URL names it) that is a private or reserved address literal, or localhost. */
const isPrivateLiteral = (host: string): boolean =>
  (isIP(host) !== 0 && !isPublicAddress(host)) || host === 'localhost' || host.endsWith('.localhost');

/**
 * Whether a bare host name or address is refused before any lookup: read as an http URL reads it,
 * so every IPv4 spelling the resolver accepts (127.1, 0x7f000001, 2130706433) counts. Null when no
 * URL can name it.
 */
export function isPrivateHost(host: string): boolean | null {
  try {
    return isPrivateLiteral(hostOf(new URL(`http://${isIP(host) === 6 ? `[${host}]` : host}`)));
  } catch {
    return null;
  }
}

const defaultPort = (url: URL): string => url.port || (url.protocol === 'https:' ? '443' : '80');

/** Hosts the operator allows despite the rule ('127.0.0.1', 'mt.internal', 'host:port', '[::1]:5000'). */
export function isAllowedHost(url: URL, allowed: readonly string[]): boolean {
  const host = hostOf(url);
  return allowed.some((a) => {
    let entry: URL;
    try {
      entry = new URL(`${url.protocol}//${a.trim()}`);
    } catch {
      return false;
    }
    return hostOf(entry) === host && (entry.port === '' || entry.port === defaultPort(url));
  });
}

/**
 * Checks a URL a user gave before storing it: http(s) only, no credentials in it, and no private
 * address written as a literal or as 'localhost'. Names are checked again at connect time.
 */
export function assertPublicUrl(raw: string, allowed: readonly string[], field: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('validation_failed', `${field} is not a URL`, [{ path: field, message: 'not a URL' }]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('validation_failed', `${field} must be an http or https URL`, [{ path: field, message: 'http(s) only' }]);
  }
  if (url.username || url.password) {
    throw new AppError('validation_failed', `${field} must not carry credentials`, [{ path: field, message: 'no user:password@' }]);
  }
  if (isAllowedHost(url, allowed)) return url;
  const host = hostOf(url);
  if (isPrivateLiteral(host)) {
    throw new AppError('private_address', new PrivateAddressError(host).message, [{ path: field, message: 'private address' }]);
  }
  return url;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
/** The resolver behind the guard: dns.lookup with `all: true`. */
export type Resolver = (
  hostname: string,
  options: LookupOptions & { all: true },
  cb: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** A dns.lookup that fails for any private answer (all answers are checked, not just the one used). */
function guardedLookup(resolve: Resolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (err, list) => {
      if (err) return callback(err, '');
      if (list.length === 0 || list.some((a) => !isPublicAddress(a.address))) {
        const e = new PrivateAddressError(hostname) as NodeJS.ErrnoException;
        e.code = 'EPRIVATEADDRESS';
        return callback(e, '');
      }
      if (options.all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

const agents = new Map<Resolver, Agent>();
const agentFor = (resolve: Resolver): Agent => {
  let agent = agents.get(resolve);
  if (!agent) agents.set(resolve, (agent = new Agent({ connect: { lookup: guardedLookup(resolve) as never } })));
  return agent;
};

/**
 * A fetch for URLs a workspace configured. Same signature as the global one; refuses private
 * addresses (TypeError with a PrivateAddressError cause, like any network failure) and redirects.
 * `resolve` replaces DNS (tests: a name that answers with a loopback address).
 */
export function publicFetch(allowed: readonly string[] = [], resolve: Resolver = dnsLookup as unknown as Resolver): typeof fetch {
  const dispatcher = agentFor(resolve);
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (isAllowedHost(url, allowed)) return fetch(input, init);
    const host = hostOf(url);
    if (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) && !isPublicAddress(host))) {
      throw new TypeError('fetch failed', { cause: new PrivateAddressError(host) });
    }
    return undiciFetch(url, { ...(init as object), redirect: 'error', dispatcher } as never);
  }) as typeof fetch;
}
