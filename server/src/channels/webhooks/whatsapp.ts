import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { ChannelAccountRow, WhatsAppSettings } from '../accounts.repo.js';
import { CHANNEL_META, channelMeta } from '../channel-meta.js';
import {
  e164,
  epochSeconds,
  storable,
  type DeliveryStatusUpdate,
  type InboundChannelMessage,
  type ParsedWebhook,
} from './inbound.types.js';

// Meta's documented webhook shape (WhatsApp Cloud API, "messages" field). Only what we read is
// described; Meta adds fields over time, so others are allowed and ignored.
const Str = Type.String({ maxLength: 100_000 });
const Media = Type.Object({
  id: Type.Optional(Str),
  mime_type: Type.Optional(Str),
  caption: Type.Optional(Str),
  filename: Type.Optional(Str),
});
const WaMessage = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 500 }),
  from: Type.String({ minLength: 1, maxLength: 50 }),
  timestamp: Type.Optional(Type.Union([Str, Type.Number()])),
  type: Type.String({ maxLength: 50 }),
  text: Type.Optional(Type.Object({ body: Str })),
  image: Type.Optional(Media),
  video: Type.Optional(Media),
  audio: Type.Optional(Media),
  document: Type.Optional(Media),
  sticker: Type.Optional(Media),
  location: Type.Optional(
    Type.Object({ latitude: Type.Number(), longitude: Type.Number(), name: Type.Optional(Str), address: Type.Optional(Str) }),
  ),
  interactive: Type.Optional(
    Type.Object({
      type: Type.Optional(Str),
      button_reply: Type.Optional(Type.Object({ id: Type.Optional(Str), title: Str })),
      list_reply: Type.Optional(Type.Object({ id: Type.Optional(Str), title: Str, description: Type.Optional(Str) })),
    }),
  ),
  button: Type.Optional(Type.Object({ text: Type.Optional(Str), payload: Type.Optional(Str) })),
  reaction: Type.Optional(Type.Object({ message_id: Type.Optional(Str), emoji: Type.Optional(Str) })),
  contacts: Type.Optional(Type.Array(Type.Object({ name: Type.Optional(Type.Object({ formatted_name: Type.Optional(Str) })) }))),
  context: Type.Optional(Type.Object({ id: Type.Optional(Str) })),
});
const WaStatus = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 500 }),
  status: Type.String({ maxLength: 50 }),
  timestamp: Type.Optional(Type.Union([Str, Type.Number()])),
  recipient_id: Type.Optional(Str),
  errors: Type.Optional(
    Type.Array(Type.Object({ code: Type.Optional(Type.Number()), title: Type.Optional(Str), message: Type.Optional(Str) })),
  ),
});
const WaValue = Type.Object({
  messaging_product: Type.Optional(Str),
  metadata: Type.Optional(Type.Object({ display_phone_number: Type.Optional(Str), phone_number_id: Type.Optional(Str) })),
  contacts: Type.Optional(
    Type.Array(Type.Object({ wa_id: Type.Optional(Str), profile: Type.Optional(Type.Object({ name: Type.Optional(Str) })) })),
  ),
  messages: Type.Optional(Type.Array(WaMessage, { maxItems: 1000 })),
  statuses: Type.Optional(Type.Array(WaStatus, { maxItems: 1000 })),
});
const WaPayload = Type.Object({
  object: Type.String(),
  entry: Type.Array(
    Type.Object({
      id: Type.Optional(Str),
      changes: Type.Array(Type.Object({ field: Type.Optional(Str), value: Type.Optional(Type.Unknown()) })),
    }),
    { maxItems: 1000 },
  ),
});
const payloadCheck = TypeCompiler.Compile(WaPayload);
const valueCheck = TypeCompiler.Compile(WaValue);
type WaMessage = Static<typeof WaMessage>;

const STATUS: Record<string, DeliveryStatusUpdate['status']> = { sent: 'sent', delivered: 'delivered', read: 'read', failed: 'failed' };

/**
 * The messages and delivery statuses of a verified WhatsApp webhook body. Changes for another phone
 * number (one Meta app can serve several) or of another field are ignored, as is anything whose
 * shape is not Meta's: the body was signed, so answering non-2xx would only make Meta retry it.
 */
export function parseWhatsApp(body: unknown, account: ChannelAccountRow, receivedAt: Date): ParsedWebhook {
  const out: ParsedWebhook = { messages: [], statuses: [], ignored: [] };
  if (!payloadCheck.Check(body) || body.object !== 'whatsapp_business_account') {
    out.ignored.push('not a whatsapp_business_account payload');
    return out;
  }
  const settings = account.settings as WhatsAppSettings;
  for (const entry of body.entry) {
    for (const change of entry.changes) {
      if (change.field !== undefined && change.field !== 'messages') {
        out.ignored.push(`field ${change.field.slice(0, 50)}`);
        continue;
      }
      const value = change.value;
      if (!valueCheck.Check(value)) {
        out.ignored.push('change value not in the documented shape');
        continue;
      }
      const phoneNumberId = value.metadata?.phone_number_id;
      if (phoneNumberId !== settings.phoneNumberId) {
        out.ignored.push(`phone_number_id ${String(phoneNumberId).slice(0, 40)} is not this account's`);
        continue;
      }
      const ours = e164(value.metadata?.display_phone_number ?? '') ?? settings.displayPhoneNumber;
      for (const m of value.messages ?? []) {
        const msg = toMessage(m, value.contacts ?? [], phoneNumberId, ours);
        if (msg) out.messages.push(msg);
        else out.ignored.push(`message from ${m.from.slice(0, 20)} is not a phone number`);
      }
      for (const s of value.statuses ?? []) {
        const status = STATUS[s.status];
        if (!status) {
          out.ignored.push(`status ${s.status.slice(0, 20)}`);
          continue;
        }
        const err = s.errors?.[0];
        out.statuses.push({
          channel: 'whatsapp',
          accountId: account.id,
          providerMessageId: s.id,
          status,
          at: epochSeconds(s.timestamp) ?? receivedAt,
          recipient: s.recipient_id ? e164(s.recipient_id) : null,
          error: err ? { code: String(err.code ?? 'unknown'), message: storable(err.message ?? err.title ?? '').slice(0, 500) } : null,
        });
      }
    }
  }
  return out;
}

function toMessage(
  m: WaMessage,
  contacts: { wa_id?: string; profile?: { name?: string } }[],
  phoneNumberId: string,
  ours: string | null,
): InboundChannelMessage | null {
  const from = e164(m.from);
  if (!from) return null;
  const contact = contacts.find((c) => c.wa_id === m.from) ?? (contacts.length === 1 ? contacts[0] : undefined);
  const name = contact?.profile?.name ? storable(contact.profile.name).slice(0, 200) : null;
  const { text, extra } = content(m);
  return {
    dedupeKey: m.id,
    identity: { kind: 'phone', value: from },
    from,
    name,
    locale: null,
    text: storable(text).slice(0, 100_000),
    meta: channelMeta({
      [CHANNEL_META.from]: from,
      [CHANNEL_META.to]: ours,
      [CHANNEL_META.providerMessageId]: m.id,
      [CHANNEL_META.profileName]: name,
      [CHANNEL_META.messageType]: m.type,
      [CHANNEL_META.waId]: contact?.wa_id ?? m.from,
      [CHANNEL_META.phoneNumberId]: phoneNumberId,
      [CHANNEL_META.replyTo]: m.context?.id,
      ...extra,
    }),
  };
}

/** The text a message type stands for, and the meta that keeps what text cannot (media ids, coordinates). */
function content(m: WaMessage): { text: string; extra: Record<string, string | undefined> } {
  const media = (kind: 'image' | 'video' | 'audio' | 'document' | 'sticker') => {
    const x = m[kind];
    const label = kind === 'document' && x?.filename ? `[document: ${x.filename}]` : `[${kind}]`;
    return {
      text: x?.caption?.trim() ? x.caption : label,
      extra: { [CHANNEL_META.media]: x?.id, [CHANNEL_META.mediaTypes]: x?.mime_type },
    };
  };
  switch (m.type) {
    case 'text':
      return { text: m.text?.body?.trim() ? m.text.body : '[empty message]', extra: {} };
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      return media(m.type);
    case 'location': {
      const l = m.location;
      const place = [l?.name, l?.address].filter(Boolean).join(', ');
      return {
        text: place ? `[location: ${place}]` : '[location]',
        extra: { [CHANNEL_META.location]: l ? `${l.latitude},${l.longitude}` : undefined },
      };
    }
    case 'interactive': {
      const r = m.interactive?.button_reply ?? m.interactive?.list_reply;
      return { text: r?.title?.trim() ? r.title : '[interactive reply]', extra: {} };
    }
    case 'button':
      return { text: m.button?.text?.trim() ? m.button.text : '[button]', extra: {} };
    case 'reaction':
      return {
        text: `[reaction${m.reaction?.emoji ? ` ${m.reaction.emoji}` : ''}]`,
        extra: { [CHANNEL_META.replyTo]: m.reaction?.message_id },
      };
    case 'contacts': {
      const names = (m.contacts ?? []).map((c) => c.name?.formatted_name).filter(Boolean);
      return { text: names.length ? `[contact: ${names.join(', ')}]` : '[contact]', extra: {} };
    }
    default:
      return { text: `[${m.type.replace(/[^a-z_]/gi, '') || 'unknown'} message]`, extra: {} };
  }
}
