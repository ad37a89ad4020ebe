import en from './messages/en.json';
import type { Locale } from './locales';

/** Every message id; en.json is the source of truth and other locales must have exactly its keys. */
export type MessageId = keyof typeof en;
export type Messages = Record<MessageId, string>;

export const EN_MESSAGES: Messages = en;

// Other languages are fetched when chosen, so the initial download carries English only.
const lazy = import.meta.glob<Messages>(['./messages/*.json', '!./messages/en.json'], { import: 'default' });

export async function loadMessages(locale: Locale): Promise<Messages> {
  if (locale === 'en') return EN_MESSAGES;
  const load = lazy[`./messages/${locale}.json`];
  return load ? load() : EN_MESSAGES;
}
