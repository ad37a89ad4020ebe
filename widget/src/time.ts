/**
 * Instants from the server, shown in the visitor's own time zone (the browser's default) and language.
 * Today's instants show the time only; other days add the weekday ("Mon 09:00").
 */
export function formatInstant(iso: string, locale: string, now: Date, timeZone?: string): string {
  const at = new Date(iso);
  const day = (d: Date) => new Intl.DateTimeFormat('en', { timeZone, dateStyle: 'short' }).format(d);
  const opts: Intl.DateTimeFormatOptions = { timeZone, hour: 'numeric', minute: '2-digit' };
  if (day(at) !== day(now)) opts.weekday = 'short';
  return new Intl.DateTimeFormat(locale, opts).format(at);
}

export function formatHours(hours: { start: string; end: string }[], locale: string, now: Date, timeZone?: string): string {
  return hours.map((h) => `${formatInstant(h.start, locale, now, timeZone)}–${formatInstant(h.end, locale, now, timeZone)}`).join(', ');
}
