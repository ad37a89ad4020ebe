/** Shapes of GET /api/v1/feedback/summary and /responses (server/src/feedback/feedback.schema.ts). */

export type SurveyKind = 'csat' | 'nps' | 'ces';
export const KINDS: SurveyKind[] = ['csat', 'nps', 'ces'];
export type Breakdown = 'language' | 'country' | 'channel' | 'team' | 'agent' | 'tag';
export const BREAKDOWNS: Breakdown[] = ['language', 'country', 'channel', 'team', 'agent', 'tag'];

export interface Metrics {
  sent: number;
  answered: number;
  responseRate: number | null;
  distribution: number[];
  average: number | null;
  normalisedAverage: number | null;
  satisfiedPercent: number | null;
  nps: number | null;
}

export interface FeedbackSummary {
  kind: SurveyKind;
  by: Breakdown;
  from: string;
  to: string;
  overall: Metrics;
  groups: (Metrics & { key: string | null; label: string | null })[];
  trend: (Metrics & { bucket: string })[];
}

export interface FeedbackResponse {
  id: string;
  conversationId: string;
  score: number;
  comment: string | null;
  commentTranslation: string | null;
  sentiment: { score: number; label: 'positive' | 'neutral' | 'negative' } | null;
  answeredAt: string;
  language: string | null;
  agent: { id: string; name: string | null } | null;
}
