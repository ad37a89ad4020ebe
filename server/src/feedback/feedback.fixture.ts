/**
 * Acceptance 3's fixture: 27 surveys (16 CSAT, 8 NPS, 3 CES; 22 answered) over four languages,
 * six countries, two channels, two teams, three agents and two tags, with every expected number
 * worked out by hand below (not by the code under test). analytics.test.ts asserts them on the pure
 * function, feedback.api.test.ts through the API on both engines.
 */
import type { SurveyKind } from '../surveys/survey-kinds.js';

export type TeamRef = 'T1' | 'T2';
export type AgentRef = 'A1' | 'A2' | 'A3';

export interface FixtureSurvey {
  n: string;
  kind: SurveyKind;
  language: string;
  country: string;
  channel: 'email' | 'chat';
  team: TeamRef;
  agent: AgentRef | null;
  tags: string[];
  score: number | null;
  sentAt: string;
}

const at = (day: string) => `2026-02-${day}T09:00:00.000Z`;

export const TEAM_NAMES: Record<TeamRef, string> = { T1: 'Atlantic', T2: 'Pacific' };
export const AGENT_NAMES: Record<AgentRef, string> = { A1: 'Ana', A2: 'Ben', A3: 'Kenji' };

// prettier-ignore
export const SURVEYS: FixtureSurvey[] = [
  { n: 'c1',  kind: 'csat', language: 'en',    country: 'US', channel: 'email', team: 'T1', agent: 'A1', tags: ['billing'],             score: 5,    sentAt: at('02') },
  { n: 'c2',  kind: 'csat', language: 'en',    country: 'US', channel: 'chat',  team: 'T1', agent: 'A1', tags: ['billing', 'shipping'], score: 4,    sentAt: at('03') },
  { n: 'c3',  kind: 'csat', language: 'en-GB', country: 'GB', channel: 'email', team: 'T1', agent: 'A2', tags: [],                      score: 2,    sentAt: at('04') },
  { n: 'c4',  kind: 'csat', language: 'en',    country: 'GB', channel: 'email', team: 'T1', agent: 'A2', tags: ['shipping'],            score: null, sentAt: at('05') },
  { n: 'c5',  kind: 'csat', language: 'es',    country: 'ES', channel: 'chat',  team: 'T1', agent: 'A1', tags: ['billing'],             score: 5,    sentAt: at('09') },
  { n: 'c6',  kind: 'csat', language: 'es-MX', country: 'MX', channel: 'chat',  team: 'T1', agent: 'A2', tags: [],                      score: 5,    sentAt: at('10') },
  { n: 'c7',  kind: 'csat', language: 'es',    country: 'ES', channel: 'email', team: 'T1', agent: 'A1', tags: ['shipping'],            score: 3,    sentAt: at('11') },
  { n: 'c8',  kind: 'csat', language: 'es',    country: 'MX', channel: 'email', team: 'T1', agent: 'A2', tags: ['billing'],             score: null, sentAt: at('12') },
  { n: 'c9',  kind: 'csat', language: 'ja',    country: 'JP', channel: 'email', team: 'T2', agent: 'A3', tags: ['billing'],             score: 4,    sentAt: at('02') },
  { n: 'c10', kind: 'csat', language: 'ja',    country: 'JP', channel: 'chat',  team: 'T2', agent: 'A3', tags: [],                      score: 3,    sentAt: at('03') },
  // Sunday 23:30 UTC: already Monday 9 February in Tokyo (the trend's time-zone case).
  { n: 'c11', kind: 'csat', language: 'ja',    country: 'JP', channel: 'email', team: 'T2', agent: 'A3', tags: ['shipping'],            score: 3,    sentAt: '2026-02-08T23:30:00.000Z' },
  { n: 'c12', kind: 'csat', language: 'ja',    country: 'JP', channel: 'chat',  team: 'T2', agent: 'A3', tags: ['billing'],             score: 4,    sentAt: at('10') },
  { n: 'c13', kind: 'csat', language: 'ja',    country: 'JP', channel: 'chat',  team: 'T2', agent: 'A3', tags: [],                      score: null, sentAt: at('11') },
  { n: 'c14', kind: 'csat', language: 'pt',    country: 'BR', channel: 'chat',  team: 'T2', agent: 'A1', tags: ['billing'],             score: 1,    sentAt: at('16') },
  { n: 'c15', kind: 'csat', language: 'pt',    country: 'BR', channel: 'email', team: 'T2', agent: 'A2', tags: [],                      score: 5,    sentAt: at('17') },
  { n: 'c16', kind: 'csat', language: 'pt-BR', country: 'BR', channel: 'chat',  team: 'T2', agent: null, tags: ['shipping'],            score: null, sentAt: at('18') },
  { n: 'n1',  kind: 'nps',  language: 'en',    country: 'US', channel: 'email', team: 'T1', agent: 'A1', tags: [],                      score: 10,   sentAt: at('03') },
  { n: 'n2',  kind: 'nps',  language: 'en',    country: 'US', channel: 'email', team: 'T1', agent: 'A1', tags: [],                      score: 9,    sentAt: at('03') },
  { n: 'n3',  kind: 'nps',  language: 'es',    country: 'ES', channel: 'chat',  team: 'T1', agent: 'A2', tags: [],                      score: 8,    sentAt: at('04') },
  { n: 'n4',  kind: 'nps',  language: 'es',    country: 'ES', channel: 'chat',  team: 'T1', agent: 'A2', tags: [],                      score: 6,    sentAt: at('04') },
  { n: 'n5',  kind: 'nps',  language: 'ja',    country: 'JP', channel: 'email', team: 'T2', agent: 'A3', tags: [],                      score: 7,    sentAt: at('05') },
  { n: 'n6',  kind: 'nps',  language: 'ja',    country: 'JP', channel: 'email', team: 'T2', agent: 'A3', tags: [],                      score: 3,    sentAt: at('05') },
  { n: 'n7',  kind: 'nps',  language: 'pt',    country: 'BR', channel: 'chat',  team: 'T2', agent: 'A3', tags: [],                      score: 10,   sentAt: at('06') },
  { n: 'n8',  kind: 'nps',  language: 'pt',    country: 'BR', channel: 'chat',  team: 'T2', agent: 'A3', tags: [],                      score: null, sentAt: at('06') },
  { n: 'e1',  kind: 'ces',  language: 'en',    country: 'US', channel: 'email', team: 'T1', agent: 'A1', tags: [],                      score: 7,    sentAt: at('03') },
  { n: 'e2',  kind: 'ces',  language: 'en',    country: 'US', channel: 'email', team: 'T1', agent: 'A1', tags: [],                      score: 5,    sentAt: at('03') },
  { n: 'e3',  kind: 'ces',  language: 'en',    country: 'US', channel: 'email', team: 'T1', agent: 'A1', tags: [],                      score: 2,    sentAt: at('03') },
];

/**
 * CSAT, worked by hand. Answers: c1 5, c2 4, c3 2, c5 5, c6 5, c7 3, c9 4, c10 3, c11 3, c12 4, c14 1,
 * c15 5 → 12 of 16 sent (0.75), sum 44, mean 3.67, 4–5 = 7/12 = 58.3 %.
 *
 * Normalisation: overall mean 44/12 = 3.6667, population sd √(180/12 − 3.6667²) = √1.5556 = 1.2472.
 *   en (5, 4, 2): mean 3.6667, sd 1.2472 (same as overall) → 5, 4, 2.
 *   es (5, 5, 3): mean 4.3333, sd 0.9428 → z 0.7071, 0.7071, −1.4142 → 4.5486, 4.5486, 1.9028.
 *   ja (4, 3, 3, 4): mean 3.5, sd 0.5 → z ±1 → 4 ↦ 4.9139, 3 ↦ 2.4195.
 *   pt (1, 5): two answers, under MIN_LANGUAGE_ANSWERS → kept: 1, 5.
 *   Overall normalised mean: (11 + 11 + 14.6667 + 6) / 12 = 3.5556.
 */
export const CSAT_OVERALL = {
  sent: 16,
  answered: 12,
  responseRate: 0.75,
  distribution: [1, 1, 3, 3, 4],
  average: 3.67,
  normalisedAverage: 3.56,
  satisfiedPercent: 58.3,
  nps: null,
};

/** by=language (primary subtags: en-GB → en, es-MX → es, pt-BR → pt); largest first, ties by key. */
export const CSAT_BY_LANGUAGE = [
  // c9–c13: 4 of 5 answered (4, 3, 3, 4): 14/4 = 3.5; 4–5: 2/4.
  {
    key: 'ja',
    sent: 5,
    answered: 4,
    responseRate: 0.8,
    distribution: [0, 0, 2, 2, 0],
    average: 3.5,
    normalisedAverage: 3.67,
    satisfiedPercent: 50,
  },
  // c1–c4: 3 of 4 (5, 4, 2): 11/3 = 3.67; 4–5: 2/3 = 66.7.
  {
    key: 'en',
    sent: 4,
    answered: 3,
    responseRate: 0.75,
    distribution: [0, 1, 0, 1, 1],
    average: 3.67,
    normalisedAverage: 3.67,
    satisfiedPercent: 66.7,
  },
  // c5–c8: 3 of 4 (5, 5, 3): 13/3 = 4.33.
  {
    key: 'es',
    sent: 4,
    answered: 3,
    responseRate: 0.75,
    distribution: [0, 0, 1, 0, 2],
    average: 4.33,
    normalisedAverage: 3.67,
    satisfiedPercent: 66.7,
  },
  // c14–c16: 2 of 3 (1, 5) = 0.67; too few to normalise: 3.
  {
    key: 'pt',
    sent: 3,
    answered: 2,
    responseRate: 0.67,
    distribution: [1, 0, 0, 0, 1],
    average: 3,
    normalisedAverage: 3,
    satisfiedPercent: 50,
  },
];

export const CSAT_BY_COUNTRY = [
  // c9–c13
  { key: 'JP', sent: 5, answered: 4, average: 3.5 },
  // c14–c16: 1, 5
  { key: 'BR', sent: 3, answered: 2, average: 3 },
  // c5, c7: 5, 3
  { key: 'ES', sent: 2, answered: 2, average: 4 },
  // c3, c4: 2
  { key: 'GB', sent: 2, answered: 1, average: 2 },
  // c6, c8: 5
  { key: 'MX', sent: 2, answered: 1, average: 5 },
  // c1, c2: 5, 4
  { key: 'US', sent: 2, answered: 2, average: 4.5 },
];

export const CSAT_BY_CHANNEL = [
  // chat: c2 4, c5 5, c6 5, c10 3, c12 4, c13 –, c14 1, c16 – → 6 of 8, 22/6 = 3.67; 4–5: 4/6.
  { key: 'chat', sent: 8, answered: 6, responseRate: 0.75, average: 3.67, satisfiedPercent: 66.7 },
  // email: c1 5, c3 2, c4 –, c7 3, c8 –, c9 4, c11 3, c15 5 → 6 of 8, 22/6 = 3.67; 4–5: 3/6.
  { key: 'email', sent: 8, answered: 6, responseRate: 0.75, average: 3.67, satisfiedPercent: 50 },
];

export const CSAT_BY_TEAM: Record<TeamRef, object> = {
  // c1–c8: 6 of 8 (5, 4, 2, 5, 5, 3) = 24/6 = 4; normalised (5 + 4 + 2 + 4.5486 + 4.5486 + 1.9028)/6 = 3.67.
  T1: {
    label: 'Atlantic',
    sent: 8,
    answered: 6,
    responseRate: 0.75,
    distribution: [0, 1, 1, 1, 3],
    average: 4,
    normalisedAverage: 3.67,
    satisfiedPercent: 66.7,
  },
  // c9–c16: 6 of 8 (4, 3, 3, 4, 1, 5) = 20/6 = 3.33; normalised (4.9139·2 + 2.4195·2 + 1 + 5)/6 = 3.44.
  T2: {
    label: 'Pacific',
    sent: 8,
    answered: 6,
    responseRate: 0.75,
    distribution: [1, 0, 2, 2, 1],
    average: 3.33,
    normalisedAverage: 3.44,
    satisfiedPercent: 50,
  },
};

export const CSAT_BY_AGENT: Record<AgentRef | 'none', object> = {
  // c1 5, c2 4, c5 5, c7 3, c14 1: 18/5 = 3.6; normalised (5 + 4 + 4.5486 + 1.9028 + 1)/5 = 3.29.
  A1: { label: 'Ana', sent: 5, answered: 5, responseRate: 1, average: 3.6, normalisedAverage: 3.29, satisfiedPercent: 60 },
  // c3 2, c4 –, c6 5, c8 –, c15 5: 12/3 = 4; normalised (2 + 4.5486 + 5)/3 = 3.85.
  A2: { label: 'Ben', sent: 5, answered: 3, responseRate: 0.6, average: 4, normalisedAverage: 3.85, satisfiedPercent: 66.7 },
  // c9–c13
  A3: { label: 'Kenji', sent: 5, answered: 4, responseRate: 0.8, average: 3.5, normalisedAverage: 3.67, satisfiedPercent: 50 },
  // c16, unanswered
  none: { label: null, sent: 1, answered: 0, responseRate: 0, average: null, normalisedAverage: null, satisfiedPercent: null },
};

/** A survey counts once under each of its tags (c2 under both); untagged ones under null, last. */
export const CSAT_BY_TAG = [
  // c1 5, c2 4, c5 5, c8 –, c9 4, c12 4, c14 1: 6 of 7 = 0.86, 23/6 = 3.83, 4–5: 5/6 = 83.3;
  // normalised (5 + 4 + 4.5486 + 4.9139 + 4.9139 + 1)/6 = 4.06.
  { key: 'billing', sent: 7, answered: 6, responseRate: 0.86, average: 3.83, normalisedAverage: 4.06, satisfiedPercent: 83.3 },
  // c2 4, c4 –, c7 3, c11 3, c16 –: 3 of 5, 10/3 = 3.33, 1/3 = 33.3; normalised (4 + 1.9028 + 2.4195)/3 = 2.77.
  { key: 'shipping', sent: 5, answered: 3, responseRate: 0.6, average: 3.33, normalisedAverage: 2.77, satisfiedPercent: 33.3 },
  // c3 2, c6 5, c10 3, c13 –, c15 5: 4 of 5, 15/4 = 3.75, 2/4; normalised (2 + 4.5486 + 2.4195 + 5)/4 = 3.49.
  { key: null, sent: 5, answered: 4, responseRate: 0.8, average: 3.75, normalisedAverage: 3.49, satisfiedPercent: 50 },
];

/** Weekly, by when sent. In UTC c11 (Sunday 23:30) is in the first week; in Asia/Tokyo in the second. */
export const CSAT_WEEKS_UTC = [
  // c1–c4, c9, c10, c11: 6 of 7 (5, 4, 2, 4, 3, 3) = 21/6 = 3.5
  { bucket: '2026-02-02', sent: 7, answered: 6, average: 3.5 },
  // c5–c8, c12, c13: 4 of 6 (5, 5, 3, 4) = 17/4 = 4.25
  { bucket: '2026-02-09', sent: 6, answered: 4, average: 4.25 },
  // c14–c16: (1, 5)
  { bucket: '2026-02-16', sent: 3, answered: 2, average: 3 },
];
export const CSAT_WEEKS_TOKYO = [
  // c1–c4, c9, c10: (5, 4, 2, 4, 3) = 18/5 = 3.6
  { bucket: '2026-02-02', sent: 6, answered: 5, average: 3.6 },
  // c5–c8, c11, c12, c13: (5, 5, 3, 3, 4) = 20/5 = 4
  { bucket: '2026-02-09', sent: 7, answered: 5, average: 4 },
  { bucket: '2026-02-16', sent: 3, answered: 2, average: 3 },
];

/**
 * NPS: n1 10, n2 9, n3 8, n4 6, n5 7, n6 3, n7 10 (n8 unanswered): 7 of 8 = 0.875 → 0.88; sum 53 → 7.57;
 * promoters n1 n2 n7 = 3, passives n3 n5 = 2, detractors n4 n6 = 2; NPS 100·(3 − 2)/7 = 14.29 → 14.
 */
export const NPS_OVERALL = {
  sent: 8,
  answered: 7,
  responseRate: 0.88,
  average: 7.57,
  nps: 14,
  promoters: 3,
  passives: 2,
  detractors: 2,
  satisfiedPercent: null,
};
export const NPS_BY_LANGUAGE = [
  // en: 10, 9 → +100; es: 8 passive, 6 detractor → −50; ja: 7, 3 → −50; pt: 10 (n8 –) → +100.
  { key: 'en', sent: 2, answered: 2, nps: 100 },
  { key: 'es', sent: 2, answered: 2, nps: -50 },
  { key: 'ja', sent: 2, answered: 2, nps: -50 },
  { key: 'pt', sent: 2, answered: 1, nps: 100 },
];
export const NPS_BY_TEAM: Record<TeamRef, object> = {
  // n1–n4: 2 promoters, 1 detractor of 4 → 25
  T1: { sent: 4, answered: 4, nps: 25, promoters: 2, passives: 1, detractors: 1 },
  // n5–n8: 7, 3, 10 → 1 promoter, 1 detractor of 3 → 0
  T2: { sent: 4, answered: 3, nps: 0, promoters: 1, passives: 1, detractors: 1 },
};

/** CES: e1 7, e2 5, e3 2 → 14/3 = 4.67; easy (5–7) 2/3 = 66.7 %. */
export const CES_OVERALL = { sent: 3, answered: 3, average: 4.67, satisfiedPercent: 66.7, distribution: [0, 1, 0, 0, 1, 0, 1] };
