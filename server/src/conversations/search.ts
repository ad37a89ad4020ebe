/**
 * Inbox search: what an agent types becomes a text-search query in which every word must match as
 * a prefix ("fatur" finds "fatura"), parsed by PostgreSQL with the same 'simple' configuration as the
 * indexed text, so case folding and tokenisation (e-mail addresses stay one token) agree on both sides.
 */

/** At most this many words are used: a longer query narrows nothing a person would notice. */
const MAX_WORDS = 8;

/**
 * Input for `to_tsquery('simple', …)`: each whitespace-separated word quoted (quotes and backslashes
 * doubled, so no operator can be smuggled in) and marked as a prefix, joined by AND. Null when no
 * word is left; words of punctuation only yield no lexeme, and PostgreSQL drops them.
 */
export function prefixQuery(q: string): string | null {
  const words = q.split(/\s+/u).filter(Boolean).slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  return words.map((w) => `'${w.replace(/['\\]/g, (m) => m + m)}':*`).join(' & ');
}
