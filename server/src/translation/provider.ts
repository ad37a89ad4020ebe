/** What every machine-translation engine is asked to do, whatever its API looks like. */
export interface ProviderRequest {
  /** Text with protected spans already replaced by placeholders (see protect.ts). */
  text: string;
  /** BCP-47 primary language, or 'auto' when the engine should detect it. */
  source: string | 'auto';
  target: string;
  format: 'text' | 'html';
  formality?: 'formal' | 'informal';
}

export interface ProviderResult {
  text: string;
  /** The source language the engine used (its detection when source was 'auto'). */
  detectedSource: string | null;
  /** Share of words the engine did not know (0–1), when it tells. */
  unknownWordRatio?: number;
}

export interface TranslationProvider {
  readonly name: string;
  /** Language pairs this engine can translate now; null when it can do any pair. */
  pairs(): Promise<Set<string> | null>;
  translate(req: ProviderRequest, signal?: AbortSignal): Promise<ProviderResult>;
}

export const pairKey = (source: string, target: string): string => `${source}>${target}`;

export type ProviderErrorKind = 'unavailable' | 'timeout' | 'unsupported_pair' | 'bad_response';

/** A provider failure; the caller keeps the message untranslated and flags it. */
export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}
