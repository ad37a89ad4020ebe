import type { CultureProfile } from '../culture.schema.js';
import { CLDR, MS_STYLE, TV, W, WEEKEND } from './sources.js';

const arabicScript =
  'Right-to-left script. Digits may be Arabic-Indic (٠١٢) or Latin (012); customers read both, but keep one style within a message.';

export const middleEast: CultureProfile[] = [
  {
    locale: 'ar-EG',
    language: 'ar',
    region: 'EG',
    name: 'Arabic (Egypt)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'Respect is shown with حضرتك and titles (أستاذ، دكتور); written service is usually Modern Standard Arabic or a light mix with Egyptian colloquial.',
    },
    tvForms: { informal: 'إنتَ / إنتِ (enta / enti)', formal: 'حضرتك (ḥaḍretak / ḥaḍretek)' },
    names: {
      order: 'given-family',
      formalAddress: 'أستاذ/أستاذة + given name (أستاذ أحمد) in everyday service; السيد/السيدة + full name in formal writing',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'السيد / السيدة', meaning: 'Mr / Mrs, formal writing' },
        { term: 'أستاذ / أستاذة', meaning: 'polite everyday address, with the given name' },
        { term: 'دكتور / مهندس', meaning: 'Dr / Eng., commonly used in address' },
      ],
      note: 'A name is usually given name + father’s given name + grandfather’s or family name; address uses the first.',
    },
    greetings: {
      formal: ['السيد {fullName} المحترم،', 'السيدة {fullName} المحترمة،', 'تحية طيبة وبعد،'],
      informal: ['أهلاً {givenName}،', 'مرحباً {givenName}،'],
    },
    closings: {
      formal: ['مع خالص التحية،', 'وتفضلوا بقبول فائق الاحترام،'],
      informal: ['تحياتي،', 'شكراً جزيلاً!'],
    },
    weekend: {
      days: [5, 6],
      note: 'Friday is the weekly day of rest; government and many companies also close on Saturday, while some private businesses work Saturdays.',
    },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'arab',
      date: { pattern: 'dd/MM/yyyy', example: '٠٤\u200f/٠٣\u200f/٢٠٢٦', long: '٤ مارس ٢٠٢٦' },
      number: { example: '١\u066c٢٣٤\u066c٥٦٧\u066b٨٩', decimal: '\u066b', group: '\u066c' },
    },
    writingNotes: `${arabicScript} In chat many customers write Egyptian colloquial, or Arabic in Latin letters with digits for sounds (Arabizi: 7 = ح).`,
    directness:
      'Tends to favour a warm, personal opening and courtesy phrases before the business point; a reply of bare facts can feel cold. Refusals are often softened, so confirm commitments explicitly.',
    sources: [CLDR, W.arabicName, MS_STYLE, WEEKEND],
  },
  {
    locale: 'ar-SA',
    language: 'ar',
    region: 'SA',
    name: 'Arabic (Saudi Arabia)',
    formality: {
      default: 'formal',
      note: 'Arabic has no T/V pair; respect is carried by titles, courtesy phrases and Modern Standard Arabic in writing.',
    },
    tvForms: null,
    names: {
      order: 'given-family',
      formalAddress: 'الأستاذ/الأستاذة + given name, or السيد/السيدة + full name; senior officials are addressed as سعادة',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'الأستاذ / الأستاذة', meaning: 'polite address, with the given name' },
        { term: 'السيد / السيدة', meaning: 'Mr / Mrs, formal' },
        { term: 'سعادة', meaning: '"Excellency", for senior officials' },
        { term: 'الشيخ', meaning: 'for religious, tribal or other senior figures' },
      ],
      note: 'Names often include bin/ibn (son of) or bint (daughter of) + the father’s name, then a family or tribal name.',
    },
    greetings: {
      formal: ['السلام عليكم ورحمة الله وبركاته،', 'الأستاذ {fullName} المحترم،', 'تحية طيبة وبعد،'],
      informal: ['مرحباً {givenName}،', 'أهلاً {givenName}،'],
    },
    closings: {
      formal: ['وتقبلوا خالص التحية والتقدير،', 'مع أطيب التحيات،'],
      informal: ['تحياتي،', 'شكراً لك!'],
    },
    weekend: { days: [5, 6], note: 'Friday–Saturday since June 2013 (Thursday–Friday before).' },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'arab',
      date: { pattern: 'dd/MM/yyyy', example: '٠٤\u200f/٠٣\u200f/٢٠٢٦', long: '٤ مارس ٢٠٢٦' },
      number: { example: '١\u066c٢٣٤\u066c٥٦٧\u066b٨٩', decimal: '\u066b', group: '\u066c' },
    },
    writingNotes: `${arabicScript} The Hijri (Umm al-Qura) calendar appears alongside the Gregorian in official contexts; write the month name when a date matters.`,
    directness:
      'Tends to be courteous and relationship-oriented, with greetings and good wishes framing the message. Direct refusals are usually softened: explain constraints politely and offer an alternative.',
    sources: [CLDR, W.arabicName, MS_STYLE, WEEKEND],
  },
  {
    locale: 'he-IL',
    language: 'he',
    region: 'IL',
    name: 'Hebrew (Israel)',
    languageDefault: true,
    formality: {
      default: 'informal',
      note: 'Hebrew has no formal "you"; service is usually informal with first names. Formality shows in wording (שלום רב, בברכה), not in pronouns.',
    },
    tvForms: null,
    names: {
      order: 'given-family',
      formalAddress: 'מר/גברת + family name (מר כהן), mostly in formal letters',
      informalAddress: 'Given name',
      honorifics: [
        { term: 'מר', meaning: 'Mr' },
        { term: 'גברת (גב׳)', meaning: 'Mrs, Ms' },
        { term: 'ד״ר', meaning: 'Dr' },
      ],
    },
    greetings: {
      formal: ['שלום רב,', 'שלום {fullName},'],
      informal: ['היי {givenName},', 'שלום {givenName},'],
    },
    closings: {
      formal: ['בברכה,', 'בכבוד רב,'],
      informal: ['תודה!', 'יום טוב!'],
    },
    weekend: {
      days: [5, 6],
      note: 'Shabbat runs from Friday sunset to Saturday nightfall; many businesses close early on Friday, and Sunday is a normal workday.',
    },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'dd.MM.yyyy', example: '04.03.2026', long: '4 במרץ 2026' },
      number: { example: '1,234,567.89', decimal: '.', group: ',' },
    },
    writingNotes:
      'Right-to-left script. Verbs and adjectives agree with the reader’s gender; if it is unknown, use neutral phrasing or slash forms (תוכל/י).',
    directness:
      'Communication tends to be direct and informal ("dugri"); a short, frank answer usually reads as honest rather than rude. Customers may push back or negotiate, which is normal rather than hostile.',
    sources: [CLDR, TV, W.shabbat, MS_STYLE, WEEKEND],
  },
];
