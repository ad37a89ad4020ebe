import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import { rawMail } from '../test/mail/inbound.js';
import type { InboundEnvelope } from './ingest.types.js';

/**
 * The admin side of inbound mail over HTTP: addresses decide which workspace mail lands in,
 * quarantined mail can be downloaded and reprocessed once, bounced addresses are listed and
 * forgotten, and attachments come back byte for byte, only ever as downloads.
 */
describe.each(ENGINES)('mail admin routes on $engine', (engine) => {
  let h: Harness;
  let A: TestWorkspace;
  let B: TestWorkspace;
  let n = 0;
  const deliver = (ws: TestWorkspace, to: string, raw: Buffer, mailFrom: string | null = 'someone@customer.example') =>
    h.mailIngest.ingest(raw, { workspaceId: ws.id, mailFrom, rcptTo: [to], receivedVia: 'smtp' } satisfies InboundEnvelope & {
      workspaceId: string;
    });

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    A = await makeWorkspace(h);
    B = await makeWorkspace(h);
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('an address receives mail for one workspace, with its +tag forms, until it is removed', async () => {
    const address = `Help-${++n}@Admin.Example`;
    const created = await call(h, A.token, 'POST', '/api/v1/mail/addresses', { address, name: 'Help desk' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ address: address.toLowerCase(), name: 'Help desk' });
    expect((await call(h, A.token, 'GET', '/api/v1/mail/addresses')).json().data.map((a: { id: string }) => a.id)).toContain(
      created.json().id,
    );
    expect(await h.mailIngest.resolveRecipient(`help-${n}+billing@admin.example`)).toEqual({ workspaceId: A.id });
    // Another workspace cannot take it, nor see it.
    const taken = await call(h, B.token, 'POST', '/api/v1/mail/addresses', { address: address.toUpperCase() });
    expect(taken.statusCode).toBe(409);
    expect((await call(h, B.token, 'GET', '/api/v1/mail/addresses')).json().data).toEqual([]);
    expect((await call(h, B.token, 'DELETE', `/api/v1/mail/addresses/${created.json().id}`)).statusCode).toBe(404);
    // Agents do not manage addresses.
    expect((await call(h, await A.tokenFor('agent'), 'GET', '/api/v1/mail/addresses')).statusCode).toBe(403);

    expect((await call(h, A.token, 'DELETE', `/api/v1/mail/addresses/${created.json().id}`)).statusCode).toBe(204);
    expect(await h.mailIngest.resolveRecipient(address)).toBeNull();
  });

  it.skipIf(!engine.available)('quarantined mail is listed, downloaded as received, and reprocessed exactly once', async () => {
    const address = `loop-${++n}@admin.example`;
    expect((await call(h, A.token, 'POST', '/api/v1/mail/addresses', { address })).statusCode).toBe(201);
    // A message from the workspace's own address is a loop: kept aside, not a conversation.
    const raw = rawMail({ From: address, To: address, Subject: 'Loop? Lüge?', 'Message-ID': `<loop-${n}@admin.example>` }, 'echo\n');
    const out = await deliver(A, address, raw, address);
    expect(out).toMatchObject({ kind: 'quarantined', reason: 'loop' });
    const id = (out as { quarantineId: string }).quarantineId;

    const list = await call(h, A.token, 'GET', '/api/v1/mail/quarantine?released=false');
    expect(list.json().data).toEqual(
      expect.arrayContaining([expect.objectContaining({ id, reason: 'loop', sender: address, size: raw.length, releasedAt: null })]),
    );
    expect((await call(h, B.token, 'GET', '/api/v1/mail/quarantine')).json().data).toEqual([]);
    expect((await call(h, B.token, 'GET', `/api/v1/mail/quarantine/${id}/raw`)).statusCode).toBe(404);

    const download = await call(h, A.token, 'GET', `/api/v1/mail/quarantine/${id}/raw`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(raw)).toBe(true);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="quarantine-[0-9a-f-]+\.eml"/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');

    // Still a loop when reprocessed: it stays quarantined and can be tried again later.
    const again = await call(h, A.token, 'POST', `/api/v1/mail/quarantine/${id}/reprocess`);
    expect(again.json()).toMatchObject({ outcome: 'quarantined', reason: 'loop' });

    // Once the address is gone the same bytes are ordinary customer mail.
    const mine = (await call(h, A.token, 'GET', '/api/v1/mail/addresses'))
      .json()
      .data.find((a: { address: string }) => a.address === address);
    await call(h, A.token, 'DELETE', `/api/v1/mail/addresses/${mine.id}`);
    const other = `desk-${n}@admin.example`;
    await call(h, A.token, 'POST', '/api/v1/mail/addresses', { address: other });
    const released = await call(h, A.token, 'POST', `/api/v1/mail/quarantine/${id}/reprocess`);
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({ outcome: 'created' });
    const conv = await call(h, A.token, 'GET', `/api/v1/conversations/${released.json().conversationId}`);
    expect(conv.json()).toMatchObject({ channel: 'email', subject: 'Loop? Lüge?' });
    const second = await call(h, A.token, 'POST', `/api/v1/mail/quarantine/${id}/reprocess`);
    expect(second.statusCode).toBe(409);
    expect((await call(h, A.token, 'GET', `/api/v1/mail/quarantine/${id}`)).json()).toMatchObject({ releasedOutcome: 'created' });
    expect(
      (await call(h, A.token, 'GET', '/api/v1/mail/quarantine?released=false')).json().data.map((q: { id: string }) => q.id),
    ).not.toContain(id);
  });

  it.skipIf(!engine.available)('a bounce lists the failing address until an admin forgets it', async () => {
    const address = `bounces-${++n}@admin.example`;
    await call(h, A.token, 'POST', '/api/v1/mail/addresses', { address });
    const dsn = rawMail(
      {
        From: 'MAILER-DAEMON@mx.customer.example',
        To: address,
        Subject: 'Undelivered Mail Returned to Sender',
        'MIME-Version': '1.0',
        'Content-Type': 'multipart/report; report-type=delivery-status; boundary="r"',
      },
      [
        '--r',
        'Content-Type: text/plain',
        '',
        'The mail system could not deliver your message.',
        '--r',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.customer.example',
        '',
        'Final-Recipient: rfc822; Gone.Person@customer.example',
        'Action: failed',
        'Status: 5.1.1',
        'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
        '--r--',
        '',
      ].join('\n'),
    );
    expect(await deliver(A, address, dsn, null)).toMatchObject({ kind: 'bounce', failedAddresses: ['gone.person@customer.example'] });
    const failing = (await call(h, await A.tokenFor('agent'), 'GET', '/api/v1/mail/failing-addresses')).json().data;
    expect(failing).toEqual([expect.objectContaining({ address: 'gone.person@customer.example', status: '5.1.1', bounces: 1 })]);
    expect((await call(h, B.token, 'GET', '/api/v1/mail/failing-addresses')).json().data).toEqual([]);
    expect((await call(h, B.token, 'DELETE', '/api/v1/mail/failing-addresses/gone.person@customer.example')).statusCode).toBe(404);
    expect((await call(h, A.token, 'DELETE', '/api/v1/mail/failing-addresses/Gone.Person@customer.example')).statusCode).toBe(204);
    expect((await call(h, A.token, 'GET', '/api/v1/mail/failing-addresses')).json().data).toEqual([]);
  });

  it.skipIf(!engine.available)('attachments come back byte for byte, only as downloads, and never across workspaces', async () => {
    const address = `files-${++n}@admin.example`;
    await call(h, A.token, 'POST', '/api/v1/mail/addresses', { address });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const html = '<script>alert(1)</script>';
    const raw = rawMail(
      {
        From: 'Ana <ana@customer.example>',
        To: address,
        Subject: 'Fatura',
        'MIME-Version': '1.0',
        'Content-Type': 'multipart/mixed; boundary="b"',
      },
      [
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Segue a fatura em anexo.',
        '--b',
        'Content-Type: image/png',
        "Content-Disposition: attachment; filename*=UTF-8''fatura%20mar%C3%A7o.png",
        'Content-Transfer-Encoding: base64',
        '',
        png.toString('base64'),
        '--b',
        'Content-Type: text/html',
        'Content-Disposition: attachment; filename="page.html"',
        '',
        html,
        '--b--',
        '',
      ].join('\n'),
    );
    const out = await deliver(A, address, raw, 'ana@customer.example');
    expect(out.kind).toBe('created');
    const conversationId = (out as { conversationId: string }).conversationId;
    const list = await call(h, await A.tokenFor('agent'), 'GET', `/api/v1/conversations/${conversationId}/attachments`);
    expect(list.statusCode).toBe(200);
    const files = list.json().data as { id: string; name: string; contentType: string; size: number }[];
    expect(files.map((f) => [f.name, f.contentType, f.size])).toEqual([
      ['fatura março.png', 'image/png', png.length],
      ['page.html', 'text/html', Buffer.byteLength(html)],
    ]);
    expect(JSON.stringify(list.json())).not.toContain('blobKey');

    const image = await call(h, A.token, 'GET', `/api/v1/attachments/${files[0]!.id}`);
    expect(image.statusCode).toBe(200);
    expect(image.rawPayload.equals(png)).toBe(true);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['content-disposition']).toBe(`attachment; filename="fatura mar_o.png"; filename*=UTF-8''fatura%20mar%C3%A7o.png`);
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.headers['content-security-policy']).toContain('sandbox');

    // HTML is never served as HTML from our origin.
    const page = await call(h, A.token, 'GET', `/api/v1/attachments/${files[1]!.id}`);
    expect(page.headers['content-type']).toBe('application/octet-stream');
    expect(page.headers['content-disposition']).toMatch(/^attachment;/);
    expect(page.rawPayload.toString()).toBe(html);

    expect((await call(h, B.token, 'GET', `/api/v1/attachments/${files[0]!.id}`)).statusCode).toBe(404);
    expect((await call(h, B.token, 'GET', `/api/v1/conversations/${conversationId}/attachments`)).statusCode).toBe(404);
  });
});
