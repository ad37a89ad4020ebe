import type { CultureProfile } from '../culture.schema.js';
import { CLDR, MS_STYLE, TV, W, WEEKEND } from './sources.js';

export const slavic: CultureProfile[] = [
  {
    locale: 'pl-PL',
    language: 'pl',
    region: 'PL',
    name: 'Polish (Poland)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'Pan/Pani (third person) with customers, Państwo for several people or an unknown recipient; ty only once the customer offers it.',
    },
    tvForms: { informal: 'ty', formal: 'Pan / Pani (plural Państwo)' },
    names: {
      order: 'given-family',
      formalAddress: 'Pan/Pani alone or with a title (Pani Doktor); in speech with the given name (Pani Anno)',
      informalAddress: 'Given name, often a diminutive the customer uses (Kasia, Tomek)',
      honorifics: [
        { term: 'Pan', meaning: 'Mr; also the formal "you" to a man' },
        { term: 'Pani', meaning: 'Ms/Mrs; also the formal "you" to a woman' },
        { term: 'Państwo', meaning: 'ladies and gentlemen; formal plural "you"' },
      ],
      note: 'Addressing someone as "Panie Kowalski" (title + surname) sounds rude; leave the surname out of direct address.',
    },
    greetings: {
      formal: ['Szanowna Pani,', 'Szanowny Panie,', 'Dzień dobry,', 'Szanowni Państwo,'],
      informal: ['Cześć {givenName},', 'Hej {givenName},'],
    },
    closings: {
      formal: ['Z poważaniem', 'Z wyrazami szacunku', 'Pozdrawiam'],
      informal: ['Pozdrawiam serdecznie', 'Do usłyszenia'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd.MM.yyyy', example: '04.03.2026', long: '4 marca 2026' },
      number: { example: '1\u00a0234\u00a0567,89', decimal: ',', group: '\u00a0' },
    },
    writingNotes: 'Names are declined (Pani Anno, Panie Tomaszu); a template cannot do this, so "Dzień dobry," is the safe opener.',
    directness:
      'Tends to be formal at first and fairly direct about problems; courtesy formulas are common in official replies. Warmth usually grows as rapport builds.',
    sources: [CLDR, TV, W.polishName, MS_STYLE, WEEKEND],
  },
  {
    locale: 'cs-CZ',
    language: 'cs',
    region: 'CZ',
    name: 'Czech (Czechia)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'vy (vykání) with customers; ty (tykání) only once the customer offers it.',
    },
    tvForms: { informal: 'ty', formal: 'vy' },
    names: {
      order: 'given-family',
      formalAddress: 'pane/paní + family name in the vocative (pane Nováku, paní Nováková), or + academic title (pane inženýre)',
      informalAddress: 'Given name in the vocative (Petře, Jano)',
      honorifics: [
        { term: 'pan / paní', meaning: 'Mr / Mrs, Ms' },
        { term: 'Ing., Mgr., MUDr., PhDr.', meaning: 'academic titles, widely used in formal address' },
      ],
    },
    greetings: {
      formal: ['Vážená paní {familyName},', 'Vážený pane {familyName},', 'Dobrý den,'],
      informal: ['Ahoj {givenName},', 'Dobrý den, {givenName},'],
    },
    closings: {
      formal: ['S pozdravem', 'S přátelským pozdravem'],
      informal: ['Hezký den', 'Měj se'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd. MM. yyyy', example: '04. 03. 2026', long: '4. března 2026' },
      number: { example: '1\u00a0234\u00a0567,89', decimal: ',', group: '\u00a0' },
    },
    writingNotes:
      'Names in direct address take the vocative (Novák → pane Nováku); if you cannot inflect the name, open with "Dobrý den,".',
    directness:
      'Tends to be matter-of-fact and somewhat reserved; excessive enthusiasm can seem insincere. Formal address and titles are expected until the customer offers otherwise.',
    sources: [CLDR, TV, W.czechName, MS_STYLE, WEEKEND],
  },
  {
    locale: 'ru-RU',
    language: 'ru',
    region: 'RU',
    name: 'Russian (Russia)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'Вы with customers, capitalised when writing to one person; ты only once the customer offers it.',
    },
    tvForms: { informal: 'ты', formal: 'Вы' },
    names: {
      order: 'given-family',
      formalAddress:
        'Given name + patronymic (Анна Сергеевна) is the respectful form; господин/госпожа + family name is rarer and very formal',
      informalAddress: 'Given name, often a short form the customer uses (Саша, Лена)',
      honorifics: [
        { term: 'Имя Отчество', meaning: 'given name + patronymic, the usual respectful address' },
        { term: 'господин / госпожа', meaning: 'Mr / Ms, formal' },
      ],
      note: 'Official documents list the family name first (Иванов Иван Иванович).',
    },
    greetings: {
      formal: ['Здравствуйте, {givenName} {patronymic}!', 'Уважаемая / Уважаемый {givenName} {patronymic}!', 'Добрый день!'],
      informal: ['Привет, {givenName}!', 'Здравствуй, {givenName}!'],
    },
    closings: {
      formal: ['С уважением,', 'С наилучшими пожеланиями,'],
      informal: ['Всего хорошего!', 'До связи!'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd.MM.yyyy', example: '04.03.2026', long: '4 марта 2026 г.' },
      number: { example: '1\u00a0234\u00a0567,89', decimal: ',', group: '\u00a0' },
    },
    directness:
      'Tends to be direct in stating problems and disagreement; warmth is often reserved until trust is established, so a neutral tone is not coldness. Clear facts and a concrete plan build credibility.',
    sources: [CLDR, TV, W.slavicNames, MS_STYLE, WEEKEND],
  },
  {
    locale: 'uk-UA',
    language: 'uk',
    region: 'UA',
    name: 'Ukrainian (Ukraine)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'Ви with customers, capitalised when writing to one person; ти only once the customer offers it.',
    },
    tvForms: { informal: 'ти', formal: 'Ви' },
    names: {
      order: 'given-family',
      formalAddress: 'пане/пані + given name in the vocative (пане Андрію, пані Ольго), or given name + patronymic',
      informalAddress: 'Given name in the vocative',
      honorifics: [
        { term: 'пан / пані', meaning: 'Mr / Ms, used with the given or family name' },
        { term: 'Шановний / Шановна', meaning: 'Dear (formal)' },
      ],
    },
    greetings: {
      formal: ['Добрий день!', 'Шановна пані {givenName}!', 'Шановний пане {givenName}!'],
      informal: ['Привіт, {givenName}!', 'Вітаю, {givenName}!'],
    },
    closings: {
      formal: ['З повагою,', 'З найкращими побажаннями,'],
      informal: ['Гарного дня!', 'До зв’язку!'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd.MM.yyyy', example: '04.03.2026', long: '4 березня 2026 р.' },
      number: { example: '1\u00a0234\u00a0567,89', decimal: ',', group: '\u00a0' },
    },
    writingNotes:
      'Ukrainian uses the vocative in address (Ольга → пані Ольго), which a template cannot produce; "Добрий день!" is the safe opener. Reply in Ukrainian, not Russian, unless the customer writes in Russian.',
    directness:
      'Tends to be direct about problems and to expect a clear answer with a concrete next step. Respectful formal address is standard with people you do not know.',
    sources: [CLDR, TV, W.slavicNames, MS_STYLE, WEEKEND],
  },
];
