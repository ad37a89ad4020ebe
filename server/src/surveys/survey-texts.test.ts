import { describe, expect, it } from 'vitest';
import { SURVEY_KINDS } from './survey-kinds.js';
import { fill, SURVEY_TEXTS, surveyTexts, type SurveyTexts } from './survey-texts.js';

const en = SURVEY_TEXTS.en!;
/** Every text of a language as [path, text], in one order for all languages. */
const flat = (t: SurveyTexts): [string, string][] =>
  Object.entries(t).flatMap(([key, v]): [string, string][] =>
    typeof v === 'string' ? [[key, v]] : Object.entries(v as Record<string, string>).map(([kind, text]) => [`${key}.${kind}`, text]),
  );

describe('survey texts', () => {
  const languages = Object.keys(SURVEY_TEXTS);

  it('ship at least 25 languages, among them the ones the issue names', () => {
    expect(languages.length).toBeGreaterThanOrEqual(25);
    for (const tag of ['en', 'es', 'pt', 'pt-BR', 'fr', 'de', 'ja', 'ar', 'he', 'fa', 'zh-Hans', 'zh-Hant', 'ko', 'hi', 'ru'])
      expect(languages, tag).toContain(tag);
  });

  it.each(languages)('%s has every text, non-empty, and keeps {workspace} where English has it', (tag) => {
    const t = SURVEY_TEXTS[tag]!;
    const paths = flat(t).map(([p]) => p);
    expect(paths).toEqual(flat(en).map(([p]) => p));
    for (const kind of SURVEY_KINDS) expect(Object.keys(t.question)).toContain(kind);
    for (const [path, text] of flat(t)) {
      expect(text.trim(), `${tag} ${path}`).not.toBe('');
      const wanted = (en as unknown as Record<string, unknown>)[path.split('.')[0]!];
      const enText = typeof wanted === 'string' ? wanted : (wanted as Record<string, string>)[path.split('.')[1]!]!;
      // The placeholder survives translation (and no other braces appear).
      expect(text.includes('{workspace}'), `${tag} ${path}`).toBe(enText.includes('{workspace}'));
      expect(text.replaceAll('{workspace}', ''), `${tag} ${path}`).not.toMatch(/[{}]/);
    }
    // A translation, not English left in place (the Latin-script languages differ from it somewhere).
    if (tag !== 'en') expect(t.thanks).not.toBe(en.thanks);
  });

  it('writes Arabic, Hebrew, Persian and Urdu right to left and the others left to right', () => {
    for (const tag of languages) expect(SURVEY_TEXTS[tag]!.dir, tag).toBe(['ar', 'he', 'fa', 'ur'].includes(tag) ? 'rtl' : 'ltr');
  });

  it('fall back from the full tag to the language to English', () => {
    expect(surveyTexts('pt-BR').key).toBe('pt-BR');
    expect(surveyTexts('pt-br').key).toBe('pt-BR');
    expect(surveyTexts('pt-PT').key).toBe('pt');
    expect(surveyTexts('pt').texts).toBe(SURVEY_TEXTS.pt);
    expect(surveyTexts('es-MX').key).toBe('es');
    expect(surveyTexts('de_AT').key).toBe('de');
    expect(surveyTexts('zh').key).toBe('zh-Hans');
    expect(surveyTexts('zh-CN').key).toBe('zh-Hans');
    expect(surveyTexts('zh-TW').key).toBe('zh-Hant');
    expect(surveyTexts('zh-Hant-HK').key).toBe('zh-Hant');
    expect(surveyTexts('no').key).toBe('nb');
    expect(surveyTexts('iw').key).toBe('he');
    expect(surveyTexts('kl').key).toBe('en');
    expect(surveyTexts('x-klingon').key).toBe('en');
    expect(surveyTexts('').key).toBe('en');
    expect(surveyTexts(null).texts).toBe(en);
    expect(surveyTexts(undefined).key).toBe('en');
  });

  it('fill puts the workspace name in every place', () => {
    expect(fill(SURVEY_TEXTS.es!.question.nps, 'Acme')).toBe('¿Qué probabilidad hay de que recomiende Acme a un amigo o colega?');
    expect(fill('{workspace} / {workspace}', 'A')).toBe('A / A');
  });
});
