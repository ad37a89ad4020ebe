import type { CultureCatalog } from '../culture/culture.js';
import { LEXICONS } from './lexicon/index.js';
import { linesOf, UNSPACED_LANGUAGES } from './text.js';
import type { ToneContext, ToneFinding } from './types.js';

/** How many lines from the top a greeting, and from the bottom a closing, may sit (a signature follows a closing). */
const GREETING_LINES = 2;
const CLOSING_LINES = 3;

/** The literal part of a profile example: "Dear Ms. {familyName}," → "Dear Ms."; "{familyName}様" → "様". */
function literal(example: string): string[] {
  return example
    .split(' / ')
    .map((part) => {
      const trimmed = part.trim();
      const text = trimmed.startsWith('{') ? trimmed.slice(trimmed.lastIndexOf('}') + 1) : trimmed.split('{')[0]!;
      return text.replace(/^[\s,、]+|[\s,:;.!。、！]+$/gu, '');
    })
    .filter((t) => t.length > 0);
}

const cache = new WeakMap<CultureCatalog, Map<string, { greetings: string[]; closings: string[] }>>();

/** Every greeting and closing form known for a language: its culture profiles' examples plus the lexicon's. */
export function knownForms(catalog: CultureCatalog, language: string): { greetings: string[]; closings: string[] } {
  let byLanguage = cache.get(catalog);
  if (!byLanguage) cache.set(catalog, (byLanguage = new Map()));
  const hit = byLanguage.get(language);
  if (hit) return hit;
  const profiles = catalog.profiles.filter((p) => p.language === language);
  const lexicon = LEXICONS[language];
  const uniq = (xs: string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length);
  const forms = {
    greetings: uniq([
      ...profiles.flatMap((p) => [...p.greetings.formal, ...p.greetings.informal].flatMap(literal)),
      ...(lexicon?.greetings ?? []),
    ]),
    closings: uniq([
      ...profiles.flatMap((p) => [...p.closings.formal, ...p.closings.informal].flatMap(literal)),
      ...(lexicon?.closings ?? []),
    ]),
  };
  byLanguage.set(language, forms);
  return forms;
}

function hasForm(lines: string[], forms: readonly string[], unspaced: boolean): boolean {
  return lines.some((line) => {
    const l = line.replace(/^[\p{P}\s]+(?=\p{L})/u, (p) => (p.includes('¡') ? '¡' : '')).toLocaleLowerCase();
    return forms.some((f) => {
      const form = f.toLocaleLowerCase();
      if (unspaced) return l.includes(form);
      return l.startsWith(form) && !/^[\p{L}\p{N}]/u.test(l.slice(form.length));
    });
  });
}

/**
 * A greeting in the first lines and a closing in the last ones, where the customer's culture
 * expects them (ctx.greetings / ctx.closings non-empty). Any known form of the language counts:
 * the formality of a greeting is the formality check's business, not this one's.
 */
export function checkGreeting(
  text: string,
  ctx: Pick<ToneContext, 'language' | 'formality' | 'greetings' | 'closings'>,
  forms: { greetings: readonly string[]; closings: readonly string[] },
): ToneFinding[] {
  const lines = linesOf(text).map((l) => l.line);
  if (lines.length === 0) return [];
  const unspaced = UNSPACED_LANGUAGES.has(ctx.language);
  const severity = ctx.formality === 'formal' ? 'warning' : 'info';
  const found: ToneFinding[] = [];
  if (ctx.greetings.length > 0 && forms.greetings.length > 0 && !hasForm(lines.slice(0, GREETING_LINES), forms.greetings, unspaced)) {
    found.push({
      code: 'missing_greeting',
      severity,
      message: "The draft does not open with a greeting; the customer's culture expects one.",
      span: null,
      suggestion: ctx.greetings[0]!,
    });
  }
  // A one-line draft has no separate closing line to look for the closing in: its only line is the greeting's.
  const tail = lines.length > 1 ? lines.slice(-CLOSING_LINES).slice(lines.length <= CLOSING_LINES ? 1 : 0) : lines;
  if (ctx.closings.length > 0 && forms.closings.length > 0 && !hasForm(tail, forms.closings, unspaced)) {
    found.push({
      code: 'missing_closing',
      severity,
      message: "The draft does not end with a closing; the customer's culture expects one.",
      span: null,
      suggestion: ctx.closings[0]!,
    });
  }
  return found;
}
