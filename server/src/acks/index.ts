/**
 * Auto-acknowledgements: pure parts. The promise (eta.ts), its sentence in the customer's language
 * and time (compose.ts, texts.ts), whether a message may be answered automatically at all
 * (suppress.ts, RFC 3834) and the per-sender window (rate-limit.ts). No clock, no database.
 *
 *   const eta = promiseEta({ now, calendar, medianMinutes, queueAhead, agents, timeZone });
 *   const ack = composeAck({ now, due: eta.due, locale, formality, timeZone, fallbackZone });
 *   suppression(channelMeta, { sender, selfIds });   // { reason, detail } | null
 *   rateLimit(lastSentAt, now, windowMinutes);        // { allowed } …
 */
export { composeAck, languageChain, turkishDative, type AckDay, type AckText, type AckTextInput } from './compose.js';
export {
  ETA_POLICY,
  medianFirstReply,
  promiseEta,
  roundUp,
  type Eta,
  type EtaInput,
  type EtaPolicy,
  type FirstReplySample,
} from './eta.js';
export { DEFAULT_WINDOW_MINUTES, rateLimit, senderKey, type RateDecision } from './rate-limit.js';
export {
  addressOf,
  headerReader,
  isAutomatedAddress,
  suppression,
  SUPPRESSION_KEYS,
  type Suppression,
  type SuppressReason,
} from './suppress.js';
export { ACK_TEXTS } from './texts.js';
