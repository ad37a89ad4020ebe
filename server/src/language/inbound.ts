import { detectLanguage, type DetectHints, type LanguageGuess } from './detector.js';

/** Below this confidence a guess is not stored: no language is better than a wrong one. */
const MIN_CONFIDENCE = 0.25;

/**
 * The language of an inbound message that arrived without one, with the detector's confidence, or
 * null when the text says too little (emoji, numbers, a bare URL, a greeting shared by several
 * languages without a hint).
 */
export async function inboundLanguage(text: string, hints: DetectHints): Promise<LanguageGuess | null> {
  const d = await detectLanguage(text, { hints });
  return d.language !== 'und' && d.confidence >= MIN_CONFIDENCE ? { language: d.language, confidence: d.confidence } : null;
}
