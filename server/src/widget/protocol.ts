/**
 * The widget's wire protocol: the HTTP bodies and WebSocket frames the embeddable widget (widget/)
 * and the server (server/src/widget/) exchange. Types only and no imports, so the browser bundle
 * can share them without pulling server code in.
 *
 * HTTP (public, no login; every call names the workspace by its widget key `wk_…`):
 *   GET  /api/v1/widget/config?key=wk_…            → WidgetConfig
 *   POST /api/v1/widget/sessions  SessionRequest    → SessionResponse     (new or resumed visitor)
 *   POST /api/v1/widget/identify  IdentifyRequest   → IdentifyResponse    (401 on a wrong or missing hash/JWT)
 *   POST /api/v1/widget/offline   OfflineRequest    → 201 OfflineResponse (message + e-mail when nobody is on shift)
 *   POST /api/v1/widget/attachments (raw body, Content-Type of the file, headers X-Widget-Key,
 *        X-Visitor-Token, X-File-Name) → WidgetAttachment
 *   POST /api/v1/public/surveys/answer { token, score, source: 'widget' } (a message's `survey`)
 * The visitor token is a bearer secret: sent in the body/headers or the socket's first frame, never in a URL.
 *
 * WebSocket: GET /api/v1/widget/socket?key=wk_…, then the client's first frame is `hello`.
 * Every message the visitor sends carries a client id; the server answers `ack` with the stored
 * message's id and never stores the same client id twice, so a resend after a reconnect is safe.
 * On `hello` with `since` (the last message id the client holds), the server replays every visible
 * message after it, so nothing is lost across a dropped socket.
 */

export type WidgetMessageAuthor = 'visitor' | 'agent' | 'system';

export interface WidgetAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/** A message as the visitor sees it (agents' internal notes are never sent). */
export interface WidgetMessage {
  id: string;
  conversationId: string;
  author: WidgetMessageAuthor;
  /** The agent's display name for agent messages. */
  authorName?: string;
  /** What the visitor reads: the delivered translation for a translated reply. */
  text: string;
  attachments: WidgetAttachment[];
  /** The client id the visitor sent it with (visitor messages only). */
  clientId?: string;
  createdAt: string;
  /** A satisfaction survey's invitation: the widget shows its scale under the text. */
  survey?: WidgetSurvey;
}

/**
 * The in-chat rating of a survey invitation. The widget posts the chosen score to
 * POST /api/v1/public/surveys/answer `{ token, score, source: 'widget' }` (no visitor token needed: the
 * signed link is the credential); 409 means it was answered already (elsewhere, by its e-mail link).
 */
export interface WidgetSurvey {
  token: string;
  min: number;
  max: number;
  /** The texts in the survey's language (which may differ from the widget's). */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The scale's name, its two ends ("0 = Not at all likely · 10 = Extremely likely"), and what is said after a score
   * (or when one was given already: 409 from the endpoint). */
  legend: string;
  ends: string;
  thanks: string;
  answered: string;
  /** A score is recorded: no buttons, the thanks. */
  done: boolean;
}

export interface PreChatField {
  name: 'name' | 'email' | 'phone' | (string & {});
  required: boolean;
  /** Labels per language tag; the widget's own strings cover name/email/phone. */
  label?: Record<string, string>;
}

export interface WidgetConfig {
  workspaceName: string;
  /** Whether the team that would answer is on shift now. */
  open: boolean;
  /** When it next opens (ISO instant), if closed and known. */
  nextOpenAt: string | null;
  /** The promised first reply (ISO instant), from the routing/calendar capability, when one can be given. */
  expectedReplyAt: string | null;
  /** The team's calendar zone (IANA), to show its hours; the widget shows instants in the visitor's own zone. */
  teamTimeZone: string | null;
  /** Today's opening hours of the team as ISO instants (start/end pairs), for "open 09:00–17:00". */
  hoursToday: { start: string; end: string }[];
  preChatFields: PreChatField[];
  /** Identity verification is required before chatting (widget setting). */
  identityRequired: boolean;
  maxMessageLength: number;
  maxAttachmentBytes: number;
  /** Greeting per language tag (optional; the widget has a default per language). */
  greeting?: Record<string, string>;
}

export interface SessionRequest {
  key: string;
  /** A token from an earlier session (localStorage); absent or unknown → a new visitor. */
  visitorToken?: string;
  /** The widget's language (browser or overridden), a BCP 47 tag. */
  locale?: string;
  /** The visitor's IANA time zone (Intl.DateTimeFormat().resolvedOptions().timeZone). */
  timeZone?: string;
  /** The page the widget runs on. */
  pageUrl?: string;
}

export interface SessionResponse {
  visitorToken: string;
  visitorId: string;
  verified: boolean;
  /** The visitor's open chat conversation, if any. */
  conversationId: string | null;
}

export interface IdentifyRequest {
  key: string;
  visitorToken: string;
  /** The site's own user id. */
  id: string;
  email?: string;
  name?: string;
  /** hex HMAC-SHA256(id) under the workspace's widget secret. Either hash or jwt. */
  hash?: string;
  /** HS256 JWT signed with the widget secret: sub = id, optional email/name claims, exp required. */
  jwt?: string;
}

export interface IdentifyResponse {
  verified: true;
  customerId: string;
}

export interface OfflineRequest {
  key: string;
  visitorToken: string;
  email: string;
  name?: string;
  text: string;
  /** Client id, so a retried form post creates one conversation. */
  clientId: string;
}

export interface OfflineResponse {
  conversationId: string;
  messageId: string;
}

// ---- WebSocket frames --------------------------------------------------------------------------

export type ClientFrame =
  | { t: 'hello'; visitorToken: string; since?: string | null }
  | {
      t: 'send';
      clientId: string;
      text: string;
      attachmentIds?: string[];
      /** Pre-chat answers, honoured on the first message of a conversation. */
      fields?: Record<string, string>;
    }
  | { t: 'typing'; on: boolean }
  | { t: 'ping' };

export type ServerFrame =
  | { t: 'welcome'; visitorId: string; conversationId: string | null; messages: WidgetMessage[] }
  | { t: 'ack'; clientId: string; message: WidgetMessage }
  | { t: 'message'; message: WidgetMessage }
  | { t: 'typing'; on: boolean; authorName?: string }
  | { t: 'status'; conversationId: string; status: string }
  | { t: 'error'; code: string; message: string; clientId?: string }
  | { t: 'pong' };

/** Close codes the server uses (4000–4999 are the application's). */
export const WIDGET_CLOSE = {
  /** Unknown key, unknown or missing visitor token in hello. */
  unauthorized: 4401,
  /** The visitor or the conversation was blocked as spam. */
  blocked: 4403,
  /** Too many frames or connections. */
  rateLimited: 4429,
  /** No hello within the first seconds. */
  helloTimeout: 4408,
} as const;
