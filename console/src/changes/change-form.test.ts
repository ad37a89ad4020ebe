import { describe, expect, it } from 'vitest';
import { announceOutcome, changeBody, changeToForm, emptyChange, filterBody, untold } from './change-form';
import type { AnnounceResult, Change, Note } from './changes-api';

const change: Change = {
  id: 'c1',
  title: 'Portuguese invoices',
  description: 'Invoices are now available in Portuguese.',
  sourceLanguage: 'en',
  texts: { 'pt-BR': 'As faturas já estão disponíveis em português.', fr: 'Les factures existent en portugais.' },
  status: 'draft',
  createdAt: '2026-03-01T10:00:00.000Z',
  announcedAt: null,
  counts: { links: 5, customers: 4, told: 1 },
};

describe('change form', () => {
  it('round-trips a change through its form, per-locale texts as rows', () => {
    const form = changeToForm(change);
    expect(form.texts).toEqual([
      { key: expect.any(String), language: 'pt-BR', text: change.texts['pt-BR'] },
      { key: expect.any(String), language: 'fr', text: change.texts.fr },
    ]);
    expect(changeBody(form)).toEqual({ title: change.title, description: change.description, sourceLanguage: 'en', texts: change.texts });
  });

  it('trims, and leaves blank per-locale texts out', () => {
    const body = changeBody({
      ...emptyChange('de'),
      title: '  Dark mode ',
      description: ' Es gibt jetzt einen dunklen Modus. ',
      texts: [
        { key: 'a', language: 'es', text: '   ' },
        { key: 'b', language: 'ja', text: ' ダークモードができました。 ' },
      ],
    });
    expect(body).toEqual({
      title: 'Dark mode',
      description: 'Es gibt jetzt einen dunklen Modus.',
      sourceLanguage: 'de',
      texts: { ja: 'ダークモードができました。' },
    });
  });
});

describe('link filter', () => {
  it('drops blank conditions and is null with none left', () => {
    expect(filterBody({ tag: ' feature-request ', language: '', q: '  ' })).toEqual({ tag: 'feature-request' });
    expect(filterBody({ language: 'pt', q: 'invoice' })).toEqual({ language: 'pt', q: 'invoice' });
    expect(filterBody({ tag: ' ', q: '' })).toBeNull();
  });
});

describe('announcement', () => {
  it('would tell the linked customers not told yet, never fewer than none', () => {
    expect(untold(change)).toBe(3);
    expect(untold({ counts: { links: 1, customers: 1, told: 2 } })).toBe(0);
  });

  it('counts the outcome per language and the reasons for untranslated notes', () => {
    const note = (customerId: string, language: string, textSource: Note['textSource'], flags: string[] = []) => ({
      customerId,
      messageId: `m-${customerId}`,
      conversationId: `c-${customerId}`,
      language,
      textSource,
      textLanguage: textSource === 'original' ? 'en' : language,
      flags,
      announcedAt: '2026-03-02T10:00:00.000Z',
    });
    const result: AnnounceResult = {
      change: { ...change, status: 'announced' },
      sent: 6,
      alreadyTold: 2,
      fallbacks: 2,
      notes: [
        note('a', 'es', 'machine', ['unknown_words']),
        note('b', 'pt-BR', 'lead'),
        note('c', 'ja', 'original', ['unsupported_pair']),
        note('d', 'es', 'machine'),
        note('e', 'ko', 'original', ['unsupported_pair']),
        note('f', 'en', 'original'),
      ],
    };
    expect(announceOutcome(result)).toEqual({
      sent: 6,
      alreadyTold: 2,
      fallbacks: 2,
      languages: [
        { language: 'es', count: 2 },
        { language: 'en', count: 1 },
        { language: 'ja', count: 1 },
        { language: 'ko', count: 1 },
        { language: 'pt-BR', count: 1 },
      ],
      // A machine translation's unknown words and an English note in English are no fallback.
      reasons: [{ flag: 'unsupported_pair', count: 2 }],
    });
  });
});
