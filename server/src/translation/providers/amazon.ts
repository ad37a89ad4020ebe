import { ProviderError, type ProviderErrorKind, type ProviderRequest, type ProviderResult, type TranslationProvider } from '../provider.js';
import { isTraditionalChinese, primary, RawBody, requestJson, trimBase, type HttpOptions } from './http.js';
import { amzDate, signV4, type AwsCredentials } from './sigv4.js';

export interface AmazonOptions extends HttpOptions, AwsCredentials {
  region: string;
  /** Default https://translate.<region>.amazonaws.com. */
  baseUrl?: string;
  /** For tests: the signing time. */
  now?: () => Date;
}

/** BCP-47 → Amazon Translate code: zh / zh-TW, pt / pt-PT, else the primary subtag. */
export function toAmazon(tag: string): string {
  const p = primary(tag);
  if (p === 'zh') return isTraditionalChinese(tag) ? 'zh-TW' : 'zh';
  if (/^pt-pt$/i.test(tag)) return 'pt-PT';
  return p;
}

const LANGUAGE_ERRORS = new Set(['UnsupportedLanguagePairException', 'DetectedLanguageLowConfidenceException']);
const KEY_ERRORS = new Set(['UnrecognizedClientException', 'InvalidSignatureException', 'AccessDeniedException', 'ExpiredTokenException']);

/** Amazon Translate TranslateText (JSON 1.1, SigV4). Plain text only: HTML needs TranslateDocument. */
export class AmazonProvider implements TranslationProvider {
  readonly name = 'amazon';
  private readonly baseUrl: string;

  constructor(private readonly opts: AmazonOptions) {
    this.baseUrl = trimBase(opts.baseUrl ?? `https://translate.${opts.region}.amazonaws.com`);
  }

  async pairs(): Promise<null> {
    return null;
  }

  async translate(req: ProviderRequest, signal?: AbortSignal): Promise<ProviderResult> {
    if (req.format === 'html') throw new ProviderError('unsupported_pair', 'Amazon Translate: TranslateText takes plain text only');
    const url = new URL(`${this.baseUrl}/`);
    const body = JSON.stringify({
      Text: req.text,
      SourceLanguageCode: req.source === 'auto' ? 'auto' : toAmazon(req.source),
      TargetLanguageCode: toAmazon(req.target),
      ...(req.formality ? { Settings: { Formality: req.formality === 'formal' ? 'FORMAL' : 'INFORMAL' } } : {}),
    });
    const headers: Record<string, string> = {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-date': amzDate((this.opts.now ?? (() => new Date()))()),
      'x-amz-target': 'AWSShineFrontendService_20170701.TranslateText',
    };
    const { authorization } = signV4(
      { method: 'POST', url, headers, body, region: this.opts.region, service: 'translate', amzDate: headers['x-amz-date']! },
      this.opts,
    );
    const json = (await requestJson(
      {
        provider: 'Amazon Translate',
        url,
        headers: { ...headers, authorization, ...(this.opts.sessionToken ? { 'x-amz-security-token': this.opts.sessionToken } : {}) },
        body: new RawBody(body),
        signal,
        classify: (status, err) => {
          const type = String((err as { __type?: unknown } | undefined)?.__type ?? '')
            .split('#')
            .pop()!;
          if (KEY_ERRORS.has(type) || status === 401 || status === 403)
            return { kind: 'unavailable', message: `Amazon Translate refused the API key (${type || status})` };
          const kind: ProviderErrorKind = LANGUAGE_ERRORS.has(type)
            ? 'unsupported_pair'
            : err === undefined && status < 500
              ? 'bad_response'
              : 'unavailable';
          return { kind, message: `Amazon Translate ${status}: ${type || 'error'}` };
        },
      },
      this.opts,
    )) as { TranslatedText?: unknown; SourceLanguageCode?: unknown };
    if (typeof json?.TranslatedText !== 'string') throw new ProviderError('bad_response', 'Amazon Translate: no TranslatedText');
    const detected = json.SourceLanguageCode;
    return {
      text: json.TranslatedText,
      detectedSource: typeof detected === 'string' ? primary(detected) : req.source === 'auto' ? null : primary(req.source),
    };
  }
}
