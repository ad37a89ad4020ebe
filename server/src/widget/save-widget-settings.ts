import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { AppError } from '../lib/errors.js';
import type { SecretBox } from '../lib/secret-box.js';
import { teamExists } from '../teams/teams.repo.js';
import {
  findSettings,
  insertSettings,
  replaceKeys,
  updateSettings,
  type WidgetSettingsFields,
  type WidgetSettingsRow,
} from './widget.repo.js';
import type { WidgetSettingsBody } from './widget.schema.js';

type Actor = Pick<AuditEntry, 'actorType' | 'actorId'>;

/** 128 random bits: public, but unguessable so nobody can embed a workspace they did not get the key of. */
export const newPublicKey = (): string => `wk_${randomBytes(16).toString('base64url')}`;
/** 256 random bits; the site's server computes visitor hashes with it. */
export const newIdentitySecret = (): string => `wsec_${randomBytes(32).toString('base64url')}`;

export const secretContext = (workspaceId: string): string => `widget-secret:${workspaceId}`;

/** The workspace's identity secret, or an error if the sealed value does not open (another server key). */
export function openSecret(box: SecretBox, row: Pick<WidgetSettingsRow, 'workspaceId' | 'secretSealed'>): string {
  const v = box.open(row.secretSealed, secretContext(row.workspaceId));
  if (typeof v !== 'string') throw new AppError('unavailable', 'the widget secret cannot be opened with this server key: rotate it');
  return v;
}

/** Creates the workspace's widget (new key and secret) or replaces its settings; keys stay. */
export async function saveWidgetSettings(
  tx: Queryable,
  workspaceId: string,
  box: SecretBox,
  actor: Actor,
  body: WidgetSettingsBody,
  at: Date,
): Promise<WidgetSettingsRow> {
  if (body.teamId && !(await teamExists(tx, workspaceId, body.teamId))) {
    throw new AppError('not_found', 'team not found', [{ path: 'body/teamId', message: 'no such team' }]);
  }
  const current = await findSettings(tx, workspaceId);
  const fields: WidgetSettingsFields = {
    enabled: body.enabled,
    identityRequired: body.identityRequired ?? current?.identityRequired ?? false,
    allowedOrigins: [...new Set((body.allowedOrigins ?? current?.allowedOrigins ?? []).map((o) => o.toLowerCase()))],
    teamId: body.teamId !== undefined ? body.teamId : (current?.teamId ?? null),
    preChatFields: body.preChatFields ?? current?.preChatFields ?? [],
    greeting: body.greeting ?? current?.greeting ?? {},
  };
  const names = fields.preChatFields.map((f) => f.name);
  if (new Set(names).size !== names.length) {
    throw new AppError('validation_failed', 'pre-chat field names must be unique', [
      { path: 'body/preChatFields', message: 'duplicate name' },
    ]);
  }
  if (current) await updateSettings(tx, workspaceId, fields, at);
  else
    await insertSettings(
      tx,
      workspaceId,
      { publicKey: newPublicKey(), secretSealed: box.seal(newIdentitySecret(), secretContext(workspaceId)) },
      fields,
      at,
    );
  const changed = Object.keys(body);
  await recordChange(
    tx,
    workspaceId,
    { type: 'widget_settings.updated', subjectId: workspaceId, payload: { changed } },
    {
      ...actor,
      action: current ? 'widget_settings.update' : 'widget_settings.create',
      targetType: 'workspace',
      targetId: workspaceId,
      data: { changed },
    },
    at,
  );
  return (await findSettings(tx, workspaceId))!;
}

/**
 * A new identity secret (every hash the site computed stops working: the site must switch at once) or
 * a new public key (pages with the old snippet stop loading the widget).
 */
export async function rotateWidgetKey(
  tx: Queryable,
  workspaceId: string,
  box: SecretBox,
  actor: Actor,
  what: 'secret' | 'key',
  at: Date,
): Promise<WidgetSettingsRow> {
  if (!(await findSettings(tx, workspaceId)))
    throw new AppError('not_found', 'the widget is not set up: PUT /api/v1/widget/settings first');
  await replaceKeys(
    tx,
    workspaceId,
    what === 'key' ? { publicKey: newPublicKey() } : { secretSealed: box.seal(newIdentitySecret(), secretContext(workspaceId)) },
    at,
  );
  await recordChange(
    tx,
    workspaceId,
    { type: 'widget_settings.rotated', subjectId: workspaceId, payload: { what } },
    { ...actor, action: 'widget_settings.rotate', targetType: 'workspace', targetId: workspaceId, data: { what } },
    at,
  );
  return (await findSettings(tx, workspaceId))!;
}
