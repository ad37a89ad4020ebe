import { describe, expect, it } from 'vitest';
import { decideRoute } from './decide.js';
import { demoRoutingAgents, demoRoutingInput, demoRoutingTeams } from './demo-setup.js';
import type { RoundRobinState, RoutingAgent, RoutingDecision } from './types.js';

/**
 * Assignment inside the demo's Berlin team, open at 10:00 UTC on Tue 10 Mar 2026 (11:00 CET). Its
 * German readers, in id order: admin (fluent, capacity 5), katarzyna-nowak (fluent, 10) and
 * lena-hoffmann (native, 12).
 */
const AT = '2026-03-10T10:00:00Z';
const GERMAN = { language: 'de', text: 'Ich habe eine Frage zu meiner Rechnung.' };

function berlinAgents(change: Record<string, Partial<RoutingAgent>>): RoutingAgent[] {
  return demoRoutingAgents().map((a) => ({ ...a, ...change[a.id] }));
}
/** The step codes in order, space-separated: the shape of the explanation at a glance. */
const codes = (d: RoutingDecision) => d.steps.map((s) => s.code).join(' ');

describe('capacity', () => {
  it('skips agents at capacity and says who they were', () => {
    const d = decideRoute(demoRoutingInput(AT, GERMAN, { agents: berlinAgents({ admin: { load: 5 }, 'lena-hoffmann': { load: 12 } }) }));
    expect(d).toMatchObject({ teamId: 'berlin', agentId: 'katarzyna-nowak', handover: null });
    expect(codes(d)).toBe('rule_matched team_open agent_at_capacity agent_assigned');
    expect(d.steps[2]).toMatchObject({ agentIds: ['admin', 'lena-hoffmann'], text: 'At capacity: Demo Admin, Lena Hoffmann' });
  });

  it('queues in the open owning team when everyone is full, with the reason', () => {
    const full = berlinAgents({ admin: { load: 5 }, 'katarzyna-nowak': { load: 11 }, 'lena-hoffmann': { load: 12 } });
    const d = decideRoute(demoRoutingInput(AT, GERMAN, { agents: full }));
    expect(d).toMatchObject({ teamId: 'berlin', agentId: null, handover: null, roundRobin: {} });
    expect(codes(d)).toBe('rule_matched team_open agent_at_capacity no_agent_with_capacity');
    expect(d.steps[3]!.text).toBe('Queued in Berlin: nobody online with capacity reads German at fluent or better');
  });
});

describe('agent status', () => {
  it('passes over away and offline agents', () => {
    const d = decideRoute(
      demoRoutingInput(AT, GERMAN, { agents: berlinAgents({ admin: { status: 'away' }, 'katarzyna-nowak': { status: 'offline' } }) }),
    );
    expect(d.agentId).toBe('lena-hoffmann');
    expect(codes(d)).toBe('rule_matched team_open agent_offline agent_away agent_assigned');
    expect(d.steps.find((s) => s.code === 'agent_away')).toMatchObject({ agentIds: ['admin'], text: 'Away: Demo Admin' });
  });
});

describe('round robin in Berlin', () => {
  it('is fair over 1,000 German conversations with equal capacity (counts differ by at most 1)', () => {
    const agents = berlinAgents({ admin: { capacity: 400 }, 'katarzyna-nowak': { capacity: 400 }, 'lena-hoffmann': { capacity: 400 } });
    const counts: Record<string, number> = {};
    let roundRobin: RoundRobinState = {};
    for (let i = 0; i < 1000; i++) {
      const d = decideRoute(demoRoutingInput(new Date(Date.parse(AT) + i * 1000), GERMAN, { agents, roundRobin }));
      counts[d.agentId!] = (counts[d.agentId!] ?? 0) + 1;
      agents.find((a) => a.id === d.agentId)!.load += 1;
      roundRobin = d.roundRobin;
    }
    expect(counts).toEqual({ admin: 334, 'katarzyna-nowak': 333, 'lena-hoffmann': 333 });
    expect(roundRobin).toEqual({ berlin: 'admin' });
  });

  it('continues after the last agent assigned', () => {
    const d = decideRoute(demoRoutingInput(AT, GERMAN, { roundRobin: { berlin: 'katarzyna-nowak', tokyo: 'yuki-sato' } }));
    expect(d.agentId).toBe('lena-hoffmann');
    expect(d.roundRobin).toEqual({ berlin: 'lena-hoffmann', tokyo: 'yuki-sato' });
  });
});

describe('least loaded in Berlin', () => {
  const teams = demoRoutingTeams().map((t) => (t.id === 'berlin' ? { ...t, mode: 'least_loaded' as const } : t));

  it('picks the lowest share of capacity: 3/12 before 2/5 and 5/10', () => {
    const agents = berlinAgents({ admin: { load: 2 }, 'katarzyna-nowak': { load: 5 }, 'lena-hoffmann': { load: 3 } });
    const d = decideRoute(demoRoutingInput(AT, GERMAN, { teams, agents }));
    expect(d.agentId).toBe('lena-hoffmann');
    expect(d.steps.at(-1)!.text).toBe('Assigned to Lena Hoffmann in Berlin (least loaded, 3/12 open before this one)');
  });

  it('breaks a tie (1/5 = 2/10) by the stable id order', () => {
    const agents = berlinAgents({ admin: { load: 1 }, 'katarzyna-nowak': { load: 2 }, 'lena-hoffmann': { load: 6 } });
    expect(decideRoute(demoRoutingInput(AT, GERMAN, { teams, agents })).agentId).toBe('admin');
  });
});

describe('owning team', () => {
  it('falls back to the default team when the language is unknown and no rule matches', () => {
    const d = decideRoute(demoRoutingInput(AT, { language: null }));
    expect(d).toMatchObject({ teamId: 'berlin', agentId: 'admin', servedIn: null });
    expect(codes(d)).toBe('language_unknown no_rule_matched default_team team_open agent_assigned');
  });

  it('takes the first team declaring the language when no rule matches', () => {
    const d = decideRoute(demoRoutingInput(AT, { language: 'en-GB', customer: { country: 'GB', region: null, tier: null } }));
    expect(d.teamId).toBe('berlin');
    expect(d.steps[1]).toMatchObject({ code: 'language_team', text: 'Berlin is the first team serving English' });
  });

  it('says so when there is no team at all', () => {
    const d = decideRoute(demoRoutingInput(AT, GERMAN, { teams: [] }));
    expect(d).toMatchObject({ teamId: null, agentId: null, steps: [{ code: 'no_teams' }] });
  });
});
