import { describe, expect, it } from 'vitest';
import { leastLoaded, nextInTurn, pickAgent } from './assign.js';
import type { RoundRobinState, RoutingAgent, RoutingTeam } from './types.js';

const team = (over: Partial<RoutingTeam> = {}): RoutingTeam => ({
  id: 'team',
  name: 'Team',
  languages: ['pt', 'es'],
  calendar: null,
  mode: 'round_robin',
  bar: 'fluent',
  fallbacks: [],
  ...over,
});

const agent = (id: string, over: Partial<RoutingAgent> = {}): RoutingAgent => ({
  id,
  name: id.toUpperCase(),
  teamIds: ['team'],
  languages: [{ tag: 'pt', proficiency: 'native' }],
  status: 'online',
  capacity: 10,
  load: 0,
  ...over,
});

const codes = (steps: { code: string }[]) => steps.map((s) => s.code);

/** A small seeded generator, so "random" releases are the same every run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('round robin', () => {
  it('is fair over 1,000 assignments with equal capacity: counts differ by at most 1', () => {
    const agents = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => agent(id, { capacity: 200 }));
    let state: RoundRobinState = {};
    const counts = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const pick = pickAgent(team(), agents, 'pt', state);
      const chosen = agents.find((a) => a.id === pick.agentId)!;
      chosen.load += 1;
      counts.set(chosen.id, (counts.get(chosen.id) ?? 0) + 1);
      state = { ...state, team: chosen.id };
    }
    expect([...counts.values()].reduce((s, n) => s + n, 0)).toBe(1000);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
  });

  it('stays fair while conversations are closed at random in between', () => {
    const agents = ['a', 'b', 'c'].map((id) => agent(id, { capacity: 1000 }));
    const rand = lcg(42);
    let state: RoundRobinState = {};
    const counts = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      for (const a of agents) if (a.load > 0 && rand() < 0.3) a.load -= 1;
      const id = pickAgent(team(), agents, 'pt', state).agentId!;
      agents.find((a) => a.id === id)!.load += 1;
      counts.set(id, (counts.get(id) ?? 0) + 1);
      state = { team: id };
    }
    expect([...counts.values()].sort()).toEqual([333, 333, 334]);
  });

  it('passes the turn on by id, so a cursor on an agent who left still works', () => {
    const sorted = [agent('b'), agent('d'), agent('f')];
    expect(nextInTurn(sorted, undefined).id).toBe('b');
    expect(nextInTurn(sorted, 'b').id).toBe('d');
    expect(nextInTurn(sorted, 'c').id).toBe('d'); // 'c' left the team
    expect(nextInTurn(sorted, 'f').id).toBe('b'); // wraps
  });

  it('skips a full agent without losing the order for the others', () => {
    const agents = [agent('a'), agent('b', { load: 10 }), agent('c')];
    const pick = pickAgent(team(), agents, 'pt', { team: 'a' });
    expect(pick.agentId).toBe('c');
    expect(pick.steps.find((s) => s.code === 'agent_at_capacity')?.agentIds).toEqual(['b']);
  });
});

describe('least loaded', () => {
  it('picks the lowest share of capacity in use, not the lowest count', () => {
    const agents = [agent('a', { load: 2, capacity: 5 }), agent('b', { load: 5, capacity: 10 }), agent('c', { load: 3, capacity: 12 })];
    expect(leastLoaded(agents).id).toBe('c');
    expect(pickAgent(team({ mode: 'least_loaded' }), agents, 'pt', {}).agentId).toBe('c');
  });

  it('breaks ties by the stable id order, whatever order the agents come in', () => {
    const agents = [agent('k', { load: 2, capacity: 10 }), agent('a', { load: 1, capacity: 5 }), agent('m', { load: 0, capacity: 0 })];
    expect(pickAgent(team({ mode: 'least_loaded' }), agents, 'pt', {}).agentId).toBe('a');
  });
});

describe('eligibility', () => {
  it('takes only online agents under capacity who read the language at the team bar, and says why the others were passed over', () => {
    const agents = [
      agent('away', { status: 'away' }),
      agent('off', { status: 'offline' }),
      agent('basic', { languages: [{ tag: 'pt', proficiency: 'working' }] }),
      agent('full', { load: 10 }),
      agent('other-team', { teamIds: ['elsewhere'] }),
      agent('ok', { languages: [{ tag: 'pt-BR', proficiency: 'fluent' }] }),
    ];
    const pick = pickAgent(team(), agents, 'pt', {});
    expect(pick.agentId).toBe('ok');
    expect(codes(pick.steps)).toEqual(['agent_offline', 'agent_away', 'agent_language_below_bar', 'agent_at_capacity', 'agent_assigned']);
    expect(pick.steps[2]!.text).toBe('Not Portuguese at fluent or better: BASIC');
    expect(pick.steps[4]!.text).toBe('Assigned to OK in Team (round robin, 0/10 open before this one)');
  });

  it('queues with the reason when everyone who reads it is full', () => {
    const pick = pickAgent(team(), [agent('a', { load: 10 }), agent('b', { load: 12, capacity: 12 })], 'pt', {});
    expect(pick.agentId).toBeNull();
    expect(codes(pick.steps)).toEqual(['agent_at_capacity', 'no_agent_with_capacity']);
    expect(pick.steps[1]!.text).toBe('Queued in Team: nobody online with capacity reads Portuguese at fluent or better');
  });

  it('gives a fallback reader the conversation only when no free agent reads the language itself', () => {
    const t = team({ fallbacks: [{ from: 'pt', to: 'es', bar: 'working' }] });
    const spanish = agent('a-es', { languages: [{ tag: 'es', proficiency: 'working' }] });
    expect(pickAgent(t, [spanish, agent('z-pt')], 'pt', {})).toMatchObject({ agentId: 'z-pt', servedIn: 'pt', fallback: null });
    expect(pickAgent(t, [spanish, agent('z-pt', { load: 10 })], 'pt', {})).toMatchObject({
      agentId: 'a-es',
      servedIn: 'es',
      fallback: { from: 'pt', to: 'es' },
    });
  });

  it('lets anyone read a conversation whose language is not known yet', () => {
    const pick = pickAgent(team(), [agent('a', { languages: [] })], '', {});
    expect(pick.agentId).toBe('a');
  });
});
