import type { CultureProfile } from '../culture.schema.js';
import { CLDR, MS_STYLE, TV, W, WEEKEND } from './sources.js';

export const hungarianGreekTurkish: CultureProfile[] = [
  {
    locale: 'hu-HU',
    language: 'hu',
    region: 'HU',
    name: 'Hungarian (Hungary)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'Ön with customers (maga can sound condescending); many younger customers and brands switch to te quickly. Follow the customer.',
    },
    tvForms: { informal: 'te', formal: 'Ön' },
    names: {
      order: 'family-given',
      formalAddress: 'Full name in Hungarian order (Nagy Anna), or family name + úr for men (Nagy úr)',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'úr', meaning: 'Mr, after the name (Kovács úr)' },
        { term: 'asszony / hölgy', meaning: 'Mrs / Ms, after the name; "Kedves + full name" is usually safer' },
      ],
      note: 'Family name first in Hungarian (Nagy Anna); in English or international contexts many Hungarians reverse it.',
    },
    greetings: {
      formal: ['Tisztelt {fullName}!', 'Kedves {fullName}!'],
      informal: ['Szia {givenName}!', 'Kedves {givenName}!'],
    },
    closings: {
      formal: ['Üdvözlettel:', 'Tisztelettel:'],
      informal: ['Üdv,', 'Szép napot!'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'yyyy. MM. dd.', example: '2026. 03. 04.', long: '2026. március 4.' },
      number: { example: '1\u00a0234\u00a0567,89', decimal: ',', group: '\u00a0' },
    },
    writingNotes: 'Write {fullName} family name first. Dates run year, month, day.',
    directness:
      'Tends to be fairly direct and to appreciate precise, well-founded answers. Formal address is expected with strangers, though the switch to te can come early.',
    sources: [CLDR, TV, W.hungarianNames, MS_STYLE, WEEKEND],
  },
  {
    locale: 'el-GR',
    language: 'el',
    region: 'GR',
    name: 'Greek (Greece)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'εσείς (plural "you") with customers; εσύ only with people you know or when the customer uses it.',
    },
    tvForms: { informal: 'εσύ', formal: 'εσείς' },
    names: {
      order: 'given-family',
      formalAddress: 'κύριε/κυρία + family name (κύριε Παπαδόπουλε, κυρία Παπαδοπούλου)',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'κύριος (κ.)', meaning: 'Mr; vocative κύριε' },
        { term: 'κυρία (κα)', meaning: 'Mrs, Ms' },
      ],
      note: 'Family names have masculine and feminine forms (Παπαδόπουλος / Παπαδοπούλου) and take the vocative in address.',
    },
    greetings: {
      formal: ['Αγαπητή κυρία {familyName},', 'Αγαπητέ κύριε {familyName},', 'Καλημέρα σας,'],
      informal: ['Γεια σου {givenName},', 'Καλημέρα {givenName},'],
    },
    closings: {
      formal: ['Με εκτίμηση,', 'Με φιλικούς χαιρετισμούς,'],
      informal: ['Φιλικά,', 'Καλή συνέχεια!'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd/MM/yyyy', example: '04/03/2026', long: '4 Μαρτίου 2026' },
      number: { example: '1.234.567,89', decimal: ',', group: '.' },
    },
    writingNotes: 'The Greek question mark is ";" (U+037E, looks like a semicolon).',
    directness:
      'Tends to be expressive and personal; lively wording is not necessarily hostility. Showing genuine willingness to help and building rapport count for a lot.',
    sources: [CLDR, TV, W.greekName, MS_STYLE, WEEKEND],
  },
  {
    locale: 'tr-TR',
    language: 'tr',
    region: 'TR',
    name: 'Turkish (Türkiye)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'siz with customers; sen only with people you know or when the customer uses it.',
    },
    tvForms: { informal: 'sen', formal: 'siz' },
    names: {
      order: 'given-family',
      formalAddress: 'Given name + Bey/Hanım (Ahmet Bey, Ayşe Hanım); in writing Sayın + full or family name',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'Bey', meaning: 'Mr, after the given name' },
        { term: 'Hanım', meaning: 'Ms/Mrs, after the given name' },
        { term: 'Sayın', meaning: 'formal "Dear/Esteemed", before the name in writing' },
      ],
    },
    greetings: {
      formal: ['Sayın {fullName},', 'Merhaba {givenName} Hanım,', 'Merhaba {givenName} Bey,'],
      informal: ['Merhaba {givenName},', 'Selam {givenName},'],
    },
    closings: {
      formal: ['Saygılarımızla,', 'İyi çalışmalar dileriz.'],
      informal: ['Sevgiler,', 'İyi günler!'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd.MM.yyyy', example: '04.03.2026', long: '4 Mart 2026' },
      number: { example: '1.234.567,89', decimal: ',', group: '.' },
    },
    writingNotes: 'Dotted and dotless i are different letters (i/İ, ı/I); case conversion must be Turkish-aware.',
    directness:
      'Tends to be relationship-oriented; a courteous greeting and good wishes around the business point are valued. Respectful forms (siz, Bey/Hanım) matter, especially with older customers.',
    sources: [CLDR, TV, W.turkishName, MS_STYLE, WEEKEND],
  },
];
