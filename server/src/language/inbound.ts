import type { Queryable } from '../db/types.js';
import { findTranslationSettings } from '../translation/settings.repo.js';
import { detectLanguage, type DetectHints, type LanguageGuess } from './detector.js';

/** Below this confidence a guess is not stored: no language is better than a wrong one. */
const MIN_CONFIDENCE = 0.25;

/**
 * Channel metadata keys that carry what the sender's software said about the language: a widget's
 * browser Accept-Language, an e-mail's Content-Language header.
 */
const LANGUAGE_META = ['contentLanguage', 'content-language', 'acceptLanguage', 'accept-language'] as const;

/** The language hint in a message's channel metadata, if any. */
export function metaLanguage(channelMeta: Record<string, string> | undefined): string | undefined {
  if (!channelMeta) return undefined;
  const found = LANGUAGE_META.map((k) => channelMeta[k]).filter((v): v is string => !!v && v.trim() !== '');
  return found.length ? found.join(', ') : undefined;
}

/**
 * The language of an inbound message that arrived without one, with the detector's confidence, or
 * null when the text says too little (emoji, numbers, a bare URL, a greeting shared by several
 * languages without a hint). Answers come from the workspace's languages when it restricted them.
 */
export async function inboundLanguage(q: Queryable, workspaceId: string, text: string, hints: DetectHints): Promise<LanguageGuess | null> {
  const candidates = (await findTranslationSettings(q, workspaceId))?.detectionLanguages ?? undefined;
  const d = await detectLanguage(text, { hints, ...(candidates?.length ? { candidates } : {}) });
  return d.language !== 'und' && d.confidence >= MIN_CONFIDENCE ? { language: d.language, confidence: d.confidence } : null;
}
