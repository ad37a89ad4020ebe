import { describe, expect, it } from 'vitest';
import { decideRoute } from './decide.js';
import { demoRoutingInput } from './demo-setup.js';
import { languageMatches, ruleMatches } from './match.js';
import type { RoutingConversation, RoutingRule } from './types.js';

const c: RoutingConversation = {
  language: 'pt-BR',
  priority: 'high',
  channel: 'whatsapp',
  customer: { country: 'BR', region: 'BR-SP', tier: 'enterprise' },
  tags: ['Billing', 'vip'],
  text: '',
};
const rule = (when: RoutingRule['when']): RoutingRule => ({ id: 'r', name: 'r', when, teamId: 'sao-paulo' });

describe('ruleMatches', () => {
  it('matches when every condition holds, any value within one', () => {
    expect(
      ruleMatches(rule({ languages: ['pt'], countries: ['AR', 'BR'], channels: ['whatsapp'], priorities: ['high', 'urgent'] }), c),
    ).toBe(true);
    expect(ruleMatches(rule({ regions: ['BR-SP'], tiers: ['enterprise'], tags: ['billing'] }), c)).toBe(true);
    expect(ruleMatches(rule({ languages: ['pt'], channels: ['email'] }), c)).toBe(false);
    expect(ruleMatches(rule({ tiers: ['free'] }), c)).toBe(false);
  });

  it('matches everything without conditions, and nothing on a value the conversation lacks', () => {
    expect(ruleMatches(rule({}), c)).toBe(true);
    expect(ruleMatches(rule({ countries: ['BR'] }), { ...c, customer: { country: null, region: null, tier: null } })).toBe(false);
  });

  it('matches languages as tag prefixes on subtag boundaries', () => {
    expect(languageMatches('pt', 'pt-BR')).toBe(true);
    expect(languageMatches('pt-br', 'pt_BR')).toBe(true);
    expect(languageMatches('pt-BR', 'pt')).toBe(false);
    expect(languageMatches('p', 'pt')).toBe(false);
  });
});

describe('rule order', () => {
  it('uses the first matching rule', () => {
    const rules: RoutingRule[] = [
      { id: 'vip', name: 'VIPs to Berlin', when: { tags: ['vip'] }, teamId: 'berlin' },
      { id: 'pt', name: 'Portuguese to São Paulo', when: { languages: ['pt'] }, teamId: 'sao-paulo' },
    ];
    const d = decideRoute(demoRoutingInput('2026-03-10T10:00:00Z', c, { rules }));
    expect(d.teamId).toBe('berlin');
    expect(d.steps[0]).toEqual({ code: 'rule_matched', ruleId: 'vip', teamId: 'berlin', text: 'Rule "VIPs to Berlin" sends it to Berlin' });
  });
});
