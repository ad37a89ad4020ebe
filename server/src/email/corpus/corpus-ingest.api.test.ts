import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../test/engines.js';
import { makeWorkspace } from '../../test/harness.js';
import { addMailbox } from '../../test/mail/inbound.js';
import { startIngestCase, type IngestCase } from '../../test/mail/ingest-fixture.js';
import { loadCorpus } from './corpus.js';

/**
 * Acceptance item 2 through the real ingest, on both engines: every corpus message ends as its
 * manifest says, ingested (a conversation, a suppressed automatic mail, or a bounce) or
 * quarantined, and nothing throws. Each message is delivered two hours after the last, so the
 * per-sender cap never decides an outcome.
 */
const corpus = loadCorpus();
const INGESTED = ['created', 'continued', 'suppressed', 'bounce'];

/** Well-formed delivery reports: what they must end as, beyond the manifest's "ingest". */
const EXACT: Record<string, string> = {
  'messages/cpython/msg_16.eml': 'bounce',
  'messages/cpython/msg_43.eml': 'bounce',
  'messages/mailparser/delivery-status.eml': 'bounce',
  'messages/mikel-mail/report_422.eml': 'suppressed',
  'messages/sisimai/rfc3834-01.eml': 'suppressed',
  'messages/sisimai/rfc3834-03.eml': 'suppressed',
  'messages/sisimai/rfc3834-04.eml': 'suppressed',
};

/**
 * Where the ingest disagrees with the manifest (whose `expect` came from mailparser alone): the
 * outcome the ingest gives instead, and why that is kept.
 */
const NO_HEADER = 'the header block holds no header field at all: not a message (as erroneous.eml, which the manifest quarantines)';
const NO_CONTENT = 'no body, subject or attachment: nothing a conversation could show (kept in quarantine with its raw bytes)';
const DISAGREES: Record<string, { outcome: string; why: string }> = {
  'messages/cpython/msg_19.eml': { outcome: 'quarantined:not_a_message', why: NO_HEADER },
  'messages/stalwart-mail-parser/regressions/garbage-line-before-fold.eml': { outcome: 'quarantined:not_a_message', why: NO_HEADER },
  'messages/stalwart-mail-parser/regressions/header-name-smuggled-subject.eml': { outcome: 'quarantined:not_a_message', why: NO_HEADER },
  'messages/cpython/msg_40.eml': { outcome: 'quarantined:empty', why: `${NO_CONTENT}; its HTML is <html></html>` },
  'messages/enmime/parts/malformed-content-type-params.eml': { outcome: 'quarantined:empty', why: NO_CONTENT },
  'messages/enmime/parts/missing-closing-param-quote.eml': { outcome: 'quarantined:empty', why: NO_CONTENT },
};

describe.each(ENGINES)('email corpus through the ingest on $engine', (engine) => {
  let c: IngestCase;

  beforeAll(async () => {
    if (engine.available) c = await startIngestCase(engine);
  });
  afterAll(async () => {
    await c?.close();
  });

  // Its own workspace for each: the upstream suites reuse Message-IDs across different messages.
  it.skipIf(!engine.available).each(corpus.map((m) => [m.file, m] as const))('%s', async (_file, m) => {
    c.h.clock.advance(2 * 3600_000);
    const ws = await makeWorkspace(c.h);
    const mailbox = `corpus-${ws.slug}@help.example.test`;
    await addMailbox(c.h, ws.id, mailbox);
    const deliver = () => c.deliver(m.raw, { workspaceId: ws.id, rcptTo: [mailbox], mailFrom: 'sender@corpus.example' });
    const out = await deliver();
    const detail = `${m.notes}: ${JSON.stringify(out)}`;
    const known = DISAGREES[m.file];
    if (known) expect(`${out.kind}${'reason' in out ? `:${out.reason}` : ''}`, detail).toBe(known.outcome);
    else expect(m.expect === 'quarantine' ? ['quarantined'] : INGESTED, detail).toContain(out.kind);
    if (EXACT[m.file]) expect(out.kind, detail).toBe(EXACT[m.file]);
    // A second delivery of the same bytes is a duplicate, whatever the first one was.
    expect((await deliver()).kind).toBe('duplicate');
    if (out.kind === 'created' || out.kind === 'continued') {
      const stored = await c.messages(out.conversationId, ws.id);
      expect(stored.some((s) => s.id === out.messageId)).toBe(true);
    }
  });
});
