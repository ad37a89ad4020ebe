import { ChannelSendError, field, post, transientStatus, trimBase, type HttpOptions, type SentPart } from './http.js';

/**
 * Twilio Programmable Messaging: POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json, HTTP
 * Basic AccountSid:AuthToken, form-encoded To, From or MessagingServiceSid, Body, StatusCallback.
 * https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
 * https://www.twilio.com/docs/usage/twilios-response (errors: {code, message, more_info, status})
 */
export const TWILIO_DEFAULT_URL = 'https://api.twilio.com';
/** Twilio refuses a Body over 1600 characters (error 21617); it segments shorter ones itself. */
export const TWILIO_BODY_MAX = 1600;

export interface TwilioAccount {
  accountSid: string;
  authToken: string;
  /** Our number (E.164) … */
  fromNumber?: string | undefined;
  /** … or a Messaging Service, which picks the sender itself (takes precedence when both are set). */
  messagingServiceSid?: string | undefined;
  /** Where Twilio posts status changes (queued, sent, delivered, undelivered, failed). */
  statusCallback?: string | undefined;
}

/** The documented form fields, in a fixed order. */
export function twilioForm(account: TwilioAccount, to: string, body: string): URLSearchParams {
  const form = new URLSearchParams();
  form.set('To', to);
  if (account.messagingServiceSid) form.set('MessagingServiceSid', account.messagingServiceSid);
  else if (account.fromNumber) form.set('From', account.fromNumber);
  form.set('Body', body);
  if (account.statusCallback) form.set('StatusCallback', account.statusCallback);
  return form;
}

/** Twilio errors that pass: 20429 too many requests, 20500/20503 Twilio's own trouble, 30001 queue overflow. */
const TRANSIENT_CODES = new Set([20429, 20500, 20503, 30001]);

export function classifyTwilio(status: number, json: unknown): ChannelSendError {
  const code = typeof field(json, 'code') === 'number' ? (field(json, 'code') as number) : undefined;
  const msg = typeof field(json, 'message') === 'string' ? (field(json, 'message') as string).slice(0, 300) : '';
  const text = `Twilio ${status}${code !== undefined ? ` (${code})` : ''}${msg ? `: ${msg}` : ''}`;
  const kind = (code !== undefined && TRANSIENT_CODES.has(code)) || transientStatus(status) ? 'transient' : 'permanent';
  return new ChannelSendError(kind, text, status, code);
}

/** Creates one Message; its `sid` ("SM…") identifies it in status callbacks. */
export async function sendTwilio(
  baseUrl: string,
  account: TwilioAccount,
  to: string,
  body: string,
  opts: HttpOptions = {},
): Promise<SentPart> {
  if (!account.messagingServiceSid && !account.fromNumber)
    throw new ChannelSendError('permanent', 'Twilio: the account has neither a From number nor a Messaging Service');
  const url = `${trimBase(baseUrl)}/2010-04-01/Accounts/${encodeURIComponent(account.accountSid)}/Messages.json`;
  const basic = Buffer.from(`${account.accountSid}:${account.authToken}`, 'utf8').toString('base64');
  const answer = await post(
    'Twilio',
    url,
    { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    twilioForm(account, to, body).toString(),
    opts,
  );
  if (answer.status < 200 || answer.status > 299) {
    const e = classifyTwilio(answer.status, answer.json);
    throw answer.retryAfterMs ? new ChannelSendError(e.kind, e.message, e.status, e.providerCode, answer.retryAfterMs) : e;
  }
  const sid = field(answer.json, 'sid');
  if (typeof sid !== 'string' || sid === '') throw new ChannelSendError('transient', 'Twilio: no sid in the answer', answer.status);
  const status = field(answer.json, 'status');
  return { providerMessageId: sid, ...(typeof status === 'string' ? { status } : {}) };
}
