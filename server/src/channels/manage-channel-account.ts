import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { AppError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { SecretBox } from '../lib/secret-box.js';
import {
  deleteChannelAccount,
  findChannelAccount,
  insertChannelAccount,
  updateChannelAccount,
  type ChannelAccountRow,
  type ChannelKind,
  type ChannelSettingsByKind,
} from './accounts.repo.js';
import { newWebhookId, openSecrets, sealSecrets, SECRET_NAMES } from './channel-secrets.js';
import type { CreateChannelBody, UpdateChannelBody } from './channels.schema.js';

type Actor = Pick<AuditEntry, 'actorType' | 'actorId'>;

/** The Graph API version new WhatsApp accounts send with (Meta keeps each version about two years). */
export const DEFAULT_GRAPH_API_VERSION = 'v21.0';

const SETTING_NAMES: { [K in ChannelKind]: (keyof ChannelSettingsByKind[K])[] } = {
  whatsapp: ['phoneNumberId', 'businessAccountId', 'displayPhoneNumber', 'graphApiVersion'],
  telegram: ['botUsername'],
  sms: ['accountSid', 'fromNumber', 'messagingServiceSid'],
};

/** Settings with every field present: defaults filled in, nothing of another kind. */
function completeSettings(kind: ChannelKind, given: Record<string, unknown>): ChannelSettingsByKind[ChannelKind] {
  const defaults: Record<string, unknown> = kind === 'whatsapp' ? { graphApiVersion: DEFAULT_GRAPH_API_VERSION } : {};
  const out = Object.fromEntries(SETTING_NAMES[kind].map((k) => [k, given[k] ?? defaults[k] ?? null]));
  if (kind === 'sms' && out.fromNumber === null && out.messagingServiceSid === null) {
    throw new AppError('validation_failed', 'an SMS account sends from a number or a Messaging Service', [
      { path: 'body/settings/fromNumber', message: 'give fromNumber or messagingServiceSid' },
    ]);
  }
  return out as unknown as ChannelSettingsByKind[ChannelKind];
}

/** Refuses settings or secrets named for another kind of account (the PATCH schema allows every kind's names). */
function assertKeys(kind: ChannelKind, part: 'settings' | 'secrets', given: object | undefined): void {
  const allowed: readonly string[] = part === 'settings' ? SETTING_NAMES[kind] : SECRET_NAMES[kind];
  const wrong = Object.keys(given ?? {}).filter((k) => !allowed.includes(k));
  if (wrong.length) {
    throw new AppError(
      'validation_failed',
      `not ${part === 'settings' ? 'a setting' : 'a secret'} of a ${kind} account`,
      wrong.map((k) => ({ path: `body/${part}/${k}`, message: `not for ${kind}` })),
    );
  }
}

export async function addChannelAccount(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  body: CreateChannelBody,
  box: SecretBox,
  at: Date,
): Promise<ChannelAccountRow> {
  const row = await insertChannelAccount(
    tx,
    workspaceId,
    {
      id: newId(),
      kind: body.kind,
      name: body.name,
      settings: completeSettings(body.kind, body.settings ?? {}),
      secretsSealed: sealSecrets(box, workspaceId, body.secrets),
      webhookId: newWebhookId(),
      enabled: body.enabled ?? true,
    },
    at,
  );
  await recordChange(
    tx,
    workspaceId,
    { type: 'channel_account.created', subjectId: row.id, payload: { accountId: row.id, kind: row.kind } },
    { ...actor, action: 'channel_account.create', targetType: 'channel_account', targetId: row.id, data: { kind: row.kind } },
    at,
  );
  return row;
}

/** Changes an account; secrets left out are kept (they are write-only, so the admin cannot resend them). */
export async function changeChannelAccount(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  id: string,
  body: UpdateChannelBody,
  box: SecretBox,
  at: Date,
): Promise<ChannelAccountRow> {
  const current = await findChannelAccount(tx, workspaceId, id, true);
  if (!current) throw notFound('channel account');
  assertKeys(current.kind, 'settings', body.settings);
  assertKeys(current.kind, 'secrets', body.secrets);
  const settings = body.settings ? completeSettings(current.kind, { ...current.settings, ...body.settings }) : undefined;
  const secretsSealed = body.secrets
    ? sealSecrets(box, workspaceId, { ...openSecrets(box, current), ...body.secrets } as never)
    : undefined;
  const row = await updateChannelAccount(
    tx,
    workspaceId,
    id,
    {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
      ...(settings ? { settings } : {}),
      ...(secretsSealed ? { secretsSealed } : {}),
    },
    at,
  );
  // Names of what changed, never a secret's value.
  const changed = [
    ...Object.keys(body).filter((k) => k !== 'settings' && k !== 'secrets'),
    ...Object.keys(body.settings ?? {}).map((k) => `settings.${k}`),
    ...Object.keys(body.secrets ?? {}).map((k) => `secrets.${k}`),
  ].sort();
  await recordChange(
    tx,
    workspaceId,
    { type: 'channel_account.updated', subjectId: id, payload: { accountId: id, changed, enabled: row!.enabled } },
    { ...actor, action: 'channel_account.update', targetType: 'channel_account', targetId: id, data: { changed } },
    at,
  );
  return row!;
}

/** Deletes an account: its webhook stops answering; conversations it brought stay. */
export async function removeChannelAccount(tx: Queryable, workspaceId: string, actor: Actor, id: string, at: Date): Promise<void> {
  const current = await findChannelAccount(tx, workspaceId, id, true);
  if (!current || !(await deleteChannelAccount(tx, workspaceId, id))) throw notFound('channel account');
  await recordChange(
    tx,
    workspaceId,
    { type: 'channel_account.deleted', subjectId: id, payload: { accountId: id, kind: current.kind } },
    { ...actor, action: 'channel_account.delete', targetType: 'channel_account', targetId: id, data: { kind: current.kind } },
    at,
  );
}
