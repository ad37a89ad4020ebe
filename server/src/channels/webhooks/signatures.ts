import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time equality of two strings. Both sides are hashed first, so neither the comparison
 * nor an early length check tells an attacker how much of a guess was right.
 */
export function safeEqual(a: string, b: string): boolean {
  const h = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(h(a), h(b));
}

/**
 * WhatsApp Cloud API (Meta Graph webhooks): `X-Hub-Signature-256: sha256=<hex>`, the HMAC-SHA256 of
 * the exact request bytes keyed with the app secret.
 */
export function verifyWhatsAppSignature(appSecret: string, raw: Buffer, header: string | undefined): boolean {
  if (!header || !header.startsWith('sha256=')) return false;
  const expected = createHmac('sha256', appSecret).update(raw).digest('hex');
  return safeEqual(expected, header.slice('sha256='.length).toLowerCase());
}

/** Telegram Bot API: `X-Telegram-Bot-Api-Secret-Token` carries the secret_token given to setWebhook. */
export function verifyTelegramSecret(secretToken: string, header: string | undefined): boolean {
  return header !== undefined && safeEqual(secretToken, header);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Twilio's X-Twilio-Signature: base64 of HMAC-SHA1 keyed with the auth token over the full URL Twilio
 * called, then each POST parameter's name and value appended in name order (byte order, as Twilio's
 * own libraries sort). A repeated name contributes each value, in sorted order.
 */
export function twilioSignature(authToken: string, url: string, params: readonly (readonly [string, string])[]): string {
  const data = [...params].sort(([a, av], [b, bv]) => (a === b ? cmp(av, bv) : cmp(a, b))).reduce((acc, [k, v]) => acc + k + v, url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export function verifyTwilioSignature(
  authToken: string,
  url: string,
  params: readonly (readonly [string, string])[],
  header: string | undefined,
): boolean {
  return header !== undefined && header !== '' && safeEqual(twilioSignature(authToken, url, params), header);
}
