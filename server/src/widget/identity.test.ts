import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { hashMatches, identityHash, verifyIdentity } from './identity.js';

const SECRET = 'wsec_test_0123456789abcdef';
const NOW = new Date('2026-03-02T09:00:00Z');

const jwt = (claims: Record<string, unknown>, opts: { secret?: string; alg?: string; exp?: number | null } = {}) => {
  let s = new SignJWT(claims).setProtectedHeader({ alg: opts.alg ?? 'HS256' }).setIssuedAt(NOW.getTime() / 1000 - 10);
  if (opts.exp !== null) s = s.setExpirationTime(opts.exp ?? NOW.getTime() / 1000 + 300);
  return s.sign(new TextEncoder().encode(opts.secret ?? SECRET));
};

describe('identity hash', () => {
  it('is the hex HMAC-SHA256 of the id (known answer from the command line)', () => {
    // printf '%s' 'user-42' | openssl dgst -sha256 -hmac 'wsec_test_0123456789abcdef'
    expect(identityHash(SECRET, 'user-42')).toBe('1ce4217d3562d4e9e7ce403c98d8bf202af4cfc5bc078dead134c5d574e90f76');
  });

  it('accepts the right hash in either case and refuses wrong, truncated or foreign ones', () => {
    const h = identityHash(SECRET, 'user-42');
    expect(hashMatches(SECRET, 'user-42', h)).toBe(true);
    expect(hashMatches(SECRET, 'user-42', h.toUpperCase())).toBe(true);
    expect(hashMatches(SECRET, 'user-43', h)).toBe(false);
    expect(hashMatches(SECRET, 'user-42', h.slice(0, 63))).toBe(false);
    expect(hashMatches(SECRET, 'user-42', '')).toBe(false);
    expect(hashMatches('other-secret', 'user-42', h)).toBe(false);
  });
});

describe('identity JWT', () => {
  it('vouches for id, e-mail and name when signed HS256 with the secret and unexpired', async () => {
    const token = await jwt({ sub: 'user-42', email: 'ana@example.com', name: 'Ana' });
    expect(await verifyIdentity(SECRET, 'user-42', { kind: 'jwt', jwt: token }, NOW)).toEqual({
      id: 'user-42',
      email: 'ana@example.com',
      name: 'Ana',
    });
  });

  it('refuses another subject, another secret, an expired token, a token without exp, and alg none', async () => {
    const other = await jwt({ sub: 'user-43' });
    expect(await verifyIdentity(SECRET, 'user-42', { kind: 'jwt', jwt: other }, NOW)).toBeNull();
    expect(
      await verifyIdentity(SECRET, 'user-42', { kind: 'jwt', jwt: await jwt({ sub: 'user-42' }, { secret: 'nope' }) }, NOW),
    ).toBeNull();
    const expired = await jwt({ sub: 'user-42' }, { exp: NOW.getTime() / 1000 - 60 });
    expect(await verifyIdentity(SECRET, 'user-42', { kind: 'jwt', jwt: expired }, NOW)).toBeNull();
    expect(await verifyIdentity(SECRET, 'user-42', { kind: 'jwt', jwt: await jwt({ sub: 'user-42' }, { exp: null }) }, NOW)).toBeNull();
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 'user-42', exp: NOW.getTime() / 1000 + 60 })).toString('base64url');
    expect(await verifyIdentity(SECRET, 'user-42', { kind: 'jwt', jwt: `${header}.${body}.` }, NOW)).toBeNull();
    expect(await verifyIdentity(SECRET, 'user-42', { kind: 'jwt', jwt: 'garbage' }, NOW)).toBeNull();
  });
});
