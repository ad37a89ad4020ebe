import { RTL, TABLE, type S } from './strings.js';

/** One language's strings, indexed by the S enum. */
export type Strings = Record<S, string>;

const SHIPPED = Object.keys(TABLE);
const ALIASES: Record<string, string> = { no: 'nb', nn: 'nb', iw: 'he', in: 'id' };

function match(tag: string): string | undefined {
  const lower = tag.toLowerCase();
  const exact = SHIPPED.find((s) => s.toLowerCase() === lower);
  if (exact) return exact;
  const base = lower.split('-')[0]!;
  if (base === 'zh') {
    // zh-TW, zh-HK and zh-MO are written in traditional characters; everything else in simplified.
    let script = 'Hans';
    try {
      script = new Intl.Locale(tag).maximize().script ?? script;
    } catch {
      // a malformed tag: keep simplified
    }
    return script === 'Hant' ? 'zh-Hant' : 'zh-Hans';
  }
  const alias = ALIASES[base] ?? base;
  return SHIPPED.find((s) => s === alias);
}

/** The first of the visitor's languages we ship, with region fallback (pt-PT → pt, de-AT → de); else English. */
export function negotiate(wanted: readonly string[]): string {
  for (const tag of wanted) {
    const hit = tag && match(tag);
    if (hit) return hit;
  }
  return 'en';
}

export const strings = (locale: string): Strings => (TABLE[locale] ?? TABLE.en!).split('|') as unknown as Strings;

export const isRtl = (locale: string): boolean => RTL.includes(locale.split('-')[0]!);

export const fill = (s: string, t: string): string => s.replace('{t}', t);
