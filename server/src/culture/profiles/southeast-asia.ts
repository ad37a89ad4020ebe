import type { CultureProfile } from '../culture.schema.js';
import { CLDR, MALAYSIA_JOHOR_WEEKEND, MS_STYLE, TV, W, WEEKEND } from './sources.js';

export const southeastAsia: CultureProfile[] = [
  {
    locale: 'th-TH',
    language: 'th',
    region: 'TH',
    name: 'Thai (Thailand)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'Polite register: คุณ + given name, and the polite particles ครับ (male writer) / ค่ะ, คะ (female writer) at the end of sentences.',
    },
    tvForms: { informal: 'pronoun dropped or เธอ, no polite particles (among friends)', formal: 'คุณ (khun) + polite particles ครับ / ค่ะ' },
    names: {
      order: 'given-family',
      formalAddress: 'คุณ + given name (คุณสมชาย); family names are rarely used in address',
      informalAddress: 'Nickname or given name, often still with คุณ in service',
      honorifics: [
        { term: 'คุณ (khun)', meaning: 'polite title before the given name, any gender' },
        { term: 'นาย / นาง / นางสาว', meaning: 'Mr / Mrs / Miss, on forms and documents' },
      ],
      note: 'Many Thais go by a short nickname (ชื่อเล่น) in everyday life; use it only if the customer does.',
    },
    greetings: {
      formal: ['เรียน คุณ{givenName}', 'สวัสดีครับ/ค่ะ คุณ{givenName}'],
      informal: ['สวัสดี {givenName}'],
    },
    closings: {
      formal: ['ขอแสดงความนับถือ', 'ขอบคุณครับ/ค่ะ'],
      informal: ['ขอบคุณนะครับ/คะ'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'buddhist',
      numberingSystem: 'latn',
      date: { pattern: 'dd/MM/yyyy', example: '04/03/2569', long: '4 มีนาคม 2569' },
      number: { example: '1,234,567.89', decimal: '.', group: ',' },
    },
    writingNotes:
      'Years are in the Buddhist Era by default (2569 = 2026 CE); say which calendar you mean when a year matters. Thai script has no spaces between words; spaces separate phrases.',
    directness:
      'Tends to avoid open confrontation (kreng jai) and to value a calm, gentle tone that lets everyone save face. A customer may not say plainly that they are unhappy, so check politely that the issue is solved.',
    sources: [CLDR, W.thaiName, W.thaiSolarCalendar, MS_STYLE, WEEKEND],
  },
  {
    locale: 'vi-VN',
    language: 'vi',
    region: 'VN',
    name: 'Vietnamese (Vietnam)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'Pronouns follow age and relationship; in service, Quý khách (valued customer) or anh/chị + given name is polite. bạn is neutral-friendly.',
    },
    tvForms: { informal: 'bạn', formal: 'Quý khách; anh / chị (by the customer’s gender and age)' },
    names: {
      order: 'family-given',
      formalAddress: 'Ông/Bà or anh/chị + given name, the last part of the name (Nguyễn Văn An → anh An)',
      informalAddress: 'Given name (last part), with a kinship pronoun',
      honorifics: [
        { term: 'Ông / Bà', meaning: 'Mr / Mrs, formal or for older customers' },
        { term: 'Anh / Chị', meaning: '"older brother / older sister", polite for adults of similar age' },
        { term: 'Quý khách', meaning: '"valued customer", without a name' },
      ],
      note: 'Family name first (Nguyễn Văn An), but people are addressed by the given name, which comes last.',
    },
    greetings: {
      formal: ['Kính gửi Quý khách,', 'Kính gửi anh/chị {givenName},', 'Xin chào anh/chị {givenName},'],
      informal: ['Chào {givenName},', 'Chào bạn,'],
    },
    closings: {
      formal: ['Trân trọng,', 'Xin cảm ơn Quý khách.'],
      informal: ['Cảm ơn bạn!'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd/MM/yyyy', example: '04/03/2026', long: '4 tháng 3, 2026' },
      number: { example: '1.234.567,89', decimal: ',', group: '.' },
    },
    directness:
      'Tends to be relationship- and harmony-oriented, with politeness shown through pronouns chosen by age. Criticism is often softened, so a polite check that the issue is solved is useful.',
    sources: [CLDR, W.vietnameseName, W.vietnamesePronouns, MS_STYLE, WEEKEND],
  },
  {
    locale: 'id-ID',
    language: 'id',
    region: 'ID',
    name: 'Indonesian (Indonesia)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'Anda or Bapak/Ibu in service; kamu is casual and used by some youth-oriented brands.',
    },
    tvForms: { informal: 'kamu', formal: 'Anda; Bapak / Ibu' },
    names: {
      order: 'given-family',
      formalAddress: 'Bapak/Ibu + given name (Bapak Budi, Ibu Sari), shortened to Pak/Bu in conversation',
      informalAddress: 'Given name; Kak (older sibling) is common and friendly in chat',
      honorifics: [
        { term: 'Bapak (Pak)', meaning: 'Mr, with the given name' },
        { term: 'Ibu (Bu)', meaning: 'Mrs, Ms, with the given name' },
        { term: 'Kak', meaning: 'friendly, gender-neutral, common in online service' },
      ],
      note: 'Many Indonesians have a single name or no family name; address by the first name the customer uses.',
    },
    greetings: {
      formal: ['Yth. Bapak/Ibu {givenName},', 'Selamat pagi, Bapak/Ibu {givenName},'],
      informal: ['Halo {givenName},', 'Hai Kak {givenName},'],
    },
    closings: {
      formal: ['Hormat kami,', 'Terima kasih atas perhatiannya.'],
      informal: ['Salam,', 'Terima kasih ya!'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd/MM/yyyy', example: '04/03/2026', long: '4 Maret 2026' },
      number: { example: '1.234.567,89', decimal: ',', group: '.' },
    },
    writingNotes: 'Selamat pagi / siang / sore / malam depend on the customer’s local time of day.',
    directness:
      'Tends to be polite and indirect; disagreement and refusals are often softened to preserve harmony. Using Bapak/Ibu or Kak shows respect even in casual chat.',
    sources: [CLDR, TV, W.indonesianNames, MS_STYLE, WEEKEND],
  },
  {
    locale: 'ms-MY',
    language: 'ms',
    region: 'MY',
    name: 'Malay (Malaysia)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'anda or Encik/Puan + name in service; awak and kamu are casual.',
    },
    tvForms: { informal: 'awak / kamu', formal: 'anda; Encik / Puan + name' },
    names: {
      order: 'given-family',
      formalAddress: 'Encik/Puan/Cik + given name (Encik Ahmad, Puan Siti); conferred titles (Datuk, Dato’ Sri, Tan Sri) come first',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'Encik', meaning: 'Mr' },
        { term: 'Puan', meaning: 'Mrs, Ms' },
        { term: 'Cik', meaning: 'Miss' },
        { term: 'Datuk / Dato’ / Tan Sri', meaning: 'conferred titles; always use them if the customer has one' },
      ],
      note: 'Malay names are usually given name + bin/binti + father’s name, with no family name; Malaysian Chinese names put the family name first.',
    },
    greetings: {
      formal: ['Tuan/Puan yang dihormati,', 'Salam sejahtera Encik/Puan {givenName},'],
      informal: ['Hai {givenName},', 'Salam {givenName},'],
    },
    closings: {
      formal: ['Sekian, terima kasih.', 'Yang benar,'],
      informal: ['Terima kasih!'],
    },
    weekend: {
      days: [6, 7],
      note: 'Most states rest on Saturday–Sunday; Kedah, Kelantan and Terengganu rest on Friday–Saturday. Johor moved back to Saturday–Sunday in January 2025.',
    },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd/MM/yyyy', example: '04/03/2026', long: '4 Mac 2026' },
      number: { example: '1,234,567.89', decimal: '.', group: ',' },
    },
    writingNotes: 'Many customers mix Malay and English in one message; answering in the language they mostly use is fine.',
    directness:
      'Tends to be courteous and indirect; saving face matters, so avoid blunt criticism. Titles and polite forms of address are noticed and appreciated.',
    sources: [CLDR, W.malayTitles, MALAYSIA_JOHOR_WEEKEND, MS_STYLE, WEEKEND],
  },
  {
    locale: 'fil-PH',
    language: 'fil',
    region: 'PH',
    name: 'Filipino (Philippines)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'Respect markers po/opo and the plural kayo in service; Sir/Ma’am are common even in Filipino. Many customers write in English or Taglish.',
    },
    tvForms: { informal: 'ikaw / ka', formal: 'kayo / ninyo, with po' },
    names: {
      order: 'given-family',
      formalAddress: 'Sir/Ma’am + given name (Ma’am Liza), or G./Gng./Bb. + family name in formal letters',
      informalAddress: 'Given name or nickname',
      honorifics: [
        { term: 'po / opo', meaning: 'respect particles ("opo" = polite yes)' },
        { term: 'Sir / Ma’am', meaning: 'very common in service, often with the given name' },
        { term: 'G. / Gng. / Bb.', meaning: 'Ginoo / Ginang / Binibini: Mr / Mrs / Miss' },
        { term: 'Kuya / Ate', meaning: '"older brother / sister", friendly and respectful' },
      ],
      note: 'The middle name is usually the mother’s maiden family name.',
    },
    greetings: {
      formal: ['Magandang araw po, {fullName}.', 'Magandang araw po, Ma’am/Sir {givenName}!'],
      informal: ['Hi {givenName}!', 'Kumusta, {givenName}?'],
    },
    closings: {
      formal: ['Maraming salamat po.', 'Lubos na gumagalang,'],
      informal: ['Salamat!', 'Ingat!'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'MM/dd/yyyy', example: '03/04/2026', long: 'Marso 4, 2026' },
      number: { example: '1,234,567.89', decimal: '.', group: ',' },
    },
    writingNotes: 'Numeric dates put the month first, as in the US; write the month name when the date matters.',
    directness:
      'Tends to be warm, polite and indirect, with respect markers expected in service. A polite "yes" or "okay" does not always mean the issue is resolved, so confirm the specifics.',
    sources: [CLDR, TV, W.filipinoHonorifics, W.filipinoName, MS_STYLE, WEEKEND],
  },
];
