import { describe, expect, it } from 'vitest';
import {
  DECAY,
  languageKey,
  letterWeight,
  localeClue,
  messageClue,
  NO_LANGUAGE,
  setByAgent,
  settle,
  STATED_WEIGHT,
  type Clue,
  type ConversationLanguage,
} from './settle.js';

const LONG = 'Bom dia, a minha encomenda ainda não chegou.'; // more than FULL_WEIGHT_LETTERS letters
/** A detected message of full length. */
const said = (language: string, confidence = 1): Clue => messageClue(LONG, null, { language, confidence })!;
/** Messages one after another, from `start`. */
const run = (clues: Clue[], start: ConversationLanguage = NO_LANGUAGE) => clues.reduce((c, clue) => settle(c, [clue]), start);

describe('settle', () => {
  it('takes the language of the first evidence', () => {
    const c = settle(NO_LANGUAGE, [said('pt', 0.9)]);
    expect(c).toEqual({
      language: 'pt',
      languageSource: 'detected',
      languageConfidence: 1,
      languageEvidence: { pt: { language: 'pt', weight: 0.9, stated: 0 } },
    });
  });

  it('fades older evidence with every message', () => {
    const c = run([said('pt'), said('pt'), said('es', 0.5)]);
    expect(c.languageEvidence).toEqual({
      pt: { language: 'pt', weight: (1 * DECAY + 1) * DECAY, stated: 0 },
      es: { language: 'es', weight: 0.5, stated: 0 },
    });
    expect(c.language).toBe('pt');
    expect(c.languageConfidence).toBe(Math.round((1.3125 / 1.8125) * 10_000) / 10_000);
  });

  it('keeps an established language through one odd short message', () => {
    const pt = run([said('pt'), said('pt'), said('pt')]);
    // 'Merci!' is confidently misdetected; its 5 letters are a quarter of a full message.
    const merci = settle(pt, [messageClue('Merci!', null, { language: 'it', confidence: 0.63 })!]);
    expect(merci.language).toBe('pt');
    // Even a long, sure message in another language is one message against several.
    expect(settle(pt, [said('fr')]).language).toBe('pt');
  });

  it('moves to a language the customer sticks to', () => {
    const history = run(Array.from({ length: 20 }, () => said('pt')));
    const two = run([said('en'), said('en')], history);
    expect(two.language).toBe('pt');
    const three = settle(two, [said('en')]);
    expect(three).toMatchObject({ language: 'en', languageSource: 'detected' });
    expect(three.languageConfidence).toBeGreaterThan(0.5);
  });

  it('needs a clear lead to switch, not a bare majority', () => {
    const c = run([said('pt', 0.5)]);
    expect(settle(c, [said('es', 0.6)]).language).toBe('es'); // es 0.6 against pt 0.5 × 0.75: a clear lead
    const close = {
      ...c,
      languageEvidence: { pt: { language: 'pt', weight: 1, stated: 0 }, es: { language: 'es', weight: 0.3, stated: 0 } },
    };
    // es 0.3 × 0.75 + 0.6 = 0.825 leads pt 0.75, but by less than SWITCH_MARGIN: pt stays.
    expect(settle(close, [said('es', 0.6)])).toMatchObject({ language: 'pt', languageConfidence: 0.4762 });
  });

  it('weighs stated languages above detections and answers in their spelling', () => {
    const c = run([said('pt'), messageClue(LONG, 'pt-BR', null)!]);
    expect(c).toMatchObject({ language: 'pt-BR', languageSource: 'stated' });
    expect(c.languageEvidence['pt']).toEqual({ language: 'pt-BR', weight: DECAY + STATED_WEIGHT, stated: STATED_WEIGHT });
    // A detection spells it 'pt'; the stated 'pt-BR' stays, now mostly detected.
    expect(settle(c, [said('pt')])).toMatchObject({ language: 'pt-BR', languageSource: 'detected' });
  });

  it("counts the customer's locale as a small stated clue that breaks near-ties", () => {
    const start = settle(NO_LANGUAGE, [localeClue('nl-BE'), said('de', 0.3)]);
    expect(start.languageEvidence).toEqual({
      nl: { language: 'nl-BE', weight: 0.375, stated: 0.375 },
      de: { language: 'de', weight: 0.3, stated: 0 },
    });
    expect(start).toMatchObject({ language: 'nl-BE', languageSource: 'stated' });
    // A customer who clearly writes another language is not held to the locale.
    expect(settle(NO_LANGUAGE, [localeClue('pt-BR'), said('en', 0.95)]).language).toBe('en');
  });

  it('never overrides an agent, but keeps the evidence for when the agent lets go', () => {
    const agent = setByAgent(run([said('pt')]), 'es');
    expect(agent).toMatchObject({ language: 'es', languageSource: 'agent', languageConfidence: 1 });
    const after = run([said('pt'), said('pt'), said('pt'), said('pt')], agent);
    expect(after).toMatchObject({ language: 'es', languageSource: 'agent', languageConfidence: 1 });
    expect(after.languageEvidence['pt']!.weight).toBeGreaterThan(2);
    expect(setByAgent(after, null)).toMatchObject({ language: 'pt', languageSource: 'detected', languageConfidence: 1 });
    expect(setByAgent(NO_LANGUAGE, null)).toEqual(NO_LANGUAGE);
  });

  it('counts a language set before evidence was kept as one message', () => {
    const legacy: ConversationLanguage = { ...NO_LANGUAGE, language: 'de' };
    expect(settle(legacy, [said('en', 0.9)]).language).toBe('de'); // 0.9 vs 0.75
    expect(run([said('en'), said('en')], legacy).language).toBe('en');
  });

  it('ignores messages without evidence and keeps the state as it was', () => {
    const c = run([said('pt')]);
    expect(messageClue('👍 123', null, null)).toBeNull();
    expect(settle(c, [])).toEqual(c);
    expect(settle(NO_LANGUAGE, [])).toEqual(NO_LANGUAGE);
  });

  it('drops evidence that has faded away', () => {
    const c = run([said('fr', 0.05), ...Array.from({ length: 12 }, () => said('pt'))]);
    expect(Object.keys(c.languageEvidence)).toEqual(['pt']);
  });

  it('decides equal weights the same way whatever the order of the JSON', () => {
    const a = { pt: { language: 'pt', weight: 1, stated: 0 }, es: { language: 'es', weight: 1, stated: 0 } };
    const b = { es: a.es, pt: a.pt };
    expect(settle({ ...NO_LANGUAGE, languageEvidence: a }, []).language).toBe(settle({ ...NO_LANGUAGE, languageEvidence: b }, []).language);
  });
});

describe('clues', () => {
  it('weighs detections by confidence and length, stated languages fully', () => {
    expect(messageClue('Merci!', null, { language: 'fr', confidence: 0.8 })).toEqual({
      language: 'fr',
      weight: 0.8 * (5 / 20),
      stated: false,
      message: true,
    });
    expect(messageClue('ok', 'pt', null)).toEqual({ language: 'pt', weight: STATED_WEIGHT, stated: true, message: true });
    expect(messageClue(LONG, null, { language: 'pt', confidence: 0.9 })!.weight).toBe(0.9);
  });

  it('counts a CJK character as three letters', () => {
    expect(letterWeight('谢谢')).toBe(6);
    expect(letterWeight('ありがとう')).toBe(15);
    expect(letterWeight('OK 👍 123')).toBe(2);
  });

  it('puts the spellings of one language in one tally, Chinese split by script', () => {
    expect(['pt', 'pt-BR', 'PT_pt'].map(languageKey)).toEqual(['pt', 'pt', 'pt']);
    expect(['nb', 'no', 'iw', 'he'].map(languageKey)).toEqual(['no', 'no', 'he', 'he']);
    expect(['zh-Hant', 'zh-TW', 'zh-Hans', 'zh-CN', 'zh'].map(languageKey)).toEqual(['zh-Hant', 'zh-Hant', 'zh-Hans', 'zh-Hans', 'zh']);
  });
});
