import { describe, expect, it } from 'vitest';
import { deliveryAddress, outOfQuietHours, surveyDecision, surveyDueAt, throttled, type SurveyRuleInput } from './survey-rules.js';

const MADRID = 'Europe/Madrid';
const at = (iso: string) => new Date(iso);
const quiet = (iso: string, start = 20, end = 9, zone = MADRID) => outOfQuietHours(at(iso), zone, start, end).toISOString();

describe('quiet hours in the customer’s zone', () => {
  it('moves a late-evening or early-morning instant to the next local 09:00 (Madrid in winter, UTC+1)', () => {
    expect(quiet('2026-03-10T22:30:00Z')).toBe('2026-03-11T08:00:00.000Z'); // 23:30 → 09:00 next morning
    expect(quiet('2026-03-10T19:00:00Z')).toBe('2026-03-11T08:00:00.000Z'); // 20:00 is quiet
    expect(quiet('2026-03-10T23:30:00Z')).toBe('2026-03-11T08:00:00.000Z'); // 00:30 → 09:00 the same day
    expect(quiet('2026-03-10T07:59:00Z')).toBe('2026-03-10T08:00:00.000Z'); // 08:59 → 09:00
  });

  it('leaves daytime alone, up to the minute before quiet hours', () => {
    expect(quiet('2026-03-10T08:00:00Z')).toBe('2026-03-10T08:00:00.000Z'); // 09:00
    expect(quiet('2026-03-10T18:59:00Z')).toBe('2026-03-10T18:59:00.000Z'); // 19:59
  });

  it('keeps 09:00 local across the spring-forward night (29 March 2026: 02:00 CET → 03:00 CEST)', () => {
    // Saturday 23:30 CET → Sunday 09:00 CEST, which is 07:00 UTC, not 08:00.
    expect(quiet('2026-03-28T22:30:00Z')).toBe('2026-03-29T07:00:00.000Z');
    // Sunday 08:30 CEST (06:30 UTC) → 09:00 CEST.
    expect(quiet('2026-03-29T06:30:00Z')).toBe('2026-03-29T07:00:00.000Z');
  });

  it('keeps 09:00 local across the fall-back night (25 October 2026: 03:00 CEST → 02:00 CET)', () => {
    expect(quiet('2026-10-24T21:30:00Z')).toBe('2026-10-25T08:00:00.000Z');
  });

  it('a quiet end inside the spring-forward gap is the transition itself', () => {
    // Quiet 01:00–02:00; at 01:30 CET on 29 March the next 02:00 does not exist: 03:00 CEST (01:00 UTC).
    expect(quiet('2026-03-29T00:30:00Z', 1, 2)).toBe('2026-03-29T01:00:00.000Z');
  });

  it('a window within one day, and none when start equals end', () => {
    expect(quiet('2026-03-10T12:30:00Z', 13, 14)).toBe('2026-03-10T13:00:00.000Z'); // 13:30 → 14:00
    expect(quiet('2026-03-10T11:30:00Z', 13, 14)).toBe('2026-03-10T11:30:00.000Z'); // 12:30 stays
    expect(quiet('2026-03-10T22:30:00Z', 9, 9)).toBe('2026-03-10T22:30:00.000Z');
  });

  it('Tokyo (no DST): 22:00 → 09:00 JST', () => {
    expect(quiet('2026-03-10T13:00:00Z', 20, 9, 'Asia/Tokyo')).toBe('2026-03-11T00:00:00.000Z');
  });

  it('due = solved + delay, then out of quiet hours', () => {
    const s = { delayMinutes: 60, quietStart: 20, quietEnd: 9 };
    // Solved 22:00 local: 23:00 is quiet → 09:00 next day.
    expect(surveyDueAt(at('2026-03-10T21:00:00Z'), s, MADRID).toISOString()).toBe('2026-03-11T08:00:00.000Z');
    // Solved 18:30 local: 19:30, daytime.
    expect(surveyDueAt(at('2026-03-10T17:30:00Z'), s, MADRID).toISOString()).toBe('2026-03-10T18:30:00.000Z');
    // Solved 18:59 local, delay 60: 19:59 stays; 19:00 local + 60 = 20:00 moves.
    expect(surveyDueAt(at('2026-03-10T17:59:00Z'), s, MADRID).toISOString()).toBe('2026-03-10T18:59:00.000Z');
    expect(surveyDueAt(at('2026-03-10T18:00:00Z'), s, MADRID).toISOString()).toBe('2026-03-11T08:00:00.000Z');
  });
});

describe('throttle', () => {
  const last = at('2026-03-01T10:00:00Z');
  it('allows a first survey, and any survey with throttling off', () => {
    expect(throttled(null, at('2026-03-01T10:00:00Z'), 30)).toBe(false);
    expect(throttled(last, last, 0)).toBe(false);
  });
  it('refuses within the period and allows from exactly its end', () => {
    expect(throttled(last, at('2026-03-31T09:59:59.999Z'), 30)).toBe(true);
    expect(throttled(last, at('2026-03-31T10:00:00Z'), 30)).toBe(false);
    expect(throttled(last, at('2026-03-02T10:00:00Z'), 1)).toBe(false);
    expect(throttled(last, at('2026-03-02T09:00:00Z'), 1)).toBe(true);
  });
});

describe('the sending rules', () => {
  const base: SurveyRuleInput = {
    settings: { enabled: true, channels: ['email', 'chat'], throttleDays: 30 },
    channel: 'email',
    tags: [],
    inboundMeta: { from: 'Ana García <ana@example.es>' },
    customerEmail: 'ana@example.es',
    widgetVisitor: false,
    lastSentAt: null,
    at: at('2026-03-11T08:00:00Z'),
    selfIds: ['meridian-ws1'],
  };
  const reason = (patch: Partial<SurveyRuleInput>) => {
    const r = surveyDecision({ ...base, ...patch });
    return r.ok ? `ok ${r.address}` : r.reason;
  };

  it('sends to the address of the latest mail', () => {
    expect(reason({})).toBe('ok ana@example.es');
  });

  it('suppresses, first rule first: disabled, channel, spam, never wrote, automated, no address, throttled', () => {
    expect(reason({ settings: { ...base.settings, enabled: false }, tags: ['spam'] })).toBe('disabled');
    expect(reason({ channel: 'whatsapp', tags: ['spam'] })).toBe('channel_not_surveyed');
    expect(reason({ tags: ['billing', 'spam'], inboundMeta: null })).toBe('spam');
    expect(reason({ inboundMeta: null })).toBe('no_customer_message');
    expect(reason({ inboundMeta: {}, customerEmail: null })).toBe('no_address');
    expect(reason({ lastSentAt: at('2026-02-20T08:00:00Z') })).toBe('throttled');
    expect(reason({ lastSentAt: at('2026-02-09T08:00:00Z') })).toBe('ok ana@example.es'); // exactly 30 days
  });

  it('never surveys automated senders (RFC 3834 headers and addresses on the latest message)', () => {
    const cases: [Record<string, string>, string | null][] = [
      [{ 'auto-submitted': 'auto-replied', from: 'ana@example.es' }, 'auto_submitted: auto-submitted: auto-replied'],
      [{ autoSubmitted: 'auto-generated' }, 'auto_submitted: auto-submitted: auto-generated'],
      [{ 'Auto-Submitted': 'no', from: 'ana@example.es' }, null],
      [{ precedence: 'bulk' }, 'precedence: precedence: bulk'],
      [{ 'list-id': '<news.example.com>' }, 'mailing_list: list-id: <news.example.com>'],
      [{ 'x-loop': 'meridian-ws1' }, 'loop: x-loop: meridian-ws1'],
      [{ from: 'MAILER-DAEMON@mx.example.com' }, 'automated_sender: from: MAILER-DAEMON@mx.example.com'],
      [{ from: 'no-reply@shop.example' }, 'automated_sender: from: no-reply@shop.example'],
    ];
    for (const [meta, detail] of cases) {
      const r = surveyDecision({ ...base, inboundMeta: meta });
      expect(r.ok ? null : `${r.reason} ${r.detail}`, JSON.stringify(meta)).toBe(detail ? `automated_sender ${detail}` : null);
    }
    // No From on the message: the customer's own address decides.
    expect(reason({ inboundMeta: {}, customerEmail: 'noreply@example.com' })).toBe('automated_sender');
  });

  it('knows where each channel delivers', () => {
    const none = { inboundMeta: null, customerEmail: null, widgetVisitor: false };
    expect(deliveryAddress('email', { ...none, customerEmail: 'Ana@Example.es' })).toBe('ana@example.es');
    expect(deliveryAddress('sms', { ...none, inboundMeta: { from: '+34600111222' } })).toBe('+34600111222');
    expect(deliveryAddress('sms', { ...none, customerEmail: 'ana@example.es' })).toBeNull();
    expect(deliveryAddress('chat', none)).toBeNull();
    expect(deliveryAddress('chat', { ...none, widgetVisitor: true })).toBe('widget');
    expect(deliveryAddress('phone', { ...none, customerEmail: 'ana@example.es' })).toBeNull();
    expect(reason({ settings: { ...base.settings, channels: ['email', 'chat', 'phone'] }, channel: 'phone' })).toBe('no_address');
  });
});
