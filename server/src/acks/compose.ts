import { IntlMessageFormat } from 'intl-messageformat';
import { DAY_MS, offsetAt } from '../calendars/zone.js';
import { canonicalLocale, cultureCatalog, resolveCulture } from '../culture/culture.js';
import { primaryLanguage } from '../lib/language-tag.js';
import { ACK_TEXTS, TIME_OPTIONS, type AckVariant } from './texts.js';

/**
 * The acknowledgement text: pure (the caller passes now and the promise). The language follows
 * the customer's tag through a fallback chain (pt-BR → pt → en; zh-TW → zh-Hant; pt-AO → pt-PT
 * through the culture aliases); times and dates are formatted by Intl in the customer's locale
 * and time zone, and the day is said relative to the customer's local date: today, tomorrow, a
 * weekday up to six days ahead, else a date.
 */
export type AckDay = 'today' | 'tomorrow' | 'weekday' | 'other';

export interface AckTextInput {
  now: Date;
  due: Date;
  /** The customer's BCP-47 tag (the conversation's language, refined by their locale); null: English. */
  locale: string | null;
  formality: 'formal' | 'informal' | null;
  /** The customer's IANA zone; null when unknown (then `fallbackZone` is used and named). */
  timeZone: string | null;
  /** The team calendar's zone, or UTC. */
  fallbackZone: string;
}

export interface AckText {
  text: string;
  /** The ACK_TEXTS key that was used (pt, zh-Hant, en …). */
  language: string;
  /** The locale Intl formatted with (pt-BR, de-AT …). */
  formatLocale: string;
  timeZone: string;
  /** Whether the time is the customer's own ("your time") or the named fallback zone's. */
  zoneKnown: boolean;
  day: AckDay;
}

/**
 * Keys of `known` (ACK_TEXTS unless another table of texts is given) to try for a tag, most specific
 * first; ends with en when `known` has it.
 */
export function languageChain(tag: string | null, known: Readonly<Record<string, unknown>> = ACK_TEXTS): string[] {
  const canonical = tag ? canonicalLocale(tag) : null;
  if (!canonical) return ['en'];
  const out: string[] = [canonical];
  const add = (t: string) => {
    const loc = new Intl.Locale(t);
    try {
      const script = loc.script ?? loc.maximize().script;
      if (script) out.push(`${loc.language}-${script}`);
    } catch {
      // no likely script: the bare language below still applies
    }
    if (loc.region) out.push(`${loc.language}-${loc.region}`);
  };
  add(canonical);
  // The culture catalog knows varieties (pt-AO writes like pt-PT, no → nb).
  const culture = resolveCulture(cultureCatalog(), canonical)?.profile.locale;
  if (culture) {
    out.push(culture);
    add(culture);
  }
  out.push(primaryLanguage(canonical));
  if (culture) out.push(primaryLanguage(culture));
  out.push('en');
  return [...new Set(out)].filter((k) => k in known);
}

/** The customer's local calendar day of `t` (days since 1970-01-01). */
const localDay = (timeZone: string, t: number): number => Math.floor((t + offsetAt(timeZone, t)) / DAY_MS);

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Composes the acknowledgement for a promise. */
export function composeAck(input: AckTextInput): AckText {
  const key = languageChain(input.locale)[0]!;
  const entry = ACK_TEXTS[key]!;
  const variant: AckVariant = (input.formality === 'informal' && entry.informal) || entry.formal;
  const formatLocale = intlLocale(input.locale, key);
  const zoneKnown = input.timeZone !== null;
  const timeZone = input.timeZone ?? input.fallbackZone;

  const t = input.due.getTime();
  const days = localDay(timeZone, t) - localDay(timeZone, input.now.getTime());
  const day: AckDay = days <= 0 ? 'today' : days === 1 ? 'tomorrow' : days < 7 ? 'weekday' : 'other';
  const time = new Intl.DateTimeFormat(formatLocale, { timeStyle: 'short', timeZone, ...TIME_OPTIONS[key] });
  const parts = time.formatToParts(input.due);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value.replace(/\D/g, '') || NaN);
  const wall = new Date(t + offsetAt(timeZone, t));
  const zoneName = new Intl.DateTimeFormat(formatLocale, { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(input.due)
    .find((p) => p.type === 'timeZoneName')?.value;

  const values = {
    day,
    time: parts.map((p) => p.value).join(''),
    weekday: new Intl.DateTimeFormat(formatLocale, { weekday: 'long', timeZone }).format(input.due),
    wd: WEEKDAYS[(wall.getUTCDay() + 6) % 7]!,
    date: new Intl.DateTimeFormat(formatLocale, { day: 'numeric', month: 'long', timeZone }).format(input.due),
    h: Number.isFinite(hour) ? hour : 0,
    sfx: turkishDative(wall.getUTCHours(), wall.getUTCMinutes()),
    tz: zoneKnown ? variant[1] : `(${zoneName ?? timeZone})`,
  };
  const text = String(new IntlMessageFormat(variant[0], formatLocale).format(values));
  return { text, language: key, formatLocale, timeZone, zoneKnown, day };
}

/**
 * The locale Intl formats with: the customer's own tag when it is of the sentence's language (so
 * pt-BR, en-US, de-AT keep their conventions), else the sentence's key (an Ukrainian-speaking
 * customer with a locale of ru-RU reads Ukrainian dates in the Ukrainian style).
 */
function intlLocale(tag: string | null, key: string): string {
  const canonical = tag ? canonicalLocale(tag) : null;
  if (canonical && primaryLanguage(canonical) === primaryLanguage(key)) {
    // zh-TW under zh-Hans (a customer who asked for Simplified) keeps the sentence's script.
    const script = new Intl.Locale(key).script;
    if (!script || new Intl.Locale(canonical).maximize().script === script) return canonical;
  }
  return key;
}

// The last word of a time read aloud in Turkish (09:30 → "otuz", 14:00 → "on dört") decides the
// dative suffix by vowel harmony, with a buffer y after a vowel: 09:30'a, 14:00'e, 10:00'a, 12:00'ye.
const ONES = ['', 'bir', 'iki', 'üç', 'dört', 'beş', 'altı', 'yedi', 'sekiz', 'dokuz'];
const TENS = ['sıfır', 'on', 'yirmi', 'otuz', 'kırk', 'elli'];

/** The Turkish dative suffix for a wall time ("'a", "'e", "'ya", "'ye"). */
export function turkishDative(hour: number, minute: number): string {
  const n = minute === 0 ? hour : minute;
  const word = n === 0 ? TENS[0]! : n % 10 ? ONES[n % 10]! : TENS[n / 10]!;
  const vowels = word.match(/[aıoueiöü]/g) ?? ['e'];
  const back = 'aıou'.includes(vowels[vowels.length - 1]!);
  const buffer = /[aıoueiöü]$/.test(word) ? 'y' : '';
  return `'${buffer}${back ? 'a' : 'e'}`;
}
