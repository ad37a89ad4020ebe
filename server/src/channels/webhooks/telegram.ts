import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { ChannelAccountRow, TelegramSettings } from '../accounts.repo.js';
import { CHANNEL_META, channelMeta } from '../channel-meta.js';
import { localeTag, storable, type InboundChannelMessage, type ParsedWebhook } from './inbound.types.js';

// The Bot API Update object (https://core.telegram.org/bots/api#update): only what we read is
// described; Telegram adds fields with each API version, so others are allowed and ignored.
const Str = Type.String({ maxLength: 100_000 });
const Int = Type.Integer();
const File = Type.Object({ file_id: Str, mime_type: Type.Optional(Str), file_name: Type.Optional(Str) });
const TgMessage = Type.Object({
  message_id: Int,
  from: Type.Optional(
    Type.Object({
      id: Int,
      is_bot: Type.Optional(Type.Boolean()),
      first_name: Type.Optional(Str),
      last_name: Type.Optional(Str),
      username: Type.Optional(Str),
      language_code: Type.Optional(Str),
    }),
  ),
  chat: Type.Object({ id: Int, type: Type.Optional(Str) }),
  date: Type.Optional(Int),
  text: Type.Optional(Str),
  caption: Type.Optional(Str),
  photo: Type.Optional(Type.Array(Type.Object({ file_id: Str }), { maxItems: 100 })),
  document: Type.Optional(File),
  audio: Type.Optional(File),
  voice: Type.Optional(File),
  video: Type.Optional(File),
  video_note: Type.Optional(File),
  sticker: Type.Optional(Type.Object({ file_id: Str, emoji: Type.Optional(Str) })),
  location: Type.Optional(Type.Object({ latitude: Type.Number(), longitude: Type.Number() })),
  contact: Type.Optional(Type.Object({ phone_number: Type.Optional(Str), first_name: Type.Optional(Str) })),
  reply_to_message: Type.Optional(Type.Object({ message_id: Int })),
});
const Update = Type.Object({
  update_id: Int,
  message: Type.Optional(TgMessage),
  edited_message: Type.Optional(TgMessage),
});
const updateCheck = TypeCompiler.Compile(Update);
type TgMessage = Static<typeof TgMessage>;

/**
 * The customer message of a verified Telegram update. Updates of other kinds (callback queries,
 * channel posts, membership changes) and messages from bots are ignored: answering non-2xx would
 * only make Telegram send them again.
 */
export function parseTelegram(body: unknown, account: ChannelAccountRow): ParsedWebhook {
  const out: ParsedWebhook = { messages: [], statuses: [], ignored: [] };
  if (!updateCheck.Check(body)) {
    out.ignored.push('not a Bot API Update with a message in the documented shape');
    return out;
  }
  const m = body.message ?? body.edited_message;
  if (!m) {
    out.ignored.push('update without a message');
    return out;
  }
  if (!m.from || m.from.is_bot) {
    out.ignored.push('message without a human sender');
    return out;
  }
  const name = storable([m.from.first_name, m.from.last_name].filter(Boolean).join(' ')).slice(0, 200) || null;
  const chatId = String(m.chat.id);
  const bot = (account.settings as TelegramSettings).botUsername;
  const { text, extra } = content(m);
  const message: InboundChannelMessage = {
    // An edit arrives as a new update with the same message_id: the update id keeps both.
    dedupeKey: `update:${body.update_id}`,
    identity: { kind: 'external', value: `telegram:${m.from.id}` },
    from: chatId,
    name,
    locale: localeTag(m.from.language_code),
    text: storable(text).slice(0, 100_000),
    meta: channelMeta({
      [CHANNEL_META.from]: chatId,
      [CHANNEL_META.to]: bot ? `@${bot}` : null,
      [CHANNEL_META.providerMessageId]: String(m.message_id),
      [CHANNEL_META.profileName]: name,
      [CHANNEL_META.telegramUserId]: String(m.from.id),
      [CHANNEL_META.telegramUsername]: m.from.username,
      [CHANNEL_META.telegramChatType]: m.chat.type,
      [CHANNEL_META.edited]: body.edited_message && !body.message ? 'true' : null,
      [CHANNEL_META.acceptLanguage]: localeTag(m.from.language_code),
      [CHANNEL_META.replyTo]: m.reply_to_message ? String(m.reply_to_message.message_id) : null,
      ...extra,
    }),
  };
  out.messages.push(message);
  return out;
}

function content(m: TgMessage): { text: string; extra: Record<string, string | undefined> } {
  const caption = m.caption?.trim() ? m.caption : null;
  const file = (type: string, f: { file_id: string; mime_type?: string; file_name?: string } | undefined, label: string) => ({
    text: caption ?? label,
    extra: { [CHANNEL_META.messageType]: type, [CHANNEL_META.media]: f?.file_id, [CHANNEL_META.mediaTypes]: f?.mime_type },
  });
  if (m.text?.trim()) return { text: m.text, extra: { [CHANNEL_META.messageType]: 'text' } };
  if (m.photo?.length) return file('photo', m.photo[m.photo.length - 1], '[photo]');
  if (m.document) return file('document', m.document, m.document.file_name ? `[document: ${m.document.file_name}]` : '[document]');
  if (m.voice) return file('voice', m.voice, '[voice message]');
  if (m.audio) return file('audio', m.audio, '[audio]');
  if (m.video) return file('video', m.video, '[video]');
  if (m.video_note) return file('video_note', m.video_note, '[video message]');
  if (m.sticker) return file('sticker', m.sticker, `[sticker${m.sticker.emoji ? ` ${m.sticker.emoji}` : ''}]`);
  if (m.location) {
    return {
      text: '[location]',
      extra: { [CHANNEL_META.messageType]: 'location', [CHANNEL_META.location]: `${m.location.latitude},${m.location.longitude}` },
    };
  }
  if (m.contact)
    return {
      text: `[contact${m.contact.first_name ? `: ${m.contact.first_name}` : ''}]`,
      extra: { [CHANNEL_META.messageType]: 'contact' },
    };
  return { text: caption ?? '[unsupported message]', extra: { [CHANNEL_META.messageType]: 'other' } };
}
