import { acknowledgeConversation } from '../../acks/acknowledge.js';
import { sendDueMail, type MailSenderDeps, type PassResult } from '../../email/outbound/send-mail.js';
import { ThreadTokens } from '../../email/thread-token.js';
import { outboxBacklog } from '../../events/events.repo.js';
import { mailOnEvents } from '../../jobs/mail-send.job.js';
import { OutboxProcessor } from '../../jobs/outbox-processor.js';
import type { EngineCase } from '../engines.js';
import { call } from '../harness.js';
import { startIngestCase, type IngestCase } from './ingest-fixture.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

/**
 * The outbound half of a mail test on one engine: the ingest case (a workspace with a mailbox), the
 * outbox processor with the mail handler (as the server wires it, without pg-boss: `flush` drains
 * events, then runs the sender pass at the harness clock), and a real SMTP receiver as the server's
 * relay.
 */
export interface OutboundCase extends IngestCase {
  sink: SmtpSink;
  outbox: OutboxProcessor;
  sender: MailSenderDeps;
  /** Drains committed events into mail_outbox rows, then sends what is due. */
  flush(): Promise<PassResult>;
  /** Drains every committed event (waiting out other test files' open transactions on a shared PostgreSQL). */
  drainAll(): Promise<void>;
  /** A reply through the API (agent token), returning the message id. */
  reply(conversationId: string, body: Record<string, unknown>): Promise<string>;
  /** Runs the acknowledgement for a conversation (as the ack job would). */
  acknowledge(conversationId: string): Promise<void>;
  outboxRows(conversationId?: string): Promise<Record<string, any>[]>;
  handlerErrors: unknown[];
}

export async function startOutboundCase(engine: EngineCase, opts: { sink?: SmtpSink } = {}): Promise<OutboundCase> {
  const c = await startIngestCase(engine);
  const sink = opts.sink ?? (await startSmtpSink());
  const handlerErrors: unknown[] = [];
  const outbox = new OutboxProcessor(c.h.db, c.h.clock, [
    mailOnEvents(
      () => undefined,
      (err) => handlerErrors.push(err),
    ),
  ]);
  const sender: MailSenderDeps = {
    db: c.h.db,
    clock: c.h.clock,
    box: c.box,
    tokens: new ThreadTokens(c.box),
    serverRelay: `smtp://${sink.host}:${sink.port}`,
    allowedHosts: [],
    heloName: 'meridian.test',
  };
  const out: OutboundCase = Object.assign(c, {
    sink,
    outbox,
    sender,
    handlerErrors,
    async drainAll() {
      // The drain only takes events older than every running transaction in the cluster, so another
      // test file's open transaction can hold it back for a moment: wait until the backlog is empty.
      for (let i = 0; i < 500 && ((await outbox.drain()) > 0 || (await outboxBacklog(c.h.db, 'default')) > 0); i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async flush() {
      await out.drainAll();
      return sendDueMail(sender);
    },
    async reply(conversationId: string, body: Record<string, unknown>) {
      const res = await call(c.h, c.ws.token, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
        direction: 'outbound',
        ...body,
      });
      if (res.statusCode !== 201) throw new Error(`reply: ${res.statusCode} ${res.body}`);
      return res.json().id as string;
    },
    async acknowledge(conversationId: string) {
      await c.h.db.transaction((tx) => acknowledgeConversation(tx, c.ws.id, conversationId, c.h.clock()));
    },
    async outboxRows(conversationId?: string) {
      const { rows } = await c.h.db.query<Record<string, any>>(
        `SELECT * FROM mail_outbox WHERE workspace_id = $1 ${conversationId ? 'AND conversation_id = $2' : ''} ORDER BY created_at, id`,
        conversationId ? [c.ws.id, conversationId] : [c.ws.id],
      );
      return rows;
    },
  });
  const close = c.close;
  out.close = async () => {
    await outbox.stop();
    await sink.stop();
    await close();
  };
  return out;
}

/** The header block of raw mail bytes, unfolded, as [lower-case name, value] lines in order. */
export function rawHeaders(raw: Buffer): [string, string][] {
  const head = raw.toString('latin1').split('\r\n\r\n')[0]!;
  return head
    .replace(/\r\n[ \t]/g, ' ')
    .split('\r\n')
    .map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()] as [string, string]);
}
