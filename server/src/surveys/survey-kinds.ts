/** The three survey kinds and their scales (CSAT 1–5, NPS 0–10, CES 1–7). */
export const SURVEY_KINDS = ['csat', 'nps', 'ces'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const SCALE: Record<SurveyKind, { min: number; max: number }> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 7 },
};

export const inScale = (kind: SurveyKind, score: number): boolean =>
  Number.isInteger(score) && score >= SCALE[kind].min && score <= SCALE[kind].max;

/** NPS buckets: 0–6 detractor, 7–8 passive, 9–10 promoter. */
export const npsBucket = (score: number): 'detractor' | 'passive' | 'promoter' =>
  score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter';
