import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../calendars/index.js';
import { decideRoute } from './decide.js';
import { demoRoutingAgents, demoRoutingInput, demoRoutingTeams } from './demo-setup.js';
import type { LanguageFallback, RoutingDecision } from './types.js';

/**
 * The demo's five teams with their real calendars (Berlin DE-BE, Bangalore IN-KA, São Paulo BR-SP,
 * San Francisco US-CA, Tokyo JP) and agents. In UTC on a weekday in March 2026 (Berlin on CET, the
 * US already on PDT): Tokyo 00:00–03:00 and 04:00–09:00, Bangalore 03:30–12:30, Berlin 07:00–17:00,
 * São Paulo 12:00–21:00, San Francisco 15:00–24:00. So at 02:00 only Tokyo is open, and at 03:00 nobody.
 */
const TEAMS = demoRoutingTeams();
const route = (...args: Parameters<typeof demoRoutingInput>) => decideRoute(demoRoutingInput(...args));

/** The step codes in order, space-separated: the shape of the explanation at a glance. */
const codes = (d: RoutingDecision) => d.steps.map((s) => s.code).join(' ');
const text = (d: RoutingDecision, code: string) => d.steps.find((s) => s.code === code)?.text;
const GERMAN_VIA_ENGLISH: LanguageFallback = { from: 'de', to: 'en', bar: 'fluent' };
const PORTUGUESE_VIA_SPANISH: LanguageFallback = { from: 'pt', to: 'es', bar: 'working' };

describe('follow the sun', () => {
  it('hands an English message from closed San Francisco to Tokyo, the next open team in the chain (02:00 UTC)', () => {
    const d = route('2026-03-10T02:00:00Z', { customer: { country: 'US', region: 'US-CA', tier: 'standard' } });
    // Kenji's English is "working", below the team's fluent bar.
    expect(d).toMatchObject({ teamId: 'tokyo', agentId: 'minji-park', urgent: false, servedIn: 'en' });
    expect(d.handover).toMatchObject({ fromTeamId: 'san-francisco', toTeamId: 'tokyo', reason: 'owning_team_closed' });
    expect(d.handover!.note).toBe(
      'San Francisco is closed until Tue 10 Mar, 08:00 America/Los_Angeles; Tokyo is the next open team in "Follow the sun" serving English.',
    );
    expect(codes(d)).toBe('rule_matched owning_team_closed handover agent_language_below_bar agent_assigned');
    expect(d.steps[1]).toMatchObject({ teamId: 'san-francisco', at: '2026-03-10T15:00:00.000Z' });
  });

  it('hands a German message from closed Berlin to Tokyo when the Tokyo lead allowed German answered in English (02:00 UTC)', () => {
    const d = route(
      '2026-03-10T02:00:00Z',
      { language: 'de-DE', text: 'Ich habe eine Frage zur Rechnung.' },
      { fallbacks: { tokyo: [GERMAN_VIA_ENGLISH] } },
    );
    expect(d).toMatchObject({ teamId: 'tokyo', agentId: 'minji-park', servedIn: 'en' });
    expect(d.handover).toMatchObject({ fromTeamId: 'berlin', toTeamId: 'tokyo', reason: 'owning_team_closed' });
    // The chain after Berlin is São Paulo, San Francisco, Tokyo, Bangalore: the closed ones are noted.
    expect(codes(d)).toBe(
      'rule_matched owning_team_closed team_skipped team_skipped team_skipped handover language_fallback agent_language_below_bar agent_assigned',
    );
    expect(text(d, 'owning_team_closed')).toBe('Berlin is closed until Tue 10 Mar, 08:00 Europe/Berlin');
    expect(d.steps.filter((s) => s.code === 'team_skipped').map((s) => s.teamId)).toEqual(['sao-paulo', 'san-francisco', 'bangalore']);
    expect(text(d, 'language_fallback')).toBe('German served in English (fluent or better), a fallback Tokyo allows');
    // Kenji's working English is below the fallback's bar.
    expect(d.steps.find((s) => s.code === 'agent_language_below_bar')?.agentIds).toEqual(['kenji-tanaka']);
  });

  it('queues a German message for Berlin at 03:00 UTC: Tokyo is at lunch and Bangalore opens at 03:30', () => {
    const fallbacks = { tokyo: [GERMAN_VIA_ENGLISH], bangalore: [GERMAN_VIA_ENGLISH] };
    const d = route('2026-03-10T03:00:00Z', { language: 'de' }, { fallbacks });
    expect(d).toMatchObject({ teamId: 'berlin', agentId: null, handover: null });
    expect(codes(d)).toBe('rule_matched owning_team_closed team_skipped team_skipped team_skipped team_skipped no_open_team');
    expect(d.steps.find((s) => s.teamId === 'tokyo')!.text).toBe('Tokyo: closed until Tue 10 Mar, 13:00 Asia/Tokyo');
    expect(text(d, 'no_open_team')).toBe('No open team in "Follow the sun" serves German: queued for Berlin until it opens');

    const later = route('2026-03-10T03:45:00Z', { language: 'de' }, { fallbacks });
    expect(later).toMatchObject({ teamId: 'bangalore', agentId: 'arjun-mehta', handover: { fromTeamId: 'berlin' } });
  });

  it('prefers a later team declaring German to an earlier one serving it through a fallback (04:15 UTC)', () => {
    const teams = demoRoutingTeams().map((t) => (t.id === 'bangalore' ? { ...t, languages: [...t.languages, 'de'] } : t));
    const agents = demoRoutingAgents().map((a) =>
      a.id === 'sana-qureshi' ? { ...a, languages: [...a.languages, { tag: 'de', proficiency: 'fluent' as const }] } : a,
    );
    const d = route('2026-03-10T04:15:00Z', { language: 'de' }, { teams, agents, fallbacks: { tokyo: [GERMAN_VIA_ENGLISH] } });
    expect(d).toMatchObject({ teamId: 'bangalore', agentId: 'sana-qureshi', servedIn: 'de' });
    expect(d.steps.find((s) => s.teamId === 'tokyo')!.text).toBe(
      'Tokyo: serves German only through a fallback; teams declaring it come first',
    );
  });

  it('keeps a conversation with its owner while the owner is open', () => {
    const d = route('2026-03-10T10:00:00Z', { language: 'de' }, { fallbacks: { tokyo: [GERMAN_VIA_ENGLISH] } });
    expect(d).toMatchObject({ teamId: 'berlin', agentId: 'admin', handover: null });
    expect(codes(d)).toBe('rule_matched team_open agent_assigned');
  });
});

describe('language fallback', () => {
  // 22:00 UTC: São Paulo 19:00 (closed), San Francisco 15:00 (open).
  it('sends Portuguese to Spanish-speaking San Francisco when São Paulo is closed and the lead allowed pt → es', () => {
    const d = route(
      '2026-03-10T22:00:00Z',
      { language: 'pt-BR', customer: { country: 'BR', region: 'BR-SP', tier: null } },
      {
        fallbacks: { 'san-francisco': [PORTUGUESE_VIA_SPANISH] },
      },
    );
    expect(d).toMatchObject({ teamId: 'san-francisco', agentId: 'daniel-reyes', servedIn: 'es' });
    expect(d.handover).toMatchObject({ fromTeamId: 'sao-paulo', toTeamId: 'san-francisco' });
    expect(codes(d)).toBe(
      'rule_matched owning_team_closed team_skipped team_skipped team_skipped handover language_fallback agent_language_below_bar agent_assigned',
    );
    expect(text(d, 'agent_language_below_bar')).toBe('Not Portuguese at fluent or better or Spanish at working or better: Wei Chen');
    expect(text(d, 'language_fallback')).toBe('Portuguese served in Spanish (working or better), a fallback San Francisco allows');
    // Megan's working Spanish meets the fallback's lower bar: she is next in turn.
    const next = route(
      '2026-03-10T22:01:00Z',
      { language: 'pt' },
      { fallbacks: { 'san-francisco': [PORTUGUESE_VIA_SPANISH] }, roundRobin: d.roundRobin },
    );
    expect(next.agentId).toBe('megan-carter');
  });

  it('queues Portuguese for São Paulo when no fallback is allowed', () => {
    const d = route('2026-03-10T22:00:00Z', { language: 'pt' });
    expect(d).toMatchObject({ teamId: 'sao-paulo', agentId: null, handover: null, servedIn: 'pt' });
    expect(d.steps.find((s) => s.teamId === 'san-francisco')!.text).toBe('San Francisco: not serving Portuguese');
    expect(codes(d)).toMatch(/no_open_team$/);
  });
});

describe('public holidays', () => {
  // Thu 9 Jul 2026, 16:00 UTC = 13:00 in São Paulo: Revolução Constitucionalista, a São Paulo state holiday.
  it('closes São Paulo on a Brazilian (São Paulo state) holiday and hands Portuguese over to San Francisco', () => {
    const fallbacks = { 'san-francisco': [PORTUGUESE_VIA_SPANISH] };
    const holiday = route('2026-07-09T16:00:00Z', { language: 'pt' }, { fallbacks });
    expect(holiday).toMatchObject({ teamId: 'san-francisco', servedIn: 'es', handover: { fromTeamId: 'sao-paulo' } });
    expect(text(holiday, 'owning_team_closed')).toBe('São Paulo is closed until Fri 10 Jul, 09:00 America/Sao_Paulo');

    const dayBefore = route('2026-07-08T16:00:00Z', { language: 'pt' }, { fallbacks });
    expect(dayBefore).toMatchObject({ teamId: 'sao-paulo', agentId: 'camila-souza', handover: null });
  });

  it('is a state holiday: a calendar with Brazil-wide holidays only is open at the same instant', () => {
    const national = compileCalendar({
      timeZone: 'America/Sao_Paulo',
      weekly: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }],
      holidays: { country: 'BR' },
    });
    const teams = TEAMS.map((t) => (t.id === 'sao-paulo' ? { ...t, calendar: national } : t));
    expect(route('2026-07-09T16:00:00Z', { language: 'pt' }, { teams }).teamId).toBe('sao-paulo');
  });

  it('closes São Paulo on Tiradentes (21 Apr), a national holiday', () => {
    const d = route('2026-04-21T16:00:00Z', { language: 'pt' });
    expect(d).toMatchObject({ teamId: 'sao-paulo', agentId: null });
    expect(codes(d)).toContain('owning_team_closed');
  });
});
