import type { TranslationProvider } from '../provider.js';
import { AmazonProvider, type AmazonOptions } from './amazon.js';
import { ApertiumProvider } from './apertium.js';
import { AzureProvider, type AzureOptions } from './azure.js';
import { DeepLProvider, type DeepLOptions } from './deepl.js';
import { GoogleProvider, type GoogleOptions } from './google.js';
import { LibreTranslateProvider, type LibreTranslateOptions } from './libretranslate.js';
import { OpenAIChatProvider, type OpenAIOptions } from './openai.js';

/** One engine's settings, as a workspace stores them (keys come from the secret store, never from code). */
export type ProviderSettings =
  | { kind: 'apertium'; baseUrl: string; timeoutMs?: number; fetch?: typeof fetch }
  | ({ kind: 'deepl' } & DeepLOptions)
  | ({ kind: 'libretranslate' } & LibreTranslateOptions)
  | ({ kind: 'google' } & GoogleOptions)
  | ({ kind: 'azure' } & AzureOptions)
  | ({ kind: 'openai' } & OpenAIOptions)
  | ({ kind: 'amazon' } & Omit<AmazonOptions, 'now'>);

export type ProviderKind = ProviderSettings['kind'];

export function createProvider(settings: ProviderSettings): TranslationProvider {
  switch (settings.kind) {
    case 'apertium':
      return new ApertiumProvider(settings.baseUrl, {
        ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
        ...(settings.fetch ? { fetch: settings.fetch } : {}),
      });
    case 'deepl':
      return new DeepLProvider(settings);
    case 'libretranslate':
      return new LibreTranslateProvider(settings);
    case 'google':
      return new GoogleProvider(settings);
    case 'azure':
      return new AzureProvider(settings);
    case 'openai':
      return new OpenAIChatProvider(settings);
    case 'amazon':
      return new AmazonProvider(settings);
  }
}

export { AmazonProvider, ApertiumProvider, AzureProvider, DeepLProvider, GoogleProvider, LibreTranslateProvider, OpenAIChatProvider };
