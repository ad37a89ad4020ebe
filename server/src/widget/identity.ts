import { createHmac, timingSafeEqual } from 'node:crypto';
import { jwtVerify } from 'jose';

/**
 * How a site vouches for a logged-in visitor. Either the hash: hex HMAC-SHA256 of the site's user id
 * under the workspace's widget secret (computed on the site's server, never in the browser); or an
 * HS256 JWT under the same secret whose `sub` is the id, which may also vouch for the e-mail and name.
 * Pure: the caller supplies the secret and the instant.
 */
export type IdentityProof = { kind: 'hash'; hash: string } | { kind: 'jwt'; jwt: string };

export interface VerifiedIdentity {
  id: string;
  /** Claims the JWT signed; a hash vouches for the id alone. */
  email: string | null;
  name: string | null;
}

export function identityHash(secret: string, id: string): string {
  return createHmac('sha256', secret).update(id, 'utf8').digest('hex');
}

/** Constant-time: the comparison takes as long for a near miss as for garbage. */
export function hashMatches(secret: string, id: string, hash: string): boolean {
  const expected = Buffer.from(identityHash(secret, id), 'utf8');
  const given = Buffer.from(hash.toLowerCase(), 'utf8');
  // Lengths differ only for malformed input; compare against itself so the time does not tell.
  if (given.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(expected, given);
}

/** The identity the proof vouches for, or null (wrong secret, wrong id, expired, unsigned, other algorithm). */
export async function verifyIdentity(secret: string, id: string, proof: IdentityProof, now: Date): Promise<VerifiedIdentity | null> {
  if (proof.kind === 'hash') return hashMatches(secret, id, proof.hash) ? { id, email: null, name: null } : null;
  try {
    const { payload } = await jwtVerify(proof.jwt, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub'],
      currentDate: now,
      clockTolerance: 30,
      subject: id,
    });
    const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 && v.length <= 254 ? v : null);
    return { id, email: str(payload.email), name: str(payload.name) };
  } catch {
    return null;
  }
}
