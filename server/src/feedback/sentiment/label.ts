/** Scores within ±NEUTRAL_BAND are neutral: a comment with no scored word (or words that cancel out). */
export const NEUTRAL_BAND = 0.05;

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export const sentimentLabel = (score: number): SentimentLabel =>
  score >= NEUTRAL_BAND ? 'positive' : score <= -NEUTRAL_BAND ? 'negative' : 'neutral';
