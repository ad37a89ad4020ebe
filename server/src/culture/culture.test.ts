import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  CultureDataError,
  cultureCatalog,
  cultureForCountry,
  customerCulture,
  effectiveCulture,
  listCultures,
  loadCultureCatalog,
  lookupCulture,
  resolveCulture,
} from './culture.js';
import { CultureProfile, FORMAT_SAMPLE_DATE, FORMAT_SAMPLE_NUMBER } from './culture.schema.js';
import { ALIASES, PROFILES } from './profiles/index.js';

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

const REQUIRED_LOCALES =
  'de-DE de-AT de-CH fr-FR fr-CA es-ES es-MX es-AR pt-BR pt-PT it-IT nl-NL pl-PL sv-SE da-DK nb-NO fi-FI ru-RU uk-UA tr-TR ar-EG ar-SA he-IL hi-IN en-IN en-US en-GB en-AU ja-JP ko-KR zh-CN zh-TW th-TH vi-VN id-ID ms-MY cs-CZ hu-HU ro-RO el-GR fil-PH en-ZA'.split(
    ' ',
  );

/** What Intl (CLDR via Node's ICU) says the stored format examples should be. */
function formatsFromIntl(locale: string): CultureProfile['formats'] {
  const date = new Date(`${FORMAT_SAMPLE_DATE}T00:00:00Z`);
  const numeric = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  const pattern = numeric
    .formatToParts(date)
    .map((p) => ({ day: 'dd', month: 'MM', year: 'yyyy' })[p.type as string] ?? p.value.replace(/[\u200e\u200f\u061c]/g, ''))
    .join('');
  const nf = new Intl.NumberFormat(locale);
  const parts = nf.formatToParts(FORMAT_SAMPLE_NUMBER);
  return {
    calendar: numeric.resolvedOptions().calendar,
    numberingSystem: nf.resolvedOptions().numberingSystem,
    date: {
      pattern,
      example: numeric.format(date),
      long: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date),
    },
    number: {
      example: nf.format(FORMAT_SAMPLE_NUMBER),
      decimal: parts.find((p) => p.type === 'decimal')!.value,
      group: parts.find((p) => p.type === 'group')!.value,
    },
  };
}

/** CLDR week data as Node exposes it (a getter in Node 20, a method in later versions). */
function weekendFromIntl(locale: string): number[] | undefined {
  const l = new Intl.Locale(locale) as Intl.Locale & { weekInfo?: { weekend: number[] }; getWeekInfo?: () => { weekend: number[] } };
  return (l.getWeekInfo?.() ?? l.weekInfo)?.weekend;
}

const catalog = cultureCatalog();
const profile = (locale: string) => {
  const p = catalog.byLocale.get(locale);
  if (!p) throw new Error(`no profile ${locale}`);
  return p;
};
const clone = (locale: string) => structuredClone(PROFILES.find((p) => p.locale === locale)!) as Record<string, unknown> & CultureProfile;

describe('culture data', () => {
  it('has at least 40 locales, including every one the product promises', () => {
    expect(catalog.profiles.length).toBeGreaterThanOrEqual(40);
    expect(REQUIRED_LOCALES.filter((l) => !catalog.byLocale.has(l))).toEqual([]);
  });

  it('validates against the schema with an independent ajv', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(CultureProfile);
    for (const p of PROFILES) expect(validate(p) ? [] : validate.errors, p.locale).toEqual([]);
  });

  it("stores date and number examples that match Intl's output for each locale", () => {
    const drift = catalog.profiles
      .map((p) => ({ locale: p.locale, stored: p.formats, intl: formatsFromIntl(p.locale) }))
      .filter((d) => JSON.stringify(d.stored) !== JSON.stringify(d.intl));
    expect(drift).toEqual([]);
  });

  it('has weekend days that agree with CLDR week data, including Friday–Saturday countries', () => {
    expect(profile('ar-EG').weekend.days).toEqual([5, 6]);
    expect(profile('ar-SA').weekend.days).toEqual([5, 6]);
    expect(profile('he-IL').weekend.days).toEqual([5, 6]);
    expect(profile('de-DE').weekend.days).toEqual([6, 7]);
    expect(profile('hi-IN').weekend.days).toEqual([7]);
    expect(profile('ms-MY').weekend.note).toMatch(/Kelantan/);
    const fromIntl = catalog.profiles.map((p) => [p.locale, weekendFromIntl(p.locale)] as const).filter(([, w]) => w);
    expect(fromIntl.length).toBe(catalog.profiles.length);
    for (const [locale, weekend] of fromIntl) expect(profile(locale).weekend.days, locale).toEqual(weekend);
  });

  it('has exactly one default per language, which is the CLDR likely region for that language', () => {
    const languages = new Set(catalog.profiles.map((p) => p.language));
    expect([...catalog.languageDefaults.keys()].sort()).toEqual([...languages].sort());
    for (const [language, p] of catalog.languageDefaults) {
      expect(p.region, language).toBe(new Intl.Locale(language).maximize().region);
    }
    expect(catalog.languageDefaults.get('pt')?.locale).toBe('pt-BR');
  });

  it('keeps notes short, T/V forms where the language has them, and cites real sources', () => {
    for (const p of catalog.profiles) {
      const sentences = p.directness.split(/(?<=[.!?])\s+/).filter(Boolean);
      expect(sentences.length, `${p.locale}: ${p.directness}`).toBeGreaterThanOrEqual(1);
      expect(sentences.length, `${p.locale}: ${p.directness}`).toBeLessThanOrEqual(3);
      expect(p.sources.map((s) => s.url)).toContain('https://cldr.unicode.org/');
      expect(new Set(p.sources.map((s) => s.url)).size, p.locale).toBe(p.sources.length);
    }
    for (const l of ['en-US', 'en-GB', 'en-AU', 'en-IN', 'en-ZA', 'he-IL']) expect(profile(l).tvForms, l).toBeNull();
    expect(profile('de-DE').tvForms).toEqual({ informal: 'du', formal: 'Sie' });
    expect(profile('fr-FR').tvForms).toEqual({ informal: 'tu', formal: 'vous' });
    expect(profile('ja-JP').names.order).toBe('family-given');
    expect(profile('hu-HU').names.order).toBe('family-given');
  });
});

describe('loading culture data', () => {
  const load =
    (profiles: unknown[], aliases: Record<string, string> = {}) =>
    () =>
      loadCultureCatalog(profiles, aliases);

  it('fails fast with a message naming the bad locale and field', () => {
    const bad = clone('de-AT');
    bad.weekend = { days: [0] };
    expect(load([clone('de-DE'), bad])).toThrow(CultureDataError);
    expect(load([clone('de-DE'), bad])).toThrow(/culture profile "de-AT" is invalid: \/weekend\/days\/0 must be >= 1/);
  });

  it('names a profile without a locale by its position', () => {
    const { locale: _locale, ...rest } = clone('de-DE');
    expect(load([rest])).toThrow(/culture profile #0 \(no locale\) is invalid/);
  });

  it('rejects unknown fields, inconsistent locales, duplicates, unknown placeholders and bad URLs', () => {
    expect(load([{ ...clone('de-DE'), mood: 'grumpy' }])).toThrow(/"de-DE" is invalid: \/ must NOT have additional properties/);
    expect(load([{ ...clone('de-DE'), region: 'AT' }])).toThrow(/"de-DE" is invalid: locale must be language-region/);
    expect(load([clone('de-DE'), clone('de-DE')])).toThrow(/"de-DE" is invalid: defined twice/);
    const placeholder = clone('de-DE');
    placeholder.greetings.formal = ['Hallo {firstName},'];
    expect(load([placeholder])).toThrow(/unknown placeholder \{firstName\}/);
    const url = clone('de-DE');
    url.sources = [{ title: 'x', url: 'http://example.com/' }];
    expect(load([url])).toThrow(/"de-DE" is invalid: \/sources\/0\/url must match pattern/);
  });

  it('requires exactly one language default per language and aliases to known profiles', () => {
    expect(load([clone('de-DE'), { ...clone('de-AT'), languageDefault: true }])).toThrow(/both de-DE and de-AT are marked languageDefault/);
    expect(load([clone('de-AT')])).toThrow(/profiles of "de" \(de-AT\) have no languageDefault/);
    expect(load([clone('de-DE')], { 'de-LU': 'de-XX' })).toThrow(/alias "de-LU" points to unknown profile "de-XX"/);
  });

  it('freezes the loaded profiles so callers cannot change shared data', () => {
    const c = loadCultureCatalog([clone('de-DE')]);
    expect(Object.isFrozen(c.byLocale.get('de-DE')!.greetings.formal)).toBe(true);
  });
});

describe('culture lookup', () => {
  const match = (tag: string, region?: string) => {
    const r = resolveCulture(catalog, tag, { region });
    return r && `${r.profile.locale} ${r.matchedBy}`;
  };

  it('falls back exact → language+region alias → language default → null', () => {
    expect(match('de-AT')).toBe('de-AT exact');
    expect(match('DE-at')).toBe('de-AT exact');
    expect(match('de-DE-1996')).toBe('de-DE alias');
    expect(match('zh-Hant-TW')).toBe('zh-TW alias');
    expect(match('zh-HK')).toBe('zh-TW alias');
    expect(match('zh-Hant')).toBe('zh-TW alias');
    expect(match('zh-SG')).toBe('zh-CN alias');
    expect(match('es-419')).toBe('es-MX alias');
    expect(match('en-NZ')).toBe('en-AU alias');
    expect(match('no')).toBe('nb-NO alias');
    expect(match('pt')).toBe('pt-BR language');
    expect(match('de-LU')).toBe('de-DE language');
    expect(match('en-CA')).toBe('en-US language');
    expect(match('sw-KE')).toBeNull();
    expect(match('not a tag')).toBeNull();
  });

  it('canonicalises deprecated codes', () => {
    expect(match('iw-IL')).toBe('he-IL exact');
    expect(match('in')).toBe('id-ID language');
    expect(match('tl-PH')).toBe('fil-PH exact');
  });

  it("uses the customer's country as the region of a bare language tag", () => {
    expect(match('pt', 'PT')).toBe('pt-PT alias');
    expect(match('de', 'CH')).toBe('de-CH alias');
    expect(match('zh', 'HK')).toBe('zh-TW alias');
    expect(match('fr', 'CH')).toBe('fr-FR language');
    // An explicit region beats the hint.
    expect(match('pt-BR', 'PT')).toBe('pt-BR exact');
  });

  it('reports requested and matched locale for the route', () => {
    expect(lookupCulture(catalog, 'pt')).toMatchObject({ requestedLocale: 'pt', matchedLocale: 'pt-BR', matchedBy: 'language' });
    expect(lookupCulture(catalog, 'xx')).toBeNull();
  });

  it("infers a profile from a country only through the country's likely language", () => {
    expect(cultureForCountry(catalog, 'CH')?.locale).toBe('de-CH');
    expect(cultureForCountry(catalog, 'IN')?.locale).toBe('hi-IN');
    expect(cultureForCountry(catalog, 'BE')).toBeNull();
    expect(cultureForCountry(catalog, 'ch')).toBeNull();
    expect(cultureForCountry(catalog, null)).toBeNull();
  });

  it('lists profiles sorted, optionally by language', () => {
    const all = listCultures(catalog);
    expect(all.map((c) => c.locale)).toEqual([...all.map((c) => c.locale)].sort((a, b) => a.localeCompare(b)));
    expect(listCultures(catalog, 'DE').map((c) => c.locale)).toEqual(['de-AT', 'de-CH', 'de-DE']);
    expect(all.find((c) => c.locale === 'pt-BR')?.languageDefault).toBe(true);
  });

  it('has aliases that all point to the same language', () => {
    for (const [from, to] of Object.entries(ALIASES)) {
      const language = new Intl.Locale(from).language;
      expect(to.startsWith(`${language === 'no' ? 'nb' : language}-`), from).toBe(true);
    }
  });
});

describe("the customer's stated preferences override the culture", () => {
  it("uses the profile's default formality when the customer stated none", () => {
    const e = effectiveCulture(profile('de-DE'), {});
    expect(e).toMatchObject({ formality: 'formal', formalitySource: 'culture', addressForm: 'Sie', localeSource: 'culture' });
    expect(e.greetings).toEqual(profile('de-DE').greetings.formal);
  });

  it('lets a stated formality win, with its T/V form, greetings and closings', () => {
    const e = effectiveCulture(profile('de-DE'), { formality: 'informal' });
    expect(e).toMatchObject({ formality: 'informal', formalitySource: 'customer', addressForm: 'du' });
    expect(e.closings).toEqual(profile('de-DE').closings.informal);
    // And the other way round: a formal customer in an informal culture.
    expect(effectiveCulture(profile('sv-SE'), { formality: 'formal' })).toMatchObject({
      formality: 'formal',
      formalitySource: 'customer',
      addressForm: 'ni',
    });
  });

  it('lets a stated locale pick the profile', () => {
    const e = effectiveCulture(profile('de-DE'), { locale: 'en-GB' });
    expect(e.profile?.locale).toBe('en-GB');
    expect(e).toMatchObject({ localeSource: 'customer', localeMatchedBy: 'exact', formality: 'formal', addressForm: null });
    // A stated locale without a profile leaves the culture's profile in place.
    expect(effectiveCulture(profile('de-DE'), { locale: 'sw' })).toMatchObject({ localeSource: 'culture', localeMatchedBy: null });
  });

  it('works without any profile', () => {
    expect(effectiveCulture(null, { formality: 'informal' })).toMatchObject({
      profile: null,
      formality: 'informal',
      formalitySource: 'customer',
      addressForm: null,
      greetings: [],
    });
    expect(effectiveCulture(null, {})).toMatchObject({ profile: null, formality: null, formalitySource: null, localeSource: null });
  });

  it('builds the customer card from country, stated locale and stated formality', () => {
    const card = (c: { locale?: string; country?: string; formality?: string }) =>
      customerCulture(catalog, { id: 'c1', locale: c.locale ?? null, country: c.country ?? null, formality: c.formality ?? null });
    expect(card({ country: 'JP' })).toMatchObject({
      matchedLocale: 'ja-JP',
      matchedBy: 'country',
      localeSource: 'culture',
      formality: 'formal',
    });
    expect(card({ locale: 'pt', country: 'PT', formality: 'informal' })).toMatchObject({
      requestedLocale: 'pt',
      matchedLocale: 'pt-PT',
      matchedBy: 'alias',
      localeSource: 'customer',
      formality: 'informal',
      formalitySource: 'customer',
      addressForm: 'tu',
    });
    expect(card({ locale: 'en', country: 'IN' })).toMatchObject({ matchedLocale: 'en-IN', matchedBy: 'alias' });
    expect(card({ country: 'BE' })).toMatchObject({ profile: null, matchedLocale: null, matchedBy: null, formality: null });
    // A stored value outside the enum is ignored rather than trusted.
    expect(card({ country: 'DE', formality: 'casual' })).toMatchObject({ formality: 'formal', formalitySource: 'culture' });
  });
});
