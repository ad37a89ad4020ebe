import { describe, expect, it } from 'vitest';
import { fill, isRtl, negotiate, strings } from './i18n.js';
import { S } from './strings.js';

describe('widget language', () => {
  it('takes the first shipped language of the visitor, with region and script fallbacks', () => {
    expect(negotiate(['pt-BR', 'pt', 'en'])).toBe('pt-BR');
    expect(negotiate(['pt-PT'])).toBe('pt');
    expect(negotiate(['pt-br'])).toBe('pt-BR');
    expect(negotiate(['de-AT', 'en'])).toBe('de');
    expect(negotiate(['xx', 'ja-JP'])).toBe('ja');
    expect(negotiate(['zh-TW'])).toBe('zh-Hant');
    expect(negotiate(['zh-HK'])).toBe('zh-Hant');
    expect(negotiate(['zh-Hant-HK'])).toBe('zh-Hant');
    expect(negotiate(['zh-CN'])).toBe('zh-Hans');
    expect(negotiate(['zh'])).toBe('zh-Hans');
    expect(negotiate(['no'])).toBe('nb');
    expect(negotiate(['nn-NO'])).toBe('nb');
    expect(negotiate(['iw'])).toBe('he');
    expect(negotiate(['ar-EG'])).toBe('ar');
    expect(negotiate(['kl', 'sw'])).toBe('en');
    expect(negotiate([])).toBe('en');
    expect(negotiate(['', '!!'])).toBe('en');
  });

  it('writes Arabic, Hebrew, Persian and Urdu right to left', () => {
    expect(['ar', 'he', 'fa', 'ur', 'ar-EG'].map(isRtl)).toEqual([true, true, true, true, true]);
    expect(['en', 'ja', 'pt-BR', 'tr'].map(isRtl)).toEqual([false, false, false, false]);
  });

  it('fills the time into the sentence', () => {
    expect(fill(strings('en')[S.replyBy], '14:30')).toBe('We usually reply by 14:30');
    expect(fill(strings('ja')[S.replyBy], '14:30')).toBe('通常14:30までに返信します');
    expect(strings('pt-BR')[S.title]).toBe('Fale com a gente');
    expect(strings('pt')[S.title]).toBe('Fale connosco');
  });
});
