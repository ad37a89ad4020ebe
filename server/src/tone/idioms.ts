import { LEXICONS } from './lexicon/index.js';
import { phraseRegex, spansOf, UNSPACED_LANGUAGES } from './text.js';
import type { ToneContext, ToneFinding } from './types.js';

/** Idioms and jargon from the draft language's list; a shorter phrase inside a longer hit is not reported again. */
export function checkIdioms(text: string, ctx: Pick<ToneContext, 'language'>): ToneFinding[] {
  const lexicon = LEXICONS[ctx.language];
  if (!lexicon) return [];
  const unspaced = UNSPACED_LANGUAGES.has(ctx.language);
  const hits = lexicon.idioms
    .flatMap((idiom) => spansOf(phraseRegex(idiom.phrase, { unspaced }), text).map((s) => ({ ...s, idiom })))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const found: ToneFinding[] = [];
  let coveredTo = -1;
  for (const h of hits) {
    if (h.end <= coveredTo) continue;
    coveredTo = h.end;
    found.push({
      code: 'idiom',
      severity: 'warning',
      message: `"${h.match}" is an idiom or jargon that may be misunderstood or translated literally.`,
      span: { start: h.start, end: h.end },
      suggestion: h.idiom.suggestion,
    });
  }
  return found;
}
