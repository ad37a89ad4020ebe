/**
 * Who sent a conversation's messages, as a block names them: a channel and an address on it. The
 * address is read from the channel_meta an inbound message was stored with: `from` for e-mail (the
 * bare sender, email/channel-meta.ts MAIL_META.from), WhatsApp, SMS (E.164) and Telegram (the chat id;
 * channels/channel-meta.ts CHANNEL_META.from), `visitorId` for the chat widget. Pure.
 */
export const BLOCKABLE_CHANNELS = ['email', 'chat', 'whatsapp', 'telegram', 'sms', 'phone'] as const;
export type BlockableChannel = (typeof BLOCKABLE_CHANNELS)[number];

const META_KEY: Record<BlockableChannel, string> = {
  email: 'from',
  whatsapp: 'from',
  sms: 'from',
  telegram: 'from',
  phone: 'from',
  chat: 'visitorId',
};

export const isBlockable = (channel: string): channel is BlockableChannel => (BLOCKABLE_CHANNELS as readonly string[]).includes(channel);

/** The form an address is stored and compared in: e-mail lower-cased, everything else exact. */
export function normaliseAddress(channel: BlockableChannel, address: string): string {
  const a = address.trim();
  return channel === 'email' ? a.toLowerCase() : a;
}

/**
 * The sender in an inbound message's channel_meta, normalised; null when it names none. A message
 * the chat widget stored on another channel (its offline form opens an e-mail conversation) names
 * its visitor, who is then the one to block, on chat.
 */
export function senderOf(
  channel: string,
  meta: Record<string, string> | null | undefined,
): { channel: BlockableChannel; address: string } | null {
  if (!meta) return null;
  const raw = isBlockable(channel) ? meta[META_KEY[channel]] : undefined;
  if (isBlockable(channel) && raw?.trim()) return { channel, address: normaliseAddress(channel, raw) };
  const visitor = meta[META_KEY.chat];
  return visitor?.trim() ? { channel: 'chat', address: normaliseAddress('chat', visitor) } : null;
}
