import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { deepNesting, hugeHeaders, manyParts } from '../test/mail/hostile.js';
import { startIngestCase, type IngestCase } from '../test/mail/ingest-fixture.js';
import { parseMail } from './parse-mail.js';

/**
 * Hostile structure through the real ingest on both engines: quarantined with the guard's reason
 * (so mailparser never built the tree; the guard is one linear scan holding a boundary stack), the
 * raw bytes kept for an admin, nothing opened, and reprocessing keeps it where it is.
 */
const CASES: [string, () => Buffer, string][] = [
  ['5,000 parts', () => manyParts(5000), 'too_many_parts'],
  [
    '5,000 parts behind an RFC 2231 boundary',
    () => manyParts(5000, (b) => `boundary*0="${b.slice(0, 4)}"; boundary*1="${b.slice(4)}"`),
    'too_many_parts',
  ],
  ['300 KB of headers', () => hugeHeaders(300 * 1024), 'huge_headers'],
  ['multiparts nested 50 deep', () => deepNesting(50), 'too_deep'],
];

describe('hostile mail is stopped before the parser', () => {
  it.each(CASES)('%s', async (_what, build, reason) => {
    expect(await parseMail(build())).toMatchObject({ ok: false, reason });
  });
});

describe.each(ENGINES)('hostile mail through the ingest on $engine', (engine) => {
  let c: IngestCase;

  beforeAll(async () => {
    if (engine.available) c = await startIngestCase(engine);
  });
  afterAll(async () => {
    await c?.close();
  });

  it.skipIf(!engine.available).each(CASES)('%s: quarantined with the reason, raw kept, nothing opened', async (_what, build, reason) => {
    const before = await c.count(`conversations WHERE workspace_id = $1`);
    const raw = build();
    const out = await c.deliver(raw);
    expect(out).toMatchObject({ kind: 'quarantined', reason });
    if (out.kind !== 'quarantined') return;
    const row = await c.h.db.query<{ detail: string; sender: string | null; raw_key: string }>(
      `SELECT q.detail, q.sender, m.raw_key FROM mail_quarantine q JOIN mail_messages m ON m.id = q.mail_message_id
        WHERE q.workspace_id = $1 AND q.id = $2`,
      [c.ws.id, out.quarantineId],
    );
    expect(row.rows[0]!.detail).not.toBe('');
    expect((await c.mail.blobs.get(row.rows[0]!.raw_key)).equals(raw)).toBe(true);
    expect(await c.count(`conversations WHERE workspace_id = $1`)).toBe(before);
    expect(await c.count(`attachments WHERE workspace_id = $1`)).toBe(0);

    // An admin releasing it gets the same verdict; it stays listed and can be tried again.
    const again = await c.mail.ingest.reprocess(c.ws.id, out.quarantineId);
    expect(again).toEqual({ kind: 'quarantined', workspaceId: c.ws.id, quarantineId: out.quarantineId, reason });
    const q = await c.h.db.query<{ released_at: Date | null }>(`SELECT released_at FROM mail_quarantine WHERE id = $1`, [out.quarantineId]);
    expect(q.rows[0]!.released_at).toBeNull();
    // Redelivered, it is the same message, not a second quarantine entry.
    expect((await c.deliver(raw)).kind).toBe('duplicate');
  });
  it.skipIf(!engine.available)('NUL and other control bytes in any header or the body never fail the delivery', async () => {
    const nul = '\u0000';
    const raw = Buffer.from(
      [
        `From: Nul${nul}Name <nul@hostile.example>`,
        `To: ${c.mailbox}`,
        `Subject: sub${nul}ject`,
        `Message-ID: <nul${nul}id@hostile.example>`,
        `In-Reply-To: <parent${nul}@hostile.example>`,
        `References: <a${nul}@hostile.example> <b@hostile.example>`,
        `X-Mailer: mailer${nul}1.0`,
        `Content-Language: de${nul}`,
        `Auto-Submitted: no${nul}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        `body with a NUL${nul} byte and \u0001 control`,
        '',
      ].join('\r\n'),
      'latin1',
    );
    // A throw here is a 451 to the sending server, which retries the same bytes forever.
    const out = await c.deliver(raw);
    expect(['created', 'suppressed', 'quarantined']).toContain(out.kind);
    expect((await c.deliver(raw)).kind).toBe('duplicate');
  });
});
