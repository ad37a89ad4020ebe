/** The console's UI languages. Adding one: a messages/<tag>.json with every key of en.json, and a row here. */
export const LOCALES = ['en', 'de', 'es', 'fr', 'ja', 'pt'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language's name in itself, for the switcher (a reader of that language finds it whatever the UI shows). */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  es: 'Español',
  fr: 'Français',
  ja: '日本語',
  pt: 'Português',
};

export const isLocale = (s: string | null | undefined): s is Locale => (LOCALES as readonly string[]).includes(s ?? '');

/** The first supported language among BCP 47 tags in preference order ('pt-BR' → pt), else null. */
export function negotiate(tags: readonly string[]): Locale | null {
  for (const tag of tags) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (isLocale(primary)) return primary;
  }
  return null;
}

const STORAGE_KEY = 'meridian.console.locale';

/**
 * The agent's explicit choice from the switcher (kept in this browser: the API has no UI-language
 * preference yet), else the browser's languages, else English.
 */
export function initialLocale(): Locale {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage disabled: fall back to the browser's languages.
  }
  if (isLocale(saved)) return saved;
  return negotiate(navigator.languages ?? [navigator.language]) ?? DEFAULT_LOCALE;
}

export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
}
