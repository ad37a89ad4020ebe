import { createHash, randomBytes } from 'node:crypto';

/** Opaque bearer secrets: 256 random bits, stored only as SHA-256. */
export function newSecret(prefix: string): { secret: string; hash: string; display: string } {
  const secret = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashSecret(secret), display: secret.slice(0, prefix.length + 7) };
}

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
