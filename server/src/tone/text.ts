import type { Span } from './types.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Scripts written without spaces between words: phrases match anywhere. */
export const UNSPACED_LANGUAGES = new Set(['ja', 'zh', 'th', 'lo', 'km', 'my']);

/**
 * A regex for a phrase: whole words only (a letter or digit may not touch either end), any run of
 * spaces between words, and a trailing `*` for "any word ending" ("touch* base" is not supported:
 * only the last word may be open). Case-insensitive unless asked.
 */
export function phraseRegex(phrase: string, opts: { caseSensitive?: boolean; unspaced?: boolean } = {}): RegExp {
  const open = phrase.endsWith('*');
  const core = (open ? phrase.slice(0, -1) : phrase).trim();
  let body = core
    .split(/\s+/)
    .map((w) => escape(w))
    .join('\\s+');
  if (open) body += '[\\p{L}\\p{M}]*';
  const flags = `gu${opts.caseSensitive ? '' : 'i'}`;
  if (opts.unspaced) return new RegExp(body, flags);
  const lastIsWordChar = /[\p{L}\p{N}]$/u.test(core) || open;
  const firstIsWordChar = /^[\p{L}\p{N}]/u.test(core);
  return new RegExp(
    `${firstIsWordChar ? '(?<![\\p{L}\\p{N}\\p{M}])' : ''}${body}${lastIsWordChar ? '(?![\\p{L}\\p{N}\\p{M}])' : ''}`,
    flags,
  );
}

/** Every match of a regex (which must have the g flag) as spans. */
export function spansOf(re: RegExp, text: string): (Span & { match: string })[] {
  const out: (Span & { match: string })[] = [];
  for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length, match: m[0] });
  return out;
}

/** The base language subtag of a tag, lower case ("de-AT" → "de"). */
export const baseLanguage = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0] ?? tag.toLowerCase();

/** Non-empty lines with their offsets. */
export function linesOf(text: string): (Span & { line: string })[] {
  const out: (Span & { line: string })[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (line) out.push({ start: start + lead, end: start + lead + line.length, line });
    start += raw.length + 1;
  }
  return out;
}
