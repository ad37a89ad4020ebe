import type { CultureProfile } from '../culture.schema.js';
import { CLDR, MS_STYLE, TV, W, WEEKEND } from './sources.js';

export const eastAsia: CultureProfile[] = [
  {
    locale: 'ja-JP',
    language: 'ja',
    region: 'JP',
    name: 'Japanese (Japan)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'Customer service uses keigo: polite です/ます forms plus respectful (sonkeigo) and humble (kenjōgo) verbs. Plain forms are for friends, never for customers.',
    },
    tvForms: {
      informal: 'plain form (だ/する); pronoun usually omitted',
      formal: 'keigo (です/ます, sonkeigo, kenjōgo); pronoun omitted, name + 様',
    },
    names: {
      order: 'family-given',
      formalAddress: 'Family name + 様 (山田様) for customers; family name + さん in general',
      informalAddress: 'Family name + さん; given name only among friends',
      honorifics: [
        { term: '様 (sama)', meaning: 'respectful, standard for customers' },
        { term: 'さん (san)', meaning: 'polite, general' },
        { term: '先生 (sensei)', meaning: 'teachers, doctors, lawyers' },
      ],
      note: 'Japanese order is family name first (山田 太郎); in romaji both orders occur, so check which part is the family name.',
    },
    greetings: {
      formal: ['{familyName}様', 'いつもお世話になっております。', 'お問い合わせいただき、誠にありがとうございます。'],
      informal: ['{familyName}さん、こんにちは。'],
    },
    closings: {
      formal: ['今後ともよろしくお願いいたします。', '何卒よろしくお願い申し上げます。'],
      informal: ['よろしくお願いします。'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'yyyy/MM/dd', example: '2026/03/04', long: '2026年3月4日' },
      number: { example: '1,234,567.89', decimal: '.', group: ',' },
    },
    writingNotes: 'Some official documents use the Japanese era (令和8年 = 2026). Large numbers are often read in units of 万 (10,000).',
    directness:
      'Communication tends to be high-context and indirect: problems and refusals are often signalled with softened phrases, and an apology for the inconvenience is expected even when the company is not at fault. Complete, precise and polite answers are valued over casual speed.',
    sources: [CLDR, W.japaneseHonorifics, W.japaneseKeigo, W.japaneseName, MS_STYLE, WEEKEND],
  },
  {
    locale: 'ko-KR',
    language: 'ko',
    region: 'KR',
    name: 'Korean (South Korea)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: 'Service uses the formal polite style (합니다체, -습니다) or the polite style (해요체, -요); banmal (plain speech) is never used with customers.',
    },
    tvForms: { informal: '해요체 (polite -요 endings)', formal: '합니다체 (formal -습니다 endings)' },
    names: {
      order: 'family-given',
      formalAddress: 'Full name + 님 (김민수 님) or 고객님 (customer-nim)',
      informalAddress: 'Given name + 님; name + 씨 among equals',
      honorifics: [
        { term: '님 (nim)', meaning: 'respectful suffix, standard for customers' },
        { term: '고객님', meaning: '"esteemed customer", used without a name' },
        { term: '씨 (ssi)', meaning: 'polite among equals; can sound low for customers' },
      ],
      note: 'Family name first (김 민수); many people share a handful of family names, so never address someone by the family name alone.',
    },
    greetings: {
      formal: ['안녕하십니까, {fullName} 고객님.', '안녕하세요, {fullName} 님.'],
      informal: ['안녕하세요, {givenName} 님!'],
    },
    closings: {
      formal: ['감사합니다.', '더 궁금하신 점이 있으시면 언제든지 문의해 주십시오.'],
      informal: ['좋은 하루 보내세요!'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'yyyy. MM. dd.', example: '2026. 03. 04.', long: '2026년 3월 4일' },
      number: { example: '1,234,567.89', decimal: '.', group: ',' },
    },
    directness:
      'Tends to be hierarchical and polite in form; the right speech level and the honorific 님 signal respect. Fast responses are expected, and a clear apology for the inconvenience helps.',
    sources: [CLDR, W.koreanSpeechLevels, W.koreanHonorifics, W.koreanName, MS_STYLE, WEEKEND],
  },
  {
    locale: 'zh-CN',
    language: 'zh',
    region: 'CN',
    name: 'Chinese (China, Simplified)',
    languageDefault: true,
    formality: {
      default: 'formal',
      note: '您 with customers; 你 is fine with younger customers in casual chat once they use it.',
    },
    tvForms: { informal: '你', formal: '您' },
    names: {
      order: 'family-given',
      formalAddress: 'Family name + 先生/女士 (王先生, 李女士), or family name + job title (王经理)',
      informalAddress: 'Full name or given name; 小 + family name among colleagues',
      honorifics: [
        { term: '先生', meaning: 'Mr, after the family name' },
        { term: '女士', meaning: 'Ms, after the family name' },
        { term: '尊敬的', meaning: '"Respected", opens formal letters' },
      ],
      note: 'Family name first (王 伟), usually one syllable.',
    },
    greetings: {
      formal: ['尊敬的{familyName}先生/女士：', '{familyName}先生/女士，您好！'],
      informal: ['{givenName}，你好！', '你好！'],
    },
    closings: {
      formal: ['此致敬礼', '祝您生活愉快！'],
      informal: ['祝好！', '谢谢！'],
    },
    weekend: {
      days: [6, 7],
      note: 'Around public holidays some Saturdays or Sundays become official working days (调休) to make longer breaks.',
    },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'yyyy/MM/dd', example: '2026/03/04', long: '2026年3月4日' },
      number: { example: '1,234,567.89', decimal: '.', group: ',' },
    },
    writingNotes: 'Simplified characters; full-width punctuation (，。：！). Large numbers are often read in units of 万 (10,000).',
    directness:
      'Tends to value politeness markers (您, 请) and a cooperative tone; disagreement is often expressed indirectly to preserve face. Quick replies on familiar channels such as WeChat are often expected.',
    sources: [CLDR, TV, W.chineseHonorifics, W.chineseName, W.chinaHolidays, MS_STYLE],
  },
  {
    locale: 'zh-TW',
    language: 'zh',
    region: 'TW',
    name: 'Chinese (Taiwan, Traditional)',
    formality: {
      default: 'formal',
      note: '您 with customers; 你 in casual chat once the customer uses it.',
    },
    tvForms: { informal: '你', formal: '您' },
    names: {
      order: 'family-given',
      formalAddress: 'Family name + 先生/小姐 (陳先生, 林小姐), or family name + job title',
      informalAddress: 'Full name or given name',
      honorifics: [
        { term: '先生', meaning: 'Mr, after the family name' },
        { term: '小姐', meaning: 'Ms, after the family name; normal and polite in Taiwan' },
        { term: '女士', meaning: 'Ms/Mrs, more formal' },
      ],
      note: 'Family name first (陳 怡君).',
    },
    greetings: {
      formal: ['{familyName}先生/小姐您好：', '親愛的{fullName}您好：'],
      informal: ['{givenName}，你好！', '嗨，{givenName}！'],
    },
    closings: {
      formal: ['敬祝 順心', '謝謝您！'],
      informal: ['祝好！', '謝謝！'],
    },
    weekend: { days: [6, 7] },
    formats: {
      calendar: 'gregory',
      numberingSystem: 'latn',
      date: { pattern: 'yyyy/MM/dd', example: '2026/03/04', long: '2026年3月4日' },
      number: { example: '1,234,567.89', decimal: '.', group: ',' },
    },
    writingNotes:
      'Traditional characters and Taiwanese vocabulary (軟體 rather than the mainland 软件). Official documents may use the Minguo year (民國115年 = 2026).',
    directness:
      'Tends to be polite and service-minded, with disagreement often expressed gently; friendly, patient replies work well. Clear, step-by-step instructions are appreciated.',
    sources: [CLDR, TV, W.chineseHonorifics, W.chineseName, W.minguoCalendar, MS_STYLE],
  },
];
