import { compileCalendar, type CalendarDefinition } from '../calendars/index.js';
import { demoAgents, demoTeams, type DemoTeam } from '../demo/demo-data.js';
import type {
  FollowTheSunChain,
  LanguageFallback,
  RoutingAgent,
  RoutingConversation,
  RoutingInput,
  RoutingRule,
  RoutingTeam,
} from './types.js';

/**
 * The demo workspace's routing set-up as decideRoute input: its five teams with real calendars,
 * its agents (everyone online, nothing open), the rules and the follow-the-sun chain a lead would
 * write for them. Ids are the demo keys ('berlin', 'lena-hoffmann'). Used by the routing tests and
 * by simulations that replay traffic through routing; fallbacks are left to each caller, since
 * allowing one is a lead's decision.
 */

/** 'DE-BE' → DE + BE; 'JP' → JP. */
function holidaySource(region: string): CalendarDefinition['holidays'] {
  const [country, subdivision] = region.split('-');
  return subdivision ? { country: country!, subdivision } : { country: country! };
}

export function demoCalendar(team: DemoTeam): CalendarDefinition {
  return { timeZone: team.timeZone, weekly: team.hours, holidays: holidaySource(team.holidayRegion) };
}

export function demoRoutingTeams(): RoutingTeam[] {
  return demoTeams.map((t) => ({
    id: t.key,
    name: t.name,
    languages: t.languages,
    calendar: compileCalendar(demoCalendar(t)),
    mode: 'round_robin',
    // Answering customers in their own language takes fluency; fallbacks may ask less.
    bar: 'fluent',
    fallbacks: [],
  }));
}

export function demoRoutingAgents(): RoutingAgent[] {
  return demoAgents.map((a) => ({
    id: a.key,
    name: a.name,
    teamIds: a.teamKeys,
    languages: a.languages,
    status: 'online',
    capacity: a.capacity,
    load: 0,
  }));
}

export const demoRoutingRules: RoutingRule[] = [
  { id: 'german', name: 'German to Berlin', when: { languages: ['de'] }, teamId: 'berlin' },
  { id: 'japanese', name: 'Japanese to Tokyo', when: { languages: ['ja'] }, teamId: 'tokyo' },
  { id: 'portuguese', name: 'Portuguese to São Paulo', when: { languages: ['pt'] }, teamId: 'sao-paulo' },
  { id: 'hindi', name: 'Hindi to Bangalore', when: { languages: ['hi'] }, teamId: 'bangalore' },
  {
    id: 'latam-spanish',
    name: 'Spanish from South America to São Paulo',
    when: { languages: ['es'], countries: ['AR', 'BR', 'CL', 'CO', 'PE', 'UY'] },
    teamId: 'sao-paulo',
  },
  { id: 'spanish', name: 'Other Spanish to San Francisco', when: { languages: ['es'] }, teamId: 'san-francisco' },
  {
    id: 'americas',
    name: 'English from the Americas to San Francisco',
    when: { languages: ['en'], countries: ['US', 'CA', 'MX', 'BR'] },
    teamId: 'san-francisco',
  },
  {
    id: 'asia',
    name: 'English from South Asia to Bangalore',
    when: { languages: ['en'], countries: ['IN', 'LK', 'BD', 'SG'] },
    teamId: 'bangalore',
  },
];

/** In the order the teams' days begin in UTC: Tokyo 00:00, Bangalore 03:30, Berlin 07:00, São Paulo 12:00, San Francisco 16:00. */
export const demoChain: FollowTheSunChain = {
  id: 'follow-the-sun',
  name: 'Follow the sun',
  teamIds: ['tokyo', 'bangalore', 'berlin', 'sao-paulo', 'san-francisco'],
};

/**
 * The fallbacks the demo workspace is seeded with. San Francisco's Spanish speakers take Portuguese
 * when São Paulo is closed (Daniel Reyes reads it through his native Spanish); Berlin takes Spanish in
 * the European morning, read and answered in English through machine translation, when both teams of
 * the Americas are closed (01:00–12:00 UTC), rather than leave it waiting half a day.
 */
export const demoFallbacks: Record<string, LanguageFallback[]> = {
  'san-francisco': [{ from: 'pt', to: 'es', bar: 'fluent' }],
  berlin: [{ from: 'es', to: 'en', bar: 'fluent' }],
};

let teams: RoutingTeam[] | undefined;

/**
 * A full decideRoute input for the demo workspace at `at`: an English email unless `conversation`
 * says otherwise; `fallbacks` by team id (added to `teams` when those are given too); anything else in `over` replaces the demo's. The compiled
 * calendars are shared between calls, which is what keeps their year caches warm.
 */
export function demoRoutingInput(
  at: string | Date,
  conversation: Partial<RoutingConversation> = {},
  over: Partial<RoutingInput> & { fallbacks?: Record<string, LanguageFallback[]> } = {},
): RoutingInput {
  const { fallbacks = {}, teams: given, ...rest } = over;
  teams ??= demoRoutingTeams();
  return {
    now: new Date(at),
    conversation: {
      language: 'en',
      priority: 'normal',
      channel: 'email',
      customer: { country: null, region: null, tier: null },
      tags: [],
      text: 'Hello, I have a question about my invoice.',
      ...conversation,
    },
    teams: (given ?? teams).map((t) => ({ ...t, fallbacks: fallbacks[t.id] ?? t.fallbacks })),
    agents: demoRoutingAgents(),
    rules: demoRoutingRules,
    chains: [demoChain],
    roundRobin: {},
    ...rest,
  };
}
