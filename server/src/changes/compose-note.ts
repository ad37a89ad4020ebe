import { languageChain } from '../acks/compose.js';
import { canonicalLocale } from '../culture/culture.js';
import { primaryLanguage } from '../lib/language-tag.js';
import type { TranslationOutcome } from '../translation/translator.js';
import type { TextSource } from './changes.repo.js';
import { changeFrame } from './change-texts.js';

/**
 * A change announcement's text, pure: the frame sentence in the customer's language, then what
 * changed, from the lead's own text for that language, else a machine translation, else the source
 * text as the lead wrote it (never nothing: a missing engine or pair must not keep a customer from
 * hearing back).
 */

/** The lead's text for a locale: the closest tag of the same language (pt-BR → pt-BR, pt; pt-AO → pt-PT), else any of that language. */
export function leadText(texts: Readonly<Record<string, string>>, locale: string): { locale: string; text: string } | null {
  const lang = primaryLanguage(locale);
  const same = (k: string) => primaryLanguage(k) === lang;
  const key = languageChain(locale, texts).find(same) ?? Object.keys(texts).find(same);
  return key ? { locale: key, text: texts[key]! } : null;
}

export interface NoteBody {
  text: string;
  source: TextSource;
  /** The language of `text`. */
  language: string;
  flags: string[];
}

/** What a change says in `locale`, when no translation is needed: the lead's text, or the source in its own language. Else null. */
export function bodyWithoutEngine(
  change: { description: string; sourceLanguage: string; texts: Readonly<Record<string, string>> },
  locale: string,
): NoteBody | null {
  const lead = leadText(change.texts, locale);
  if (lead) return { text: lead.text, source: 'lead', language: lead.locale, flags: [] };
  if (primaryLanguage(locale) === primaryLanguage(change.sourceLanguage))
    return { text: change.description, source: 'original', language: change.sourceLanguage, flags: [] };
  return null;
}

/** The body from a translation outcome: the translation, or the source text with the reason it is not translated. */
export function bodyFromTranslation(change: { description: string; sourceLanguage: string }, o: TranslationOutcome): NoteBody {
  if (o.status === 'translated' && o.text !== null) return { text: o.text, source: 'machine', language: o.target, flags: o.flags };
  return { text: change.description, source: 'original', language: change.sourceLanguage, flags: o.flags };
}

/** Who the note speaks to: the tag from what we know of the customer (acks' rules), else the change's source language. */
export const noteLocale = (known: string | null, sourceLanguage: string): string => (known && canonicalLocale(known)) || sourceLanguage;

export interface Note {
  text: string;
  /** The frame's language: the language the customer is addressed in. */
  language: string;
  body: NoteBody;
}

/** `notice`: the workspace's machine-translation disclosure, under a machine-translated body. */
export function composeNote(locale: string, body: NoteBody, notice: string | null = null): Note {
  const frame = changeFrame(locale);
  return { text: `${frame.text}\n\n${body.text}${notice ? `\n\n${notice}` : ''}`, language: frame.language, body };
}
