import { primaryLanguage } from '../lib/language-tag.js';
import { PROFICIENCY_RANK } from './types.js';
import type { LanguageFallback, Proficiency, RoutingAgent, RoutingConversation, RoutingRule, RoutingTeam } from './types.js';

/** Tag prefix match on subtag boundaries, case-insensitive: 'pt' covers 'pt-BR', 'pt-BR' not 'pt'. */
export function languageMatches(pattern: string, tag: string): boolean {
  const p = pattern.toLowerCase().replace(/_/g, '-');
  const t = tag.toLowerCase().replace(/_/g, '-');
  return t === p || t.startsWith(`${p}-`);
}

const inList = (list: string[] | undefined, value: string | null, eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()) =>
  list === undefined || (value !== null && list.some((item) => eq(item, value)));

/** Whether every condition of the rule holds; a rule without conditions matches everything. */
export function ruleMatches(rule: RoutingRule, c: RoutingConversation): boolean {
  const w = rule.when;
  return (
    inList(w.languages, c.language, languageMatches) &&
    inList(w.countries, c.customer.country) &&
    inList(w.regions, c.customer.region) &&
    inList(w.channels, c.channel) &&
    inList(w.priorities, c.priority) &&
    inList(w.tiers, c.customer.tier) &&
    (w.tags === undefined || w.tags.some((t) => c.tags.some((ct) => ct.toLowerCase() === t.toLowerCase())))
  );
}

/** How a team serves a language: as declared, or through a fallback the lead allowed. */
export type Coverage = { via: 'language'; language: string } | { via: 'fallback'; language: string; fallback: LanguageFallback };

/**
 * Primary subtags throughout: a team declaring 'pt' serves pt-BR and pt-PT alike, and an agent's
 * 'es-MX' counts for Spanish. null language (unknown) is covered by every team.
 */
export function coverage(team: RoutingTeam, language: string | null): Coverage | null {
  if (language === null) return { via: 'language', language: '' };
  const lang = primaryLanguage(language);
  const declares = (l: string) => team.languages.some((t) => primaryLanguage(t) === l);
  if (declares(lang)) return { via: 'language', language: lang };
  const fallback = team.fallbacks.find((f) => primaryLanguage(f.from) === lang && declares(primaryLanguage(f.to)));
  return fallback ? { via: 'fallback', language: primaryLanguage(fallback.to), fallback } : null;
}

/** The agent's best proficiency in a language (by primary subtag), or null. */
export function proficiencyIn(agent: RoutingAgent, language: string): Proficiency | null {
  let best: Proficiency | null = null;
  for (const l of agent.languages) {
    if (primaryLanguage(l.tag) === language && (best === null || PROFICIENCY_RANK[l.proficiency] > PROFICIENCY_RANK[best])) {
      best = l.proficiency;
    }
  }
  return best;
}

export const meetsBar = (p: Proficiency | null, bar: Proficiency): boolean => p !== null && PROFICIENCY_RANK[p] >= PROFICIENCY_RANK[bar];

/** English names for explanation texts ('pt' → 'Portuguese'); the tag itself when unknown. */
const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
export function languageName(tag: string): string {
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
