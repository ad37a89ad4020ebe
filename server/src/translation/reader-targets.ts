import { primaryLanguage as primary } from '../lib/language-tag.js';

type Proficiency = 'native' | 'fluent' | 'working' | 'basic';
const RANK: Record<Proficiency, number> = { native: 4, fluent: 3, working: 2, basic: 1 };

/**
 * Which languages an inbound message must be translated into so that every agent who reads it
 * can: nothing for agents who read the source language at working level or better, else each
 * agent's best language. With no agents at all, English (the workspace default for now).
 */
export function readerTargets(agents: { tag: string; proficiency: Proficiency }[][], source: string): string[] {
  const src = primary(source);
  if (agents.length === 0) return src === 'en' ? [] : ['en'];
  const targets = new Set<string>();
  for (const langs of agents) {
    if (langs.some((l) => primary(l.tag) === src && RANK[l.proficiency] >= RANK.working)) continue;
    const best = [...langs].sort((a, b) => RANK[b.proficiency] - RANK[a.proficiency])[0];
    if (best) targets.add(primary(best.tag));
  }
  targets.delete(src);
  return [...targets].sort();
}
