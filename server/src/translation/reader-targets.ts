import { primaryLanguage as primary } from '../lib/language-tag.js';

type Proficiency = 'native' | 'fluent' | 'working' | 'basic';
const RANK: Record<Proficiency, number> = { native: 4, fluent: 3, working: 2, basic: 1 };

/**
 * Which languages an inbound message must be translated into so that every agent who reads it
 * can: nothing for agents who read the source language at working level or better, else each
 * agent's best language the engine can reach from the source (`reachable`). An agent whose
 * languages are all out of the engine's reach still gets their best one, so the failed attempt is
 * stored and shown. A Portuguese message read by an agent fluent in English and Spanish goes to
 * Spanish when the engine has Portuguese→Spanish but not Portuguese→English. With no agents at
 * all, English (the workspace default for now).
 */
export function readerTargets(
  agents: { tag: string; proficiency: Proficiency }[][],
  source: string,
  reachable: (target: string) => boolean = () => true,
): string[] {
  const src = primary(source);
  if (agents.length === 0) return src === 'en' ? [] : ['en'];
  const targets = new Set<string>();
  for (const langs of agents) {
    if (langs.some((l) => primary(l.tag) === src && RANK[l.proficiency] >= RANK.working)) continue;
    const ranked = [...langs].sort((a, b) => RANK[b.proficiency] - RANK[a.proficiency]);
    const readable = ranked.filter((l) => RANK[l.proficiency] >= RANK.working).map((l) => primary(l.tag));
    const best = readable.find((tag) => reachable(tag)) ?? (ranked[0] ? primary(ranked[0].tag) : undefined);
    if (best) targets.add(best);
  }
  targets.delete(src);
  return [...targets].sort();
}
