import type { ToneContext, ToneFinding } from './types.js';

/**
 * Numeric day-month dates: 03/04/2026, 3-4-26, 03.04.2026, and "3.4." (German style, no year).
 * Slashes and hyphens need a year (3/4 alone is as likely a fraction or range); year-first dates
 * (2026/03/04, ISO) are unambiguous and not matched.
 */
const DATE = /(?<![\p{L}\p{N}./-])(\d{1,2})([./-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(\.)?(?![\p{N}])/gu;

const formatDate = (locale: string, year: number | null, month: number, day: number): string => {
  const opts: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
    ...(year !== null ? { year: 'numeric' } : {}),
  };
  const at = Date.UTC(year ?? 2000, month - 1, day);
  try {
    return new Intl.DateTimeFormat(locale, opts).format(at);
  } catch {
    return new Intl.DateTimeFormat('en', opts).format(at);
  }
};

/** Dates whose day and month could swap (both 1–12 and different); suggests the month as a word, in the customer's locale. */
export function checkDates(text: string, ctx: Pick<ToneContext, 'locale' | 'dateOrder'>): ToneFinding[] {
  const found: ToneFinding[] = [];
  for (const m of text.matchAll(DATE)) {
    const [, first, sep, second, yearText, trailingDot] = m;
    if (!yearText && !(sep === '.' && trailingDot)) continue;
    const a = Number(first);
    const b = Number(second);
    if (a < 1 || b < 1 || a > 12 || b > 12 || a === b) continue;
    const year = yearText ? (yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText)) : null;
    // The writer most likely meant their language's order; year-first languages write month before day.
    const [month, day] = ctx.dateOrder === 'dmy' ? [b, a] : [a, b];
    const length = m[0].length - (yearText || sep !== '.' ? (trailingDot ? 1 : 0) : 0);
    const shown = m[0].slice(0, length);
    found.push({
      code: 'ambiguous_date',
      severity: 'warning',
      message: `"${shown}" can be read as ${formatDate('en', null, month, day)} or ${formatDate('en', null, day, month)}; write the month as a word.`,
      span: { start: m.index, end: m.index + length },
      suggestion: formatDate(ctx.locale, year, month, day),
    });
  }
  return found;
}
