import type { Db } from '../db/types.js';
import { detectLanguage } from '../language/detector.js';
import { primaryLanguage } from '../lib/language-tag.js';
import type { Translator } from '../translation/translator.js';
import { findCommentForAnalysis, saveCommentAnalysis } from './feedback-analytics.repo.js';
import { scoreText } from './sentiment/score.js';

/** Leads read comments in English: the language most leads share and the pivot every engine here reaches. */
export const LEAD_LANGUAGE = 'en';

const RETRYABLE = new Set(['provider_unavailable', 'provider_timeout']);

/**
 * Reads a survey comment for leads: its language (language ID with the survey's language as the
 * prior), an English machine translation when it is in another language, and its sentiment — scored
 * in the comment's own language with that language's lexicon (measured better than scoring the
 * translation: README, Feedback analytics), or on the translation when no lexicon is shipped for the
 * language; left null when neither is possible. `retry`: the engine was unreachable, the sentiment is
 * stored and the translation should be tried again later.
 */
export async function analyseComment(
  deps: { db: Db; translator: Translator },
  workspaceId: string,
  responseId: string,
): Promise<{ analysed: boolean; retry: boolean }> {
  const found = await findCommentForAnalysis(deps.db, workspaceId, responseId);
  if (!found?.comment?.trim()) return { analysed: false, retry: false };
  const comment = found.comment;
  const detected = await detectLanguage(comment, found.language ? { hints: { locale: found.language } } : {});
  const language =
    detected.language !== 'und' ? primaryLanguage(detected.language) : found.language ? primaryLanguage(found.language) : null;

  let translation: string | null = null;
  let retry = false;
  if (language && language !== LEAD_LANGUAGE) {
    const out = await deps.translator.translate(workspaceId, { text: comment, source: language, target: LEAD_LANGUAGE });
    if (out.status === 'translated') translation = out.text;
    else retry = out.flags.some((f) => RETRYABLE.has(f));
  }
  const own = language ? scoreText(comment, language) : null;
  const sentiment = own ?? (translation ? scoreText(translation.replace(/\*/g, ''), LEAD_LANGUAGE) : null);
  const analysed = await saveCommentAnalysis(deps.db, workspaceId, responseId, {
    comment,
    language,
    translation,
    translationLanguage: translation ? LEAD_LANGUAGE : null,
    sentiment: sentiment?.score ?? null,
  });
  return { analysed, retry: analysed && retry };
}
