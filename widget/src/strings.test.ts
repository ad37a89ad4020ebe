import { describe, expect, it } from 'vitest';
import { RTL, S, TABLE } from './strings.js';

const KEYS = Object.keys(S).filter((k) => isNaN(Number(k)));

describe('widget strings', () => {
  const languages = Object.keys(TABLE);

  it('ship at least 25 languages, including the right-to-left ones and both Portuguese and Chinese variants', () => {
    expect(languages.length).toBeGreaterThanOrEqual(25);
    for (const l of ['en', 'de', 'fr', 'es', 'pt', 'pt-BR', 'it', 'nl', 'pl', 'ru', 'uk', 'tr', 'ar', 'he', 'fa', 'hi', 'ja', 'ko'])
      expect(languages).toContain(l);
    for (const l of ['zh-Hans', 'zh-Hant', 'th', 'vi', 'id', 'sv', 'da', 'fi', 'nb', 'cs', 'el', 'ro', 'hu', 'ur'])
      expect(languages).toContain(l);
    for (const l of RTL) expect(languages).toContain(l);
    // Every tag is one Intl understands, so dates are formatted in the same language as the strings.
    for (const l of languages) expect(Intl.DateTimeFormat.supportedLocalesOf([l]), l).toEqual([l]);
  });

  it.each(languages)('%s has every key, none empty, none with a stray separator', (lang) => {
    const row = TABLE[lang]!.split('|');
    expect(row.length, `${lang}: ${row.length} strings for ${KEYS.length} keys`).toBe(KEYS.length);
    row.forEach((s, i) => expect(s.trim(), `${lang}.${KEYS[i]}`).not.toBe(''));
  });

  it.each(languages)('%s keeps the {t} placeholder exactly where English has one', (lang) => {
    const en = TABLE.en!.split('|');
    TABLE[lang]!.split('|').forEach((s, i) => {
      const want = en[i]!.includes('{t}') ? 1 : 0;
      expect(s.split('{t}').length - 1, `${lang}.${KEYS[i]}: ${s}`).toBe(want);
    });
  });

  it('translates: apart from names and loanwords, no language copies the English row', () => {
    const en = TABLE.en!.split('|');
    for (const lang of languages.filter((l) => l !== 'en')) {
      const same = TABLE[lang]!.split('|').filter((s, i) => s === en[i]);
      expect(same.length, `${lang}: ${same.join(', ')}`).toBeLessThanOrEqual(3);
    }
  });
});
