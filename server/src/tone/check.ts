import { canonicalLocale, customerCulture, effectiveCulture, resolveCulture, type CultureCatalog } from '../culture/culture.js';
import type { FormalityLevel, PreferenceSource } from '../culture/culture.schema.js';
import { checkCaps } from './caps.js';
import { checkDates } from './dates.js';
import { checkFormality } from './formality.js';
import { checkGreeting, knownForms } from './greeting.js';
import { checkIdioms } from './idioms.js';
import { baseLanguage } from './text.js';
import type { ToneContext, ToneFinding } from './types.js';

export interface ToneCulture {
  locale: string;
  formality: FormalityLevel | null;
  formalitySource: PreferenceSource | null;
}

/** The customer fields the tone check reads (a CustomerRow fits). */
export interface ToneCustomer {
  id: string;
  locale: string | null;
  country: string | null;
  formality: string | null;
}

const dateOrderOf = (pattern: string | undefined): ToneContext['dateOrder'] => {
  const first = pattern?.match(/[dMy]/)?.[0];
  return first === 'M' ? 'mdy' : first === 'y' ? 'ymd' : 'dmy';
};

/**
 * What the checker needs, from the customer's culture card (their country's profile with their
 * stated locale and formality applied) and the draft's language. A customer with no known culture
 * is judged by the draft language's culture, still with their stated formality. Greetings,
 * closings, T/V forms and the date order come from a profile of the draft's language: the
 * customer's own when it is in that language, else the language's profile.
 */
export function toneContext(
  catalog: CultureCatalog,
  customer: ToneCustomer,
  draftLanguage: string,
): { ctx: ToneContext; culture: ToneCulture } {
  const language = baseLanguage(draftLanguage);
  const card = customerCulture(catalog, customer);
  const draftProfile = resolveCulture(catalog, draftLanguage, { region: customer.country })?.profile ?? null;
  const eff = card.profile
    ? { profile: card.profile, formality: card.formality, formalitySource: card.formalitySource }
    : effectiveCulture(draftProfile, { formality: card.formalitySource === 'customer' ? card.formality : null }, catalog);
  const customerProfile = eff.profile;
  const writing = customerProfile?.language === language ? customerProfile : draftProfile;
  const formality = eff.formality;
  const expects = customerProfile !== null && writing !== null && formality !== null;
  return {
    ctx: {
      language,
      locale: customerProfile?.locale ?? canonicalLocale(draftLanguage) ?? language,
      formality,
      tvForms: writing?.tvForms ?? null,
      dateOrder: dateOrderOf(writing?.formats.date.pattern),
      greetings: expects ? writing.greetings[formality] : [],
      closings: expects ? writing.closings[formality] : [],
    },
    culture: {
      locale: customerProfile?.locale ?? canonicalLocale(draftLanguage) ?? language,
      formality,
      formalitySource: eff.formalitySource,
    },
  };
}

/** Runs every rule over a draft; findings in text order, whole-draft findings (no span) last. */
export function checkTone(text: string, ctx: ToneContext, catalog: CultureCatalog): ToneFinding[] {
  const findings = [
    ...checkFormality(text, ctx),
    ...checkIdioms(text, ctx),
    ...checkDates(text, ctx),
    ...checkCaps(text),
    ...checkGreeting(text, ctx, knownForms(catalog, ctx.language)),
  ];
  const at = (f: ToneFinding) => f.span?.start ?? Number.POSITIVE_INFINITY;
  return findings.sort((a, b) => at(a) - at(b));
}
