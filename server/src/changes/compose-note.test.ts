import { describe, expect, it } from 'vitest';
import type { TranslationOutcome } from '../translation/translator.js';
import { CHANGE_FRAMES, changeFrame } from './change-texts.js';
import { bodyFromTranslation, bodyWithoutEngine, composeNote, leadText, noteLocale } from './compose-note.js';

const change = { description: 'Las facturas ya están en portugués.', sourceLanguage: 'es', texts: { 'pt-PT': 'PT', pt: 'BR', fr: 'FR' } };
const outcome = (o: Partial<TranslationOutcome>): TranslationOutcome => ({
  status: 'translated',
  text: 'Invoices are in Portuguese now.',
  source: 'es',
  target: 'en',
  provider: 'apertium',
  flags: ['machine_translated'],
  unknownWordRatio: 0,
  protected: {},
  ...o,
});

describe('change announcement texts', () => {
  it('ships the frame in at least 25 languages, each a single non-empty line', () => {
    expect(Object.keys(CHANGE_FRAMES).length).toBeGreaterThanOrEqual(25);
    for (const [k, v] of Object.entries(CHANGE_FRAMES)) expect(v, k).toMatch(/^[^\n]+$/);
  });

  it('resolves a frame through the fallback chain', () => {
    expect(changeFrame('pt-AO').language).toBe('pt-PT');
    expect(changeFrame('pt-BR').language).toBe('pt');
    expect(changeFrame('zh-TW').language).toBe('zh-Hant');
    expect(changeFrame('nb-NO').language).toBe('nb');
    expect(changeFrame('sw').language).toBe('en');
    expect(changeFrame(null).language).toBe('en');
  });

  it("prefers the lead's text of the customer's variety, then any of the language, never another language", () => {
    expect(leadText(change.texts, 'pt-PT')).toEqual({ locale: 'pt-PT', text: 'PT' });
    expect(leadText(change.texts, 'pt-BR')).toEqual({ locale: 'pt', text: 'BR' });
    expect(leadText({ 'pt-PT': 'PT' }, 'pt-BR')).toEqual({ locale: 'pt-PT', text: 'PT' });
    expect(leadText(change.texts, 'fr-CA')).toEqual({ locale: 'fr', text: 'FR' });
    expect(leadText({ en: 'EN' }, 'ja')).toBeNull();
  });

  it('needs no engine for the lead’s languages and the source language', () => {
    expect(bodyWithoutEngine(change, 'fr-FR')).toMatchObject({ source: 'lead', text: 'FR' });
    expect(bodyWithoutEngine(change, 'es-MX')).toMatchObject({ source: 'original', text: change.description, flags: [] });
    expect(bodyWithoutEngine(change, 'en')).toBeNull();
  });

  it('falls back to the source text, with the reason, when the engine cannot translate', () => {
    expect(bodyFromTranslation(change, outcome({}))).toMatchObject({
      source: 'machine',
      language: 'en',
      text: 'Invoices are in Portuguese now.',
    });
    expect(bodyFromTranslation(change, outcome({ status: 'untranslated', text: null, flags: ['unsupported_pair'] }))).toEqual({
      source: 'original',
      language: 'es',
      text: change.description,
      flags: ['unsupported_pair'],
    });
  });

  it('addresses the customer in the frame’s language, else the change’s source language', () => {
    const note = composeNote('ja-JP', { text: 'X', source: 'original', language: 'es', flags: [] });
    expect(note).toMatchObject({ language: 'ja', text: `${CHANGE_FRAMES.ja}\n\nX` });
    expect(noteLocale(null, 'es')).toBe('es');
    expect(noteLocale('de-AT', 'es')).toBe('de-AT');
  });
});
