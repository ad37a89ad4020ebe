import type { Db, Queryable } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import { lookupMemory, segmentHash, storeMemory, touchMemory, type MemoryKey } from './memory.repo.js';
import { pairKey, ProviderError, type TranslationProvider } from './provider.js';
import { PII_KINDS, protect, restore, type GlossaryEntry, type SpanKind } from './protect.js';
import { primaryLanguage as primary } from '../lib/language-tag.js';
import { glossaryFor, mergeGlossaries } from './glossary.js';
import { fixedSource, type ResolvedTranslation, type TranslationSource } from './workspace-translation.js';

export interface TranslateInput {
  text: string;
  source: string;
  target: string;
  format?: 'text' | 'html';
  formality?: 'formal' | 'informal';
  glossary?: GlossaryEntry[];
}

export type TranslationFlag =
  | 'machine_translated'
  | 'from_memory'
  | 'unknown_words'
  | 'protected_term_lost'
  | 'same_language'
  | 'no_provider'
  | 'unsupported_pair'
  | 'provider_unavailable'
  | 'provider_timeout'
  | 'provider_bad_response';

export interface TranslationOutcome {
  status: 'translated' | 'untranslated';
  /** null when untranslated: the original stays the text of record. */
  text: string | null;
  source: string;
  target: string;
  provider: string | null;
  flags: TranslationFlag[];
  /** Share of words the engine did not know (0–1), when it tells. */
  unknownWordRatio: number | null;
  /** How many spans of each kind were kept away from the engine. */
  protected: Partial<Record<SpanKind, number>>;
}

/** Over this share of unknown words a draft is flagged for a human look. */
const UNKNOWN_WORDS_FLAG = 0.05;

/**
 * Translates through the workspace's engine with protection, its glossary and memory. Never throws
 * for engine trouble: a failure comes back as `untranslated` with a flag, so no message is ever lost
 * to it. Plain text is translated line by line so the memory works per segment.
 */
export class Translator {
  private readonly source: TranslationSource;

  /** `engine`: one provider for every workspace (or none), or per-workspace settings. */
  constructor(
    private readonly db: Db,
    engine: TranslationProvider | TranslationSource | null,
    private readonly clock: Clock,
  ) {
    this.source = engine && 'resolve' in engine ? engine : fixedSource(engine);
  }

  /** False when no workspace can have an engine: nothing to queue. */
  get mayTranslate(): boolean {
    return this.source.mayTranslate;
  }

  /** @deprecated use mayTranslate / defaultProviderName (kept while callers move over). */
  get providerName(): string | null {
    return this.source.mayTranslate ? (this.source.defaultName ?? 'per-workspace') : null;
  }

  /** The engine of workspaces that configure none. */
  get defaultProviderName(): string | null {
    return this.source.defaultName;
  }

  /** The workspace's engine and translation settings (through `q` inside a transaction). */
  settings(workspaceId: string, q?: Queryable): Promise<ResolvedTranslation> {
    return this.source.resolve(workspaceId, q);
  }

  /** Drops cached settings after this process changed them. */
  invalidate(workspaceId: string): void {
    this.source.invalidate(workspaceId);
  }

  /**
   * Which targets the workspace's engine lists from `source`: a predicate over languages. Everything
   * when the engine does not say which pairs it has, or cannot be asked right now: translate() then
   * finds out and records the outcome.
   */
  async reachableFrom(workspaceId: string, source: string): Promise<(target: string) => boolean> {
    const { provider } = await this.source.resolve(workspaceId);
    if (!provider) return () => true;
    try {
      const pairs = await provider.pairs();
      return (target) => !pairs || pairs.has(pairKey(primary(source), primary(target)));
    } catch (err) {
      if (err instanceof ProviderError) return () => true;
      throw err;
    }
  }

  async translate(workspaceId: string, input: TranslateInput): Promise<TranslationOutcome> {
    const format = input.format ?? 'text';
    const source = primary(input.source);
    const target = primary(input.target);
    const ws = await this.source.resolve(workspaceId);
    const provider = ws.provider;
    const base = { source, target, provider: provider?.name ?? null, unknownWordRatio: null };
    const glossary = mergeGlossaries(glossaryFor(ws.glossary, source, target), input.glossary);
    const { text: masked, spans } = protect(input.text, { format, ...(glossary.length ? { glossary } : {}) });
    const counts: Partial<Record<SpanKind, number>> = {};
    for (const s of spans) counts[s.kind] = (counts[s.kind] ?? 0) + 1;

    if (source === target) {
      const { text } = restore(masked, spans);
      return { ...base, status: 'translated', text, flags: ['same_language'], protected: counts };
    }
    const untranslated = (flag: TranslationFlag): TranslationOutcome => ({
      ...base,
      status: 'untranslated',
      text: null,
      flags: [flag],
      protected: counts,
    });
    if (!provider) return untranslated('no_provider');

    const key: MemoryKey = { provider: provider.name, source, target, format };
    // Lines are the memory's segments; blank lines and separators pass through untouched.
    const parts = format === 'html' ? [masked] : masked.split(/(\n+)/);
    const segments = parts.filter((p) => p.trim() !== '' && !/^\n+$/.test(p));
    const hashes = segments.map(segmentHash);
    const cached = await lookupMemory(this.db, workspaceId, key, hashes);
    const translated = new Map<string, { text: string; unknownRatio: number | null }>(cached);

    const fresh: { source: string; translated: string; unknownRatio: number | null }[] = [];
    try {
      const pairs = await provider.pairs();
      if (pairs && !pairs.has(pairKey(source, target))) return untranslated('unsupported_pair');
      for (const seg of new Set(segments)) {
        const h = segmentHash(seg);
        if (translated.has(h)) continue;
        const r = await provider.translate({
          text: seg,
          source,
          target,
          format,
          ...(input.formality ? { formality: input.formality } : {}),
        });
        if (typeof r.text !== 'string' || (r.text.trim() === '' && seg.trim() !== '')) {
          throw new ProviderError('bad_response', 'empty translation');
        }
        const entry = { text: r.text, unknownRatio: r.unknownWordRatio ?? null };
        translated.set(h, entry);
        fresh.push({ source: seg, translated: r.text, unknownRatio: entry.unknownRatio });
      }
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      return untranslated(
        err.kind === 'timeout'
          ? 'provider_timeout'
          : err.kind === 'unsupported_pair'
            ? 'unsupported_pair'
            : err.kind === 'bad_response'
              ? 'provider_bad_response'
              : 'provider_unavailable',
      );
    }

    const at = this.clock();
    await this.db.transaction(async (tx) => {
      await storeMemory(tx, workspaceId, key, fresh, at);
      await touchMemory(tx, workspaceId, key, [...cached.keys()], at);
    });

    const joined = parts.map((p) => (p.trim() === '' || /^\n+$/.test(p) ? p : translated.get(segmentHash(p))!.text)).join('');
    const { text, lost } = restore(joined, spans);
    const ratios = segments.map((s) => translated.get(segmentHash(s))!.unknownRatio).filter((r): r is number => r !== null);
    const unknownWordRatio = ratios.length ? ratios.reduce((a, b) => a + b, 0) / ratios.length : null;
    const flags: TranslationFlag[] = ['machine_translated'];
    if (cached.size > 0 && fresh.length === 0) flags.push('from_memory');
    if (unknownWordRatio !== null && unknownWordRatio > UNKNOWN_WORDS_FLAG) flags.push('unknown_words');
    if (lost.length > 0) flags.push('protected_term_lost');
    return { ...base, status: 'translated', text, flags, unknownWordRatio, protected: counts };
  }
}

/** True when any span of personal data was found (and so kept from the engine). */
export const maskedPii = (o: TranslationOutcome): boolean => Object.keys(o.protected).some((k) => PII_KINDS.has(k as SpanKind));
