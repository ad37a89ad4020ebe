import type { CultureProfile } from '../culture.schema.js';
import { CLDR, MS_STYLE, RAE_DPD, TV, W } from './sources.js';

const spanishNames = 'Two family names (paternal, then maternal); address uses the first: Ana García López → Sra. García.';
const spanishLetters =
  'Formal letters put a colon after the greeting (Estimada Sra. García:) and questions and exclamations open with ¿ and ¡.';

export const spanishPortuguese: CultureProfile[] = [
  {
    locale: 'es-ES',
    language: 'es',
    region: 'ES',
    name: 'Spanish (Spain)',
    languageDefault: true,
    formality: {
      default: 'informal',
      note: 'tú is common in consumer service in Spain and usted can feel distant; use usted with older customers, formal complaints, legal or billing matters, or when the customer does.',
    },
    tvForms: { informal: 'tú (plural vosotros)', formal: 'usted (plural ustedes)' },
    names: {
      order: 'given-family',
      formalAddress: 'Sr./Sra. + first family name (Sra. García); don/doña + given name is very respectful (doña Carmen)',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'Sr. / Sra.', meaning: 'Mr / Mrs, Ms' },
        { term: 'don / doña', meaning: 'respectful, before the given name' },
      ],
      note: spanishNames,
    },
    greetings: {
      formal: ['Estimada Sra. {familyName}:', 'Estimado Sr. {familyName}:', 'Buenos días, {fullName}:'],
      informal: ['Hola, {givenName}:', '¡Hola, {givenName}!'],
    },
    closings: {
      formal: ['Atentamente,', 'Un cordial saludo,'],
      informal: ['Un saludo,', '¡Hasta pronto!'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd/MM/yyyy', example: '04/03/2026', long: '4 de marzo de 2026' },
      number: { example: '1.234.567,89', decimal: ',', group: '.' },
    },
    writingNotes: spanishLetters,
    directness:
      'Tends to be fairly direct and expressive, with a friendly, personal tone; overly formal wording can feel distant. Customers may state dissatisfaction plainly and expect a concrete solution.',
    sources: [CLDR, TV, W.spanishNames, RAE_DPD, MS_STYLE],
  },
  {
    locale: 'es-MX',
    language: 'es',
    region: 'MX',
    name: 'Spanish (Mexico)',
    formality: {
      default: 'formal',
      note: 'usted is the safe default in service; tú is common with younger customers and in brand chat. Follow the customer.',
    },
    tvForms: { informal: 'tú', formal: 'usted (plural ustedes for both)' },
    names: {
      order: 'given-family',
      formalAddress: 'Sr./Sra. + first family name, or a professional title (Lic. Hernández, Ing. Torres)',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'Sr. / Sra. / Srita.', meaning: 'Mr / Mrs, Ms / Miss' },
        { term: 'Lic.', meaning: 'licenciado/a (university graduate), widely used in address' },
        { term: 'Ing. / Dr.', meaning: 'engineer / doctor' },
      ],
      note: spanishNames,
    },
    greetings: {
      formal: ['Estimada Sra. {familyName}:', 'Estimado Sr. {familyName}:', 'Buen día, {fullName}:'],
      informal: ['Hola, {givenName}:', '¡Hola, {givenName}!'],
    },
    closings: {
      formal: ['Atentamente,', 'Saludos cordiales,'],
      informal: ['Saludos,', '¡Que tengas buen día!'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd/MM/yyyy', example: '04/03/2026', long: '4 de marzo de 2026' },
      number: { example: '1,234,567.89', decimal: '.', group: ',' },
    },
    writingNotes: `${spanishLetters} Latin American Spanish has no vosotros: ustedes is the plural.`,
    directness:
      'Tends to value courtesy and personal warmth; an abrupt reply or a flat "no" can seem impolite, so explain and offer alternatives. Titles and usted show respect, especially with older customers.',
    sources: [CLDR, TV, W.spanishNames, RAE_DPD, MS_STYLE],
  },
  {
    locale: 'es-AR',
    language: 'es',
    region: 'AR',
    name: 'Spanish (Argentina)',
    formality: {
      default: 'informal',
      note: 'vos is standard in everyday and most consumer-brand communication; use usted for formal complaints, legal matters, older customers or when the customer does.',
    },
    tvForms: { informal: 'vos', formal: 'usted (plural ustedes for both)' },
    names: {
      order: 'given-family',
      formalAddress: 'Sr./Sra. + family name (Sra. Fernández)',
      informalAddress: 'Given name',
      honorifics: [{ term: 'Sr. / Sra.', meaning: 'Mr / Mrs, Ms' }],
      note: 'Usually one family name is used day to day.',
    },
    greetings: {
      formal: ['Estimada Sra. {familyName}:', 'Estimado Sr. {familyName}:', 'Buen día, {fullName}:'],
      informal: ['Hola, {givenName}:', '¡Hola, {givenName}!'],
    },
    closings: {
      formal: ['Atentamente,', 'Saludos cordiales,'],
      informal: ['¡Saludos!', 'Gracias,'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd/MM/yyyy', example: '04/03/2026', long: '4 de marzo de 2026' },
      number: { example: '1.234.567,89', decimal: ',', group: '.' },
    },
    writingNotes: `With vos use its own verb forms (vos tenés, podés, escribinos), never tú forms. ${spanishLetters}`,
    directness:
      'Tends to be expressive and direct; customers may argue their case at length and expect real engagement rather than a script. A warm tone with vos is normal in consumer service.',
    sources: [CLDR, TV, W.voseo, RAE_DPD, MS_STYLE],
  },
  {
    locale: 'pt-BR',
    language: 'pt',
    region: 'BR',
    name: 'Portuguese (Brazil)',
    languageDefault: true,
    formality: {
      default: 'informal',
      note: 'você is the neutral standard in service; o senhor / a senhora is respectful with older customers or in formal complaints.',
    },
    tvForms: { informal: 'você', formal: 'o senhor / a senhora' },
    names: {
      order: 'given-family',
      formalAddress: 'Sr./Sra. + given name or family name (Sra. Ana, Sr. Oliveira); Dona + given name for older women',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'Sr. / Sra.', meaning: 'Mr / Mrs, Ms; often with the given name' },
        { term: 'Dona / Seu', meaning: 'respectful, before the given name (Dona Maria)' },
      ],
    },
    greetings: {
      formal: ['Prezada Sra. {familyName},', 'Prezado Sr. {familyName},', 'Olá, {fullName},'],
      informal: ['Oi, {givenName}!', 'Olá, {givenName}!'],
    },
    closings: {
      formal: ['Atenciosamente,', 'Cordialmente,'],
      informal: ['Abraços,', 'Um abraço,'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd/MM/yyyy', example: '04/03/2026', long: '4 de março de 2026' },
      number: { example: '1.234.567,89', decimal: ',', group: '.' },
    },
    writingNotes: 'Brazilian spelling and vocabulary (ônibus, celular, tela) differ from European Portuguese.',
    directness:
      'Tends to be warm, personal and informal; a dry, purely factual reply can seem unhelpful. Bad news is often softened, so give clear next steps and timelines.',
    sources: [CLDR, TV, W.brazilianPortuguese, W.portugueseName, MS_STYLE],
  },
  {
    locale: 'pt-PT',
    language: 'pt',
    region: 'PT',
    name: 'Portuguese (Portugal)',
    formality: {
      default: 'formal',
      note: 'Formal address in the third person (o senhor / a senhora, or the title: "O Sr. Dr. pode…") or with no pronoun at all; você can sound blunt to some customers. tu only with people you know.',
    },
    tvForms: { informal: 'tu', formal: 'o senhor / a senhora (você with care)' },
    names: {
      order: 'given-family',
      formalAddress: 'Sr./Sra. + family name, or a title (Dr./Dra. for any graduate, Eng.)',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'Sr. / Sra.', meaning: 'Mr / Mrs, Ms' },
        { term: 'Dr. / Dra.', meaning: 'university graduate (not only doctors), common in address' },
        { term: 'Exmo. / Exma.', meaning: 'Excelentíssimo/a, in formal letters' },
      ],
    },
    greetings: {
      formal: ['Exma. Senhora {fullName},', 'Exmo. Senhor {fullName},', 'Caro Sr. {familyName},'],
      informal: ['Olá {givenName},', 'Bom dia {givenName},'],
    },
    closings: {
      formal: ['Com os melhores cumprimentos,', 'Cumprimentos,'],
      informal: ['Até breve,', 'Obrigado,'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd/MM/yyyy', example: '04/03/2026', long: '4 de março de 2026' },
      number: { example: '1\u00a0234\u00a0567,89', decimal: ',', group: '\u00a0' },
    },
    writingNotes:
      'Use European vocabulary and grammar (autocarro, telemóvel, ecrã; "estou a verificar", not "estou verificando"); Brazilian forms stand out.',
    directness:
      'Tends to be polite and somewhat formal, with titles and third-person address common. A courteous, patient tone is valued over a breezy one.',
    sources: [CLDR, TV, W.europeanPortuguese, W.portugueseName, MS_STYLE],
  },
];
