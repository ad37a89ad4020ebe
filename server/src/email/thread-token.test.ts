import { describe, expect, it } from 'vitest';
import { SecretBox } from '../lib/secret-box.js';
import { base32, fromBase32, ThreadTokens } from './thread-token.js';

const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';
const CONV = '01931c2e-7d1a-7b3e-9a44-3f1b2c3d4e5f';
const MSG = '01931c2e-7d1b-7000-8000-123456789abc';

describe('thread tokens', () => {
  const tokens = new ThreadTokens(SecretBox.random());

  it('round-trips base32 for every length', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff));
      expect(fromBase32(base32(bytes))).toEqual(bytes);
    }
    expect(fromBase32('not base32!')).toBeNull();
  });

  it('a Message-ID names its conversation and message in the workspace that minted it', () => {
    const id = tokens.messageId(A, CONV, MSG, 'demo.meridian.localhost');
    expect(id).toMatch(/^<mrd\.[a-z2-7]{26}\.[a-z2-7]{26}\.[a-z2-7]{16}@demo\.meridian\.localhost>$/);
    expect(tokens.parseMessageId(A, id)).toEqual({ conversationId: CONV, messageId: MSG });
    // Without brackets, and upper-cased by some mail system on the way.
    expect(tokens.parseMessageId(A, id.slice(1, -1).toUpperCase())).toEqual({ conversationId: CONV, messageId: MSG });
  });

  it('never verifies in another workspace, nor when any character is changed', () => {
    const id = tokens.messageId(A, CONV, MSG, 'example.org');
    expect(tokens.parseMessageId(B, id)).toBeNull();
    for (let i = 5; i < id.indexOf('@'); i++) {
      if (id[i] === '.') continue;
      const changed = id.slice(0, i) + (id[i] === 'a' ? 'b' : 'a') + id.slice(i + 1);
      expect(tokens.parseMessageId(A, changed), changed).toBeNull();
    }
    // Another server key (another installation) does not verify either.
    expect(new ThreadTokens(SecretBox.random()).parseMessageId(A, id)).toBeNull();
    expect(tokens.parseMessageId(A, '<CAF=abc@mail.gmail.com>')).toBeNull();
  });

  it('a reply address carries the conversation, verifies only for its workspace, and keeps the mailbox', () => {
    const address = tokens.replyAddress(A, CONV, 'support@demo.meridian.localhost');
    expect(address.split('@')[0]!.length).toBeLessThanOrEqual(64);
    expect(tokens.parseReplyAddress(A, address)).toEqual({ conversationId: CONV, mailbox: 'support@demo.meridian.localhost' });
    expect(tokens.parseReplyAddress(A, address.toUpperCase())).toEqual({
      conversationId: CONV,
      mailbox: 'support@demo.meridian.localhost',
    });
    expect(tokens.parseReplyAddress(B, address)).toBeNull();
    expect(
      tokens.parseReplyAddress(
        A,
        address.replace(/mrd(.)/, (_, c: string) => `mrd${c === 'a' ? 'b' : 'a'}`),
      ),
    ).toBeNull();
    // A tagged mailbox keeps only its base.
    expect(tokens.replyAddress(A, CONV, 'help+sales@example.org')).toMatch(/^help\+mrd[a-z2-7]{42}@example\.org$/);
  });

  it('one conversation, one token: the same inputs sign the same way across instances of the same key', () => {
    const box = SecretBox.random();
    expect(new ThreadTokens(box).messageId(A, CONV, MSG, 'x.test')).toBe(new ThreadTokens(box).messageId(A, CONV, MSG, 'x.test'));
  });
});
