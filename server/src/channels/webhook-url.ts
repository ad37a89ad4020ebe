import type { ChannelKind } from './accounts.repo.js';

/** The provider-facing path segment of each kind (Twilio SMS webhooks live under /webhooks/twilio). */
export const WEBHOOK_SEGMENT: Record<ChannelKind, string> = { whatsapp: 'whatsapp', telegram: 'telegram', sms: 'twilio' };

/** The path a provider calls for an account. */
export const webhookPath = (kind: ChannelKind, webhookId: string): string => `/webhooks/${WEBHOOK_SEGMENT[kind]}/${webhookId}`;
