import { newKey } from './rows';

/**
 * Texts per language (the widget's greeting, a pre-chat field's label) as rows of language + text,
 * and the widget's pre-chat fields as rows. Blank texts are left out: no text for that language.
 */

export interface LocalizedRow {
  key: string;
  language: string;
  text: string;
}

export interface PreChatRow {
  key: string;
  name: string;
  required: boolean;
  label: LocalizedRow[];
}

export interface PreChatField {
  name: string;
  required: boolean;
  label?: Record<string, string>;
}

/** Languages offered first in the pickers; a tag already stored is offered too. */
export const COMMON_LANGUAGES = ['en', 'de', 'es', 'fr', 'it', 'pt', 'pt-BR', 'nl', 'pl', 'sv', 'tr', 'ru', 'ar', 'hi', 'ja', 'ko', 'zh'];

export const toLocalizedRows = (texts: Record<string, string> | undefined): LocalizedRow[] =>
  Object.entries(texts ?? {}).map(([language, text]) => ({ key: newKey(), language, text }));

export function localizedBody(rows: readonly LocalizedRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) if (r.language && r.text.trim()) out[r.language] = r.text.trim();
  return out;
}

export const toPreChatRows = (fields: readonly PreChatField[]): PreChatRow[] =>
  fields.map((f) => ({ key: newKey(), name: f.name, required: f.required, label: toLocalizedRows(f.label) }));

export const preChatBody = (rows: readonly PreChatRow[]): PreChatField[] =>
  rows.map((r) => {
    const label = localizedBody(r.label);
    return { name: r.name.trim(), required: r.required, ...(Object.keys(label).length ? { label } : {}) };
  });
