import type { Db, Queryable } from '../db/types.js';
import { publicFetch } from '../lib/safe-fetch.js';
import type { SecretBox } from '../lib/secret-box.js';
import { DEFAULT_CRITICAL_KEYWORDS, type CriticalKeywordLists } from './critical.js';
import { listGlossary, type GlossaryTermRow } from './glossary.repo.js';
import { ProviderError, type TranslationProvider } from './provider.js';
import { createProvider, type ProviderSettings } from './providers/index.js';
import { findTranslationSettings, type TranslationSettingsRow } from './settings.repo.js';

/** Everything translation needs to know about one workspace. */
export interface ResolvedTranslation {
  provider: TranslationProvider | null;
  glossary: GlossaryTermRow[];
  discloseMachineTranslation: boolean;
  criticalKeywords: CriticalKeywordLists;
}

/** Where a Translator gets its engine and workspace settings from. */
export interface TranslationSource {
  resolve(workspaceId: string, q?: Queryable): Promise<ResolvedTranslation>;
  /** False only when no workspace can have an engine (then no translation jobs are queued). */
  readonly mayTranslate: boolean;
  /** The engine used when a workspace configures none. */
  readonly defaultName: string | null;
  invalidate(workspaceId: string): void;
}

/** One engine for every workspace, no stored settings (tests of the translation core). */
export function fixedSource(provider: TranslationProvider | null): TranslationSource {
  const resolved: ResolvedTranslation = {
    provider,
    glossary: [],
    discloseMachineTranslation: false,
    criticalKeywords: DEFAULT_CRITICAL_KEYWORDS,
  };
  return {
    resolve: () => Promise.resolve(resolved),
    mayTranslate: provider !== null,
    defaultName: provider?.name ?? null,
    invalidate: () => undefined,
  };
}

/** A stored engine whose secret cannot be opened: every call fails as "unavailable", visibly. */
class UnreadableSecretProvider implements TranslationProvider {
  constructor(readonly name: string) {}
  pairs(): Promise<null> {
    return Promise.resolve(null);
  }
  translate(): never {
    throw new ProviderError('unavailable', `${this.name}: the stored key cannot be opened with this server's secret key; save it again`);
  }
}

/**
 * Per-workspace engines and settings, read from the database and cached briefly. A workspace with
 * no engine of its own uses the server's default (MERIDIAN_APERTIUM_URL). Engines a workspace
 * configures reach only public addresses (see safe-fetch.ts) unless the operator allowed the host.
 */
export class WorkspaceTranslation implements TranslationSource {
  private readonly cache = new Map<string, { until: number; value: ResolvedTranslation }>();
  readonly mayTranslate = true;

  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly fallback: TranslationProvider | null,
    private readonly opts: { allowedHosts?: readonly string[]; ttlMs?: number } = {},
  ) {}

  get defaultName(): string | null {
    return this.fallback?.name ?? null;
  }

  invalidate(workspaceId: string): void {
    this.cache.delete(workspaceId);
  }

  /** Reads through `q` when given (inside a transaction on PGlite, the only safe way). */
  async resolve(workspaceId: string, q: Queryable = this.db): Promise<ResolvedTranslation> {
    // Settings changed by another process show up within the TTL; this process invalidates at once.
    const now = performance.now();
    const hit = this.cache.get(workspaceId);
    if (hit && hit.until > now) return hit.value;
    const row = await findTranslationSettings(q, workspaceId);
    const glossary = await listGlossary(q, workspaceId);
    const value: ResolvedTranslation = {
      provider: this.providerFor(workspaceId, row),
      glossary,
      discloseMachineTranslation: row?.discloseMachineTranslation ?? false,
      criticalKeywords: row?.criticalKeywords ?? DEFAULT_CRITICAL_KEYWORDS,
    };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(workspaceId, { until: now + (this.opts.ttlMs ?? 5000), value });
    return value;
  }

  /** The stored secrets of a workspace's engine, or null when they cannot be opened. */
  openSecrets(workspaceId: string, row: Pick<TranslationSettingsRow, 'providerSecret'>): Record<string, string> | null {
    if (!row.providerSecret) return {};
    const opened = this.box.open(row.providerSecret, workspaceId);
    return opened && typeof opened === 'object' ? (opened as Record<string, string>) : null;
  }

  private providerFor(workspaceId: string, row: TranslationSettingsRow | undefined): TranslationProvider | null {
    if (!row?.provider) return this.fallback;
    const settings = row.provider as unknown as ProviderSettings;
    const secrets = this.openSecrets(workspaceId, row);
    if (secrets === null) return new UnreadableSecretProvider(settings.kind);
    return createProvider({ ...settings, ...secrets, fetch: publicFetch(this.opts.allowedHosts ?? []) } as ProviderSettings);
  }
}
