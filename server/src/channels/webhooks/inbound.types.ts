import type { ChannelKind } from '../accounts.repo.js';

/** One customer message out of a provider's webhook, as every channel hands it to ingest. */
export interface InboundChannelMessage {
  /** The ledger key: a redelivery carries the same one (WhatsApp wamid, Telegram update_id, Twilio MessageSid). */
  dedupeKey: string;
  /** How the customer is found or created: phone (E.164) for WhatsApp and SMS, external `telegram:<user id>`. */
  identity: { kind: 'phone' | 'external'; value: string };
  /** The customer's address on the channel (CHANNEL_META.from; what a block names). */
  from: string;
  /** The profile name, for a new customer. */
  name: string | null;
  /** A language tag the customer's app reported (Telegram language_code), for a new customer's locale. */
  locale: string | null;
  /** The message text, or a bracketed placeholder for what has none (media, location…). */
  text: string;
  /** channel_meta without accountId (ingest adds it). */
  meta: Record<string, string>;
}

/** A provider's report on a message we sent, normalised across providers. */
export interface DeliveryStatusUpdate {
  channel: ChannelKind;
  accountId: string;
  /** The provider's id of our message (WhatsApp wamid, Twilio MessageSid). */
  providerMessageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  /** When the provider says it happened, or when we heard of it. */
  at: Date;
  /** Whom the message went to, as the provider names them (E.164 for phones), when given. */
  recipient: string | null;
  error: { code: string; message: string } | null;
}

/** What a webhook body holds once verified and parsed; `ignored` counts what was signed but not usable. */
export interface ParsedWebhook {
  messages: InboundChannelMessage[];
  statuses: DeliveryStatusUpdate[];
  ignored: string[];
}

/** Strings as PostgreSQL can store them: NUL dropped, lone surrogates replaced (a provider retrying a refused body never gets further). */
export const storable = (s: string): string => s.replace(/\u0000/g, '').toWellFormed();

/** A phone number as E.164 with '+', from digits with or without it; null when it is not one. */
export function e164(raw: string): string | null {
  const digits = raw
    .trim()
    .replace(/^\+/, '')
    .replace(/[\s()-]/g, '');
  return /^[1-9][0-9]{6,14}$/.test(digits) ? `+${digits}` : null;
}

/** A language tag the customer model accepts (BCP 47 shape, canonical case), or null. */
export function localeTag(raw: string | undefined | null): string | null {
  if (!raw || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(raw) || raw.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(raw)[0] ?? null;
  } catch {
    return null;
  }
}

/** Seconds since the epoch as a provider sends them (string or number), or null. */
export function epochSeconds(v: unknown): Date | null {
  const n = typeof v === 'string' ? Number(v) : typeof v === 'number' ? v : NaN;
  return Number.isFinite(n) && n > 0 && n < 1e11 ? new Date(n * 1000) : null;
}
