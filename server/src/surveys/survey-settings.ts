import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { AppError, type ErrorDetail } from '../lib/errors.js';
import { DEFAULT_SURVEY_SETTINGS, saveSurveySettings, type SurveySettings } from './surveys.repo.js';
import type { SurveySettingsBody } from './surveys.schema.js';

/** The settings a body stands for: what it gives, defaults for the rest. */
export function settingsFromBody(body: SurveySettingsBody): Omit<SurveySettings, 'updatedAt'> {
  const { updatedAt: _, ...defaults } = DEFAULT_SURVEY_SETTINGS;
  return { ...defaults, ...body };
}

/**
 * What the schema cannot say: reason keys are unique, and reworded texts use no placeholder but
 * `{workspace}` (anything else would reach the customer as typed).
 */
export function settingsProblems(s: Omit<SurveySettings, 'updatedAt'>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  s.reasons.forEach((r, i) => {
    if (seen.has(r.key)) problems.push({ path: `body/reasons/${i}/key`, message: `duplicate reason key '${r.key}'` });
    seen.add(r.key);
  });
  for (const [locale, texts] of Object.entries(s.texts)) {
    for (const [field, text] of Object.entries(texts)) {
      const unknown = [...String(text).matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).filter((p) => p !== 'workspace');
      if (unknown.length) {
        problems.push({
          path: `body/texts/${locale}/${field}`,
          message: `unknown placeholder {${unknown[0]}}; only {workspace} is filled in`,
        });
      }
    }
  }
  return problems;
}

/** Replaces a workspace's survey settings; writes the change to the outbox and the audit log. */
export async function updateSurveySettings(
  tx: Queryable,
  workspaceId: string,
  actor: Pick<AuditEntry, 'actorType' | 'actorId'>,
  body: SurveySettingsBody,
  at: Date,
): Promise<SurveySettings> {
  const settings = settingsFromBody(body);
  const problems = settingsProblems(settings);
  if (problems.length) throw new AppError('validation_failed', problems[0]!.message, problems);
  await saveSurveySettings(tx, workspaceId, settings, at);
  const summary = { enabled: settings.enabled, kind: settings.kind, channels: settings.channels };
  await recordChange(
    tx,
    workspaceId,
    { type: 'survey_settings.updated', subjectId: workspaceId, payload: summary },
    { ...actor, action: 'survey_settings.update', targetType: 'workspace', targetId: workspaceId, data: { ...settings } },
    at,
  );
  return { ...settings, updatedAt: at };
}
