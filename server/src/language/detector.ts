import { getLIDModel } from 'fasttext.wasm.js';

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

/** Prior weights: every language starts at 1; these are added on top. */
const LOCALE_WEIGHT = 4;
const ACCEPT_WEIGHT = 3;
const PREVIOUS_WEIGHT = 4;
/**
 * Labels asked of fastText. Reading labels out of the WASM model is most of the cost (k=5 runs
 * ~2× faster than k=30), so ask for few: 5 plainly, 10 when priors or candidates may lift a
 * runner-up, and the full distribution only when no candidate is among those 10. The mass of the
 * labels not read is kept as a remainder so confidences stay those of the full distribution.
 */
const TOP_K = 5;
const TOP_K_WITH_PRIORS = 10;
const ALL_LABELS = 176;
const MAX_PREVIOUS = 5;

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

function labelToTag(label: string): string {
  const raw = label.startsWith('__label__') ? label.slice(9) : label;
  return LABEL_TO_BCP47[raw] ?? raw;
}

/** The fastText label a BCP-47 tag belongs to ('pt-BR' → 'pt', 'zh-Hant' → 'zh', 'nb' → 'no'). */
export function baseOf(tag: string): string {
  const lang = tag.trim().split(/[-_]/)[0]!.toLowerCase();
  return ALIASES[lang] ?? lang;
}

/** Script a Chinese tag implies, if any. */
function chineseScriptOf(tag: string): 'Hans' | 'Hant' | null {
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

/** The text fastText sees: no URLs or addresses, one line. Null when nothing in it is a letter. */
function prepare(text: string): string | null {
  const cleaned = text.replace(URL_OR_EMAIL, ' ').replace(/\s+/gu, ' ').trim();
  return /\p{L}/u.test(cleaned) ? cleaned : null;
}

function likelihoods(model: LidModel, text: string, k: number): Map<string, number> {
  const v = model.predict(text, k, 0);
  const out = new Map<string, number>();
  try {
    for (let i = 0; i < v.size(); i++) {
      const [p, label] = v.get(i);
      const lang = label.startsWith('__label__') ? label.slice(9) : label;
      out.set(lang, p);
    }
  } finally {
    v.delete();
  }
  return out;
}

function buildPrior(model: LidModel, hints: DetectHints | undefined): Map<string, number> {
  const extra = new Map<string, number>();
  const add = (lang: string, w: number) => extra.set(lang, (extra.get(lang) ?? 0) + w);
  if (!hints) return extra;
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
      const top = likelihoods(model, p, 1);
      for (const [lang, prob] of top) shares.set(lang, (shares.get(lang) ?? 0) + prob);
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

/** Synchronous detection once the model is loaded (see loadModel). */
export function detectWith(model: LidModel, text: string, options: DetectOptions = {}): Detection {
  const prepared = prepare(text);
  if (prepared === null) return undetermined();

  const candidates = (options.candidates ?? []).filter((c) => c.trim() !== '');
  const allowed = candidates.length > 0 ? new Set(candidates.map(baseOf)) : null;
  const hasPriors =
    !!options.hints && (!!options.hints.locale || !!options.hints.acceptLanguage || (options.hints.previous?.length ?? 0) > 0);
  let lik = likelihoods(model, prepared, allowed || hasPriors ? TOP_K_WITH_PRIORS : TOP_K);
  if (allowed && ![...lik.keys()].some((l) => allowed.has(l))) lik = likelihoods(model, prepared, ALL_LABELS);

  // Bayes: p(lang | text, hints) ∝ p(lang | text) × prior(lang). The prior is 1 for every language plus
  // the weights of the hints; the normaliser is the sum over the languages still in play.
  const prior = buildPrior(model, options.hints);
  const scored: { lang: string; score: number }[] = [];
  let total = 0;
  for (const [lang, p] of lik) {
    if (allowed && !allowed.has(lang)) continue;
    const score = p * (1 + (prior.get(lang) ?? 0));
    scored.push({ lang, score });
    total += score;
  }
  if (scored.length === 0 || total <= 0) return undetermined();
  // Labels not read carry the rest of the probability (with a neutral prior); without candidates
  // they still compete, so they belong in the normaliser.
  if (!allowed) {
    let read = 0;
    for (const p of lik.values()) read += p;
    total += Math.max(0, 1 - read);
  }
  scored.sort((a, b) => b.score - a.score);

  const hintScript = chineseHintScript(options.hints);
  const tagFor = (lang: string): string => {
    if (lang === 'zh') {
      const forced = candidateScript(candidates);
      const script = forced ?? chineseScript(prepared) ?? hintScript ?? 'Hans';
      return `zh-${script}`;
    }
    const tag = labelToTag(lang);
    // Answer in the caller's own spelling of a candidate ('pt-BR' rather than 'pt') when only one fits.
    if (candidates.length > 0) {
      const matching = candidates.filter((c) => baseOf(c) === lang);
      if (matching.length === 1) return matching[0]!;
    }
    return tag;
  };
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  const [best, ...rest] = scored;
  return {
    language: tagFor(best!.lang),
    confidence: round(best!.score / total),
    alternatives: rest.slice(0, 3).map((s) => ({ language: tagFor(s.lang), confidence: round(s.score / total) })),
  };
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
