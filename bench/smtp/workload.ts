/**
 * The smtp bench's messages: 90% plain customer mail (each its own sender and Message-ID, 0.3–2 KB),
 * 10% malformed messages from the parsing corpus (server/src/email/corpus, kind "malformed"), each
 * given a Message-ID of its own so ingest stores every one instead of recognising a redelivery.
 */
import { loadCorpus } from '../../server/src/email/corpus/corpus.js';

export interface BenchMessage {
  from: string;
  raw: Buffer;
  malformed: boolean;
}

const SENTENCES = [
  'My order has not arrived yet and the tracking page has not changed for a week.',
  'Could you please check the invoice? The amount differs from the quote.',
  'I would like to change the delivery address to my office.',
  'The device stopped charging after the last update.',
  'Thank you for the quick answer last time; I have one more question.',
  'Is there a discount for annual plans for non-profit organisations?',
];

/** The header block without its Message-ID lines (folded continuations included). */
function withMessageId(raw: Buffer, id: string): Buffer {
  const text = raw.toString('latin1');
  const m = /\r?\n\r?\n/.exec(text);
  const head = m ? text.slice(0, m.index) : text;
  const rest = m ? text.slice(m.index) : '';
  const cleaned = head.replace(/^Message-ID:.*(\r?\n[ \t].*)*(\r?\n)?/gim, '');
  return Buffer.from(`Message-ID: <${id}>\r\n${cleaned}${rest}`, 'latin1');
}

export function makeMessages(n: number, malformedShare: number, run: string, to: string): BenchMessage[] {
  const malformed = loadCorpus().filter((m) => m.kind === 'malformed');
  if (malformed.length === 0) throw new Error('the corpus has no malformed messages');
  const every = malformedShare > 0 ? Math.round(1 / malformedShare) : Infinity;
  return Array.from({ length: n }, (_, i) => {
    const id = `bench-${run}-${i}@bench.meridian.test`;
    if ((i + 1) % every === 0) {
      const m = malformed[Math.floor(i / every) % malformed.length]!;
      return { from: `malformed-${run}-${i}@example.com`, raw: withMessageId(m.raw, id), malformed: true };
    }
    const from = `customer-${run}-${i}@example.com`;
    const body = Array.from({ length: 2 + (i % 12) }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]).join('\r\n');
    const raw = [
      `From: Customer ${i} <${from}>`,
      `To: <${to}>`,
      `Subject: Question ${i} about my account`,
      `Message-ID: <${id}>`,
      'Date: Mon, 02 Mar 2026 09:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
      '',
    ].join('\r\n');
    return { from, raw: Buffer.from(raw, 'utf8'), malformed: false };
  });
}
