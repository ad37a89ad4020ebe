import { getLIDModel } from 'fasttext.wasm.js';
import { TextDecoder } from 'node:util';

/**
 * Language identification: fastText lid.176 (shipped inside `fasttext.wasm.js`, loaded offline) as the
 * likelihood, reweighted by priors from what we already know about the customer, then mapped to BCP-47.
 * Chinese is split into zh-Hans / zh-Hant by characters that exist in only one of the two scripts.
 */

export interface DetectHints {
  /** The customer's stored locale, e.g. 'pt-BR'. */
  locale?: string;
  /** A browser's Accept-Language header or an email's Content-Language, e.g. 'de-CH, de;q=0.9, en;q=0.5'. */
  acceptLanguage?: string;
  /** Earlier messages in the conversation, oldest first. */
  previous?: string[];
}

export interface DetectOptions {
  hints?: DetectHints;
  /** BCP-47 tags the result must come from (e.g. the workspace's languages); empty or absent = any. */
  candidates?: string[];
}

export interface LanguageGuess {
  language: string;
  confidence: number;
}

export interface Detection extends LanguageGuess {
  /** The next most likely languages (up to 3), best first. */
  alternatives: LanguageGuess[];
}

const undetermined = (): Detection => ({ language: 'und', confidence: 0, alternatives: [] });

/**
 * Prior weights: every language starts at 1; these are added on top. A stored locale is right for
 * most customers (the evaluation set assumes nine in ten), and when it is wrong the language is
 * nearly always one of the two or three the text itself already favours, so Bayes puts the locale's
 * odds near 0.9 / (0.1 / 2) ≈ 18–20 against each of them. The old weight of 4 under-trusted it (93.5%
 * on short texts with the hint, against 95.9% at 20), and at 20 a wrong hint still loses to clear
 * text as often as before (502 vs 504 of 585 short samples with a wrong locale): measured with
 * `npm run bench -- langid`.
 */
const LOCALE_WEIGHT = 20;
const ACCEPT_WEIGHT = 3;
const PREVIOUS_WEIGHT = 4;
/**
 * Labels asked of fastText. lid.176 searches its label tree for the best k, so every extra label
 * costs time in the model as well as in reading it out: ask for 5 plainly, 10 when priors or
 * candidates may lift a runner-up, and the full distribution only when no candidate is among those
 * 10. The mass of the labels not read is kept as a remainder so confidences stay those of the full
 * distribution. (Not 4, although only best + 3 alternatives are shown: the tree's probabilities are
 * approximate and the top 5 can add up to more than 1, so the 5th label moves the normaliser.)
 */
const TOP_K = 5;
const TOP_K_WITH_PRIORS = 10;
const ALL_LABELS = 176;
const MAX_PREVIOUS = 5;
const MAX_ALTERNATIVES = 3;

interface Vector<T> {
  size(): number;
  get(i: number): T;
  delete(): void;
}
interface LidModel {
  predict(text: string, k?: number, threshold?: number): Vector<[number, string]>;
}

let modelPromise: Promise<LidModel> | null = null;

/** Loads lid.176 once per process (lazily) and shares it. */
export function loadModel(): Promise<LidModel> {
  modelPromise ??= (async () => {
    const lid = await getLIDModel();
    return (await lid.load()) as unknown as LidModel;
  })().catch((err: unknown) => {
    modelPromise = null; // let a later call try again
    throw err;
  });
  return modelPromise;
}

/** fastText labels that are not the right BCP-47 tag for what the model means by them. */
const LABEL_TO_BCP47: Record<string, string> = {
  als: 'gsw', // Wikipedia's code for Alemannic; ISO 'als' is Tosk Albanian
  bh: 'bho',
  eml: 'egl',
  sh: 'hbs',
};
/** Tags a caller may send that mean a fastText label. */
const ALIASES: Record<string, string> = {
  nb: 'no',
  fil: 'tl',
  iw: 'he',
  in: 'id',
  ji: 'yi',
  gsw: 'als',
  bho: 'bh',
  egl: 'eml',
  hbs: 'sh',
  cmn: 'zh',
};

const LABEL_PREFIX = '__label__';
const stripPrefix = (label: string): string => (label.startsWith(LABEL_PREFIX) ? label.slice(LABEL_PREFIX.length) : label);

/** The fastText label a BCP-47 tag belongs to ('pt-BR' → 'pt', 'zh-Hant' → 'zh', 'nb' → 'no'). */
export function baseOf(tag: string): string {
  const lang = tag.trim().split(/[-_]/)[0]!.toLowerCase();
  return ALIASES[lang] ?? lang;
}

/** Script a Chinese tag implies, if any ('zh-TW' → 'Hant', 'zh-Hans' → 'Hans', 'zh' → null). */
export function chineseScriptOf(tag: string): 'Hans' | 'Hant' | null {
  const t = tag.toLowerCase();
  if (!t.startsWith('zh')) return null;
  if (/-hant\b|-(tw|hk|mo)\b/.test(t)) return 'Hant';
  if (/-hans\b|-(cn|sg|my)\b/.test(t)) return 'Hans';
  return null;
}

// Common characters written differently in the two scripts, as simplified+traditional pairs.
const PAIRS = [
  '们們 这這 说說 来來 时時 个個 为為 国國 会會 对對 发發 过過 还還 没沒 问問 题題 关關 开開 么麼 现現 实實 经經 动動 学學 样樣 点點 种種 机機',
  '电電 话話 号號 单單 务務 网網 请請 谢謝 订訂 货貨 买買 卖賣 钱錢 账賬 户戶 码碼 邮郵 产產 应應 该該 让讓 给給 认認 识識 长長 东東 车車 间間 书書 见見',
  '乐樂 边邊 运運 选選 错錯 复復 载載 页頁 帮幫 员員 办辦 处處 气氣 无無 与與 从從 门門 儿兒 马馬 鸟鳥 鱼魚 语語 读讀 写寫 听聽 条條 红紅 绿綠 蓝藍 猫貓',
  '鸡雞 爱愛 热熱 轻輕 软軟 转轉 输輸 达達 远遠 连連 进進 钟鐘 银銀 铁鐵 钥鑰 锁鎖 饭飯 馆館 饮飲 传傳 华華 线線 级級 结結 绝絕 统統 丝絲 纸紙 细細 织織',
  '终終 验驗 证證 险險 记記 许許 设設 试試 诉訴 调調 谈談 谁誰 论論 译譯 诚誠 贵貴 费費 资資 赔賠 质質 购購 贴貼 贷貸 赠贈 财財 贡貢 负負 贝貝 顺順 须須',
  '预預 领領 头頭 颜顏 风風 飞飛 馈饋',
].join(' ');
const HANS_ONLY = new Set<string>();
const HANT_ONLY = new Set<string>();
for (const pair of PAIRS.split(' ')) {
  const [s, t] = [...pair];
  HANS_ONLY.add(s!);
  HANT_ONLY.add(t!);
}

/** 'Hans' or 'Hant' from the characters of a Chinese text, or null when it has none that tell them apart. */
export function chineseScript(text: string): 'Hans' | 'Hant' | null {
  let hans = 0;
  let hant = 0;
  for (const ch of text) {
    if (HANS_ONLY.has(ch)) hans++;
    else if (HANT_ONLY.has(ch)) hant++;
  }
  if (hans === hant) return null;
  return hans > hant ? 'Hans' : 'Hant';
}

/** Parses an Accept-Language / Content-Language value into tags with q weights (invalid parts dropped). */
export function parseAcceptLanguage(header: string): { tag: string; q: number }[] {
  const out: { tag: string; q: number }[] = [];
  for (const part of header.split(',').slice(0, 20)) {
    const [tagPart, ...params] = part.trim().split(';');
    const tag = tagPart?.trim() ?? '';
    if (!/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag)) continue;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(p);
      if (m) q = Math.min(1, Number(m[1]));
    }
    if (q > 0) out.push({ tag, q });
  }
  return out;
}

const URL_OR_EMAIL = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/giu;

/** Code points other than ASCII controls that `\s` and trim() treat as white space (U+180E too, to be safe). */
function isWideSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    c === 0x180e ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * True when the regexes of prepare() could not change the text: no '@', no ':/' (the start of
 * '://'), no '.' after a 'w' (the end of 'www.'), no white space but single spaces between words.
 * Deliberately coarse: a text it is unsure of takes the regexes, which are always right.
 */
function isAlreadyClean(text: string): boolean {
  let prev = 32; // a leading space is not clean
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prev === 32) return false;
    } else if (c < 32 || c === 64 /* @ */) {
      return false;
    } else if (c === 47 /* / */) {
      if (prev === 58 /* : */) return false;
    } else if (c === 46 /* . */) {
      if (prev === 119 || prev === 87 /* w W */) return false;
    } else if (c >= 0xa0 && isWideSpace(c)) {
      return false;
    }
    prev = c;
  }
  return prev !== 32;
}

/** True when a text has a character from U+0300 on: only such text can change under NFC. */
function mayDecompose(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x300) return true;
  return false;
}

/**
 * The text fastText sees: no URLs or addresses, one line, composed (NFC). Decomposed accents
 * (macOS file names, some keyboards, the Vietnamese UDHR) are letters plus combining marks that
 * fastText's n-grams never saw in training: Vietnamese went from 73% to 99% on short texts.
 * Null when nothing in it is a letter.
 */
export function prepare(text: string): string | null {
  const composed = mayDecompose(text) ? text.normalize('NFC') : text;
  const cleaned = isAlreadyClean(composed) ? composed : composed.replace(URL_OR_EMAIL, ' ').replace(/\s+/gu, ' ').trim();
  if (cleaned.length === 0) return null;
  const first = cleaned.charCodeAt(0) | 32;
  if (first >= 97 && first <= 122) return cleaned; // starts with an ASCII letter
  return /\p{L}/u.test(cleaned) ? cleaned : null;
}

/** fastText's best labels for one text, best first: `lang[i]` (the label without '__label__') has `prob[i]`. */
interface Labels {
  n: number;
  lang: string[];
  prob: Float64Array;
}
const newLabels = (): Labels => ({ n: 0, lang: new Array<string>(ALL_LABELS).fill(''), prob: new Float64Array(ALL_LABELS) });
/** Reads fastText's best k labels for a text into `out`. */
type Reader = (text: string, k: number, out: Labels) => void;

/** The portable reader: embind's Vector.get, which converts every label to a JS string. */
function embindReader(model: LidModel): Reader {
  return (text, k, out) => {
    const v = model.predict(text, k, 0);
    try {
      const n = Math.min(v.size(), out.prob.length);
      for (let i = 0; i < n; i++) {
        const [p, label] = v.get(i);
        out.lang[i] = stripPrefix(label);
        out.prob[i] = p;
      }
      out.n = n;
    } finally {
      v.delete();
    }
  };
}

/** What fasttext.wasm.js's FastTextModel holds besides predict(): the embind object and the Emscripten module. */
interface WasmModel {
  ft?: { predict?: (text: string, k: number, threshold: number) => Vector<[number, string]> & { $$?: { ptr?: unknown } } };
  core?: { HEAPU8?: unknown; HEAPU32?: unknown; HEAPF32?: unknown };
}

const utf8 = new TextDecoder();
const PREFIX_BYTES = [...LABEL_PREFIX].map((ch) => ch.charCodeAt(0));

/**
 * A reader that takes the labels straight out of WebAssembly memory instead of through
 * Vector.get (which builds a JS array and decodes a std::string per label: ~15% of a detection).
 * The vector is a std::vector<std::pair<float, std::string>> of this build (wasm32 libc++:
 * 16-byte elements, the float then the string as {data, size, capacity | long flag}); a label
 * maps to its language through a cache keyed by its bytes. Used only when reading a full
 * prediction this way gives exactly what Vector.get gives (checked once per model), so a
 * different build of the package falls back to the portable reader instead of misreading.
 */
function heapReader(model: LidModel): Reader | null {
  const { ft, core } = model as WasmModel;
  if (typeof ft?.predict !== 'function' || !(core?.HEAPU8 instanceof Uint8Array)) return null;
  if (!(core.HEAPU32 instanceof Uint32Array) || !(core.HEAPF32 instanceof Float32Array)) return null;
  const predict = ft.predict.bind(ft);
  const byKey = new Map<number, string>();

  // The language of the std::string at `s`, or null when it is not a long string with the label prefix.
  const langAt = (u8: Uint8Array, u32: Uint32Array, s: number): string | null => {
    if ((u8[s + 11]! & 0x80) === 0) return null; // short-string form: leave it to Vector.get
    const data = u32[s >>> 2]!;
    const size = u32[(s + 4) >>> 2]!;
    const restLength = size - PREFIX_BYTES.length;
    if (restLength < 1 || restLength > 4 || data + size > u8.length) return null;
    for (let j = 0; j < PREFIX_BYTES.length; j++) if (u8[data + j] !== PREFIX_BYTES[j]) return null;
    // Up to 4 bytes after the prefix, with their count in front: a unique integer per label.
    let key = restLength;
    for (let j = PREFIX_BYTES.length; j < size; j++) key = key * 256 + u8[data + j]!;
    let lang = byKey.get(key);
    if (lang === undefined) {
      lang = utf8.decode(u8.subarray(data + PREFIX_BYTES.length, data + size));
      byKey.set(key, lang);
    }
    return lang;
  };

  const reader: Reader = (text, k, out) => {
    const v = predict(text, k, 0);
    try {
      const ptr = v.$$?.ptr;
      if (typeof ptr !== 'number') throw new Error('fastText vector without a pointer');
      // Views are read per call: Emscripten replaces them when the WebAssembly memory grows.
      const u8 = core.HEAPU8 as Uint8Array;
      const u32 = core.HEAPU32 as Uint32Array;
      const f32 = core.HEAPF32 as Float32Array;
      const begin = u32[ptr >>> 2]!;
      const n = Math.min((u32[(ptr >>> 2) + 1]! - begin) >>> 4, out.prob.length);
      for (let i = 0; i < n; i++) {
        const e = begin + i * 16;
        out.prob[i] = f32[e >>> 2]!;
        out.lang[i] = langAt(u8, u32, e + 4) ?? stripPrefix(v.get(i)[1]);
      }
      out.n = n;
    } finally {
      v.delete();
    }
  };

  // Trust the layout only if it reproduces Vector.get exactly on full predictions.
  const portable = embindReader(model);
  const [a, b] = [newLabels(), newLabels()];
  try {
    for (const text of ['Where is my order?', 'Где мой заказ?', '我的订单在哪里？']) {
      reader(text, ALL_LABELS, a);
      portable(text, ALL_LABELS, b);
      if (a.n !== b.n || a.n === 0) return null;
      for (let i = 0; i < a.n; i++) if (a.lang[i] !== b.lang[i] || a.prob[i] !== b.prob[i]) return null;
    }
  } catch {
    return null;
  }
  return reader;
}

const readers = new WeakMap<LidModel, Reader>();
let lastModel: LidModel | null = null;
let lastReader: Reader | null = null;
function readerFor(model: LidModel): Reader {
  if (model === lastModel && lastReader) return lastReader;
  let reader = readers.get(model);
  if (!reader) {
    reader = heapReader(model) ?? embindReader(model);
    readers.set(model, reader);
  }
  lastModel = model;
  lastReader = reader;
  return reader;
}

/** Which reader a model gets ('heap' when its WebAssembly memory can be read directly); for tests. */
export function readerKind(model: LidModel): 'heap' | 'embind' {
  return heapReader(model) ? 'heap' : 'embind';
}

// Scratch space: detection is synchronous, so one set per process is enough.
const MAIN = newLabels();
const PREVIOUS = newLabels();
const SCORE = new Float64Array(ALL_LABELS);

function buildPrior(read: Reader, hints: DetectHints): Map<string, number> {
  const extra = new Map<string, number>();
  const add = (lang: string, w: number) => extra.set(lang, (extra.get(lang) ?? 0) + w);
  if (hints.locale) add(baseOf(hints.locale), LOCALE_WEIGHT);
  if (hints.acceptLanguage) {
    const list = parseAcceptLanguage(hints.acceptLanguage);
    // A language counts once, with its best q ('de-CH, de;q=0.9' is one German).
    const best = new Map<string, number>();
    for (const { tag, q } of list) best.set(baseOf(tag), Math.max(best.get(baseOf(tag)) ?? 0, q));
    for (const [lang, q] of best) add(lang, ACCEPT_WEIGHT * q);
  }
  const previous = (hints.previous ?? []).slice(-MAX_PREVIOUS);
  if (previous.length > 0) {
    let counted = 0;
    const shares = new Map<string, number>();
    for (const text of previous) {
      const p = prepare(text);
      if (!p) continue;
      read(p, 1, PREVIOUS);
      for (let i = 0; i < PREVIOUS.n; i++) shares.set(PREVIOUS.lang[i]!, (shares.get(PREVIOUS.lang[i]!) ?? 0) + PREVIOUS.prob[i]!);
      counted++;
    }
    for (const [lang, s] of shares) add(lang, (PREVIOUS_WEIGHT * s) / counted);
  }
  return extra;
}

/** Detects the language of one text. Loads the model on first use. */
export async function detectLanguage(text: string, options: DetectOptions = {}): Promise<Detection> {
  return detectWith(await loadModel(), text, options);
}

const NO_CANDIDATES: string[] = [];

/** Synchronous detection once the model is loaded (see loadModel). */
export function detectWith(model: LidModel, text: string, options: DetectOptions = {}): Detection {
  const prepared = prepare(text);
  if (prepared === null) return undetermined();
  const read = readerFor(model);

  const candidates = options.candidates?.length ? options.candidates.filter((c) => c.trim() !== '') : NO_CANDIDATES;
  const allowed = candidates.length > 0 ? new Set(candidates.map(baseOf)) : null;
  const hints = options.hints;
  const hasPriors = !!hints && (!!hints.locale || !!hints.acceptLanguage || (hints.previous?.length ?? 0) > 0);
  // Priors first: earlier messages go through fastText too, and MAIN must hold this text's labels.
  const prior = hasPriors ? buildPrior(read, hints) : null;
  const lik = MAIN;
  read(prepared, allowed || hasPriors ? TOP_K_WITH_PRIORS : TOP_K, lik);
  if (allowed && !lik.lang.slice(0, lik.n).some((l) => allowed.has(l))) read(prepared, ALL_LABELS, lik);

  // Bayes: p(lang | text, hints) ∝ p(lang | text) × prior(lang). The prior is 1 for every language plus
  // the weights of the hints; the normaliser is the sum over the languages still in play. Only the
  // best 1 + MAX_ALTERNATIVES are kept, in a stable order (the earlier label first on equal scores).
  const top: number[] = [];
  let total = 0;
  for (let i = 0; i < lik.n; i++) {
    const lang = lik.lang[i]!;
    if (allowed && !allowed.has(lang)) continue;
    const score = lik.prob[i]! * (1 + (prior?.get(lang) ?? 0));
    SCORE[i] = score;
    total += score;
    let at = top.length;
    while (at > 0 && score > SCORE[top[at - 1]!]!) at--;
    if (at <= MAX_ALTERNATIVES) {
      top.splice(at, 0, i);
      if (top.length > MAX_ALTERNATIVES + 1) top.pop();
    }
  }
  if (top.length === 0 || total <= 0) return undetermined();
  // Labels not read carry the rest of the probability (with a neutral prior); without candidates
  // they still compete, so they belong in the normaliser.
  if (!allowed) {
    let readMass = 0;
    for (let i = 0; i < lik.n; i++) readMass += lik.prob[i]!;
    total += Math.max(0, 1 - readMass);
  }

  const best = guessOf(top[0]!, total, prepared, candidates, hints);
  const alternatives: LanguageGuess[] = [];
  for (let j = 1; j < top.length; j++) alternatives.push(guessOf(top[j]!, total, prepared, candidates, hints));
  return { language: best.language, confidence: best.confidence, alternatives };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The guess for label `i` of MAIN, scored in SCORE, as a BCP-47 tag with its share of `total`. */
function guessOf(i: number, total: number, prepared: string, candidates: string[], hints: DetectHints | undefined): LanguageGuess {
  return { language: tagFor(MAIN.lang[i]!, prepared, candidates, hints), confidence: round(SCORE[i]! / total) };
}

function tagFor(lang: string, prepared: string, candidates: string[], hints: DetectHints | undefined): string {
  if (lang === 'zh') {
    const script = candidateScript(candidates) ?? chineseScript(prepared) ?? chineseHintScript(hints) ?? 'Hans';
    return `zh-${script}`;
  }
  const tag = LABEL_TO_BCP47[lang] ?? lang;
  // Answer in the caller's own spelling of a candidate ('pt-BR' rather than 'pt') when only one fits.
  if (candidates.length > 0) {
    const matching = candidates.filter((c) => baseOf(c) === lang);
    if (matching.length === 1) return matching[0]!;
  }
  return tag;
}

function chineseHintScript(hints: DetectHints | undefined): 'Hans' | 'Hant' | null {
  if (!hints) return null;
  const tags = [hints.locale ?? '', ...parseAcceptLanguage(hints.acceptLanguage ?? '').map((t) => t.tag)];
  for (const t of tags) {
    const s = chineseScriptOf(t);
    if (s) return s;
  }
  return null;
}

/** The one Chinese script a candidate list allows, if it allows only one. */
function candidateScript(candidates: string[]): 'Hans' | 'Hant' | null {
  const zh = candidates.filter((c) => baseOf(c) === 'zh');
  if (zh.length === 0 || zh.some((c) => chineseScriptOf(c) === null)) return null;
  const scripts = new Set(zh.map(chineseScriptOf));
  return scripts.size === 1 ? [...scripts][0]! : null;
}
