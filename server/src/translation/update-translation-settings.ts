import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { AppError } from '../lib/errors.js';
import { assertPublicUrl } from '../lib/safe-fetch.js';
import type { SecretBox } from '../lib/secret-box.js';
import { DEFAULT_CRITICAL_KEYWORDS } from './critical.js';
import { SECRET_FIELDS, type ProviderInput, type UpdateTranslationSettingsBody } from './settings.schema.js';
import { lockTranslationSettings, writeTranslationSettings, type TranslationSettingsRow } from './settings.repo.js';

/** Secrets an engine cannot work without. */
const REQUIRED_SECRETS: Partial<Record<ProviderInput['kind'], (typeof SECRET_FIELDS)[number][]>> = {
  deepl: ['apiKey'],
  google: ['apiKey'],
  azure: ['apiKey'],
  amazon: ['secretAccessKey'],
};

export interface SettingsContext {
  box: SecretBox;
  /** Hosts the operator allows engines on despite being private (MERIDIAN_PROVIDER_ALLOWED_HOSTS). */
  allowedHosts: readonly string[];
}

/**
 * Changes a workspace's translation settings. Secret fields are sealed before they are stored and
 * kept when an admin re-saves the same engine without them, so the API never needs to send them
 * back. URLs an admin types are refused when they point into the server's own network.
 */
export async function updateTranslationSettings(
  tx: Queryable,
  workspaceId: string,
  actor: Pick<AuditEntry, 'actorType' | 'actorId'>,
  body: UpdateTranslationSettingsBody,
  ctx: SettingsContext,
  at: Date,
): Promise<TranslationSettingsRow> {
  const current = await lockTranslationSettings(tx, workspaceId, at);
  const next: Omit<TranslationSettingsRow, 'updatedAt'> = {
    provider: current.provider,
    providerSecret: current.providerSecret,
    discloseMachineTranslation: body.discloseMachineTranslation ?? current.discloseMachineTranslation,
    criticalKeywords: body.criticalKeywords === undefined ? current.criticalKeywords : body.criticalKeywords,
    detectionLanguages:
      body.detectionLanguages === undefined
        ? current.detectionLanguages
        : body.detectionLanguages && canonicalTags(body.detectionLanguages),
  };
  if (body.provider === null) {
    next.provider = null;
    next.providerSecret = null;
  } else if (body.provider !== undefined) {
    Object.assign(next, sealProvider(workspaceId, body.provider, current, ctx));
  }
  if (next.criticalKeywords) {
    const empty = Object.values(next.criticalKeywords).every((byLang) => Object.values(byLang).every((l) => l.length === 0));
    if (empty) {
      throw new AppError('validation_failed', 'criticalKeywords lists no keyword; send null to use the built-in lists', [
        { path: 'body/criticalKeywords', message: 'no keyword' },
      ]);
    }
  }
  await writeTranslationSettings(tx, workspaceId, next, at);
  const changed = Object.keys(body).sort();
  await recordChange(
    tx,
    workspaceId,
    { type: 'translation_settings.updated', subjectId: workspaceId, payload: { changed, provider: next.provider?.kind ?? null } },
    // The audit entry names what changed, never a key.
    { ...actor, action: 'translation_settings.update', targetType: 'workspace', targetId: workspaceId, data: { changed } },
    at,
  );
  return { ...next, updatedAt: at };
}

/** One spelling per language ('PT-br' → 'pt-BR'), so detection answers in the workspace's tags. */
function canonicalTags(tags: string[]): string[] {
  return tags.map((t, i) => {
    try {
      return Intl.getCanonicalLocales(t)[0]!;
    } catch {
      throw new AppError('validation_failed', `"${t}" is not a language tag`, [
        { path: `body/detectionLanguages/${i}`, message: 'not BCP 47' },
      ]);
    }
  });
}

function sealProvider(
  workspaceId: string,
  input: ProviderInput,
  current: TranslationSettingsRow,
  ctx: SettingsContext,
): Pick<TranslationSettingsRow, 'provider' | 'providerSecret'> {
  if ('baseUrl' in input && input.baseUrl !== undefined) assertPublicUrl(input.baseUrl, ctx.allowedHosts, 'body/provider/baseUrl');
  const given: Record<string, string> = {};
  const plain: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if ((SECRET_FIELDS as readonly string[]).includes(k)) given[k] = v as string;
    else plain[k] = v;
  }
  // Same engine re-saved without its key: keep the stored one.
  let kept: Record<string, string> = {};
  if (current.provider?.kind === input.kind && current.providerSecret) {
    const opened = ctx.box.open(current.providerSecret, workspaceId);
    if (opened && typeof opened === 'object') kept = opened as Record<string, string>;
  }
  const secrets = { ...kept, ...given };
  const missing = (REQUIRED_SECRETS[input.kind] ?? []).filter((f) => !secrets[f]);
  if (missing.length > 0) {
    throw new AppError(
      'validation_failed',
      `${input.kind} needs ${missing.join(', ')}`,
      missing.map((f) => ({ path: `body/provider/${f}`, message: 'required' })),
    );
  }
  return {
    provider: plain,
    providerSecret: Object.keys(secrets).length > 0 ? ctx.box.seal(secrets, workspaceId) : null,
  };
}

/** The built-in lists, for a workspace that never changed them. */
export const effectiveKeywords = (row: Pick<TranslationSettingsRow, 'criticalKeywords'> | undefined) =>
  row?.criticalKeywords ?? DEFAULT_CRITICAL_KEYWORDS;
