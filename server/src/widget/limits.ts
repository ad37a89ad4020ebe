import { RateLimiter } from '../abuse/limiter.js';

/** How much one IP and one visitor may do; a server behind a proxy must set trustProxy for per-IP limits to mean anything. */
export interface WidgetLimitsConfig {
  /** New sessions, identify and offline posts per IP: burst, then per second. */
  ipRequests: { capacity: number; refillPerSecond: number };
  /** Socket connections per IP. */
  ipSockets: { capacity: number; refillPerSecond: number };
  /** Messages per visitor. */
  visitorMessages: { capacity: number; refillPerSecond: number };
  /** Any frame per socket (typing, pings). */
  socketFrames: { capacity: number; refillPerSecond: number };
  /** Characters in one message. */
  maxMessageLength: number;
  /** Sockets held open per visitor (tabs). */
  socketsPerVisitor: number;
}

export const DEFAULT_WIDGET_LIMITS: WidgetLimitsConfig = {
  ipRequests: { capacity: 30, refillPerSecond: 0.5 },
  ipSockets: { capacity: 30, refillPerSecond: 0.5 },
  visitorMessages: { capacity: 10, refillPerSecond: 0.5 },
  socketFrames: { capacity: 60, refillPerSecond: 5 },
  maxMessageLength: 5000,
  socketsPerVisitor: 10,
};

export class WidgetLimits {
  readonly ipRequests: RateLimiter;
  readonly ipSockets: RateLimiter;
  readonly visitorMessages: RateLimiter;
  readonly config: WidgetLimitsConfig;

  constructor(config: Partial<WidgetLimitsConfig> = {}) {
    this.config = { ...DEFAULT_WIDGET_LIMITS, ...config };
    this.ipRequests = new RateLimiter(this.config.ipRequests);
    this.ipSockets = new RateLimiter(this.config.ipSockets);
    this.visitorMessages = new RateLimiter(this.config.visitorMessages);
  }

  /** A limiter for one socket's frames (kept with the socket, gone with it). */
  socketFrames(): RateLimiter {
    return new RateLimiter({ ...this.config.socketFrames, maxKeys: 1 });
  }
}
