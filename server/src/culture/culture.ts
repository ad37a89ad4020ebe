import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import {
  CultureProfile,
  NAME_PLACEHOLDERS,
  type CultureMatch,
  type CultureSummary,
  type CustomerCulture,
  type FormalityLevel,
  type MatchedBy,
  type PreferenceSource,
} from './culture.schema.js';
import { ALIASES, PROFILES } from './profiles/index.js';

// ajv-formats ships CJS with a default export; under NodeNext it arrives wrapped.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

/** Culture data that does not validate. The message names the profile (its locale, or its index). */
export class CultureDataError extends Error {
  override name = 'CultureDataError';
}

export interface CultureCatalog {
  readonly profiles: readonly CultureProfile[];
  readonly byLocale: ReadonlyMap<string, CultureProfile>;
  /** The profile a bare language tag falls back to (`languageDefault: true`). */
  readonly languageDefaults: ReadonlyMap<string, CultureProfile>;
  readonly aliases: ReadonlyMap<string, CultureProfile>;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const describeErrors = (errors: ErrorObject[] | null | undefined): string =>
  (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');

/**
 * Validates culture profiles against the schema and against each other, and indexes them.
 * Throws CultureDataError naming the first bad profile: the server refuses to start on bad data.
 */
export function loadCultureCatalog(raw: readonly unknown[], aliases: Readonly<Record<string, string>> = {}): CultureCatalog {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile<CultureProfile>(CultureProfile);

  const byLocale = new Map<string, CultureProfile>();
  const defaults = new Map<string, CultureProfile>();
  const languages = new Set<string>();
  raw.forEach((item, i) => {
    const locale = (item as { locale?: unknown } | null)?.locale;
    const label = typeof locale === 'string' ? `"${locale}"` : `#${i} (no locale)`;
    const fail = (why: string): never => {
      throw new CultureDataError(`culture profile ${label} is invalid: ${why}`);
    };
    if (!validate(item)) fail(describeErrors(validate.errors));
    const p = structuredClone(item as CultureProfile);
    if (p.locale !== `${p.language}-${p.region ?? ''}`) fail(`locale must be language-region (${p.language}-${p.region ?? '?'})`);
    if (Intl.getCanonicalLocales(p.locale)[0] !== p.locale) fail('locale is not in canonical BCP 47 form');
    if (byLocale.has(p.locale)) fail('defined twice');
    const texts = [...p.greetings.formal, ...p.greetings.informal, ...p.closings.formal, ...p.closings.informal];
    for (const placeholder of texts.flatMap((t) => t.match(/\{[^}]*\}/g) ?? [])) {
      if (!(NAME_PLACEHOLDERS as readonly string[]).includes(placeholder)) fail(`unknown placeholder ${placeholder}`);
    }
    if (p.languageDefault) {
      const other = defaults.get(p.language);
      if (other) fail(`both ${other.locale} and ${p.locale} are marked languageDefault for "${p.language}"`);
      defaults.set(p.language, p);
    }
    languages.add(p.language);
    byLocale.set(p.locale, deepFreeze(p));
  });
  for (const language of languages) {
    if (!defaults.has(language)) {
      const locales = [...byLocale.values()].filter((p) => p.language === language).map((p) => p.locale);
      throw new CultureDataError(`culture profiles of "${language}" (${locales.join(', ')}) have no languageDefault`);
    }
  }
  const aliasMap = new Map<string, CultureProfile>();
  for (const [from, to] of Object.entries(aliases)) {
    const target = byLocale.get(to);
    if (!target) throw new CultureDataError(`culture alias "${from}" points to unknown profile "${to}"`);
    aliasMap.set(from, target);
  }
  return { profiles: [...byLocale.values()], byLocale, languageDefaults: defaults, aliases: aliasMap };
}

let builtIn: CultureCatalog | undefined;
/** The built-in profiles, validated on first use (buildApp calls it, so bad data stops start-up). */
export function cultureCatalog(): CultureCatalog {
  builtIn ??= loadCultureCatalog(PROFILES, ALIASES);
  return builtIn;
}

/** The canonical form of a BCP 47 tag (de-de → de-DE, iw → he), or null if it is not one. */
export function canonicalLocale(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

export interface Resolved {
  profile: CultureProfile;
  matchedBy: MatchedBy;
}

/**
 * Finds the profile for a tag: exact → language+region (script and variants dropped), a script
 * implied by the region (zh-HK → Hant) or a listed alias → the language's default → null.
 * `region` stands in for a missing region subtag (the customer's country: "de" + AT → de-AT).
 */
export function resolveCulture(catalog: CultureCatalog, tag: string, opts: { region?: string | null } = {}): Resolved | null {
  const canonical = canonicalLocale(tag);
  if (!canonical) return null;
  const exact = catalog.byLocale.get(canonical);
  if (exact) return { profile: exact, matchedBy: 'exact' };

  const loc = new Intl.Locale(canonical);
  const language = loc.language;
  const region = loc.region ?? (opts.region && /^[A-Z]{2}$/.test(opts.region) ? opts.region : undefined);
  const alias = (p: CultureProfile | undefined): Resolved | null => (p ? { profile: p, matchedBy: 'alias' } : null);
  if (region) {
    const hit = alias(catalog.byLocale.get(`${language}-${region}`));
    if (hit) return hit;
  }
  let script = loc.script;
  if (!script && region) {
    try {
      script = new Intl.Locale(`${language}-${region}`).maximize().script;
    } catch {
      script = undefined;
    }
  }
  return (
    (script ? alias(catalog.aliases.get(`${language}-${script}`)) : null) ??
    (region ? alias(catalog.aliases.get(`${language}-${region}`)) : null) ??
    alias(catalog.aliases.get(language)) ??
    (catalog.languageDefaults.has(language) ? { profile: catalog.languageDefaults.get(language)!, matchedBy: 'language' } : null)
  );
}

/** The route's answer for a tag, or null when neither the tag nor its language has a profile. */
export function lookupCulture(catalog: CultureCatalog, tag: string): CultureMatch | null {
  const r = resolveCulture(catalog, tag);
  return r ? { requestedLocale: tag, matchedLocale: r.profile.locale, matchedBy: r.matchedBy, profile: r.profile } : null;
}

/** The profile of a country's most likely language there (CLDR likely subtags: CH → de-CH), if there is one. */
export function cultureForCountry(catalog: CultureCatalog, country: string | null | undefined): CultureProfile | null {
  if (!country || !/^[A-Z]{2}$/.test(country)) return null;
  try {
    const language = new Intl.Locale(`und-${country}`).maximize().language;
    return catalog.byLocale.get(`${language}-${country}`) ?? null;
  } catch {
    return null;
  }
}

export function listCultures(catalog: CultureCatalog, language?: string): CultureSummary[] {
  const lang = language?.toLowerCase();
  return catalog.profiles
    .filter((p) => !lang || p.language === lang)
    .map((p) => ({
      locale: p.locale,
      language: p.language,
      ...(p.region ? { region: p.region } : {}),
      name: p.name,
      languageDefault: p.languageDefault === true,
    }))
    .sort((a, b) => a.locale.localeCompare(b.locale));
}

/** What the customer has told us. Stated preferences always beat what their culture suggests. */
export interface CustomerPrefs {
  formality?: FormalityLevel | null;
  locale?: string | null;
  /** Where the customer is: fills in the region of a bare language tag ("pt" + PT → pt-PT). */
  country?: string | null;
}

export interface EffectiveCulture {
  profile: CultureProfile | null;
  /** 'customer' when the customer's stated locale picked the profile, 'culture' when it came from the caller. */
  localeSource: PreferenceSource | null;
  /** How the stated locale matched, when it did. */
  localeMatchedBy: MatchedBy | null;
  formality: FormalityLevel | null;
  formalitySource: PreferenceSource | null;
  /** The "you" for that formality, where the language has a T/V pair. */
  addressForm: string | null;
  greetings: readonly string[];
  closings: readonly string[];
}

/**
 * Applies a customer's stated preferences to a culture profile: a stated locale that has a profile
 * replaces the given one, and a stated formality replaces the profile's default.
 */
export function effectiveCulture(
  profile: CultureProfile | null,
  prefs: CustomerPrefs,
  catalog: CultureCatalog = cultureCatalog(),
): EffectiveCulture {
  const stated = prefs.locale ? resolveCulture(catalog, prefs.locale, { region: prefs.country ?? profile?.region }) : null;
  const chosen = stated?.profile ?? profile;
  const formality = prefs.formality ?? chosen?.formality.default ?? null;
  return {
    profile: chosen,
    localeSource: stated ? 'customer' : chosen ? 'culture' : null,
    localeMatchedBy: stated?.matchedBy ?? null,
    formality,
    formalitySource: prefs.formality ? 'customer' : formality ? 'culture' : null,
    addressForm: chosen && formality ? (chosen.tvForms?.[formality] ?? null) : null,
    greetings: chosen && formality ? chosen.greetings[formality] : [],
    closings: chosen && formality ? chosen.closings[formality] : [],
  };
}

const isFormality = (v: string | null): v is FormalityLevel => v === 'formal' || v === 'informal';

/**
 * The card for a customer: the culture of their country, overridden by their stated locale and
 * formality.
 */
export function customerCulture(
  catalog: CultureCatalog,
  customer: { id: string; locale: string | null; country: string | null; formality: string | null },
): CustomerCulture {
  const fromCountry = cultureForCountry(catalog, customer.country);
  const eff = effectiveCulture(
    fromCountry,
    { locale: customer.locale, country: customer.country, formality: isFormality(customer.formality) ? customer.formality : null },
    catalog,
  );
  return {
    customerId: customer.id,
    requestedLocale: customer.locale,
    country: customer.country,
    matchedLocale: eff.profile?.locale ?? null,
    matchedBy: eff.localeSource === 'customer' ? eff.localeMatchedBy : eff.profile ? 'country' : null,
    localeSource: eff.localeSource,
    formality: eff.formality,
    formalitySource: eff.formalitySource,
    addressForm: eff.addressForm,
    greetings: [...eff.greetings],
    closings: [...eff.closings],
    profile: eff.profile,
  };
}
