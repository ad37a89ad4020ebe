import { ChannelSendError, field, post, transientStatus, trimBase, type HttpOptions, type SentPart } from './http.js';

/**
 * WhatsApp Cloud API: POST {base}/{version}/{phone-number-id}/messages with a bearer token.
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/text-messages/
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes/
 */
export const WHATSAPP_DEFAULT_URL = 'https://graph.facebook.com';
/** A text body holds at most 4096 characters. */
export const WHATSAPP_TEXT_MAX = 4096;

export interface WhatsAppAccount {
  phoneNumberId: string;
  /** Graph API version as Meta writes it: "v21.0". */
  graphApiVersion: string;
  accessToken: string;
}

export interface WhatsAppTemplate {
  name: string;
  /** The template's language code as approved ("en_US", "de"). */
  language: string;
  /** Header/body/button parameters, passed through as Meta documents them. */
  components?: unknown[] | undefined;
}

export type WhatsAppContent = { kind: 'text'; text: string } | { kind: 'template'; template: WhatsAppTemplate };

/** The recipient as the API takes it: digits only, the country code first, no '+'. */
export const waDigits = (e164: string): string => e164.replace(/\D/g, '');

/** The documented request body. */
export function whatsappBody(to: string, content: WhatsAppContent): Record<string, unknown> {
  const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: waDigits(to) };
  if (content.kind === 'text') return { ...base, type: 'text', text: { preview_url: false, body: content.text } };
  const t = content.template;
  return {
    ...base,
    type: 'template',
    template: { name: t.name, language: { code: t.language }, ...(t.components?.length ? { components: t.components } : {}) },
  };
}

/** Rate limits (throughput 130429, pair rate 131056, Graph's 80007) and Meta's own trouble pass; 131047 needs a template. */
const TRANSIENT_CODES = new Set([1, 2, 4, 17, 341, 80007, 130429, 131000, 131016, 131056]);
export const REENGAGEMENT_CODE = 131047;

/** What a Graph error answer means for the sender. */
export function classifyWhatsApp(status: number, json: unknown): ChannelSendError {
  const err = field(json, 'error');
  const code = typeof field(err, 'code') === 'number' ? (field(err, 'code') as number) : undefined;
  const msg = typeof field(err, 'message') === 'string' ? (field(err, 'message') as string).slice(0, 300) : '';
  const text = `WhatsApp ${status}${code !== undefined ? ` (${code})` : ''}${msg ? `: ${msg}` : ''}`;
  if (code === REENGAGEMENT_CODE) return new ChannelSendError('template_required', text, status, code);
  const kind = (code !== undefined && TRANSIENT_CODES.has(code)) || transientStatus(status) ? 'transient' : 'permanent';
  return new ChannelSendError(kind, text, status, code);
}

/** Sends one message; the answer's messages[0].id ("wamid…") identifies it in later status webhooks. */
export async function sendWhatsApp(
  baseUrl: string,
  account: WhatsAppAccount,
  to: string,
  content: WhatsAppContent,
  opts: HttpOptions = {},
): Promise<SentPart> {
  const url = `${trimBase(baseUrl)}/${encodeURIComponent(account.graphApiVersion)}/${encodeURIComponent(account.phoneNumberId)}/messages`;
  const answer = await post(
    'WhatsApp',
    url,
    { authorization: `Bearer ${account.accessToken}`, 'content-type': 'application/json' },
    JSON.stringify(whatsappBody(to, content)),
    opts,
  );
  if (answer.status < 200 || answer.status > 299) throw classifyWhatsApp(answer.status, answer.json);
  const first = (field(answer.json, 'messages') as unknown[] | undefined)?.[0];
  const id = field(first, 'id');
  if (typeof id !== 'string' || id === '') throw new ChannelSendError('transient', 'WhatsApp: no message id in the answer', answer.status);
  const status = field(first, 'message_status');
  return { providerMessageId: id, ...(typeof status === 'string' ? { status } : {}) };
}
