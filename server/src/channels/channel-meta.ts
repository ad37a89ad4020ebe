/**
 * What a WhatsApp, Telegram or SMS message keeps in `messages.channel_meta` (flat strings). Inbound
 * messages set every key they have; the outbound sender (channels/outbound/) reads `accountId`, `from`
 * and `to` of the conversation's latest inbound message to know which account answers whom.
 */
export const CHANNEL_META = {
  /** The channel account (channel_accounts.id) the message came through. */
  accountId: 'accountId',
  /**
   * The customer's address on the channel: E.164 with '+' for WhatsApp and SMS (WhatsApp sends bare
   * digits; normalised), the chat id as a decimal string for Telegram (where replies go).
   */
  from: 'from',
  /** Our side: the business number (E.164) for WhatsApp and SMS, '@' + bot username for Telegram. */
  to: 'to',
  /** The provider's id of the message: WhatsApp 'wamid…', Telegram message_id (decimal, unique within the chat), Twilio MessageSid. */
  providerMessageId: 'providerMessageId',
  /** The name the customer's profile shows (WhatsApp contact profile, Telegram first + last name). */
  profileName: 'profileName',
  /** The message type as the provider names it (WhatsApp text/image/location…, Telegram text/photo/document…, SMS text/mms). */
  messageType: 'messageType',
  /** WhatsApp: the customer's wa_id (digits), which can differ from `from` for some numbers. */
  waId: 'waId',
  /** WhatsApp: the phone_number_id of our number, as sent in metadata. */
  phoneNumberId: 'phoneNumberId',
  /** WhatsApp: the id of the message this one answers (context.id), when it quotes one. */
  replyTo: 'replyTo',
  /** Telegram: the sender's user id (in a private chat the same as the chat id). */
  telegramUserId: 'telegramUserId',
  /** Telegram: the sender's @username, without '@'. */
  telegramUsername: 'telegramUsername',
  /** Telegram: private, group, supergroup or channel. */
  telegramChatType: 'telegramChatType',
  /** Telegram: set to 'true' when the message is an edit of an earlier one (edited_message). */
  edited: 'edited',
  /** Telegram from.language_code, as a detection hint (language/inbound.ts reads accept-language). */
  acceptLanguage: 'acceptLanguage',
  /** Media the provider referenced: WhatsApp media id(s) / Twilio MediaUrl(s) / Telegram file_id(s), space-separated. */
  media: 'media',
  /** Media content types, space-separated, in the order of `media`. */
  mediaTypes: 'mediaTypes',
  /** Location as 'latitude,longitude' (WhatsApp location, Telegram location). */
  location: 'location',
  /** Twilio: the AccountSid the message was sent to. */
  twilioAccountSid: 'twilioAccountSid',
  /** SMS: the sender's country as Twilio reports it (FromCountry). */
  fromCountry: 'fromCountry',
} as const;

export type ChannelMetaKey = (typeof CHANNEL_META)[keyof typeof CHANNEL_META];

const LIMIT = 2000;

/** Channel meta from optional values: empty ones left out, each cut to the channel-meta limit. */
export function channelMeta(values: Partial<Record<ChannelMetaKey, string | null | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'string' && v !== '') out[k] = v.length > LIMIT ? v.slice(0, LIMIT) : v;
  }
  return out;
}
