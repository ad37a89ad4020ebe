import type { ClockSpec } from './clock.js';
import { DEFAULT_WARNING, TARGET_KEY, type SlaConditions, type SlaPolicy, type SlaWarning } from './sla.schema.js';
import type { SlaMetric } from './sla-state.schema.js';

/** What a policy's conditions look at: the conversation and its customer. */
export interface SlaFacts {
  priority: string;
  channel: string;
  /** BCP-47, null while unknown (then a language condition does not match). */
  language: string | null;
  tier: string | null;
  segment: string | null;
  country: string | null;
  region: string | null;
}

/** The part of a policy the clocks need. */
export type PolicyRules = Pick<SlaPolicy, 'id' | 'targets' | 'warning'>;
export type SelectablePolicy = Pick<SlaPolicy, 'id' | 'position' | 'default' | 'when'>;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
/** 'pt' covers 'pt' and 'pt-BR'; 'pt-BR' only itself. */
const languageCovers = (pattern: string, tag: string) => {
  const p = pattern.toLowerCase();
  const t = tag.toLowerCase().replace(/_/g, '-');
  return t === p || t.startsWith(`${p}-`);
};
const holds = (values: readonly string[] | undefined, v: string | null, eq = same) =>
  values === undefined || (v !== null && values.some((x) => eq(x, v)));

/** Whether every condition present holds; no conditions match everything. */
export function conditionsMatch(when: SlaConditions, f: SlaFacts): boolean {
  return (
    holds(when.priorities, f.priority) &&
    holds(when.channels, f.channel) &&
    holds(when.tiers, f.tier) &&
    holds(when.segments, f.segment) &&
    holds(when.countries, f.country) &&
    holds(when.regions, f.region) &&
    holds(when.languages, f.language, languageCovers)
  );
}

/** Order of trial: by position (ties by id, which is time-ordered), the default last. */
export function policyOrder<P extends SelectablePolicy>(policies: readonly P[]): P[] {
  return [...policies].sort((a, b) => Number(a.default) - Number(b.default) || a.position - b.position || (a.id < b.id ? -1 : 1));
}

/** The first policy whose conditions match, else the default; null when there is neither. */
export function selectPolicy<P extends SelectablePolicy>(policies: readonly P[], facts: SlaFacts): P | null {
  return policyOrder(policies).find((p) => p.default || conditionsMatch(p.when, facts)) ?? null;
}

const MINUTE = 60_000;

/** How long before due a target of `targetMs` is at risk. */
export function warnBeforeMs(targetMs: number, warning: SlaWarning): number {
  if (warning.minutesBefore !== undefined) return Math.min(targetMs, warning.minutesBefore * MINUTE);
  return Math.round(targetMs * (1 - (warning.percent ?? DEFAULT_WARNING.percent!) / 100));
}

/** The clock a policy sets for a metric (cycle given by the caller), or null when it has no such target. */
export function clockSpec(policy: PolicyRules, metric: SlaMetric, cycle: number): ClockSpec | null {
  const target = policy.targets[TARGET_KEY[metric]];
  if (!target) return null;
  const targetMs = target.minutes * MINUTE;
  return { metric, cycle, time: target.time ?? 'business', targetMs, warnBeforeMs: warnBeforeMs(targetMs, policy.warning) };
}
