import { ChannelSendError, field, post, transientStatus, trimBase, type HttpOptions, type SentPart } from './http.js';

/**
 * Telegram Bot API sendMessage: POST {base}/bot<token>/sendMessage, JSON {chat_id, text}.
 * https://core.telegram.org/bots/api#sendmessage (text: 1-4096 characters after entities parsing)
 * https://core.telegram.org/bots/api#making-requests (ok / error_code / description / parameters.retry_after)
 */
export const TELEGRAM_DEFAULT_URL = 'https://api.telegram.org';
export const TELEGRAM_TEXT_MAX = 4096;

export interface TelegramAccount {
  botToken: string;
}

/** A chat id is an integer (negative for groups); sent as a JSON number when it is one, so the body is what the docs show. */
function chatId(to: string): number | string {
  return /^-?\d{1,18}$/.test(to) && Number.isSafeInteger(Number(to)) ? Number(to) : to;
}

export const telegramBody = (to: string, text: string): Record<string, unknown> => ({ chat_id: chatId(to), text });

/** What an `ok: false` answer means: 429 (with retry_after) and 5xx pass; 403 (blocked by the user), 400 (chat not found) stay. */
export function classifyTelegram(status: number, json: unknown): ChannelSendError {
  const code = typeof field(json, 'error_code') === 'number' ? (field(json, 'error_code') as number) : status;
  const desc = typeof field(json, 'description') === 'string' ? (field(json, 'description') as string).slice(0, 300) : '';
  const retryAfter = field(field(json, 'parameters'), 'retry_after');
  const text = `Telegram ${code}${desc ? `: ${desc}` : ''}`;
  const kind = transientStatus(code) ? 'transient' : 'permanent';
  return new ChannelSendError(kind, text, status, code, typeof retryAfter === 'number' ? retryAfter * 1000 : undefined);
}

/** Sends one message part (≤ 4096 characters: split before). The id is result.message_id, unique within the chat. */
export async function sendTelegram(
  baseUrl: string,
  account: TelegramAccount,
  to: string,
  text: string,
  opts: HttpOptions = {},
): Promise<SentPart> {
  // The token is part of the path by design of the Bot API; it never goes into an error message.
  const url = `${trimBase(baseUrl)}/bot${account.botToken}/sendMessage`;
  const answer = await post('Telegram', url, { 'content-type': 'application/json' }, JSON.stringify(telegramBody(to, text)), opts);
  if (answer.status < 200 || answer.status > 299 || field(answer.json, 'ok') !== true) throw classifyTelegram(answer.status, answer.json);
  const id = field(field(answer.json, 'result'), 'message_id');
  if (typeof id !== 'number') throw new ChannelSendError('transient', 'Telegram: no message_id in the answer', answer.status);
  // As the inbound side names Telegram messages: '<chat id>:<message_id>'.
  return { providerMessageId: `${to}:${id}` };
}
