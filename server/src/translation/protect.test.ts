import { describe, expect, it } from 'vitest';
import { protect, restore } from './protect.js';

const kinds = (text: string, opts = {}) => protect(text, opts).spans.map((s) => `${s.kind}:${s.original}`);

describe('protect', () => {
  it('finds personal data by kind and checks cards and IBANs by their checksums', () => {
    expect(kinds('Write to ana.souza@example.com.br or call +55 11 91234-5678.')).toEqual([
      'email:ana.souza@example.com.br',
      'phone:+55 11 91234-5678',
    ]);
    expect(kinds('Card 4111-1111-1111-1111 and IBAN GB82 WEST 1234 5698 7654 32')).toEqual([
      'iban:GB82 WEST 1234 5698 7654 32',
      'card:4111-1111-1111-1111',
    ]);
    // Fails Luhn / mod-97: not a card, not an IBAN.
    expect(kinds('Ticket 4111 1111 1111 1112, ref GB00 WEST 1234 5698 7654 32')).toEqual([]);
  });

  it('leaves prices, years, dates and short numbers as text', () => {
    expect(kinds('Order 48213 from 2024-03-04 cost 1.299,00 € (3 items), see page 12.')).toEqual([]);
  });

  it('protects URLs, code, template placeholders and glossary terms, longest term first', () => {
    expect(kinds('Open https://help.example.com/a?b=1, run `meridian demo`, hi {firstName} {{ticket.id}}.')).toEqual([
      'code:`meridian demo`',
      'placeholder:{firstName}',
      'placeholder:{{ticket.id}}',
      'url:https://help.example.com/a?b=1',
    ]);
    expect(
      kinds('Meridian Cloud Pro beats Meridian Cloud', { glossary: [{ term: 'Meridian Cloud' }, { term: 'Meridian Cloud Pro' }] }),
    ).toEqual(['term:Meridian Cloud Pro', 'term:Meridian Cloud']);
  });

  it('scans only text in HTML, never inside tags', () => {
    const p = protect('<a href="mailto:x@example.com">x@example.com</a>', { format: 'html' });
    expect(p.text).toBe('<a href="mailto:x@example.com">XMRD1X</a>');
  });

  it('restores tokens even when the engine marks them unknown or changes their case, and reports lost ones', () => {
    const p = protect('Mail a@example.com, call +49 30 1234567', { glossary: [{ term: 'call', translation: 'ruf an' }] });
    const { text, lost } = restore('Schreib *XMRD2X, xmrd1x', p.spans);
    expect(text).toBe('Schreib a@example.com, ruf an');
    expect(lost.map((s) => s.kind)).toEqual(['phone']);
  });
});
