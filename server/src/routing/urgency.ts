import { primaryLanguage } from '../lib/language-tag.js';
import type { Priority, RoutingConversation, UrgencySettings } from './types.js';

/**
 * Urgency: a priority the lead calls urgent, or a cue in the customer's words. Cues match at the
 * start of a word, case- and accent-insensitive ("urgente" finds "URGENTES"), so inflections need
 * one entry. A cue ending in `$` must also end the word: "down$" is an outage, "download" is not.
 * Cues in scripts written without spaces (Japanese, Chinese, Thai) match anywhere in the text.
 *
 * English cues are checked for every language too: "server down" and "ASAP" turn up in German,
 * Spanish and Japanese tickets alike.
 */
// High-precision cues only: a false "urgent" pulls a conversation out of its region, so phrases
// like "not working" (said of coupons as often as of servers) are left to priority rules.
export const DEFAULT_URGENCY_CUES: Record<string, string[]> = {
  en: ['urgent', 'asap$', 'emergenc', 'outage', 'is down$', 'are down$', 'went down$', 'critical', 'immediately'],
  de: ['dringend', 'eilig', 'sofort', 'notfall', 'ausfall', 'ausgefallen', 'kritisch', 'ist down$'],
  fr: ['urgent', 'urgence', 'au plus vite', 'immédiatement', 'en panne', 'critique', 'bloquant'],
  es: ['urgente', 'urgencia', 'emergencia', 'cuanto antes', 'inmediatamente', 'está caído', 'se cayó', 'crítico'],
  pt: ['urgente', 'urgência', 'emergência', 'o quanto antes', 'imediatamente', 'fora do ar', 'crítico'],
  ja: ['至急', '緊急', '急ぎ', '急いで', '障害', 'ダウン', '停止'],
};

export const DEFAULT_URGENCY: UrgencySettings = { priorities: ['urgent'], cues: DEFAULT_URGENCY_CUES };

export type Urgency = { by: 'priority'; priority: Priority } | { by: 'cue'; cue: string; language: string };

/**
 * NFKD folds full-width Latin (ＵＲＧＥＮＴ) and ligatures; only Latin combining accents are dropped,
 * because dropping every mark, as critical.ts does, turns ダウン (down) into タウン (town).
 */
const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase();

const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const compiled = new Map<string, RegExp>();

function cueRegExp(cue: string): RegExp {
  let re = compiled.get(cue);
  if (!re) {
    const whole = cue.endsWith('$');
    const body = escape(fold(whole ? cue.slice(0, -1) : cue).trim());
    const start = UNSPACED.test(body) ? '' : '(?<![\\p{L}\\p{N}])';
    re = new RegExp(`${start}${body}${whole ? '(?![\\p{L}\\p{N}])' : ''}`, 'u');
    // Lead-defined lists are bounded by their schema; the cap only guards a long-lived process.
    if (compiled.size < 5000) compiled.set(cue, re);
  }
  return re;
}

/** The first cue of `language` (then English; every list when the language is unknown) in `text`. */
export function findUrgencyCue(
  text: string,
  language: string | null,
  cues: Record<string, string[]>,
): { cue: string; language: string } | null {
  const hay = fold(text);
  const langs = language ? [primaryLanguage(language)] : Object.keys(cues);
  if (!langs.includes('en')) langs.push('en');
  for (const lang of langs) {
    for (const cue of cues[lang] ?? []) {
      if (cue.trim() !== '' && cueRegExp(cue).test(hay)) return { cue, language: lang };
    }
  }
  return null;
}

/** Why a conversation is urgent, or null when it is not. */
export function detectUrgency(conversation: RoutingConversation, settings: UrgencySettings): Urgency | null {
  if (settings.priorities.includes(conversation.priority)) return { by: 'priority', priority: conversation.priority };
  const found = findUrgencyCue(conversation.text, conversation.language, settings.cues);
  return found && { by: 'cue', ...found };
}
