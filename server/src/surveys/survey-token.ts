import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SecretBox } from '../lib/secret-box.js';

/** What a survey link is signed over: the survey, whom it was sent to about what, and until when. */
export interface SurveyTokenClaims {
  workspaceId: string;
  surveyId: string;
  customerId: string;
  conversationId: string;
  expiresAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type TokenCheck =
  { ok: true; workspaceId: string; surveyId: string; expiresAt: Date } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

/**
 * Survey links: `v1.<workspace>.<survey>.<expiry seconds>.<mac>`. The MAC (HMAC-SHA256 with a key
 * derived per workspace from the server key) also covers the customer and conversation, which the
 * link does not carry: they come from the survey row when the link is checked, so a link cannot be
 * moved to another survey, customer or conversation, nor its expiry stretched. Nothing is stored.
 */
export class SurveyTokens {
  constructor(private readonly box: SecretBox) {}

  private mac(c: SurveyTokenClaims, exp: number): string {
    const key = this.box.deriveKey(`meridian-survey:${c.workspaceId}`);
    return createHmac('sha256', key)
      .update(['v1', c.workspaceId, c.surveyId, c.customerId, c.conversationId, String(exp)].join('\n'), 'utf8')
      .digest('base64url');
  }

  sign(c: SurveyTokenClaims): string {
    const exp = Math.floor(c.expiresAt.getTime() / 1000);
    return ['v1', c.workspaceId, c.surveyId, String(exp), this.mac(c, exp)].join('.');
  }

  /** The ids a link names, before its survey is read; null when it is not even shaped like one. */
  static parse(token: string): { workspaceId: string; surveyId: string; exp: number; mac: string } | null {
    const parts = token.split('.');
    if (parts.length !== 5 || parts[0] !== 'v1') return null;
    const [, workspaceId, surveyId, expRaw, mac] = parts as [string, string, string, string, string];
    if (!UUID.test(workspaceId) || !UUID.test(surveyId) || !/^\d{1,12}$/.test(expRaw) || !/^[A-Za-z0-9_-]{43}$/.test(mac)) return null;
    return { workspaceId, surveyId, exp: Number(expRaw), mac };
  }

  /** Checks a link against its survey row (customer and conversation) at `now`. */
  verify(token: string, row: { customerId: string; conversationId: string }, now: Date): TokenCheck {
    const p = SurveyTokens.parse(token);
    if (!p) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(
      this.mac({ workspaceId: p.workspaceId, surveyId: p.surveyId, ...row, expiresAt: new Date(p.exp * 1000) }, p.exp),
    );
    const given = Buffer.from(p.mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
    if (now.getTime() >= p.exp * 1000) return { ok: false, reason: 'expired' };
    return { ok: true, workspaceId: p.workspaceId, surveyId: p.surveyId, expiresAt: new Date(p.exp * 1000) };
  }
}
