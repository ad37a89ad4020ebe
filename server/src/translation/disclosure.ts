import { primaryLanguage } from '../lib/language-tag.js';

/**
 * The line a customer sees under a machine-translated reply when the workspace discloses it, in
 * the customer's language: "Machine translation · original language: German". A label and a
 * colon instead of a sentence ("translated from German") because many languages would need the
 * language name declined or preceded by an article; the name itself comes from CLDR via Intl.
 */
const NOTICE: Record<string, [label: string, original: string]> = {
  en: ['Machine translation', 'original language'],
  de: ['Maschinelle Übersetzung', 'Originalsprache'],
  fr: ['Traduction automatique', 'langue d’origine'],
  es: ['Traducción automática', 'idioma original'],
  pt: ['Tradução automática', 'idioma original'],
  it: ['Traduzione automatica', 'lingua originale'],
  nl: ['Machinevertaling', 'oorspronkelijke taal'],
  sv: ['Maskinöversättning', 'originalspråk'],
  da: ['Maskinoversættelse', 'originalsprog'],
  nb: ['Maskinoversettelse', 'originalspråk'],
  fi: ['Konekäännös', 'alkuperäinen kieli'],
  pl: ['Tłumaczenie maszynowe', 'język oryginału'],
  cs: ['Strojový překlad', 'původní jazyk'],
  sk: ['Strojový preklad', 'pôvodný jazyk'],
  hu: ['Gépi fordítás', 'eredeti nyelv'],
  ro: ['Traducere automată', 'limba originală'],
  el: ['Αυτόματη μετάφραση', 'γλώσσα πρωτοτύπου'],
  tr: ['Makine çevirisi', 'orijinal dil'],
  ru: ['Машинный перевод', 'язык оригинала'],
  uk: ['Машинний переклад', 'мова оригіналу'],
  bg: ['Машинен превод', 'език на оригинала'],
  hr: ['Strojni prijevod', 'izvorni jezik'],
  sr: ['Машински превод', 'изворни језик'],
  sl: ['Strojni prevod', 'izvirni jezik'],
  ar: ['ترجمة آلية', 'اللغة الأصلية'],
  he: ['תרגום מכונה', 'שפת המקור'],
  fa: ['ترجمه ماشینی', 'زبان اصلی'],
  hi: ['मशीनी अनुवाद', 'मूल भाषा'],
  bn: ['যান্ত্রিক অনুবাদ', 'মূল ভাষা'],
  ta: ['இயந்திர மொழிபெயர்ப்பு', 'மூல மொழி'],
  th: ['การแปลด้วยเครื่อง', 'ภาษาต้นฉบับ'],
  vi: ['Bản dịch máy', 'ngôn ngữ gốc'],
  id: ['Terjemahan mesin', 'bahasa asli'],
  ms: ['Terjemahan mesin', 'bahasa asal'],
  tl: ['Pagsasaling makina', 'orihinal na wika'],
  sw: ['Tafsiri ya mashine', 'lugha asilia'],
  ja: ['機械翻訳', '原文の言語'],
  ko: ['기계 번역', '원문 언어'],
  'zh-Hans': ['机器翻译', '原文语言'],
  'zh-Hant': ['機器翻譯', '原文語言'],
};
const ALIASES: Record<string, string> = { no: 'nb', nn: 'nb', fil: 'tl', iw: 'he', in: 'id' };

/** Languages the notice is written in (others get English). */
export const NOTICE_LANGUAGES = Object.keys(NOTICE);

function noticeKey(tag: string): string {
  const p = primaryLanguage(tag);
  if (p === 'zh') return /-(hant|tw|hk|mo)\b/i.test(tag) ? 'zh-Hant' : 'zh-Hans';
  const key = ALIASES[p] ?? p;
  return NOTICE[key] ? key : 'en';
}

/** The notice for a reply written in `source` and delivered in `target`. */
export function machineTranslationNotice(source: string, target: string): string {
  const key = noticeKey(target);
  const [label, original] = NOTICE[key]!;
  let name = primaryLanguage(source);
  try {
    name = new Intl.DisplayNames([key], { type: 'language', fallback: 'code' }).of(source) ?? name;
  } catch {
    // A tag Intl cannot name stays a code.
  }
  const colon = key === 'fr' ? '\u202f: ' : key === 'ja' || key.startsWith('zh') ? '：' : ': ';
  const dot = key === 'ja' || key.startsWith('zh') ? '・' : ' · ';
  return `${label}${dot}${original}${colon}${name}`;
}
