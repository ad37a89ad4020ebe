import type { CultureProfile } from '../culture.schema.js';
import { CLDR, MS_STYLE, TV, W, WEEKEND } from './sources.js';

const indianNames =
  'Naming varies by region and community: some people have no family name, or use an initial or their father’s name (common in South India). Use the name the customer signs with.';
const indianWeekend =
  'Sunday is the statutory weekly holiday (CLDR lists Sunday only). Many offices and IT companies also close on Saturday; banks close on the second and fourth Saturday of the month.';
const lakhs = 'Amounts are grouped in lakhs and crores: 12,34,567.89 (1 lakh = 1,00,000; 1 crore = 1,00,00,000).';

export const southAsia: CultureProfile[] = [
  {
    locale: 'hi-IN',
    language: 'hi',
    region: 'IN',
    name: 'Hindi (India)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'आप with customers. तुम is familiar and तू intimate; neither belongs in service.',
    },
    tvForms: { informal: 'तुम (tum)', formal: 'आप (āp)' },
    names: {
      order: 'given-family',
      formalAddress: 'Name + जी (राहुल जी, शर्मा जी), or श्री/श्रीमती + name in formal writing',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'जी (ji)', meaning: 'respect suffix after a given or family name' },
        { term: 'श्री (Shri)', meaning: 'Mr' },
        { term: 'श्रीमती (Shrimati)', meaning: 'Mrs' },
        { term: 'सुश्री (Sushri)', meaning: 'Ms' },
      ],
      note: indianNames,
    },
    greetings: {
      formal: ['नमस्ते {givenName} जी,', 'आदरणीय {fullName} जी,'],
      informal: ['नमस्ते {givenName},', 'हाय {givenName},'],
    },
    closings: {
      formal: ['सादर,', 'धन्यवाद सहित,'],
      informal: ['धन्यवाद!', 'शुभकामनाएँ,'],
    },
    weekend: { days: [7], note: indianWeekend },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd/MM/yyyy', example: '04/03/2026', long: '4 मार्च 2026' },
      number: { example: '12,34,567.89', decimal: '.', group: ',' },
    },
    writingNotes: `Many customers write Hindi in Latin letters (Hinglish) and mix in English terms; mirror their script and register. ${lakhs}`,
    directness:
      'Tends to be polite and relationship-oriented; respectful forms (आप, जी) matter, especially with older customers. A direct "no" is often softened, so confirm commitments with explicit dates.',
    sources: [CLDR, TV, W.indianHonorifics, W.hindustaniGrammar, W.indianNumbering, WEEKEND],
  },
  {
    locale: 'en-IN',
    language: 'en',
    region: 'IN',
    name: 'English (India)',
    formality: {
      default: 'formal',
      note: 'English has no T/V pronouns; service English in India is courteous (Sir/Ma’am, Mr/Ms). First names are fine once the customer uses them.',
    },
    tvForms: null,
    names: {
      order: 'given-family',
      formalAddress: 'Mr/Ms + family name (Ms Iyer), or Sir/Ma’am without a name',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'Mr / Ms / Mrs', meaning: 'as in British English' },
        { term: 'Sir / Ma’am', meaning: 'respectful address without a name, common in service' },
        { term: 'ji', meaning: 'respect suffix after a name (Sharma ji), also used in English' },
      ],
      note: indianNames,
    },
    greetings: {
      formal: ['Dear Mr {familyName},', 'Dear Ms {familyName},', 'Dear Sir/Madam,'],
      informal: ['Hi {givenName},', 'Hello {givenName},'],
    },
    closings: {
      formal: ['Regards,', 'Thanks and regards,', 'Warm regards,'],
      informal: ['Thanks,', 'Have a great day!'],
    },
    weekend: { days: [7], note: indianWeekend },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd/MM/yyyy', example: '04/03/2026', long: '4 March 2026' },
      number: { example: '12,34,567.89', decimal: '.', group: ',' },
    },
    writingNotes: `British spelling is standard. ${lakhs}`,
    directness:
      'Tends to be courteous and relationship-oriented, with respect for seniority; formal address is common in service. Confirm commitments with explicit dates and details.',
    sources: [CLDR, W.indianHonorifics, W.indianNumbering, MS_STYLE, WEEKEND],
  },
];
