import { primaryLanguage } from '../lib/language-tag.js';
import { languageName, meetsBar, proficiencyIn } from './match.js';
import type { LanguageFallback, Proficiency, RoundRobinState, RoutingAgent, RoutingStep, RoutingTeam } from './types.js';

/**
 * Choosing an agent inside one team. Eligible: online, under capacity, and reading the language
 * well enough. Agents who read the conversation's own language at the team's bar come first; only
 * when none of them is free do agents qualifying through an allowed fallback (pt read by a fluent
 * Spanish speaker) get it, so a fallback never takes work from a native reader who has room.
 */

export interface AgentPick {
  agentId: string | null;
  /** The language the picked agent qualified in ('' when the conversation's language is unknown). */
  servedIn: string;
  fallback: LanguageFallback | null;
  /** Why agents were passed over, and who was assigned (or that nobody could be). */
  steps: RoutingStep[];
}

interface Pool {
  language: string;
  bar: Proficiency;
  fallback: LanguageFallback | null;
}

/** Code-point order: stable across runs and locales, and the order round robin cycles in. */
const byId = (a: RoutingAgent, b: RoutingAgent): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const who = (agents: RoutingAgent[]): string => agents.map((a) => a.name).join(', ');

/** `language` is a primary subtag, or '' when unknown (every agent then reads it). */
export function pickAgent(team: RoutingTeam, agents: RoutingAgent[], language: string, state: RoundRobinState): AgentPick {
  const pools: Pool[] = [
    { language, bar: team.bar, fallback: null },
    ...team.fallbacks
      .filter((f) => language !== '' && primaryLanguage(f.from) === language)
      .map((f) => ({ language: primaryLanguage(f.to), bar: f.bar, fallback: f })),
  ];
  const reads = (a: RoutingAgent, p: Pool) => p.language === '' || meetsBar(proficiencyIn(a, p.language), p.bar);

  const members = agents.filter((a) => a.teamIds.includes(team.id)).sort(byId);
  const offline = members.filter((a) => a.status === 'offline');
  const away = members.filter((a) => a.status === 'away');
  const online = members.filter((a) => a.status === 'online');
  const unread = online.filter((a) => !pools.some((p) => reads(a, p)));
  const full = online.filter((a) => pools.some((p) => reads(a, p)) && a.load >= a.capacity);
  const free = online.filter((a) => a.load < a.capacity);

  const steps: RoutingStep[] = [];
  const note = (code: RoutingStep['code'], list: RoutingAgent[], text: string) => {
    if (list.length > 0) steps.push({ code, teamId: team.id, agentIds: list.map((a) => a.id), text: `${text}: ${who(list)}` });
  };
  note('agent_offline', offline, 'Offline');
  note('agent_away', away, 'Away');
  const bars = pools.map((p) => (p.language === '' ? 'any language' : `${languageName(p.language)} at ${p.bar} or better`)).join(' or ');
  note('agent_language_below_bar', unread, `Not ${bars}`);
  note('agent_at_capacity', full, 'At capacity');

  for (const pool of pools) {
    const candidates = free.filter((a) => reads(a, pool));
    if (candidates.length === 0) continue;
    const agent = team.mode === 'round_robin' ? nextInTurn(candidates, state[team.id]) : leastLoaded(candidates);
    const how = team.mode === 'round_robin' ? 'round robin' : 'least loaded';
    steps.push({
      code: 'agent_assigned',
      teamId: team.id,
      agentIds: [agent.id],
      text: `Assigned to ${agent.name} in ${team.name} (${how}, ${agent.load}/${agent.capacity} open before this one)`,
    });
    return { agentId: agent.id, servedIn: pool.language, fallback: pool.fallback, steps };
  }
  steps.push({
    code: 'no_agent_with_capacity',
    teamId: team.id,
    text: `Queued in ${team.name}: nobody online with capacity reads ${bars}`,
  });
  return { agentId: null, servedIn: language, fallback: null, steps };
}

/**
 * Round robin by a cursor on agent ids: the first candidate after the last one assigned, wrapping
 * around. An id cursor (not an index) survives agents joining, leaving or going away: the turn
 * passes to whoever is next in id order, so with equal capacity counts never differ by more than 1.
 */
export function nextInTurn(sorted: RoutingAgent[], lastId: string | undefined): RoutingAgent {
  if (lastId !== undefined) {
    const next = sorted.find((a) => a.id > lastId);
    if (next) return next;
  }
  return sorted[0]!;
}

/** Lowest share of capacity in use; ties by the stable id order the candidates arrive in. */
export function leastLoaded(sorted: RoutingAgent[]): RoutingAgent {
  let best = sorted[0]!;
  for (const a of sorted) {
    // Cross-multiplied to compare load/capacity without floating-point ties going astray.
    if (a.load * best.capacity < best.load * a.capacity) best = a;
  }
  return best;
}
