import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { safeEqual, twilioSignature, verifyTelegramSecret, verifyTwilioSignature, verifyWhatsAppSignature } from './signatures.js';

describe('Twilio X-Twilio-Signature', () => {
  // Twilio's documented example (security guide: auth token 12345, this URL and these POST
  // parameters). Two published versions differ only in the caller's number; both signatures were
  // computed by Twilio, not by this code, so a wrong order or concatenation cannot pass.
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params = (caller: string): [string, string][] => [
    ['CallSid', 'CA1234567890ABCDE'],
    ['Caller', caller],
    ['Digits', '1234'],
    ['From', caller],
    ['To', '+18005551212'],
  ];

  it('matches the signatures in Twilio’s documentation and libraries', () => {
    expect(twilioSignature('12345', url, params('+14158675310'))).toBe('GvWf1cFY/Q7PnoempGyD5oXAezc=');
    expect(twilioSignature('12345', url, params('+14158675309'))).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  it('sorts parameters by name, whatever order they arrived in', () => {
    const shuffled = [...params('+14158675310')].reverse();
    expect(verifyTwilioSignature('12345', url, shuffled, 'GvWf1cFY/Q7PnoempGyD5oXAezc=')).toBe(true);
  });

  it('refuses a changed parameter, URL, token, or a missing header', () => {
    const sig = 'GvWf1cFY/Q7PnoempGyD5oXAezc=';
    const p = params('+14158675310');
    expect(verifyTwilioSignature('12345', url, p, sig)).toBe(true);
    expect(verifyTwilioSignature('12345', url, [...p.slice(0, 2), ['Digits', '9999'], ...p.slice(3)], sig)).toBe(false);
    expect(verifyTwilioSignature('12345', url.replace('https', 'http'), p, sig)).toBe(false);
    expect(verifyTwilioSignature('54321', url, p, sig)).toBe(false);
    expect(verifyTwilioSignature('12345', url, p, undefined)).toBe(false);
    expect(verifyTwilioSignature('12345', url, p, '')).toBe(false);
  });
});

describe('WhatsApp X-Hub-Signature-256', () => {
  const raw = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
  const good = `sha256=${createHmac('sha256', 'app-secret').update(raw).digest('hex')}`;

  it('accepts the HMAC-SHA256 of the exact bytes, hex in either case', () => {
    expect(verifyWhatsAppSignature('app-secret', raw, good)).toBe(true);
    expect(verifyWhatsAppSignature('app-secret', raw, `sha256=${good.slice(7).toUpperCase()}`)).toBe(true);
  });

  it('refuses other bytes, another secret, another scheme or no header', () => {
    expect(verifyWhatsAppSignature('app-secret', Buffer.from(`${raw.toString()} `), good)).toBe(false);
    expect(verifyWhatsAppSignature('other', raw, good)).toBe(false);
    expect(verifyWhatsAppSignature('app-secret', raw, good.replace('sha256=', 'sha1='))).toBe(false);
    expect(verifyWhatsAppSignature('app-secret', raw, good.slice(7))).toBe(false);
    expect(verifyWhatsAppSignature('app-secret', raw, undefined)).toBe(false);
  });
});

describe('Telegram secret token and constant-time equality', () => {
  it('accepts only the exact token', () => {
    expect(verifyTelegramSecret('s3cret_Token-1', 's3cret_Token-1')).toBe(true);
    expect(verifyTelegramSecret('s3cret_Token-1', 's3cret_Token-')).toBe(false);
    expect(verifyTelegramSecret('s3cret_Token-1', undefined)).toBe(false);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('a', 'b')).toBe(false);
  });
});
