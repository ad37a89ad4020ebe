import { randomBytes } from 'node:crypto';
import { AppError } from '../lib/errors.js';
import type { SecretBox } from '../lib/secret-box.js';
import type { ChannelAccountRow, ChannelKind, ChannelSecretsByKind } from './accounts.repo.js';

/** The secret names of each kind, in the order the API lists them. */
export const SECRET_NAMES: { [K in ChannelKind]: (keyof ChannelSecretsByKind[K])[] } = {
  whatsapp: ['appSecret', 'accessToken', 'verifyToken'],
  telegram: ['botToken', 'secretToken'],
  sms: ['authToken'],
};

/** Seals an account's secrets as one value, the workspace id as associated data. */
export function sealSecrets<K extends ChannelKind>(box: SecretBox, workspaceId: string, secrets: ChannelSecretsByKind[K]): string {
  return box.seal(secrets, workspaceId);
}

/**
 * The account's secrets. A value that no longer opens (the server key changed, or the row was copied
 * from another workspace) is a server-side fault the admin must fix by saving the secrets again.
 */
export function openSecrets<K extends ChannelKind>(box: SecretBox, account: ChannelAccountRow<K>): ChannelSecretsByKind[K] {
  const opened = box.open(account.secretsSealed, account.workspaceId);
  if (!opened || typeof opened !== 'object') {
    throw new AppError('unavailable', 'the channel account secrets cannot be opened with this server key; save them again');
  }
  return opened as ChannelSecretsByKind[K];
}

/** A fresh webhook id: 192 random bits, url-safe (32 characters). */
export const newWebhookId = (): string => randomBytes(24).toString('base64url');
