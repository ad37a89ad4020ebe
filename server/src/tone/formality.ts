import { LEXICONS } from './lexicon/index.js';
import { phraseRegex, spansOf } from './text.js';
import type { ToneContext, ToneFinding } from './types.js';

/** Informal "you" forms (T), matched case-insensitively as whole words. */
const T_FORMS: Record<string, string[]> = {
  de: ['du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deinem', 'deiner', 'deines', 'euch', 'euer', 'eure', 'euren', 'eurem', 'eurer'],
  fr: ['tu', 'toi', 'te', 'ton', 'ta', 'tes', 'tien', 'tienne'],
  es: ['tú', 'tu', 'tus', 'te', 'ti', 'contigo', 'vos', 'vosotros', 'vosotras', 'os', 'vuestro', 'vuestra', 'vuestros', 'vuestras'],
};
/** French elision of te ("t'aider"): a separate pattern, since the apostrophe ends the word. */
const FR_ELISION = /(?<![\p{L}\p{N}\p{M}])[tT]['’](?=\p{L})/gu;

/** Formal "you" forms (V). German V-forms are capitalised, which is what tells them from sie/ihr. */
const V_FORMS: Record<string, { forms: string[]; caseSensitive: boolean }> = {
  de: { forms: ['Sie', 'Ihnen', 'Ihr', 'Ihre', 'Ihren', 'Ihrem', 'Ihrer', 'Ihres'], caseSensitive: true },
  fr: { forms: ['vous', 'votre', 'vos'], caseSensitive: false },
  es: { forms: ['usted', 'ustedes', 'Ud.', 'Uds.', 'Vd.', 'Vds.'], caseSensitive: false },
};

/** Markers of polite Japanese (です/ます and the keigo built on them). */
const JA_POLITE = /です|ます|ません|ました|ましょう|でした|ございま|ください|下さい|いたしま|おります|存じ/u;
/** Sentence-final plain/casual endings (だ, だよ, じゃん, …) in a sentence with no polite marker. */
const JA_CASUAL_END =
  /(だよね|だよ|だね|だな|だろう|だろ|じゃん|じゃない|だ|かな|っけ|ちゃった|ちゃう|てる|でる|よね|よ|ね|さ)(?=[。！？!?…\s]*$)/u;
/** Japanese sentences: up to and including their end mark. */
const JA_SENTENCES = /[^。！？!?\n]+[。！？!?]*/gu;

function japanese(text: string, ctx: ToneContext): ToneFinding[] {
  if (ctx.formality !== 'formal') return [];
  const found: ToneFinding[] = [];
  for (const m of text.matchAll(JA_SENTENCES)) {
    const sentence = m[0];
    if (JA_POLITE.test(sentence)) continue;
    const end = JA_CASUAL_END.exec(sentence);
    if (!end) continue;
    found.push({
      code: 'formality_mismatch',
      severity: 'warning',
      message: `"${end[0]}" ends the sentence in plain (casual) form; this customer is addressed formally (keigo).`,
      span: { start: m.index + end.index, end: m.index + end.index + end[0].length },
      suggestion: 'Use です/ます forms (keigo).',
    });
  }
  // No polite form anywhere in a draft of some length: casual throughout, even without a telltale ending.
  const kana = (text.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
  if (found.length === 0 && kana >= 8 && !JA_POLITE.test(text)) {
    found.push({
      code: 'formality_mismatch',
      severity: 'warning',
      message: 'The draft has no です/ます forms; this customer is addressed formally (keigo).',
      span: null,
      suggestion: 'Use です/ます forms (keigo).',
    });
  }
  return found;
}

/**
 * Informal "you" to a customer addressed formally (a warning), and formal "you" to one who
 * prefers informal (info: formal is rarely offensive, only distant).
 */
export function checkFormality(text: string, ctx: ToneContext): ToneFinding[] {
  if (!ctx.formality) return [];
  if (ctx.language === 'ja') return japanese(text, ctx);
  const found: ToneFinding[] = [];
  // Profiles note plurals in parentheses ("tú (plural vosotros)"); the suggestion names the singular.
  const bare = (form: string | undefined) => form?.replace(/\s*\(.*\)\s*$/u, '') ?? null;
  const formal = bare(ctx.tvForms?.formal);
  const informal = bare(ctx.tvForms?.informal);
  if (ctx.formality === 'formal') {
    const hits = (T_FORMS[ctx.language] ?? []).flatMap((f) => spansOf(phraseRegex(f), text));
    if (ctx.language === 'fr') hits.push(...spansOf(FR_ELISION, text));
    for (const h of hits) {
      found.push({
        code: 'formality_mismatch',
        severity: 'warning',
        message: `"${h.match}" is informal; this customer is addressed formally${formal ? ` (${formal})` : ''}.`,
        span: { start: h.start, end: h.end },
        ...(formal ? { suggestion: `Address the customer with ${formal}.` } : {}),
      });
    }
    // Languages without T/V forms still have an informal register.
    for (const h of (LEXICONS[ctx.language]?.informal ?? []).flatMap((f) => spansOf(phraseRegex(f), text))) {
      found.push({
        code: 'formality_mismatch',
        severity: 'warning',
        message: `"${h.match}" is informal; this customer is addressed formally.`,
        span: { start: h.start, end: h.end },
        suggestion: 'Use a neutral, formal register.',
      });
    }
  } else {
    const v = V_FORMS[ctx.language];
    for (const h of (v?.forms ?? []).flatMap((f) => spansOf(phraseRegex(f, { caseSensitive: v?.caseSensitive ?? false }), text))) {
      found.push({
        code: 'formality_mismatch',
        severity: 'info',
        message: `"${h.match}" is formal; this customer prefers to be addressed informally${informal ? ` (${informal})` : ''}.`,
        span: { start: h.start, end: h.end },
        ...(informal ? { suggestion: `Address the customer with ${informal}.` } : {}),
      });
    }
  }
  return found.sort((a, b) => a.span!.start - b.span!.start);
}
