import { describe, expect, it } from 'vitest';
import { issuesAt } from '../forms';
import { fieldLevel, unplaced } from './issues';
import {
  chainBodies,
  emptyRule,
  ruleBodies,
  sentIndex,
  teamBodies,
  toChainRows,
  toRuleRows,
  toTeamRows,
  type RoutingDoc,
} from './routing-form';
import { move } from './rows';

const SP = '11111111-1111-4111-8111-111111111111';
const SF = '22222222-2222-4222-8222-222222222222';
const doc: RoutingDoc = {
  rules: [
    { id: 'r1', name: 'Portuguese to São Paulo', when: { languages: ['pt'], channels: ['whatsapp', 'email'] }, teamId: SP },
    { id: 'r2', name: 'Gold', when: { tiers: ['gold'], priorities: ['urgent'], countries: ['BR', 'PT'] }, teamId: SF },
  ],
  chains: [{ id: 'c1', name: 'Sun', teamIds: [SP, SF] }],
  teams: [
    { teamId: SP, mode: 'round_robin', bar: 'fluent', fallbacks: [], customized: false },
    { teamId: SF, mode: 'least_loaded', bar: 'fluent', fallbacks: [{ from: 'pt', to: 'es', bar: 'fluent' }], customized: true },
  ],
};

describe('routing editors ↔ PUT /routing body', () => {
  it('reads the document into rows and writes the same document back', () => {
    const rules = toRuleRows(doc.rules);
    expect(rules[0]).toMatchObject({ id: 'r1', languages: 'pt', channels: ['whatsapp', 'email'], countries: '' });
    expect(rules[1]).toMatchObject({ countries: 'BR, PT', tiers: 'gold', priorities: ['urgent'] });
    // Channels come back in the schema's order, whatever order they were ticked in.
    expect(ruleBodies(rules)).toEqual([
      { id: 'r1', name: 'Portuguese to São Paulo', when: { languages: ['pt'], channels: ['email', 'whatsapp'] }, teamId: SP },
      { id: 'r2', name: 'Gold', when: { countries: ['BR', 'PT'], tiers: ['gold'], priorities: ['urgent'] }, teamId: SF },
    ]);
    expect(chainBodies(toChainRows(doc.chains))).toEqual([{ id: 'c1', name: 'Sun', teamIds: [SP, SF] }]);
    // Only the team off the defaults is sent: the other keeps "no settings of its own".
    expect(teamBodies(toTeamRows(doc.teams))).toEqual([
      { teamId: SF, mode: 'least_loaded', bar: 'fluent', fallbacks: [{ from: 'pt', to: 'es', bar: 'fluent' }] },
    ]);
  });

  it('sends a new rule without an id, blank conditions left out and lists split and trimmed', () => {
    const added = { ...emptyRule(SP), name: '  Brazil ', languages: ' pt-BR, pt ,', regions: 'BR-SP' };
    expect(ruleBodies([added])).toEqual([{ name: 'Brazil', when: { languages: ['pt-BR', 'pt'], regions: ['BR-SP'] }, teamId: SP }]);
    expect(ruleBodies([emptyRule()])).toEqual([{ name: '', when: {}, teamId: '' }]);
  });

  it('reorders rows and keeps unpicked chain steps, so server errors point at the step shown', () => {
    const rules = toRuleRows(doc.rules);
    expect(ruleBodies(move(rules, 1, -1)).map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(move(rules, 0, -1).map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(move(rules, 1, 1).map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(chainBodies([{ key: 'k', name: 'x', teamIds: [SP, ''] }])[0]!.teamIds).toEqual([SP, '']);
  });

  it("finds a team's errors by its place among the teams sent", () => {
    const teams = toTeamRows(doc.teams);
    expect(sentIndex(teams, SF)).toBe(0);
    expect(sentIndex(teams, SP)).toBe(-1);
  });

  it("places the server's issues by path: at a control, on the row, or on the whole list", () => {
    const issues = [
      { path: '0/when/languages/0', message: 'must match pattern' },
      { path: '0/when', message: 'must NOT have additional properties' },
      { path: '1/name', message: 'blank' },
      { path: '', message: 'must be array' },
      { path: '7/teamId', message: 'no such team' },
    ];
    expect(issuesAt(issues, '0/when/languages')).toEqual(['0: must match pattern']);
    expect(issuesAt(issues, '1/name')).toEqual(['blank']);
    expect(unplaced(issues, '0', ['name', 'when/languages'])).toEqual(['when: must NOT have additional properties']);
    expect(fieldLevel(issues, 2)).toEqual(['must be array', '7/teamId: no such team']);
  });
});
