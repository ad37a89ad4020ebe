import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { AppError, type ErrorDetail } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { primaryLanguage } from '../lib/language-tag.js';
import { loadRoutingConfig, lockRoutingSettings, replaceRoutingSettings, TEAM_DEFAULTS, type RoutingConfig } from './routing.repo.js';
import type { PutRoutingBody, RoutingSettings } from './routing.schema.js';
import type { LanguageFallback, RuleConditions } from './types.js';

type Actor = Pick<AuditEntry, 'actorType' | 'actorId'>;

/** The settings as the API shows them: every team, with the defaults where the lead set nothing. */
export function presentRouting(config: RoutingConfig): RoutingSettings {
  return {
    // Stored only after the schema checked them, so the channels are the schema's.
    rules: config.rules.map((r) => ({
      id: r.id,
      name: r.name,
      when: r.when as RoutingSettings['rules'][number]['when'],
      teamId: r.teamId,
    })),
    chains: config.chains.map((c) => ({ id: c.id, name: c.name, teamIds: c.teamIds })),
    teams: config.teams.map((t) => ({ teamId: t.id, mode: t.mode, bar: t.bar, fallbacks: t.fallbacks, customized: t.customized })),
  };
}

/**
 * Replaces the workspace's routing settings with `body` and returns them as stored. Checks what the
 * schema cannot: every team named is this workspace's (another workspace's is "no such team"), ids
 * kept are ids this workspace has, names are not blank, language tags are BCP 47 (stored canonical),
 * a fallback leads to another language, and a team is in one chain at most.
 */
export async function saveRouting(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  body: PutRoutingBody,
  at: Date,
): Promise<RoutingSettings> {
  await lockRoutingSettings(tx, workspaceId);
  const current = await loadRoutingConfig(tx, workspaceId);
  const teams = new Set(current.teams.map((t) => t.id));
  const v = new Checks(teams);

  const rules = body.rules.map((r, i) => {
    const at = `body/rules/${i}`;
    return {
      id: v.keptId(r.id, current.rules, `${at}/id`, 'rule'),
      position: i,
      name: v.name(r.name, `${at}/name`),
      when: conditions(v, r.when, `${at}/when`),
      teamId: v.team(r.teamId, `${at}/teamId`),
    };
  });
  const chainOf = new Map<string, number>();
  const chains = body.chains.map((c, i) => {
    const at = `body/chains/${i}`;
    c.teamIds.forEach((id, k) => {
      v.team(id, `${at}/teamIds/${k}`);
      const other = chainOf.get(id);
      if (other !== undefined) v.fail(`${at}/teamIds/${k}`, `already in chain ${other}: routing follows one chain per team`);
      chainOf.set(id, i);
    });
    return { id: v.keptId(c.id, current.chains, `${at}/id`, 'chain'), position: i, name: v.name(c.name, `${at}/name`), teamIds: c.teamIds };
  });
  const seen = new Set<string>();
  const teamSettings = body.teams.map((t, i) => {
    const at = `body/teams/${i}`;
    v.team(t.teamId, `${at}/teamId`);
    if (seen.has(t.teamId)) v.fail(`${at}/teamId`, 'listed twice');
    seen.add(t.teamId);
    return {
      teamId: t.teamId,
      mode: t.mode ?? TEAM_DEFAULTS.mode,
      bar: t.bar ?? TEAM_DEFAULTS.bar,
      fallbacks: (t.fallbacks ?? []).map((f, k) => fallback(v, f, `${at}/fallbacks/${k}`)),
    };
  });
  v.throwIfAny();

  await replaceRoutingSettings(tx, workspaceId, { rules, chains, teams: teamSettings });
  const counts = { rules: rules.length, chains: chains.length, teams: teamSettings.length };
  await recordChange(
    tx,
    workspaceId,
    { type: 'routing.updated', subjectId: workspaceId, payload: counts },
    { ...actor, action: 'routing.update', targetType: 'workspace', targetId: workspaceId, data: counts },
    at,
  );
  return presentRouting(await loadRoutingConfig(tx, workspaceId));
}

function conditions(v: Checks, when: RuleConditions, at: string): RuleConditions {
  if (!when.languages) return when;
  return { ...when, languages: when.languages.map((tag, k) => v.tag(tag, `${at}/languages/${k}`)) };
}

function fallback(v: Checks, f: LanguageFallback, at: string): LanguageFallback {
  const from = v.tag(f.from, `${at}/from`);
  const to = v.tag(f.to, `${at}/to`);
  if (primaryLanguage(from) === primaryLanguage(to)) v.fail(`${at}/to`, 'the same language as from');
  return { from, to, bar: f.bar };
}

/**
 * Collects every problem of the body, so one answer lists them all. A team of another workspace is
 * a 404 like any foreign reference; anything else is a 400. Ids to keep are checked as lists of
 * this workspace's rows.
 */
class Checks {
  private readonly missing: ErrorDetail[] = [];
  private readonly invalid: ErrorDetail[] = [];
  private readonly kept = new Set<string>();

  constructor(private readonly teams: Set<string>) {}

  team(id: string, path: string): string {
    if (!this.teams.has(id)) this.missing.push({ path, message: 'no such team' });
    return id;
  }

  keptId(id: string | undefined, existing: { id: string }[], path: string, what: string): string {
    if (id === undefined) return newId();
    if (!existing.some((e) => e.id === id)) this.missing.push({ path, message: `no such ${what}` });
    else if (this.kept.has(id)) this.fail(path, 'listed twice');
    this.kept.add(id);
    return id;
  }

  name(name: string, path: string): string {
    const trimmed = name.trim();
    if (trimmed === '') this.fail(path, 'blank');
    return trimmed;
  }

  tag(tag: string, path: string): string {
    try {
      return Intl.getCanonicalLocales(tag)[0]!;
    } catch {
      this.fail(path, 'not a BCP 47 language tag');
      return tag;
    }
  }

  fail(path: string, message: string): void {
    this.invalid.push({ path, message });
  }

  throwIfAny(): void {
    if (this.missing.length > 0) {
      throw new AppError('not_found', [...new Set(this.missing.map((m) => m.message))].join('; '), this.missing);
    }
    if (this.invalid.length > 0) throw new AppError('validation_failed', 'the routing settings do not hold together', this.invalid);
  }
}
