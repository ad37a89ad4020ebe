import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SecretBox } from '../lib/secret-box.js';

/**
 * Signed threading tokens for mail. Outbound Message-IDs and reply-to addresses carry the
 * conversation id and an HMAC made with a key derived for the sending workspace, so:
 * - a reply (In-Reply-To / References, or mail to the reply address) is matched to its conversation
 *   only when the signature checks out with the receiving workspace's key: a token of workspace A
 *   quoted in mail to workspace B never verifies there, and a guessed or altered token never verifies;
 * - nothing needs to be looked up to reject a forgery.
 * Tokens are lowercase base32 (RFC 4648 alphabet, no padding): mail systems may change the case of
 * local parts, and Message-ID comparisons in the wild are not always case-sensitive.
 */

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const SIG_BYTES = 10; // 80 bits: forging one takes 2^80 tries, each a delivered mail.
const UUID_B32 = 26; // 16 bytes
const SIG_B32 = 16; // 10 bytes

export function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function fromBase32(s: string): Buffer | null {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of s) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidOf = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

export interface ThreadRef {
  conversationId: string;
  /** The message the Message-ID was minted for; absent for reply addresses. */
  messageId?: string;
}

export class ThreadTokens {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly box: SecretBox) {}

  private key(workspaceId: string): Buffer {
    let k = this.keys.get(workspaceId);
    if (!k) {
      k = this.box.deriveKey(`meridian-mail-thread:${workspaceId}`);
      if (this.keys.size > 10_000) this.keys.clear();
      this.keys.set(workspaceId, k);
    }
    return k;
  }

  private sign(workspaceId: string, kind: 'mid' | 'rcpt', ids: string[]): string {
    const mac = createHmac('sha256', this.key(workspaceId))
      .update(`${kind}:${ids.join(':')}`, 'utf8')
      .digest();
    return base32(mac.subarray(0, SIG_BYTES));
  }

  private verify(workspaceId: string, kind: 'mid' | 'rcpt', ids: string[], sig: string): boolean {
    const want = Buffer.from(this.sign(workspaceId, kind, ids));
    const got = Buffer.from(sig);
    return want.length === got.length && timingSafeEqual(want, got);
  }

  /** `<mrd.{conversation}.{message}.{sig}@{domain}>` for an outbound message of the conversation. */
  messageId(workspaceId: string, conversationId: string, messageId: string, domain: string): string {
    const c = base32(uuidBytes(conversationId));
    const m = base32(uuidBytes(messageId));
    return `<mrd.${c}.${m}.${this.sign(workspaceId, 'mid', [conversationId, messageId])}@${domain}>`;
  }

  /** The conversation a Message-ID of ours (with or without angle brackets) names, when its signature verifies for this workspace. */
  parseMessageId(workspaceId: string, header: string): ThreadRef | null {
    const m = /^<?mrd\.([a-z2-7]{26})\.([a-z2-7]{26})\.([a-z2-7]{16})@[^<>\s@]+>?$/.exec(header.trim().toLowerCase());
    if (!m) return null;
    const c = fromBase32(m[1]!);
    const msg = fromBase32(m[2]!);
    if (c?.length !== 16 || msg?.length !== 16) return null;
    const ref = { conversationId: uuidOf(c), messageId: uuidOf(msg) };
    return this.verify(workspaceId, 'mid', [ref.conversationId, ref.messageId], m[3]!) ? ref : null;
  }

  /** `local+mrd{conversation}{sig}@domain`: the Reply-To of outbound mail, so replies thread even without headers. */
  replyAddress(workspaceId: string, conversationId: string, mailbox: string): string {
    const at = mailbox.lastIndexOf('@');
    const local = mailbox.slice(0, at).split('+')[0];
    const token = `mrd${base32(uuidBytes(conversationId))}${this.sign(workspaceId, 'rcpt', [conversationId])}`;
    return `${local}+${token}@${mailbox.slice(at + 1)}`;
  }

  /** The conversation a reply address names, when its token verifies for this workspace; and the plain mailbox it belongs to. */
  parseReplyAddress(workspaceId: string, address: string): (ThreadRef & { mailbox: string }) | null {
    const m = /^([^+@\s]+)\+mrd([a-z2-7]{26})([a-z2-7]{16})@([^@\s]+)$/.exec(address.trim().toLowerCase());
    if (!m) return null;
    const c = fromBase32(m[2]!);
    if (c?.length !== 16) return null;
    const conversationId = uuidOf(c);
    return this.verify(workspaceId, 'rcpt', [conversationId], m[3]!) ? { conversationId, mailbox: `${m[1]}@${m[4]}` } : null;
  }
}

/** Local-part length budget: 26 + 16 + 3 = 45 characters after the '+', well inside RFC 5321's 64 for short mailboxes. */
export const REPLY_TOKEN_LENGTH = 3 + UUID_B32 + SIG_B32;
