import type { Db } from '../db/types.js';
import type { PublicEvent } from '../http/deps.js';
import { presentMessages } from './present.js';
import type { ServerFrame } from './protocol.js';
import { visibleMessages } from './widget.repo.js';

/** One open widget socket, as the gateway sees it. */
export interface WidgetConn {
  workspaceId: string;
  visitorId: string;
  send(frame: ServerFrame): void;
}

interface WorkspaceWatch {
  unsubscribe: () => void;
  byConversation: Map<string, Set<WidgetConn>>;
  /** Each visitor's sockets (tabs), and for each socket the conversations it watches: closing one touches only those. */
  byVisitor: Map<string, Map<WidgetConn, Set<string>>>;
  size: number;
}

type Subscribe = (workspaceId: string, fn: (ev: PublicEvent) => void) => () => void;

/** Acked messages remembered until their event passes (an event that never comes is forgotten after this many). */
const MAX_ACKED = 10_000;

/**
 * Fans committed events out to the widget sockets that may see them: one hub subscription per
 * workspace with sockets open, and an index by conversation, so an agent's reply costs one lookup and
 * one query however many visitors are connected. Only what the visitor may read is sent: replies as
 * visibleMessages presents them (no notes, no reply still waiting for its reviewer), status changes, and
 * agents' typing (ephemeral, published straight to the hub).
 */
export class WidgetGateway {
  private readonly workspaces = new Map<string, WorkspaceWatch>();
  /** Message id → the socket whose ack already carried it. */
  private readonly acked = new Map<string, WidgetConn>();

  constructor(
    private readonly db: Db,
    private readonly subscribe: Subscribe | undefined,
    private readonly onError: (err: unknown) => void,
  ) {}

  attach(conn: WidgetConn): void {
    let w = this.workspaces.get(conn.workspaceId);
    if (!w) {
      const watch: WorkspaceWatch = { unsubscribe: () => undefined, byConversation: new Map(), byVisitor: new Map(), size: 0 };
      watch.unsubscribe = this.subscribe?.(conn.workspaceId, (ev) => this.onEvent(conn.workspaceId, watch, ev)) ?? (() => undefined);
      this.workspaces.set(conn.workspaceId, (w = watch));
    }
    let tabs = w.byVisitor.get(conn.visitorId);
    if (!tabs) w.byVisitor.set(conn.visitorId, (tabs = new Map()));
    if (!tabs.has(conn)) {
      tabs.set(conn, new Set());
      w.size++;
    }
  }

  /** The conversation's events reach this socket from now on. */
  watch(conn: WidgetConn, conversationId: string): void {
    const w = this.workspaces.get(conn.workspaceId);
    if (!w) return;
    const watched = w.byVisitor.get(conn.visitorId)?.get(conn);
    if (!watched) return;
    watched.add(conversationId);
    let set = w.byConversation.get(conversationId);
    if (!set) w.byConversation.set(conversationId, (set = new Set()));
    set.add(conn);
  }

  /** Every socket of the visitor (other tabs too) follows a conversation it just started. */
  watchForVisitor(workspaceId: string, visitorId: string, conversationId: string): void {
    const w = this.workspaces.get(workspaceId);
    if (!w) return;
    for (const c of w.byVisitor.get(visitorId)?.keys() ?? []) this.watch(c, conversationId);
  }

  socketsOf(workspaceId: string, visitorId: string): number {
    return this.workspaces.get(workspaceId)?.byVisitor.get(visitorId)?.size ?? 0;
  }

  detach(conn: WidgetConn): void {
    const w = this.workspaces.get(conn.workspaceId);
    if (!w) return;
    const tabs = w.byVisitor.get(conn.visitorId);
    const watched = tabs?.get(conn);
    if (!tabs || !watched) return;
    tabs.delete(conn);
    if (tabs.size === 0) w.byVisitor.delete(conn.visitorId);
    w.size--;
    for (const id of watched) {
      const set = w.byConversation.get(id);
      set?.delete(conn);
      if (set?.size === 0) w.byConversation.delete(id);
    }
    if (w.size === 0) {
      w.unsubscribe();
      this.workspaces.delete(conn.workspaceId);
    }
  }

  /**
   * The socket that sent a message has it from its ack: its message.created event then goes only to the
   * visitor's other tabs, and costs no query when there are none (the common case, once per message sent).
   */
  ackedTo(conn: WidgetConn, messageId: string): void {
    if (this.acked.size >= MAX_ACKED) this.acked.delete(this.acked.keys().next().value!);
    this.acked.set(messageId, conn);
  }

  /** Typing or presence that is not stored: straight to the conversation's sockets. */
  relay(workspaceId: string, conversationId: string, frame: ServerFrame): void {
    for (const c of this.workspaces.get(workspaceId)?.byConversation.get(conversationId) ?? []) c.send(frame);
  }

  get connections(): number {
    let n = 0;
    for (const w of this.workspaces.values()) n += w.size;
    return n;
  }

  private onEvent(workspaceId: string, w: WorkspaceWatch, ev: PublicEvent): void {
    const messageId = typeof ev.payload.messageId === 'string' ? ev.payload.messageId : null;
    // Forgotten at the message's first event (conversation.created for a first message, else message.created).
    const sender = messageId ? this.acked.get(messageId) : undefined;
    if (sender) this.acked.delete(messageId!);
    const conversationId = typeof ev.payload.conversationId === 'string' ? ev.payload.conversationId : null;
    if (!conversationId) return;
    const conns = w.byConversation.get(conversationId);
    if (!conns || conns.size === 0) return;
    if ((ev.type === 'message.created' || ev.type === 'message.outbound_ready') && messageId) {
      // Before the ack was remembered (rare), the sender gets it twice; the widget keeps one per id.
      const targets = sender ? new Set([...conns].filter((c) => c !== sender)) : conns;
      if (targets.size > 0) void this.pushMessage(workspaceId, conversationId, messageId, targets);
    } else if (ev.type === 'conversation.updated' && typeof ev.payload.status === 'string') {
      for (const c of conns) c.send({ t: 'status', conversationId, status: ev.payload.status });
    } else if (ev.type === 'conversation.typing' && ev.payload.who === 'agent') {
      const name = typeof ev.payload.authorName === 'string' ? ev.payload.authorName : undefined;
      for (const c of conns) c.send({ t: 'typing', on: ev.payload.on === true, ...(name ? { authorName: name } : {}) });
    }
  }

  private async pushMessage(workspaceId: string, conversationId: string, messageId: string, conns: Set<WidgetConn>): Promise<void> {
    try {
      const [message] = await presentMessages(
        this.db,
        workspaceId,
        await visibleMessages(this.db, workspaceId, [conversationId], { messageId, limit: 1 }),
      );
      if (!message) return;
      for (const c of conns) c.send({ t: 'message', message });
    } catch (err) {
      this.onError(err);
    }
  }
}
