import { describe, expect, it } from 'vitest';
import { bucketOf, feedbackSummary, normaliseScores, type Breakdown, type FeedbackRow } from './analytics.js';
import {
  AGENT_NAMES,
  CES_OVERALL,
  CSAT_BY_AGENT,
  CSAT_BY_CHANNEL,
  CSAT_BY_COUNTRY,
  CSAT_BY_LANGUAGE,
  CSAT_BY_TAG,
  CSAT_BY_TEAM,
  CSAT_OVERALL,
  CSAT_WEEKS_TOKYO,
  CSAT_WEEKS_UTC,
  NPS_BY_LANGUAGE,
  NPS_BY_TEAM,
  NPS_OVERALL,
  SURVEYS,
  TEAM_NAMES,
} from './feedback.fixture.js';

const rows: FeedbackRow[] = SURVEYS.map((s) => ({
  kind: s.kind,
  sentAt: new Date(s.sentAt),
  score: s.score,
  language: s.language,
  country: s.country,
  channel: s.channel,
  teamId: s.team,
  teamName: TEAM_NAMES[s.team],
  agentId: s.agent,
  agentName: s.agent ? AGENT_NAMES[s.agent] : null,
  tags: s.tags,
}));
const summary = (kind: 'csat' | 'nps' | 'ces', by: Breakdown, timeZone = 'UTC') =>
  feedbackSummary(kind, rows, { by, bucket: 'week', timeZone });

describe('feedbackSummary over the hand-computed fixture', () => {
  it('CSAT overall and per language, country, channel', () => {
    const s = summary('csat', 'language');
    expect(s.overall).toMatchObject(CSAT_OVERALL);
    expect(s.groups).toMatchObject(CSAT_BY_LANGUAGE);
    expect(s.groups).toHaveLength(CSAT_BY_LANGUAGE.length);
    expect(summary('csat', 'country').groups).toMatchObject(CSAT_BY_COUNTRY);
    expect(summary('csat', 'channel').groups).toMatchObject(CSAT_BY_CHANNEL);
  });

  it('CSAT per team, agent (no agent last) and tag (a survey under each of its tags)', () => {
    const teams = summary('csat', 'team').groups;
    expect(teams.map((g) => g.key)).toEqual(['T1', 'T2']);
    expect(teams[0]).toMatchObject(CSAT_BY_TEAM.T1);
    expect(teams[1]).toMatchObject(CSAT_BY_TEAM.T2);
    const agents = summary('csat', 'agent').groups;
    expect(agents.map((g) => g.key)).toEqual(['A1', 'A2', 'A3', null]);
    expect(agents).toMatchObject([CSAT_BY_AGENT.A1, CSAT_BY_AGENT.A2, CSAT_BY_AGENT.A3, CSAT_BY_AGENT.none]);
    expect(summary('csat', 'tag').groups).toMatchObject(CSAT_BY_TAG);
  });

  it('weekly trends by when sent, in the zone asked for', () => {
    expect(summary('csat', 'language').trend).toMatchObject(CSAT_WEEKS_UTC);
    expect(summary('csat', 'language', 'Asia/Tokyo').trend).toMatchObject(CSAT_WEEKS_TOKYO);
    const days = feedbackSummary('csat', rows, { by: 'language', bucket: 'day', timeZone: 'UTC' }).trend;
    // c1 and c9 were both sent on 2 February; 12 distinct UTC days in all.
    expect(days[0]).toMatchObject({ bucket: '2026-02-02', sent: 2, answered: 2, average: 4.5 });
    expect(days).toHaveLength(12);
  });

  it('NPS: promoters − detractors, per language (negative too) and team', () => {
    const s = summary('nps', 'language');
    expect(s.overall).toMatchObject(NPS_OVERALL);
    expect(s.overall.distribution).toEqual([0, 0, 0, 1, 0, 0, 1, 1, 1, 1, 2]);
    expect(s.groups).toMatchObject(NPS_BY_LANGUAGE);
    const teams = summary('nps', 'team').groups;
    expect(teams[0]).toMatchObject(NPS_BY_TEAM.T1);
    expect(teams[1]).toMatchObject(NPS_BY_TEAM.T2);
  });

  it('CES: average and share of easy answers (5–7)', () => {
    expect(summary('ces', 'language').overall).toMatchObject({ ...CES_OVERALL, nps: null });
  });

  it('an empty period has counts of zero and no averages', () => {
    const s = feedbackSummary('csat', [], { by: 'team', bucket: 'week', timeZone: 'UTC' });
    expect(s.overall).toMatchObject({
      sent: 0,
      answered: 0,
      responseRate: null,
      average: null,
      normalisedAverage: null,
      satisfiedPercent: null,
    });
    expect(s.groups).toEqual([]);
    expect(s.trend).toEqual([]);
  });
});

describe('normaliseScores', () => {
  const row = (language: string, score: number | null): FeedbackRow => ({ ...rows[0]!, language, score });

  it("removes a language's response style: the same relative answer lands in the same place", () => {
    // Japanese answers around 3, Brazilian around 5: each one's top answer is equally high among its own.
    const set = [
      row('ja', 2),
      row('ja', 4),
      row('ja', 2),
      row('pt', 4),
      row('pt', 5),
      row('pt', 4),
      row('pt', 5),
      row('ja', 4),
      row('pt', null),
    ];
    const n = normaliseScores(set);
    expect(n[8]).toBeNull();
    expect(n[1]!).toBeCloseTo(n[4]!, 6);
    expect(n[0]!).toBeCloseTo(n[3]!, 6);
    expect(n[1]!).toBeGreaterThan(n[0]!);
    // Raw, a Japanese 4 is below a Brazilian 5; normalised they are level.
    expect(n[4]!).toBeLessThan(5);
  });

  it('keeps raw scores of a language with fewer than three answers; equal answers land on the mean', () => {
    const n = normaliseScores([row('en', 1), row('en', 5), row('ja', 3), row('ja', 3), row('ja', 3)]);
    expect(n.slice(0, 2)).toEqual([1, 5]);
    expect(n[2]).toBeCloseTo(15 / 5, 6);
  });
});

describe('bucketOf', () => {
  it('weeks start on Monday in the zone asked for', () => {
    expect(bucketOf(new Date('2026-02-08T23:30:00Z'), 'week', 'UTC')).toBe('2026-02-02');
    expect(bucketOf(new Date('2026-02-08T23:30:00Z'), 'week', 'Asia/Tokyo')).toBe('2026-02-09');
    expect(bucketOf(new Date('2026-02-09T03:00:00Z'), 'day', 'America/Los_Angeles')).toBe('2026-02-08');
    // Across a year end: 1 January 2026 is a Thursday.
    expect(bucketOf(new Date('2026-01-01T12:00:00Z'), 'week', 'UTC')).toBe('2025-12-29');
  });
});
