import { baseOf, chineseScriptOf, type LanguageGuess } from './detector.js';

/**
 * A conversation's language settles as evidence grows. Every inbound message is a clue: its stated
 * language (the channel or caller gave it) or its detected one, weighted by the detector's
 * confidence and by how much text there was; the customer's stated locale is a small clue at the
 * start. Clues add up per language, older ones fading by DECAY with every message, and the
 * conversation takes the language with the most weight, but leaves the one it has only when
 * another clearly leads (SWITCH_MARGIN). So "OK" or "Merci!" in an established Portuguese
 * conversation changes nothing, while three clear messages in another language outweigh any
 * history of detected ones. A language an agent sets is authoritative: evidence keeps accruing but
 * decides nothing until the agent clears it again. Pure: the commands load and store the state.
 */

export type LanguageSource = 'agent' | 'detected' | 'stated';

/** The evidence for one language, as stored on the conversation. */
export interface LanguageTally {
  /** The tag the conversation takes when this language wins: the first one seen, or the latest stated one ('pt-BR'). */
  language: string;
  /** Accumulated weight, faded by DECAY per message since each clue. */
  weight: number;
  /** The part of `weight` that was stated rather than detected. */
  stated: number;
}

/** Tallies by language ('pt', 'no', 'zh-Hant'), all spellings of one language in one tally. */
export type LanguageEvidence = Record<string, LanguageTally>;

/** A conversation's language and why (the names of its columns, so a conversation row is one). */
export interface ConversationLanguage {
  language: string | null;
  /** 'agent' (set on the conversation, never overridden), else 'stated' or 'detected' (mostly, for the winning language). */
  languageSource: LanguageSource | null;
  /** The winning language's share of all evidence (1 when an agent set it); null without evidence. */
  languageConfidence: number | null;
  languageEvidence: LanguageEvidence;
}

/** One piece of evidence: a language and how much it weighs. */
export interface Clue {
  language: string;
  weight: number;
  stated: boolean;
  /** A message (fades what came before) rather than the customer's locale. */
  message: boolean;
}

/** What came before a message weighs this much after it: three clear messages outweigh any detected history. */
export const DECAY = 0.75;
/** A language takes over only with this many times the weight of the current one. */
export const SWITCH_MARGIN = 1.25;
/** A message whose language was stated (by the channel or the API caller) outweighs any detection. */
export const STATED_WEIGHT = 1.5;
/** The customer's stated locale: it already steers every detection as a prior, so here it only breaks near-ties. */
export const LOCALE_WEIGHT = 0.5;
/** Letters a detected message needs to count fully; shorter texts count in proportion (CJK characters ×3). */
export const FULL_WEIGHT_LETTERS = 20;
/** What a language set before evidence was kept counts as: one clear message. */
const LEGACY_WEIGHT = 1;
/** Tallies that have faded below this are dropped, so the evidence stays small. */
const NEGLIGIBLE = 0.01;

export const NO_LANGUAGE: ConversationLanguage = { language: null, languageSource: null, languageConfidence: null, languageEvidence: {} };

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The tally a tag counts towards: its fastText language, with Chinese split by script ('zh-TW' → 'zh-Hant'). */
export function languageKey(tag: string): string {
  const base = baseOf(tag);
  if (base !== 'zh') return base;
  const script = chineseScriptOf(tag);
  return script ? `zh-${script}` : 'zh';
}

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Letters in a text, a CJK character counting as 3 (it carries about a word). */
export function letterWeight(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (WIDE.test(ch)) n += 3;
    else if (/\p{L}/u.test(ch)) n += 1;
    if (n >= FULL_WEIGHT_LETTERS) break;
  }
  return n;
}

/** The clue of a message: its stated language, else its detection (null when there is neither). */
export function messageClue(text: string, stated: string | null | undefined, detected: LanguageGuess | null): Clue | null {
  if (stated) return { language: stated, weight: STATED_WEIGHT, stated: true, message: true };
  if (!detected || detected.confidence <= 0) return null;
  const length = Math.min(1, letterWeight(text) / FULL_WEIGHT_LETTERS);
  return { language: detected.language, weight: detected.confidence * length, stated: false, message: true };
}

/** The clue of the customer's stated locale. */
export function localeClue(locale: string): Clue {
  return { language: locale, weight: LOCALE_WEIGHT, stated: true, message: false };
}

/** Adds clues (in order) to the conversation's evidence and decides its language. */
export function settle(current: ConversationLanguage, clues: readonly Clue[]): ConversationLanguage {
  const evidence: LanguageEvidence = {};
  for (const [k, t] of Object.entries(current.languageEvidence)) evidence[k] = { ...t };
  // A language set before evidence was kept (no source) counts as one clear message for it.
  if (current.language && current.languageSource === null && Object.keys(evidence).length === 0) {
    evidence[languageKey(current.language)] = { language: current.language, weight: LEGACY_WEIGHT, stated: 0 };
  }
  for (const clue of clues) {
    if (!(clue.weight > 0)) continue;
    if (clue.message) {
      for (const t of Object.values(evidence)) {
        t.weight *= DECAY;
        t.stated *= DECAY;
      }
    }
    const key = languageKey(clue.language);
    const t = (evidence[key] ??= { language: clue.language, weight: 0, stated: 0 });
    if (clue.stated && clue.message) t.language = clue.language;
    t.weight += clue.weight;
    if (clue.stated) t.stated += clue.weight;
  }
  for (const [k, t] of Object.entries(evidence)) {
    if (t.weight < NEGLIGIBLE) delete evidence[k];
    else evidence[k] = { language: t.language, weight: round(t.weight), stated: round(t.stated) };
  }
  return decide(current, evidence);
}

function decide(current: ConversationLanguage, evidence: LanguageEvidence): ConversationLanguage {
  if (current.languageSource === 'agent') return { ...byAgent(current.language), languageEvidence: evidence };
  let total = 0;
  let leader: string | null = null;
  // Sorted keys: equal weights go to the same language whatever order the JSON came back in.
  for (const k of Object.keys(evidence).sort()) {
    const w = evidence[k]!.weight;
    total += w;
    if (leader === null || w > evidence[leader]!.weight) leader = k;
  }
  if (leader === null) {
    const languageSource = current.language ? current.languageSource : null;
    return { language: current.language, languageSource, languageConfidence: null, languageEvidence: evidence };
  }
  let winner = leader;
  const held = current.language ? languageKey(current.language) : null;
  const heldWeight = held ? (evidence[held]?.weight ?? 0) : 0;
  if (held && heldWeight > 0 && evidence[leader]!.weight <= heldWeight * SWITCH_MARGIN) winner = held;
  const t = evidence[winner]!;
  return {
    language: t.language,
    languageSource: t.stated * 2 >= t.weight ? 'stated' : 'detected',
    languageConfidence: round(t.weight / total),
    languageEvidence: evidence,
  };
}

const byAgent = (language: string | null) => ({ language, languageSource: 'agent' as const, languageConfidence: 1 });

/**
 * An agent sets the conversation's language: authoritative until cleared. Clearing it (null)
 * hands the language back to the evidence gathered meanwhile.
 */
export function setByAgent(current: ConversationLanguage, language: string | null): ConversationLanguage {
  if (language !== null) return { ...byAgent(language), languageEvidence: current.languageEvidence };
  return settle({ ...NO_LANGUAGE, languageEvidence: current.languageEvidence }, []);
}
