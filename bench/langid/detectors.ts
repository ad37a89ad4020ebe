/**
 * The detectors the `langid` bench compares, each behind one `DetectFn`: Meridian's
 * (server/src/language/detector.ts, with and without a locale hint), franc, ELD and CLD3 (cld3-asm).
 * The comparison libraries are dev dependencies, imported only when loaded.
 */
import { detectWith, loadModel } from '../../server/src/language/detector.js';
import type { DetectFn } from './score.js';

export interface Detector {
  name: string;
  /** Whether a locale hint is passed to it (only Meridian's takes one). */
  hinted: boolean;
  /** Tags of the set it can answer at all; undefined = all of them. */
  covers?: (tag: string) => boolean;
  /** Whether it tells zh-Hans from zh-Hant (if not, plain 'zh' counts as right for both). */
  splitsChinese: boolean;
  note?: string;
  load(): Promise<DetectFn>;
}

/** Meridian's detector: no hints, or the hint as the customer's stored locale. */
export function meridian(hinted: boolean): Detector {
  return {
    name: hinted ? 'meridian (locale hint, 90% right)' : 'meridian (no hints)',
    hinted,
    splitsChinese: true,
    async load() {
      const model = await loadModel();
      return (text, locale) => detectWith(model, text, locale ? { hints: { locale } } : {}).language;
    },
  };
}

/** franc answers ISO 639-3 ('iso:tag' pairs): the set's languages and their close relatives. */
const FRANC_TO_BCP47 = new Map(
  (
    'eng:en deu:de fra:fr spa:es por:pt ita:it nld:nl swe:sv dan:da nob:no nno:nn fin:fi pol:pl ces:cs slk:sk hun:hu ron:ro ' +
    'ell:el tur:tr rus:ru ukr:uk bul:bg hrv:hr srp:sr bos:bs mkd:mk bel:be arb:ar heb:he pes:fa prs:fa hin:hi ben:bn tam:ta ' +
    'tha:th vie:vi ind:id zlm:ms zsm:ms tgl:tl jpn:ja kor:ko cmn:zh swh:sw urd:ur mar:mr nep:ne cat:ca glg:gl slv:sl'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

export const franc: Detector = {
  name: 'franc',
  hinted: false,
  splitsChinese: false,
  note: 'franc’s trigrams come from the UDHR itself: optimistic on this set',
  async load() {
    const { franc: detect } = await import('franc');
    return (text) => {
      const iso = detect(text, { minLength: 1 });
      return FRANC_TO_BCP47.get(iso) ?? iso;
    };
  },
};

/** ELD's 60 languages (its README); of the set it lacks Indonesian and Swahili. */
const ELD_LANGUAGES = new Set(
  (
    'am ar az be bg bn ca cs da de el en es et eu fa fi fr gu he hi hr hu hy is it ja ka kn ko ku lo lt lv ml mr ms nl no or ' +
    'pa pl pt ro ru sk sl sq sr sv ta te th tl tr uk ur vi yo zh'
  ).split(' '),
);

export const eld: Detector = {
  name: 'eld (large)',
  hinted: false,
  splitsChinese: false,
  covers: (tag) => ELD_LANGUAGES.has(tag.split('-')[0]!),
  async load() {
    const { eld: detector } = await import('eld/large');
    return (text) => detector.detect(text).language || 'und';
  },
};

export const cld3: Detector = {
  name: 'cld3-asm',
  hinted: false,
  splitsChinese: false,
  async load() {
    const { loadModule } = await import('cld3-asm');
    // minBytes 0: CLD3's own default (140 bytes) would answer 'und' for every short text.
    const identifier = (await loadModule()).create(0, 1000);
    return (text) => identifier.findLanguage(text).language;
  },
};

export const ALL_DETECTORS: Detector[] = [meridian(false), meridian(true), franc, eld, cld3];
