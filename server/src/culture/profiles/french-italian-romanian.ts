import type { CultureProfile } from '../culture.schema.js';
import { CLDR, MS_STYLE, OQLF, TV, W, WEEKEND } from './sources.js';

export const frenchItalianRomanian: CultureProfile[] = [
  {
    locale: 'fr-FR',
    language: 'fr',
    region: 'FR',
    name: 'French (France)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'vous with customers. tu appears in some youth-oriented brands; do not switch unless the customer clearly invites it.',
    },
    tvForms: { informal: 'tu', formal: 'vous' },
    names: {
      order: 'given-family',
      formalAddress: 'Madame/Monsieur + family name (Madame Martin), or "Madame," / "Monsieur," alone in formal letters',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'Monsieur (M.)', meaning: 'Mr' },
        { term: 'Madame (Mme)', meaning: 'for every adult woman; "Mademoiselle" was dropped from official forms in 2012' },
      ],
    },
    greetings: {
      formal: ['Bonjour Madame {familyName},', 'Bonjour Monsieur {familyName},', 'Madame, Monsieur,'],
      informal: ['Bonjour {givenName},', 'Salut {givenName},'],
    },
    closings: {
      formal: ['Cordialement,', 'Bien cordialement,', "Je vous prie d'agréer, Madame, l'expression de mes salutations distinguées."],
      informal: ['Bonne journée !', 'À bientôt,'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd/MM/yyyy', example: '04/03/2026', long: '4 mars 2026' },
      number: { example: '1\u202f234\u202f567,89', decimal: ',', group: '\u202f' },
    },
    writingNotes: 'A non-breaking space goes before : ; ! ? and inside « guillemets ».',
    directness:
      'Written exchanges tend to open with a greeting and a courtesy formula before the point; leaving out "Bonjour" can read as rude. Well-reasoned, structured explanations are appreciated, and disagreement may be voiced openly.',
    sources: [CLDR, TV, W.mademoiselle, MS_STYLE, WEEKEND],
  },
  {
    locale: 'fr-CA',
    language: 'fr',
    region: 'CA',
    name: 'French (Canada)',
    formality: {
      default: 'formal',
      note: 'vous is the safe default in service, although tu is more common in Québec than in France; follow the customer.',
    },
    tvForms: { informal: 'tu', formal: 'vous' },
    names: {
      order: 'given-family',
      formalAddress: 'Madame/Monsieur + family name (Madame Tremblay)',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'Monsieur (M.)', meaning: 'Mr' },
        { term: 'Madame (Mme)', meaning: 'Ms/Mrs' },
      ],
    },
    greetings: {
      formal: ['Bonjour Madame {familyName},', 'Bonjour Monsieur {familyName},', 'Bonjour {fullName},'],
      informal: ['Bonjour {givenName},', 'Salut {givenName},'],
    },
    closings: {
      formal: ['Cordialement,', 'Veuillez agréer nos salutations distinguées.'],
      informal: ['Bonne journée!', 'Merci et bonne journée!'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'yyyy-MM-dd', example: '2026-03-04', long: '4 mars 2026' },
      number: { example: '1\u00a0234\u00a0567,89', decimal: ',', group: '\u00a0' },
    },
    writingNotes:
      'Use Québec terminology recommended by the OQLF (courriel, clavardage, magasiner). Québec typography usually puts no space before ; ! ? but keeps one before :. Customers in Québec have a legal right to be served in French.',
    directness:
      'Tends to be friendly and somewhat less formal than in France; a warm, straightforward tone works well. Answering in French rather than English matters to many customers.',
    sources: [CLDR, TV, OQLF, W.quebecFrench, MS_STYLE],
  },
  {
    locale: 'it-IT',
    language: 'it',
    region: 'IT',
    name: 'Italian (Italy)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'Lei with customers (often capitalised in writing). Many brands use tu in apps and marketing; follow the customer in support.',
    },
    tvForms: { informal: 'tu', formal: 'Lei' },
    names: {
      order: 'given-family',
      formalAddress: 'Signora/Signor + family name, or a professional title (Dott.ssa Bianchi, Ing. Rossi)',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'Signor / Signora', meaning: 'Mr / Mrs, Ms' },
        { term: 'Dott. / Dott.ssa', meaning: 'graduate (any university degree), widely used in address' },
        { term: 'Ing. / Avv.', meaning: 'engineer / lawyer' },
      ],
    },
    greetings: {
      formal: ['Gentile Signora {familyName},', 'Gentile Signor {familyName},', 'Buongiorno {fullName},'],
      informal: ['Ciao {givenName},', 'Buongiorno {givenName},'],
    },
    closings: {
      formal: ['Cordiali saluti', 'Distinti saluti'],
      informal: ['A presto', 'Un saluto'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd/MM/yyyy', example: '04/03/2026', long: '4 marzo 2026' },
      number: { example: '1.234.567,89', decimal: ',', group: '.' },
    },
    directness:
      'Tends to value a courteous, personal tone and some context before the request; a very terse reply can seem cold. Expressive wording is normal and does not by itself signal anger.',
    sources: [CLDR, TV, MS_STYLE, WEEKEND],
  },
  {
    locale: 'ro-RO',
    language: 'ro',
    region: 'RO',
    name: 'Romanian (Romania)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'dumneavoastră with customers; tu only once the customer uses it.',
    },
    tvForms: { informal: 'tu', formal: 'dumneavoastră' },
    names: {
      order: 'given-family',
      formalAddress: 'Doamna/Domnul + family name (Doamna Popescu)',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'Domnul (dl.)', meaning: 'Mr' },
        { term: 'Doamna (dna.)', meaning: 'Mrs, Ms' },
        { term: 'Domnișoara (dra.)', meaning: 'Miss' },
      ],
      note: 'Official lists and forms often put the family name first (Popescu Ion).',
    },
    greetings: {
      formal: ['Stimată doamnă {familyName},', 'Stimate domnule {familyName},', 'Bună ziua,'],
      informal: ['Bună, {givenName}!', 'Salut, {givenName}!'],
    },
    closings: {
      formal: ['Cu stimă,', 'Cu respect,'],
      informal: ['Toate cele bune,', 'O zi bună!'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd.MM.yyyy', example: '04.03.2026', long: '4 martie 2026' },
      number: { example: '1.234.567,89', decimal: ',', group: '.' },
    },
    writingNotes: 'Use the comma-below letters ș and ț, not the cedilla forms ş and ţ.',
    directness:
      'Tends to be polite and relationship-oriented at first, with formal address and titles appreciated until the customer signals otherwise. Problems are usually stated plainly once rapport exists.',
    sources: [CLDR, TV, W.romanianName, MS_STYLE, WEEKEND],
  },
];
