import type { CultureProfile } from '../culture.schema.js';
import { AU_STYLE, CLDR, MS_STYLE, W, WEEKEND } from './sources.js';

const englishHonorifics = [
  { term: 'Mr', meaning: 'man' },
  { term: 'Ms', meaning: 'woman, regardless of marital status (the safe choice)' },
  { term: 'Mrs / Miss', meaning: 'married / unmarried woman; use only if the customer does' },
  { term: 'Mx', meaning: 'gender-neutral; use if the customer does' },
  { term: 'Dr', meaning: 'doctor' },
];

export const english: CultureProfile[] = [
  {
    locale: 'en-US',
    language: 'en',
    region: 'US',
    name: 'English (United States)',
    languageDefault: true,
    formality: {
      default: 'informal',
      note: 'English has no T/V pronouns; "informal" means first names and a friendly register. Use Mr./Ms. + family name when the customer signs that way or for legal and billing matters.',
    },
    tvForms: null,
    names: {
      order: 'given-family',
      formalAddress: 'Mr./Ms./Dr. + family name (Ms. Johnson)',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'Mr.', meaning: 'man' },
        { term: 'Ms.', meaning: 'woman, regardless of marital status (the safe choice)' },
        { term: 'Mrs. / Miss', meaning: 'married / unmarried woman; use only if the customer does' },
        { term: 'Mx.', meaning: 'gender-neutral; use if the customer does' },
        { term: 'Dr.', meaning: 'doctor' },
      ],
      note: 'American English puts a period after abbreviated titles (Mr., Ms., Dr.).',
    },
    greetings: {
      formal: ['Dear Ms. {familyName},', 'Dear Mr. {familyName},', 'Hello {fullName},'],
      informal: ['Hi {givenName},', 'Hello {givenName},'],
    },
    closings: {
      formal: ['Sincerely,', 'Best regards,'],
      informal: ['Thanks,', 'Best,'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'MM/dd/yyyy', example: '03/04/2026', long: 'March 4, 2026' },
      number: { example: '1,234,567.89', decimal: '.', group: ',' },
    },
    writingNotes: 'Month comes first in numeric dates (03/04 is March 4); write the month name when the date matters.',
    directness:
      'Tends to be direct and solution-oriented with a friendly, upbeat tone; customers usually expect a clear answer and the next step quickly. Positive framing is common, so plainly worded bad news may read as harsher than intended.',
    sources: [CLDR, W.englishHonorifics, MS_STYLE, WEEKEND],
  },
  {
    locale: 'en-GB',
    language: 'en',
    region: 'GB',
    name: 'English (United Kingdom)',
    formality: {
      default: 'formal',
      note: 'A first reply with "Dear Ms Smith" / "Kind regards" is safe; switch to first names once the customer signs with theirs, which many do at once.',
    },
    tvForms: null,
    names: {
      order: 'given-family',
      formalAddress: 'Mr/Ms/Dr + family name (Ms Taylor), no full stop after the title',
      informalAddress: 'Given name',
      honorifics: englishHonorifics,
    },
    greetings: {
      formal: ['Dear Ms {familyName},', 'Dear Mr {familyName},', 'Dear {fullName},'],
      informal: ['Hi {givenName},', 'Hello {givenName},', 'Dear {givenName},'],
    },
    closings: {
      formal: ['Kind regards,', 'Yours sincerely,'],
      informal: ['Best wishes,', 'Thanks,'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd/MM/yyyy', example: '04/03/2026', long: '4 March 2026' },
      number: { example: '1,234,567.89', decimal: '.', group: ',' },
    },
    writingNotes: 'British spelling (colour, organise, cancelled).',
    directness:
      'Tends toward understatement and politeness: criticism and refusals are often softened ("I’m afraid…", "not ideal"), and very blunt wording can seem abrupt. Thanks and apologies are frequent and often conventional.',
    sources: [CLDR, W.englishHonorifics, MS_STYLE, WEEKEND],
  },
  {
    locale: 'en-AU',
    language: 'en',
    region: 'AU',
    name: 'English (Australia)',
    formality: {
      default: 'informal',
      note: 'First names are normal in service. Keep formal titles for complaints, legal matters or when the customer uses them.',
    },
    tvForms: null,
    names: {
      order: 'given-family',
      formalAddress: 'Mr/Ms/Dr + family name (Ms Nguyen), no full stop after the title',
      informalAddress: 'Given name',
      honorifics: englishHonorifics,
    },
    greetings: {
      formal: ['Dear Ms {familyName},', 'Dear Mr {familyName},', 'Dear {fullName},'],
      informal: ['Hi {givenName},', 'Hello {givenName},'],
    },
    closings: {
      formal: ['Kind regards,', 'Regards,'],
      informal: ['Thanks,', 'Cheers,'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd/MM/yyyy', example: '04/03/2026', long: '4 March 2026' },
      number: { example: '1,234,567.89', decimal: '.', group: ',' },
    },
    writingNotes: 'British-based spelling (colour, organise); plain language is the government standard.',
    directness:
      'Tends to be informal, direct and egalitarian; overt status signals or corporate jargon can seem off-putting. Plain language and a friendly tone work well.',
    sources: [CLDR, W.australianEnglish, AU_STYLE, WEEKEND],
  },
  {
    locale: 'en-ZA',
    language: 'en',
    region: 'ZA',
    name: 'English (South Africa)',
    formality: {
      default: 'formal',
      note: 'A courteous, somewhat formal first reply is safe; first names are common once contact is established.',
    },
    tvForms: null,
    names: {
      order: 'given-family',
      formalAddress: 'Mr/Ms/Dr + family name (Mr Dlamini)',
      informalAddress: 'Given name',
      honorifics: englishHonorifics,
    },
    greetings: {
      formal: ['Dear Mr {familyName},', 'Dear Ms {familyName},', 'Good day {fullName},'],
      informal: ['Hi {givenName},', 'Hello {givenName},'],
    },
    closings: {
      formal: ['Kind regards,', 'Regards,'],
      informal: ['Thanks,', 'Cheers,'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'yyyy/MM/dd', example: '2026/03/04', long: '04 March 2026' },
      number: { example: '1\u00a0234\u00a0567,89', decimal: ',', group: '\u00a0' },
    },
    writingNotes:
      'South Africa has 12 official languages and many customers write English as a second or third language: keep sentences plain. The decimal comma is the official standard, but a decimal point is also widely used; spell amounts out when it matters.',
    directness:
      'Tends to be friendly and relationship-oriented; taking a moment for a greeting and courtesy is valued. Clear, plain explanations work better than idioms.',
    sources: [CLDR, W.southAfricanEnglish, MS_STYLE, WEEKEND],
  },
];
