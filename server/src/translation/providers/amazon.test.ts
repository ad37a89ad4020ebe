import { afterEach, describe, expect, it } from 'vitest';
import { AmazonProvider, toAmazon } from './amazon.js';
import { replayServer, type Received } from './replay.test-support.js';
import { signV4 } from './sigv4.js';

const CREDS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

/** What a server holding the same secret computes for the request it received. */
function expectedAuthorization(r: Received, signed: string[]): string {
  const headers: Record<string, string> = {};
  for (const h of signed) if (h !== 'host') headers[h] = String(r.headers[h]);
  const url = new URL(`http://${String(r.headers.host)}${r.path}`);
  return signV4(
    { method: r.method, url, headers, body: r.raw, region: 'eu-west-1', service: 'translate', amzDate: headers['x-amz-date']! },
    CREDS,
  ).authorization;
}

describe('SigV4', () => {
  it("matches AWS's published get-vanilla signature", () => {
    const { authorization } = signV4(
      {
        method: 'GET',
        url: new URL('https://example.amazonaws.com/'),
        headers: { 'x-amz-date': '20150830T123600Z' },
        body: '',
        region: 'us-east-1',
        service: 'service',
        amzDate: '20150830T123600Z',
      },
      CREDS,
    );
    expect(authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });
});

describe('Amazon Translate provider against a replay of TranslateText (JSON 1.1)', () => {
  it('sends the target header, a valid SigV4 signature and the documented body', async () => {
    const srv = await replayServer(() => ({
      body: { TranslatedText: 'Hallo XMRD0X', SourceLanguageCode: 'en', TargetLanguageCode: 'de' },
    }));
    close = srv.close;
    const p = new AmazonProvider({ ...CREDS, region: 'eu-west-1', baseUrl: srv.url, now: () => new Date('2026-05-04T10:00:00Z') });
    const out = await p.translate({ text: 'Hello XMRD0X', source: 'auto', target: 'de', format: 'text', formality: 'formal' });
    expect(out).toEqual({ text: 'Hallo XMRD0X', detectedSource: 'en' });
    const [r] = srv.received;
    expect(r!.method).toBe('POST');
    expect(r!.path).toBe('/');
    expect(r!.headers['x-amz-target']).toBe('AWSShineFrontendService_20170701.TranslateText');
    expect(r!.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(r!.headers['x-amz-date']).toBe('20260504T100000Z');
    expect(r!.json).toEqual({
      Text: 'Hello XMRD0X',
      SourceLanguageCode: 'auto',
      TargetLanguageCode: 'de',
      Settings: { Formality: 'FORMAL' },
    });
    const auth = String(r!.headers.authorization);
    expect(auth).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20260504\/eu-west-1\/translate\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, /,
    );
    expect(auth).toBe(expectedAuthorization(r!, ['content-type', 'host', 'x-amz-date', 'x-amz-target']));
  });

  it('maps codes, refuses HTML, and maps the documented exceptions', async () => {
    expect(toAmazon('zh-Hant')).toBe('zh-TW');
    expect(toAmazon('pt-PT')).toBe('pt-PT');
    expect(toAmazon('es-MX')).toBe('es');
    let reply: { status: number; body: unknown } = { status: 400, body: { __type: 'UnsupportedLanguagePairException', Message: 'x' } };
    const srv = await replayServer(() => reply);
    close = srv.close;
    const p = new AmazonProvider({ ...CREDS, region: 'eu-west-1', baseUrl: srv.url });
    const req = { text: 'x', source: 'en', target: 'de', format: 'text' } as const;
    await expect(p.translate({ ...req, format: 'html' })).rejects.toMatchObject({ kind: 'unsupported_pair' });
    await expect(p.translate(req)).rejects.toMatchObject({ kind: 'unsupported_pair' });
    reply = {
      status: 400,
      body: { __type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' },
    };
    await expect(p.translate(req)).rejects.toMatchObject({ kind: 'unavailable', message: expect.stringContaining('refused the API key') });
    reply = { status: 400, body: { __type: 'com.amazonaws.translate#TooManyRequestsException' } };
    await expect(p.translate(req)).rejects.toMatchObject({ kind: 'unavailable' });
    reply = { status: 200, body: { nothing: true } };
    await expect(p.translate(req)).rejects.toMatchObject({ kind: 'bad_response' });
  });
});
