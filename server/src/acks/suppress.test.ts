import { describe, expect, it } from 'vitest';
import { rateLimit, senderKey } from './rate-limit.js';
import { isAutomatedAddress, suppression } from './suppress.js';

describe('suppression (RFC 3834)', () => {
  const reason = (meta: Record<string, string>, opts: Parameters<typeof suppression>[1] = {}) => suppression(meta, opts)?.reason ?? null;

  it('lets a person’s mail through', () => {
    expect(suppression({ from: 'Ana Souza <ana@example.com.br>', 'content-language': 'pt-BR' })).toBeNull();
    expect(suppression({})).toBeNull();
    expect(suppression(undefined, { sender: 'kunde@example.de' })).toBeNull();
    expect(reason({ 'auto-submitted': 'no' })).toBeNull();
    expect(reason({ 'Auto-Submitted': 'No; comment' })).toBeNull();
    expect(reason({ precedence: 'first-class' })).toBeNull();
    expect(reason({ 'x-auto-response-suppress': 'DR, RN, NRN' })).toBeNull();
  });

  it('refuses automatic mail: Auto-Submitted other than no, X-Autoreply', () => {
    expect(suppression({ 'auto-submitted': 'auto-replied' })).toEqual({ reason: 'auto_submitted', detail: 'auto-submitted: auto-replied' });
    expect(reason({ 'Auto-Submitted': 'auto-generated' })).toBe('auto_submitted');
    expect(reason({ autoSubmitted: 'auto-notified; owner-email="x@y"' })).toBe('auto_submitted');
    expect(reason({ AUTO_SUBMITTED: 'yes' })).toBe('auto_submitted');
    expect(reason({ 'x-autoreply': 'yes' })).toBe('auto_submitted');
  });

  it('refuses bulk, junk and list precedence, and Exchange’s suppression of auto replies', () => {
    for (const p of ['bulk', 'junk', 'list', 'Bulk']) expect(reason({ precedence: p })).toBe('precedence');
    for (const v of ['All', 'AutoReply', 'OOF', 'DR, OOF', 'dr,autoreply'])
      expect(reason({ 'X-Auto-Response-Suppress': v })).toBe('auto_response_suppressed');
  });

  it('refuses mailing lists, our own loops and automated senders', () => {
    expect(reason({ 'list-id': '<news.example.com>' })).toBe('mailing_list');
    expect(reason({ 'List-Unsubscribe': '<mailto:leave@example.com>' })).toBe('mailing_list');
    expect(reason({ 'x-loop': 'support@meridian.example' }, { selfIds: ['support@meridian.example'] })).toBe('loop');
    expect(reason({ 'x-loop': 'helpdesk@other.example' }, { selfIds: ['support@meridian.example'] })).toBeNull();
    expect(reason({ 'return-path': '<>' })).toBe('null_sender');
    expect(reason({ from: '<>' })).toBe('null_sender');
    expect(reason({ from: 'Mail Delivery System <MAILER-DAEMON@mx.example.com>' })).toBe('automated_sender');
    expect(reason({ from: 'no-reply@shop.example' })).toBe('automated_sender');
    expect(reason({}, { sender: 'noreply+orders@shop.example' })).toBe('automated_sender');
    expect(reason({ from: 'Ana <ana@example.com>' }, { sender: 'noreply@shop.example' })).toBeNull();
  });

  it('tells automated addresses from people’s', () => {
    for (const a of [
      'mailer-daemon@x.org',
      'postmaster@x.org',
      'noreply@x.org',
      'no_reply@x.org',
      'do-not-reply@x.org',
      'donotreply@x.org',
      'bounce@x.org',
      'owner-list@x.org',
      'list-request@x.org',
      'noreply-billing@x.org',
    ]) {
      expect(isAutomatedAddress(a), a).toBe(true);
    }
    for (const a of ['ana@x.org', 'replies@x.org', 'noreen@x.org', 'bouncer.jones@x.org', 'request@x.org'])
      expect(isAutomatedAddress(a), a).toBe(false);
  });
});

describe('rateLimit', () => {
  const now = new Date('2026-03-02T12:00:00Z');
  it('allows one acknowledgement per sender per window', () => {
    expect(rateLimit(null, now, 240)).toEqual({ allowed: true });
    expect(rateLimit(new Date('2026-03-02T08:00:00Z'), now, 240)).toEqual({ allowed: true }); // exactly 4 h ago
    expect(rateLimit(new Date('2026-03-02T08:00:01Z'), now, 240)).toEqual({
      allowed: false,
      lastSentAt: new Date('2026-03-02T08:00:01Z'),
      nextAllowedAt: new Date('2026-03-02T12:00:01Z'),
    });
    expect(rateLimit(new Date('2026-03-02T11:59:00Z'), now, 0)).toEqual({ allowed: true });
  });

  it('keys senders by address, else by the customer', () => {
    const customer = { id: 'c1', emails: ['Ana@Example.com'] };
    expect(senderKey('Ana Souza <ANA@example.com>', customer)).toBe('ana@example.com');
    expect(senderKey(undefined, customer)).toBe('ana@example.com');
    expect(senderKey(undefined, { id: 'c1', emails: [] })).toBe('customer:c1');
  });
});
