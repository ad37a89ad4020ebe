import type { CultureProfile } from '../culture.schema.js';
import { CLDR, MS_STYLE, TV, W, WEEKEND } from './sources.js';

export const germanDutch: CultureProfile[] = [
  {
    locale: 'de-DE',
    language: 'de',
    region: 'DE',
    name: 'German (Germany)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'Sie is the safe default with customers. Some consumer brands write with du; follow the customer if they use du.',
    },
    tvForms: { informal: 'du', formal: 'Sie' },
    names: {
      order: 'given-family',
      formalAddress: 'Herr/Frau + family name (Frau Schmidt); academic titles are kept (Frau Dr. Weber)',
      informalAddress: 'Given name, together with du',
      honorifics: [
        { term: 'Herr', meaning: 'Mr' },
        { term: 'Frau', meaning: 'Ms/Mrs, for every adult woman ("Fräulein" is outdated)' },
        { term: 'Dr.', meaning: 'Doctorate, used in address' },
      ],
    },
    greetings: {
      formal: ['Sehr geehrte Frau {familyName},', 'Sehr geehrter Herr {familyName},', 'Guten Tag {fullName},'],
      informal: ['Hallo {givenName},', 'Liebe {givenName}, / Lieber {givenName},'],
    },
    closings: {
      formal: ['Mit freundlichen Grüßen', 'Freundliche Grüße'],
      informal: ['Viele Grüße', 'Liebe Grüße'],
    },
    weekend: { days: [6, 7], note: 'Sunday is a legal day of rest; most shops close on Sundays.' },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd.MM.yyyy', example: '04.03.2026', long: '4. März 2026' },
      number: { example: '1.234.567,89', decimal: ',', group: '.' },
    },
    writingNotes: 'After "Sehr geehrte …," the next line starts in lower case unless it begins with a noun.',
    directness:
      'Messages tend to be direct and factual: a clear statement of the problem, the cause and the next step usually reads as respect for the customer’s time rather than as curtness. Concrete commitments (dates, amounts) are expected to be kept.',
    sources: [CLDR, TV, W.germanName, MS_STYLE, WEEKEND],
  },
  {
    locale: 'de-AT',
    language: 'de',
    region: 'AT',
    name: 'German (Austria)',
    formality: {
      default: 'formal',
      note: 'Sie with customers; du is common among younger people and in some brands’ chat. Follow the customer.',
    },
    tvForms: { informal: 'du', formal: 'Sie' },
    names: {
      order: 'given-family',
      formalAddress: 'Herr/Frau + academic or professional title where known + family name (Frau Mag. Huber, Herr Dipl.-Ing. Gruber)',
      informalAddress: 'Given name, together with du',
      honorifics: [
        { term: 'Herr / Frau', meaning: 'Mr / Ms' },
        { term: 'Mag.', meaning: 'Magister/Magistra (master’s degree), commonly used in address' },
        { term: 'Dr.', meaning: 'Doctorate' },
        { term: 'Ing. / DI', meaning: 'Engineering titles' },
      ],
      note: 'Academic and professional titles are used in address more often than in Germany.',
    },
    greetings: {
      formal: ['Sehr geehrte Frau {familyName},', 'Sehr geehrter Herr {familyName},', 'Guten Tag {fullName},'],
      informal: ['Hallo {givenName},', 'Liebe {givenName}, / Lieber {givenName},'],
    },
    closings: {
      formal: ['Mit freundlichen Grüßen', 'Freundliche Grüße'],
      informal: ['Liebe Grüße', 'Viele Grüße', 'LG'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd.MM.yyyy', example: '04.03.2026', long: '4. März 2026' },
      number: { example: '1\u00a0234\u00a0567,89', decimal: ',', group: '\u00a0' },
    },
    writingNotes:
      'Austrian vocabulary differs in places (Jänner for January, Paradeiser, Sackerl); Austrian customers notice German-German wording.',
    directness:
      'Communication tends to be somewhat less blunt than in Germany, with more courtesy formulas and use of titles. Precision and reliability remain important.',
    sources: [CLDR, TV, W.austrianGerman, MS_STYLE, WEEKEND],
  },
  {
    locale: 'de-CH',
    language: 'de',
    region: 'CH',
    name: 'German (Switzerland)',
    formality: {
      default: 'formal',
      note: 'Sie with customers; du is widespread among younger people and in some brands. Follow the customer.',
    },
    tvForms: { informal: 'du', formal: 'Sie' },
    names: {
      order: 'given-family',
      formalAddress: 'Herr/Frau + family name (Frau Meier)',
      informalAddress: 'Given name, together with du',
      honorifics: [
        { term: 'Herr', meaning: 'Mr' },
        { term: 'Frau', meaning: 'Ms/Mrs' },
      ],
    },
    greetings: {
      formal: ['Sehr geehrte Frau {familyName},', 'Sehr geehrter Herr {familyName},', 'Guten Tag {fullName},'],
      informal: ['Hallo {givenName},', 'Liebe {givenName}, / Lieber {givenName},', 'Hoi {givenName},'],
    },
    closings: {
      formal: ['Freundliche Grüsse', 'Mit freundlichen Grüssen'],
      informal: ['Liebe Grüsse', 'Viele Grüsse'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd.MM.yyyy', example: '04.03.2026', long: '4. März 2026' },
      number: { example: "1'234'567.89", decimal: '.', group: "'" },
    },
    writingNotes:
      'Swiss Standard German never uses ß: write ss (Grüsse, Strasse). Written German is Standard German; Swiss German dialect is mostly spoken or used in informal chat (spoken greetings: Grüezi to people you call Sie, Hoi or Sali to du).',
    directness:
      'Tends to be polite and somewhat reserved; requests are often phrased indirectly (Könnten Sie …?). Reliability and precision are valued, so avoid promises that may not hold.',
    sources: [CLDR, TV, W.swissStandardGerman, MS_STYLE, WEEKEND],
  },
  {
    locale: 'nl-NL',
    language: 'nl',
    region: 'NL',
    name: 'Dutch (Netherlands)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'u is the safe first choice; many Dutch consumer brands write with je/jij, and customers often switch quickly. Follow the customer.',
    },
    tvForms: { informal: 'je / jij', formal: 'u' },
    names: {
      order: 'given-family',
      formalAddress: 'meneer/mevrouw + family name; in letters "Geachte heer/mevrouw" + family name',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'de heer / meneer', meaning: 'Mr' },
        { term: 'mevrouw', meaning: 'Ms/Mrs' },
      ],
      note: 'Surname prefixes (van, de, van der) are capitalised when the given name is omitted: mevrouw De Vries, but Anna de Vries.',
    },
    greetings: {
      formal: ['Geachte mevrouw {familyName},', 'Geachte heer {familyName},', 'Beste {fullName},'],
      informal: ['Hoi {givenName},', 'Beste {givenName},', 'Hallo {givenName},'],
    },
    closings: {
      formal: ['Met vriendelijke groet,'],
      informal: ['Groetjes,', 'Groet,', 'Fijne dag!'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd-MM-yyyy', example: '04-03-2026', long: '4 maart 2026' },
      number: { example: '1.234.567,89', decimal: ',', group: '.' },
    },
    directness:
      'Tends to be very direct and pragmatic: a clear yes or no with the reason is appreciated and not taken as rude. Vague or over-polite wording can come across as evasive.',
    sources: [CLDR, TV, W.dutchName, MS_STYLE, WEEKEND],
  },
];
