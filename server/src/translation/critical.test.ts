import { describe, expect, it } from 'vitest';
import { findCritical } from './critical.js';

const categories = (text: string, language: string) => findCritical([{ text, language }]).map((f) => f.category);

describe('findCritical', () => {
  it('finds each category in each language, on word starts, ignoring case and accents', () => {
    expect(categories('We have REFUNDED your order.', 'en')).toEqual(['refund']);
    expect(categories('Die Rückerstattung ist veranlasst.', 'de')).toEqual(['refund']);
    expect(categories('Le remboursement sera effectué.', 'fr-CA')).toEqual(['refund']);
    expect(categories('Hemos hecho el reembolso y cambie su contrasena.', 'es')).toEqual(['refund', 'security']);
    expect(categories('Seu advogado pode entrar em contato; a cobrança duplicada foi estornada.', 'pt-BR')).toEqual([
      'refund',
      'legal',
      'billing_dispute',
    ]);
  });

  it('stays quiet on ordinary replies and on words that merely contain a keyword', () => {
    expect(categories('Your package will arrive tomorrow.', 'en')).toEqual([]);
    expect(categories('Il faut savoir que le colis arrive demain.', 'fr')).toEqual([]);
    expect(categories('Das Paket kommt morgen an.', 'de')).toEqual([]);
    expect(categories('We will refund you.', 'ja')).toEqual([]);
  });
});
