import { newKey } from './rows';

/**
 * The translation engine and the critical keywords (server/src/translation/settings.schema.ts) as the
 * editors hold them, and back. Secret fields are write-only: blank keeps the stored one (same engine).
 */

export const PROVIDER_KINDS = ['apertium', 'libretranslate', 'deepl', 'google', 'azure', 'amazon', 'openai'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export interface ProviderFieldSpec {
  name: string;
  required?: boolean;
  secret?: boolean;
  number?: boolean;
  /** A fixed set of values ('' = not set). */
  choices?: readonly string[];
}

const timeout: ProviderFieldSpec = { name: 'timeoutMs', number: true };
const baseUrl: ProviderFieldSpec = { name: 'baseUrl' };
const apiKey: ProviderFieldSpec = { name: 'apiKey', secret: true };

export const PROVIDER_FIELDS: Record<ProviderKind, ProviderFieldSpec[]> = {
  apertium: [{ ...baseUrl, required: true }, timeout],
  libretranslate: [{ ...baseUrl, required: true }, apiKey, timeout],
  deepl: [apiKey, baseUrl, { name: 'english', choices: ['EN-US', 'EN-GB'] }, { name: 'portuguese', choices: ['PT-BR', 'PT-PT'] }, timeout],
  google: [apiKey, baseUrl, timeout],
  azure: [apiKey, { name: 'region' }, baseUrl, timeout],
  amazon: [
    { name: 'region', required: true },
    { name: 'accessKeyId', required: true },
    { name: 'secretAccessKey', secret: true },
    { name: 'sessionToken', secret: true },
    baseUrl,
    timeout,
  ],
  openai: [{ name: 'model', required: true }, apiKey, baseUrl, { name: 'name' }, timeout],
};

export interface ProviderValue {
  /** '' : the server's default engine. */
  kind: ProviderKind | '';
  fields: Record<string, string>;
  /** The stored engine (without secrets): its kind, and keys no field edits (DeepL glossaries) kept. */
  stored: Record<string, unknown> | null;
  secretsSet: string[];
}

export const isProviderKind = (k: string): k is ProviderKind => (PROVIDER_KINDS as readonly string[]).includes(k);

export function toProviderValue(provider: Record<string, unknown> | null, secretsSet: string[]): ProviderValue {
  const kind = provider && isProviderKind(String(provider.kind)) ? (String(provider.kind) as ProviderKind) : '';
  const fields: Record<string, string> = {};
  for (const f of kind ? PROVIDER_FIELDS[kind] : []) {
    const v = provider?.[f.name];
    if (!f.secret && (typeof v === 'string' || typeof v === 'number')) fields[f.name] = String(v);
  }
  return { kind, fields, stored: provider, secretsSet };
}

/** The provider to send: null for the server default; unknown stored keys ride along for the same engine. */
export function providerBody(v: ProviderValue): Record<string, unknown> | null {
  if (!v.kind) return null;
  const sameKind = v.stored?.kind === v.kind;
  const specs = PROVIDER_FIELDS[v.kind];
  const out: Record<string, unknown> = { kind: v.kind };
  if (sameKind && v.stored) {
    for (const [k, x] of Object.entries(v.stored)) if (!specs.some((f) => f.name === k)) out[k] = x;
  }
  for (const f of specs) {
    const typed = (v.fields[f.name] ?? '').trim();
    if (!typed) continue;
    const n = Number(typed);
    out[f.name] = f.number && Number.isFinite(n) ? n : typed;
  }
  return out;
}

/** Whether the engine part changed (a secret typed counts): unchanged, it is left out and its secrets stay untouched. */
export function providerChanged(v: ProviderValue): boolean {
  const body = providerBody(v);
  if (body === null || v.stored === null) return body !== v.stored;
  const keys = new Set([...Object.keys(body), ...Object.keys(v.stored)]);
  return [...keys].some((k) => JSON.stringify(body[k]) !== JSON.stringify(v.stored?.[k]));
}

export interface KeywordLanguageRow {
  key: string;
  language: string;
  /** One keyword per line. */
  lines: string;
}

export interface KeywordCategoryRow {
  key: string;
  category: string;
  /** Added here: its name stays editable even when it is typed as a built-in one. */
  added?: boolean;
  languages: KeywordLanguageRow[];
}

export type CriticalKeywords = Record<string, Record<string, string[]>>;

export const toKeywordRows = (k: CriticalKeywords): KeywordCategoryRow[] =>
  Object.entries(k).map(([category, langs]) => ({
    key: newKey(),
    category,
    languages: Object.entries(langs).map(([language, words]) => ({ key: newKey(), language, lines: words.join('\n') })),
  }));

export function keywordsBody(rows: readonly KeywordCategoryRow[]): CriticalKeywords {
  const out: CriticalKeywords = {};
  for (const c of rows) {
    const langs: Record<string, string[]> = {};
    for (const l of c.languages) {
      langs[l.language.trim()] = l.lines
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    }
    out[c.category.trim()] = langs;
  }
  return out;
}
