import { describe, expect, it } from 'vitest';
import { machineTranslationNotice, NOTICE_LANGUAGES } from './disclosure.js';

describe('machineTranslationNotice', () => {
  it('speaks the customer language and names the original language in it', () => {
    expect(machineTranslationNotice('de', 'en')).toBe('Machine translation · original language: German');
    expect(machineTranslationNotice('de', 'pt-BR')).toBe('Tradução automática · idioma original: alemão');
    expect(machineTranslationNotice('en', 'es')).toBe('Traducción automática · idioma original: inglés');
    expect(machineTranslationNotice('en', 'fr')).toBe('Traduction automatique · langue d’origine\u202f: anglais');
    expect(machineTranslationNotice('de', 'ja')).toBe('機械翻訳・原文の言語：ドイツ語');
    expect(machineTranslationNotice('en', 'zh-TW')).toBe('機器翻譯・原文語言：英文');
    expect(machineTranslationNotice('en', 'ar')).toBe('ترجمة آلية · اللغة الأصلية: الإنجليزية');
  });

  it('covers at least 25 languages, each with its own wording', () => {
    expect(NOTICE_LANGUAGES.length).toBeGreaterThanOrEqual(25);
    const seen = new Set(NOTICE_LANGUAGES.map((l) => machineTranslationNotice('en', l)));
    expect(seen.size).toBe(NOTICE_LANGUAGES.length);
  });

  it('falls back to English for a language it has no wording for, and to a code for a name Intl lacks', () => {
    expect(machineTranslationNotice('de', 'xh')).toBe('Machine translation · original language: German');
    expect(machineTranslationNotice('qaa', 'en')).toBe('Machine translation · original language: qaa');
  });

  it('reads Norwegian and Filipino aliases', () => {
    expect(machineTranslationNotice('en', 'no')).toBe(machineTranslationNotice('en', 'nb'));
    expect(machineTranslationNotice('en', 'fil')).toBe(machineTranslationNotice('en', 'tl'));
  });
});
