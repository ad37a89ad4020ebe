import type { ChannelAccountRow, SmsSettings } from '../accounts.repo.js';
import { CHANNEL_META, channelMeta } from '../channel-meta.js';
import { e164, storable, type DeliveryStatusUpdate, type ParsedWebhook } from './inbound.types.js';

/** The empty TwiML answer: take the message, send nothing back from the webhook itself. */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

const STATUS: Record<string, DeliveryStatusUpdate['status']> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
  undelivered: 'failed',
};

const SID = /^(SM|MM|SS)[0-9a-fA-F]{32}$/;

/**
 * An incoming message or a status callback from Twilio's Messaging webhooks (form parameters, already
 * verified). An incoming message carries Body (empty when only media came); a status callback
 * carries MessageStatus and no Body. Statuses other than sent/delivered/read/failed/undelivered
 * (queued, sending, accepted…) say nothing new and are ignored.
 */
export function parseTwilio(params: ReadonlyMap<string, string>, account: ChannelAccountRow, receivedAt: Date): ParsedWebhook {
  const out: ParsedWebhook = { messages: [], statuses: [], ignored: [] };
  const p = (k: string) => params.get(k);
  const sid = p('MessageSid') ?? p('SmsSid') ?? p('SmsMessageSid');
  if (!sid || !SID.test(sid)) {
    out.ignored.push('no MessageSid');
    return out;
  }
  const settings = account.settings as SmsSettings;
  if (p('Body') === undefined && p('NumMedia') === undefined) {
    const raw = (p('MessageStatus') ?? p('SmsStatus') ?? '').toLowerCase();
    const status = STATUS[raw];
    if (!status) {
      out.ignored.push(`status ${raw.slice(0, 20) || 'missing'}`);
      return out;
    }
    const code = p('ErrorCode');
    out.statuses.push({
      channel: 'sms',
      accountId: account.id,
      providerMessageId: sid,
      status,
      at: receivedAt,
      recipient: p('To') ? e164(p('To')!) : null,
      error: code ? { code: storable(code).slice(0, 50), message: storable(p('ErrorMessage') ?? '').slice(0, 500) } : null,
    });
    return out;
  }
  const rawFrom = p('From') ?? '';
  const phone = e164(rawFrom);
  // Short codes and alphanumeric senders are no phone numbers: kept as an external identity.
  const from = phone ?? storable(rawFrom.trim()).slice(0, 64);
  if (!from) {
    out.ignored.push('no From');
    return out;
  }
  const media: string[] = [];
  const types: string[] = [];
  const numMedia = Math.min(10, Math.max(0, Number.parseInt(p('NumMedia') ?? '0', 10) || 0));
  for (let i = 0; i < numMedia; i++) {
    const url = p(`MediaUrl${i}`);
    if (url) {
      media.push(url);
      types.push(p(`MediaContentType${i}`) ?? 'application/octet-stream');
    }
  }
  const body = storable(p('Body') ?? '');
  const text = body.trim()
    ? body
    : media.length
      ? `[${media.length === 1 ? 'media' : `${media.length} media`}: ${types.join(', ')}]`
      : '[empty message]';
  out.messages.push({
    dedupeKey: sid,
    identity: phone ? { kind: 'phone', value: phone } : { kind: 'external', value: `sms:${from.replace(/\s+/g, '_')}` },
    from,
    name: null,
    locale: null,
    text: text.slice(0, 100_000),
    meta: channelMeta({
      [CHANNEL_META.from]: from,
      [CHANNEL_META.to]: e164(p('To') ?? '') ?? settings.fromNumber,
      [CHANNEL_META.providerMessageId]: sid,
      [CHANNEL_META.messageType]: media.length ? 'mms' : 'text',
      [CHANNEL_META.media]: media.join(' '),
      [CHANNEL_META.mediaTypes]: types.join(' '),
      [CHANNEL_META.twilioAccountSid]: p('AccountSid'),
      [CHANNEL_META.fromCountry]: p('FromCountry'),
    }),
  });
  return out;
}
