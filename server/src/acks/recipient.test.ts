import { describe, expect, it } from 'vitest';
import { ackFormality, ackLocale, customerZone } from './recipient.js';

describe('who the acknowledgement speaks to', () => {
  it('writes in the conversation’s language, refined by the customer’s locale or country', () => {
    expect(ackLocale('pt', { locale: 'pt-BR', country: 'BR' })).toBe('pt-BR');
    expect(ackLocale('de', { locale: null, country: 'AT' })).toBe('de-AT');
    expect(ackLocale('ja', { locale: 'ja-JP', country: 'JP' })).toBe('ja-JP');
    // A German customer writing in English gets English, with German date conventions.
    expect(ackLocale('en', { locale: 'de-DE', country: 'DE' })).toBe('en-DE');
    // No language known: their locale, else their country's.
    expect(ackLocale(null, { locale: 'fr-CA', country: 'CA' })).toBe('fr-CA');
    expect(ackLocale(null, { locale: null, country: 'JP' })).toBe('ja-JP');
    expect(ackLocale(null, { locale: null, country: null })).toBeNull();
    // A region that would change the script is not added (Simplified stays Simplified).
    expect(ackLocale('zh', { locale: null, country: 'TW' })).toBe('zh');
  });

  it('uses the customer’s zone, else their country’s when it has one clock', () => {
    const at = new Date('2026-03-02T09:00:00Z');
    expect(customerZone({ timeZone: 'America/Sao_Paulo', country: 'BR' }, at)).toBe('America/Sao_Paulo');
    expect(customerZone({ timeZone: null, country: 'JP' }, at)).toBe('Asia/Tokyo');
    expect(customerZone({ timeZone: null, country: 'DE' }, at)).toBe('Europe/Berlin');
    expect(customerZone({ timeZone: null, country: 'BR' }, at)).toBeNull();
    expect(customerZone({ timeZone: null, country: 'US' }, at)).toBeNull();
    expect(customerZone({ timeZone: 'Mars/Olympus', country: null }, at)).toBeNull();
  });

  it('takes the stated formality, else the culture’s default', () => {
    expect(ackFormality('de-DE', { formality: null, country: 'DE' })).toBe('formal');
    expect(ackFormality('de-DE', { formality: 'informal', country: 'DE' })).toBe('informal');
    expect(ackFormality('sv', { formality: null, country: 'SE' })).toBe('informal');
    expect(ackFormality(null, { formality: null, country: null })).toBe('formal');
  });
});
