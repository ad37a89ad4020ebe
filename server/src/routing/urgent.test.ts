import { describe, expect, it } from 'vitest';
import { decideRoute } from './decide.js';
import { demoRoutingAgents, demoRoutingInput } from './demo-setup.js';
import type { LanguageFallback, RoutingDecision } from './types.js';

/**
 * Tue 10 Mar 2026, 17:00 UTC: 02:00 on Wednesday in Tokyo (closed), 18:00 in Berlin (just closed),
 * 14:00 in São Paulo and 10:00 in San Francisco (both open). Tokyo's own chain hands over only to
 * Bangalore (closed too); San Francisco's lead accepts Japanese answered in English.
 */
const NIGHT_IN_TOKYO = '2026-03-10T17:00:00Z';
const ASIA_CHAIN = { id: 'asia', name: 'Asia', teamIds: ['tokyo', 'bangalore'] };
const JAPANESE_VIA_ENGLISH: LanguageFallback = { from: 'ja', to: 'en', bar: 'fluent' };
const JAPANESE = { language: 'ja', customer: { country: 'JP', region: 'JP-13', tier: 'premium' } };
/** The step codes in order, space-separated: the shape of the explanation at a glance. */
const codes = (d: RoutingDecision) => d.steps.map((s) => s.code).join(' ');

function night(text: string, fallbacks: Record<string, LanguageFallback[]> = { 'san-francisco': [JAPANESE_VIA_ENGLISH] }) {
  return decideRoute(demoRoutingInput(NIGHT_IN_TOKYO, { ...JAPANESE, text }, { chains: [ASIA_CHAIN], fallbacks }));
}

describe('urgent override', () => {
  it('waits for Tokyo when the Japanese message is not urgent', () => {
    const d = night('請求書の宛名を変更したいです。');
    expect(d).toMatchObject({ teamId: 'tokyo', agentId: null, urgent: false, handover: null });
    expect(codes(d)).toBe('rule_matched owning_team_closed team_skipped no_open_team');
  });

  it('sends an urgent cue in Japanese at night to whoever is on shift and reads it, outside the chain', () => {
    const d = night('至急対応をお願いします。ログインできません。');
    expect(d).toMatchObject({ teamId: 'san-francisco', agentId: 'daniel-reyes', urgent: true, servedIn: 'en' });
    expect(d.handover).toEqual({
      fromTeamId: 'tokyo',
      toTeamId: 'san-francisco',
      reason: 'urgent_override',
      note: 'Urgent Japanese conversation of Tokyo (closed until Wed 11 Mar, 09:00 Asia/Tokyo), sent to San Francisco because it is on shift now.',
    });
    expect(codes(d)).toBe('urgent_detected rule_matched urgent_override language_fallback agent_assigned');
    expect(d.steps.map((s) => s.text)).toEqual([
      'Urgent: "至急" (Japanese urgency cue)',
      'Rule "Japanese to Tokyo" sends it to Tokyo',
      'Urgent: San Francisco is on shift now and takes it ahead of Tokyo (closed until Wed 11 Mar, 09:00 Asia/Tokyo)',
      'Japanese served in English (fluent or better), a fallback San Francisco allows',
      'Assigned to Daniel Reyes in San Francisco (round robin, 0/12 open before this one)',
    ]);
  });

  it('routes as usual, saying why, when nobody on shift reads the language', () => {
    const d = night('緊急です', {});
    expect(d).toMatchObject({ teamId: 'tokyo', agentId: null, urgent: true });
    expect(codes(d)).toBe('urgent_detected rule_matched urgent_no_team_on_shift owning_team_closed team_skipped no_open_team');
  });

  it('keeps an urgent conversation in its open owning team when someone there is free', () => {
    const d = decideRoute(demoRoutingInput('2026-03-10T10:00:00Z', { language: 'de', priority: 'urgent' }));
    expect(d).toMatchObject({ teamId: 'berlin', agentId: 'admin', urgent: true, handover: null });
    expect(codes(d)).toBe('urgent_detected rule_matched team_open agent_assigned');
    expect(d.steps[0]!.text).toBe('Urgent: priority urgent');
  });

  it('takes an urgent conversation out of its open owning team when nobody there is free', () => {
    const agents = demoRoutingAgents().map((a) => (a.teamIds.includes('berlin') ? { ...a, status: 'away' as const } : a));
    const d = decideRoute(demoRoutingInput('2026-03-10T10:00:00Z', { language: 'en', text: 'Our shop is down!' }, { agents }));
    expect(d).toMatchObject({ teamId: 'bangalore', agentId: 'arjun-mehta', handover: { fromTeamId: 'berlin', reason: 'urgent_override' } });
    expect(codes(d)).toBe('urgent_detected no_rule_matched language_team team_skipped urgent_override agent_assigned');
    expect(d.steps[3]!.text).toBe('Berlin: open, but nobody free reads English');
    expect(d.steps[4]!.text).toBe('Urgent: Bangalore is on shift now and takes it ahead of Berlin (open but nobody there is free)');
  });
});
