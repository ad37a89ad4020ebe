import { DAY_MS, isValidTimeZone, offsetAt } from '../calendars/zone.js';
import { canonicalLocale, cultureCatalog, cultureForCountry, resolveCulture } from '../culture/culture.js';
import { primaryLanguage } from '../lib/language-tag.js';

/**
 * Who the acknowledgement speaks to, from what we know of the customer: pure. The language is the
 * conversation's (the language they wrote in), refined by their stated locale when it is the same
 * language (pt + pt-BR → pt-BR) or by their country (de + AT → de-AT); the zone is theirs, else
 * their country's when it has only one; the formality is what they stated, else their culture's.
 */
export interface AckCustomer {
  locale: string | null;
  country: string | null;
  timeZone: string | null;
  formality: string | null;
}

/** The tag the acknowledgement is written and formatted for, or null (English). */
export function ackLocale(conversationLanguage: string | null, c: Pick<AckCustomer, 'locale' | 'country'>): string | null {
  const stated = c.locale ? canonicalLocale(c.locale) : null;
  const written = conversationLanguage ? canonicalLocale(conversationLanguage) : null;
  if (!written) return stated ?? cultureForCountry(cultureCatalog(), c.country)?.locale ?? null;
  if (stated && primaryLanguage(stated) === primaryLanguage(written)) return stated.length > written.length ? stated : written;
  if (!written.includes('-') && c.country && /^[A-Z]{2}$/.test(c.country)) {
    const withRegion = canonicalLocale(`${written}-${c.country}`);
    if (withRegion && new Intl.Locale(withRegion).maximize().script === new Intl.Locale(written).maximize().script) return withRegion;
  }
  return written;
}

/**
 * The customer's IANA zone: stated, else their country's when all its zones keep the same clock
 * around `at` (JP; DE with Büsingen; not BR or US), else null.
 */
export function customerZone(c: Pick<AckCustomer, 'timeZone' | 'country'>, at: Date): string | null {
  if (c.timeZone && isValidTimeZone(c.timeZone)) return c.timeZone;
  if (!c.country || !/^[A-Z]{2}$/.test(c.country)) return null;
  // Intl.Locale#timeZones (V8, Node 20): the zones CLDR lists for the region.
  const zones = (new Intl.Locale(`und-${c.country}`) as Intl.Locale & { timeZones?: string[] }).timeZones;
  if (!zones?.length) return null;
  const t = at.getTime();
  const clock = (z: string) => `${offsetAt(z, t)}/${offsetAt(z, t + 182 * DAY_MS)}`;
  return zones.every((z) => clock(z) === clock(zones[0]!)) ? zones[0]! : null;
}

/** The customer's stated formality, else the default of the culture of `locale` (with their country), else formal. */
export function ackFormality(locale: string | null, c: Pick<AckCustomer, 'formality' | 'country'>): 'formal' | 'informal' {
  if (c.formality === 'formal' || c.formality === 'informal') return c.formality;
  const culture = locale ? resolveCulture(cultureCatalog(), locale, { region: c.country }) : null;
  return culture?.profile.formality.default ?? cultureForCountry(cultureCatalog(), c.country)?.formality.default ?? 'formal';
}
