import { describe, expect, it } from 'vitest';
import { classifyFailure, FIRST_RETRY_MS, GIVE_UP_MS, MAX_RETRY_MS, nextAttemptAt } from './backoff.js';
import { cleanAddress, messageIds, oneLine, replyReferences, replySubject, REFERENCES_LIMIT, textToHtml } from './headers.js';
import { parseRelayUrl } from './relay.js';

describe('outbound header helpers', () => {
  it('oneLine folds every line break and control character into one space', () => {
    expect(oneLine('a\r\nBcc: x\u2028y\u0000z\u0085w\tq')).toBe('a Bcc: x y z w q');
    expect(oneLine('x'.repeat(2000))).toHaveLength(998);
  });

  it('replySubject adds one "Re:" unless a reply prefix of any common client is there', () => {
    expect(replySubject('Order 1', true)).toBe('Re: Order 1');
    for (const s of ['Re: Order 1', 'RE:Order 1', 'AW: Bestellung', 'Sv: Ordre', 'Re[2]: x', '回复：订单', 'Réf : commande']) {
      expect(replySubject(s, true)).toBe(oneLine(s));
    }
    expect(replySubject('Order 1', false)).toBe('Order 1');
    expect(replySubject(null, true)).toBe('Re:');
    expect(replySubject('Re\r\nBcc: x', true)).toBe('Re: Re Bcc: x');
  });

  it('cleanAddress accepts a bare mailbox only', () => {
    expect(cleanAddress(' Ana@Example.ORG ')).toBe('ana@example.org');
    for (const bad of ['Ana <ana@example.org>', 'a@b@c.org', 'a,b@example.org', 'a@example.org\r\nBcc: x@y.org', 'a@-x.org', '', null]) {
      expect(cleanAddress(bad)).toBeNull();
    }
  });

  it('messageIds keeps well-formed ids in order; References keeps the root and the newest', () => {
    expect(messageIds('<a@x> junk <b@y>,<a@x> c@z <bad id@x>')).toEqual(['<a@x>', '<b@y>', '<c@z>']);
    const many = Array.from({ length: 30 }, (_, i) => `<m${i}@x>`).join(' ');
    const refs = replyReferences(many, '<parent@x>');
    expect(refs).toHaveLength(REFERENCES_LIMIT);
    expect(refs[0]).toBe('<m0@x>');
    expect(refs.at(-1)).toBe('<parent@x>');
    expect(replyReferences(null, null)).toEqual([]);
  });

  it('textToHtml escapes and keeps paragraphs and line breaks', () => {
    expect(textToHtml('a <b> & "c"\nnext\n\n\npara')).toBe('<p>a &lt;b&gt; &amp; &quot;c&quot;<br>\nnext</p>\n<p>para</p>');
  });

  it('relay URLs: smtp and smtps with default ports, credentials decoded, nothing else', () => {
    expect(parseRelayUrl('smtp://relay.example.com')).toEqual({ secure: false, host: 'relay.example.com', port: 587 });
    expect(parseRelayUrl('smtps://u%40x:p%3Aw@[::1]:2465')).toEqual({ secure: true, host: '::1', port: 2465, user: 'u@x', pass: 'p:w' });
    for (const bad of ['http://x', 'smtp://', 'smtp://a b', 'smtp://x:99999', 'smtp://x/path']) expect(parseRelayUrl(bad)).toBeNull();
  });
});

describe('outbound backoff', () => {
  const t0 = new Date('2026-03-02T09:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it('doubles from 30 s to a 30-minute ceiling and gives up two days after queuing', () => {
    expect(nextAttemptAt(1, t0, t0)).toEqual(at(FIRST_RETRY_MS));
    expect(nextAttemptAt(2, t0, t0)).toEqual(at(2 * FIRST_RETRY_MS));
    expect(nextAttemptAt(3, t0, t0)).toEqual(at(4 * FIRST_RETRY_MS));
    expect(nextAttemptAt(50, t0, t0)).toEqual(at(MAX_RETRY_MS));
    expect(nextAttemptAt(5, t0, at(GIVE_UP_MS - MAX_RETRY_MS))).not.toBeNull();
    expect(nextAttemptAt(5, t0, at(GIVE_UP_MS))).toBeNull();
  });

  it('only a 5xx about the message is permanent; auth and connection trouble are temporary', () => {
    expect(classifyFailure({ responseCode: 550 })).toBe('permanent');
    expect(classifyFailure({ responseCode: 552 })).toBe('permanent');
    expect(classifyFailure({ responseCode: 451 })).toBe('temporary');
    expect(classifyFailure({ responseCode: 535, code: 'EAUTH' })).toBe('temporary');
    expect(classifyFailure({ code: 'ECONNECTION' })).toBe('temporary');
  });
});
