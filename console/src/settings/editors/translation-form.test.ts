import { describe, expect, it } from 'vitest';
import { keywordsBody, providerBody, providerChanged, toKeywordRows, toProviderValue } from './translation-form';

describe('translation engine fields ↔ body', () => {
  it('sends an unchanged engine as unchanged, so its stored secrets stay', () => {
    const v = toProviderValue({ kind: 'deepl', english: 'EN-GB', glossaries: { 'en>de': 'g1' } }, ['apiKey']);
    expect(v.fields).toEqual({ english: 'EN-GB' });
    expect(providerChanged(v)).toBe(false);
    // A typed key is a change; unknown stored keys (glossaries) ride along.
    const keyed = { ...v, fields: { ...v.fields, apiKey: ' k-123 ', timeoutMs: '5000' } };
    expect(providerChanged(keyed)).toBe(true);
    expect(providerBody(keyed)).toEqual({
      kind: 'deepl',
      english: 'EN-GB',
      glossaries: { 'en>de': 'g1' },
      apiKey: 'k-123',
      timeoutMs: 5000,
    });
  });

  it('another engine starts clean, and none is the server default', () => {
    const v = toProviderValue({ kind: 'deepl', glossaries: { 'en>de': 'g1' } }, ['apiKey']);
    expect(providerBody({ ...v, kind: 'apertium', fields: { baseUrl: 'http://127.0.0.1:2737' } })).toEqual({
      kind: 'apertium',
      baseUrl: 'http://127.0.0.1:2737',
    });
    expect(providerBody({ ...v, kind: '' })).toBeNull();
    expect(providerChanged(toProviderValue(null, []))).toBe(false);
  });
});

describe('critical keywords ↔ body', () => {
  it('one keyword per line, blank lines dropped', () => {
    const rows = toKeywordRows({ refund: { en: ['refund', 'money back'], de: ['erstattung'] } });
    expect(rows[0]!.languages.map((l) => [l.language, l.lines])).toEqual([
      ['en', 'refund\nmoney back'],
      ['de', 'erstattung'],
    ]);
    rows[0]!.languages[1]!.lines = ' erstattung \n\n gutschrift';
    expect(keywordsBody(rows)).toEqual({ refund: { en: ['refund', 'money back'], de: ['erstattung', 'gutschrift'] } });
  });
});
