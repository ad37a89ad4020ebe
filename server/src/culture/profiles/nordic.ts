import type { CultureProfile } from '../culture.schema.js';
import { CLDR, MS_STYLE, TV, W, WEEKEND } from './sources.js';

export const nordic: CultureProfile[] = [
  {
    locale: 'sv-SE',
    language: 'sv',
    region: 'SE',
    name: 'Swedish (Sweden)',
    languageDefault: true,
    formality: {
      default: 'informal',
      note: 'du is standard with nearly everyone since the "du reform" of the 1960s–70s; ni as a polite singular is rare and can sound distant, though some older customers like it.',
    },
    tvForms: { informal: 'du', formal: 'ni' },
    names: {
      order: 'given-family',
      formalAddress: 'Full name (Anna Lindqvist); titles such as herr/fru are rarely used in writing',
      informalAddress: 'Given name',
      honorifics: [],
    },
    greetings: {
      formal: ['Hej {fullName},', 'Bästa {fullName},'],
      informal: ['Hej {givenName}!', 'Hej {givenName},'],
    },
    closings: {
      formal: ['Med vänliga hälsningar', 'Vänliga hälsningar'],
      informal: ['Hälsningar', 'Ha en fin dag!'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'yyyy-MM-dd', example: '2026-03-04', long: '4 mars 2026' },
      number: { example: '1\u00a0234\u00a0567,89', decimal: ',', group: '\u00a0' },
    },
    directness:
      'Tends toward a calm, modest and consensus-seeking tone; clear information without hard selling or superlatives is appreciated. First names are normal regardless of age or rank.',
    sources: [CLDR, TV, MS_STYLE, WEEKEND],
  },
  {
    locale: 'da-DK',
    language: 'da',
    region: 'DK',
    name: 'Danish (Denmark)',
    languageDefault: true,
    formality: {
      default: 'informal',
      note: 'du is standard; the formal De survives mainly with the royal family and in very traditional settings.',
    },
    tvForms: { informal: 'du', formal: 'De' },
    names: {
      order: 'given-family',
      formalAddress: 'Full name (Mette Jensen); hr./fru are rarely used in writing',
      informalAddress: 'Given name',
      honorifics: [],
    },
    greetings: {
      formal: ['Kære {fullName}', 'Hej {fullName}'],
      informal: ['Hej {givenName}', 'Kære {givenName}'],
    },
    closings: {
      formal: ['Med venlig hilsen', 'Venlig hilsen'],
      informal: ['Mange hilsner', 'Hilsen'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd.MM.yyyy', example: '04.03.2026', long: '4. marts 2026' },
      number: { example: '1.234.567,89', decimal: ',', group: '.' },
    },
    directness:
      'Communication tends to be informal, direct and egalitarian. Understatement is common, so heavy superlatives or effusive apologies can sound insincere.',
    sources: [CLDR, TV, MS_STYLE, WEEKEND],
  },
  {
    locale: 'nb-NO',
    language: 'nb',
    region: 'NO',
    name: 'Norwegian Bokmål (Norway)',
    languageDefault: true,
    formality: {
      default: 'informal',
      note: 'du is standard with everyone; the formal De is practically obsolete.',
    },
    tvForms: { informal: 'du', formal: 'De' },
    names: {
      order: 'given-family',
      formalAddress: 'Full name (Ingrid Hansen); titles are rarely used',
      informalAddress: 'Given name',
      honorifics: [],
    },
    greetings: {
      formal: ['Hei {fullName},', 'Kjære {fullName},'],
      informal: ['Hei {givenName},', 'Hei!'],
    },
    closings: {
      formal: ['Med vennlig hilsen', 'Vennlig hilsen'],
      informal: ['Hilsen', 'Ha en fin dag!'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd.MM.yyyy', example: '04.03.2026', long: '4. mars 2026' },
      number: { example: '1\u00a0234\u00a0567,89', decimal: ',', group: '\u00a0' },
    },
    writingNotes: 'Norwegian has two written standards, Bokmål and Nynorsk; answer a Nynorsk writer in Nynorsk if you can.',
    directness:
      'Tends to be direct, informal and egalitarian; plain, honest statements are preferred over elaborate politeness. Exaggerated friendliness can feel like sales talk.',
    sources: [CLDR, TV, MS_STYLE, WEEKEND],
  },
  {
    locale: 'fi-FI',
    language: 'fi',
    region: 'FI',
    name: 'Finnish (Finland)',
    languageDefault: true,
    formality: {
      default: 'informal',
      note: 'sinä is common in customer service; many older customers appreciate te (teitittely). Neutral or passive phrasing avoids choosing.',
    },
    tvForms: { informal: 'sinä', formal: 'te' },
    names: {
      order: 'given-family',
      formalAddress: 'Full name (Matti Virtanen); herra/rouva are rare in writing',
      informalAddress: 'Given name',
      honorifics: [],
    },
    greetings: {
      formal: ['Hyvä {fullName},', 'Hei {fullName},'],
      informal: ['Hei {givenName},', 'Moi {givenName}!'],
    },
    closings: {
      formal: ['Ystävällisin terveisin', 'Terveisin'],
      informal: ['Terkuin', 'Mukavaa päivänjatkoa!'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd.MM.yyyy', example: '04.03.2026', long: '4. maaliskuuta 2026' },
      number: { example: '1\u00a0234\u00a0567,89', decimal: ',', group: '\u00a0' },
    },
    writingNotes: 'Names are inflected by case (Matille, Virtaselle); a template cannot do this, so keep names in the greeting line.',
    directness:
      'Tends to be concise and literal; short replies are not necessarily unfriendly. Say what will happen and when, without filler or exaggerated enthusiasm.',
    sources: [CLDR, TV, W.finnishName, MS_STYLE, WEEKEND],
  },
];
