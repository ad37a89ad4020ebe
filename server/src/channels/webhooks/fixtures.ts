/**
 * Provider webhook bodies modelled on the providers' documented examples: Meta's "Text Messages"
 * and "Status: sent/failed" webhook examples (WhatsApp Cloud API, field `messages`), the Bot API
 * Update object (https://core.telegram.org/bots/api#update, a private-chat message), and Twilio's
 * incoming-message and status-callback parameters (Messaging webhooks). Only ids, numbers and texts
 * differ, so the tests can tell messages apart.
 */
export const WA_PHONE_NUMBER_ID = '106540352242922';
export const WA_DISPLAY_NUMBER = '15550783881';
export const WA_BUSINESS_ACCOUNT_ID = '102290129340398';

/** Meta's envelope around one change of the `messages` field for our number. */
function whatsAppEnvelope<T extends object>(value: T) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: WA_BUSINESS_ACCOUNT_ID,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: WA_DISPLAY_NUMBER, phone_number_id: WA_PHONE_NUMBER_ID },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

export function whatsAppText(o: { id: string; from: string; name: string; body: string; timestamp?: string }) {
  return whatsAppEnvelope({
    contacts: [{ profile: { name: o.name }, wa_id: o.from }],
    messages: [{ from: o.from, id: o.id, timestamp: o.timestamp ?? '1772442000', text: { body: o.body }, type: 'text' }] as object[],
  });
}

export function whatsAppImage(o: { id: string; from: string; name: string }) {
  const p = whatsAppText({ ...o, body: '' });
  p.entry[0]!.changes[0]!.value.messages = [
    {
      from: o.from,
      id: o.id,
      timestamp: '1772442060',
      type: 'image',
      image: { mime_type: 'image/jpeg', sha256: 'IMAGE_HASH', id: '1003383421387256' },
    },
  ];
  return p;
}

export function whatsAppStatus(o: { id: string; recipient: string; status: 'sent' | 'delivered' | 'read' | 'failed' }) {
  return whatsAppEnvelope({
    statuses: [
      {
        id: o.id,
        status: o.status,
        timestamp: '1772442100',
        recipient_id: o.recipient,
        ...(o.status === 'failed'
          ? { errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message' }] }
          : {
              conversation: { id: 'CONVERSATION_ID', expiration_timestamp: '1772528500', origin: { type: 'service' } },
              pricing: { billable: true, pricing_model: 'CBP', category: 'service' },
            }),
      },
    ],
  });
}

export function telegramMessage(o: {
  updateId: number;
  messageId: number;
  userId: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  text: string;
  edited?: boolean;
}) {
  const message = {
    message_id: o.messageId,
    from: {
      id: o.userId,
      is_bot: false,
      first_name: o.firstName,
      ...(o.lastName ? { last_name: o.lastName } : {}),
      ...(o.username ? { username: o.username } : {}),
      ...(o.languageCode ? { language_code: o.languageCode } : {}),
    },
    chat: {
      id: o.userId,
      first_name: o.firstName,
      ...(o.lastName ? { last_name: o.lastName } : {}),
      ...(o.username ? { username: o.username } : {}),
      type: 'private',
    },
    date: 1772442000,
    text: o.text,
    ...(o.edited ? { edit_date: 1772442100 } : {}),
  };
  return { update_id: o.updateId, ...(o.edited ? { edited_message: message } : { message }) };
}

export const TWILIO_ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
export const TWILIO_NUMBER = '+15017122661';

/** The parameters of an incoming SMS as Twilio posts them (in Twilio's order). */
export function twilioIncoming(o: {
  sid: string;
  from: string;
  body: string;
  media?: { url: string; type: string }[];
}): [string, string][] {
  const media = o.media ?? [];
  return [
    ['ToCountry', 'US'],
    ['ToState', 'CA'],
    ['SmsMessageSid', o.sid],
    ['NumMedia', String(media.length)],
    ['ToCity', ''],
    ['FromZip', ''],
    ['SmsSid', o.sid],
    ['FromState', ''],
    ['SmsStatus', 'received'],
    ['FromCity', 'MADRID'],
    ['Body', o.body],
    ['FromCountry', 'ES'],
    ['To', TWILIO_NUMBER],
    ['ToZip', ''],
    ['NumSegments', '1'],
    ['MessageSid', o.sid],
    ['AccountSid', TWILIO_ACCOUNT_SID],
    ['From', o.from],
    ['ApiVersion', '2010-04-01'],
    ...media.flatMap((m, i): [string, string][] => [
      [`MediaContentType${i}`, m.type],
      [`MediaUrl${i}`, m.url],
    ]),
  ];
}

/** A status callback for a message we sent. */
export function twilioStatus(o: { sid: string; to: string; status: string; errorCode?: string }): [string, string][] {
  return [
    ['SmsSid', o.sid],
    ['SmsStatus', o.status],
    ['MessageStatus', o.status],
    ['To', o.to],
    ['MessageSid', o.sid],
    ['AccountSid', TWILIO_ACCOUNT_SID],
    ['From', TWILIO_NUMBER],
    ['ApiVersion', '2010-04-01'],
    ...(o.errorCode ? ([['ErrorCode', o.errorCode]] as [string, string][]) : []),
  ];
}
