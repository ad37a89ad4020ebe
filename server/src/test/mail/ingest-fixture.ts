import { SecretBox } from '../../lib/secret-box.js';
import type { InboundEnvelope, IngestOutcome } from '../../email/ingest.types.js';
import type { EngineCase } from '../engines.js';
import { makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../harness.js';
import { addMailbox, ingestFor, rawMail } from './inbound.js';

/**
 * One harness with the real ingest for a file of ingest tests: a workspace with a support mailbox,
 * `deliver` for raw bytes or header maps, and the rows a test checks afterwards.
 */
export interface IngestCase {
  h: Harness;
  ws: TestWorkspace;
  mailbox: string;
  mail: ReturnType<typeof ingestFor>;
  box: SecretBox;
  /** Ingests bytes (or a message built from headers and a body) sent to the mailbox. */
  deliver(
    message: Buffer | { headers: Record<string, string>; body: string },
    envelope?: Partial<InboundEnvelope> & { workspaceId?: string },
  ): Promise<IngestOutcome>;
  messages(conversationId: string, workspaceId?: string): Promise<StoredMessage[]>;
  count(sql: string, params?: unknown[]): Promise<number>;
  close(): Promise<void>;
}

export interface StoredMessage {
  id: string;
  direction: string;
  authorType: string;
  authorId: string | null;
  text: string;
  html: string | null;
  language: string | null;
  channelMeta: Record<string, string>;
}

let seq = 0;

export async function startIngestCase(engine: EngineCase): Promise<IngestCase> {
  const box = SecretBox.random();
  const h = await startHarness(engine, { secretBox: box });
  const ws = await makeWorkspace(h);
  const mailbox = `support-${process.pid}-${++seq}@help.example.test`;
  await addMailbox(h, ws.id, mailbox);
  const mail = ingestFor(h, box);
  const c: IngestCase = {
    h,
    ws,
    mailbox,
    mail,
    box,
    deliver(message, envelope = {}) {
      const raw = Buffer.isBuffer(message) ? message : rawMail(message.headers, message.body);
      return mail.ingest.ingest(raw, {
        workspaceId: envelope.workspaceId ?? ws.id,
        mailFrom: envelope.mailFrom === undefined ? 'someone@example.com' : envelope.mailFrom,
        rcptTo: envelope.rcptTo ?? [mailbox],
        receivedVia: envelope.receivedVia ?? 'smtp',
      });
    },
    async messages(conversationId, workspaceId = ws.id) {
      const { rows } = await h.db.query<StoredMessage>(
        `SELECT id, direction, author_type AS "authorType", author_id AS "authorId", text, html, language, channel_meta AS "channelMeta"
           FROM messages WHERE workspace_id = $1 AND conversation_id = $2 ORDER BY created_at, id`,
        [workspaceId, conversationId],
      );
      return rows;
    },
    async count(sql, params = [ws.id]) {
      return (await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;
    },
    async close() {
      await h.close();
      mail.close();
    },
  };
  return c;
}

/** The conversation id of an outcome that has one (fails the test otherwise). */
export function conversationOf(o: IngestOutcome): string {
  if (!('conversationId' in o) || !o.conversationId) throw new Error(`no conversation in ${JSON.stringify(o)}`);
  return o.conversationId;
}
