import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace } from '../test/harness.js';
import { addMailbox } from '../test/mail/inbound.js';
import { conversationOf, startIngestCase, type IngestCase } from '../test/mail/ingest-fixture.js';

/**
 * The ingest end to end on both engines: new mail becomes a conversation; replies thread by our
 * signed tokens or the sender's own earlier Message-IDs; forged tokens, guessed ids and other
 * workspaces' ids never thread and never post as an agent; redelivery is stored once; a closed
 * conversation is not reopened by mail.
 */
describe.each(ENGINES)('mail ingest on $engine', (engine) => {
  let c: IngestCase;
  let n = 0;
  const DATE = 'Mon, 02 Mar 2026 08:00:00 +0000';
  const addr = (who: string) => `${who}-${++n}@customer.example`;
  const mail = (from: string, subject: string, body: string, extra: Record<string, string> = {}) => ({
    headers: {
      From: from,
      To: c.mailbox,
      Subject: subject,
      Date: DATE,
      'Message-ID': `<m${++n}.${Date.now()}@customer.example>`,
      ...extra,
    },
    body,
  });
  const conversation = async (id: string) => (await call(c.h, c.ws.token, 'GET', `/api/v1/conversations/${id}`)).json();
  /** An outbound message of ours in the conversation, to mint a real token for. */
  const outboundId = async (conversationId: string) =>
    (
      await c.h.db.query<{ id: string }>(`SELECT id FROM messages WHERE workspace_id = $1 AND conversation_id = $2 LIMIT 1`, [
        c.ws.id,
        conversationId,
      ])
    ).rows[0]!.id;

  beforeAll(async () => {
    if (engine.available) c = await startIngestCase(engine);
  });
  afterAll(async () => {
    await c?.close();
  });

  it.skipIf(!engine.available)('resolveRecipient finds the workspace of an address in any case, with a +tag or brackets', async () => {
    const resolve = (a: string) => c.mail.ingest.resolveRecipient(a);
    const mine = { workspaceId: c.ws.id };
    expect(await resolve(c.mailbox)).toEqual(mine);
    expect(await resolve(c.mailbox.toUpperCase())).toEqual(mine);
    expect(await resolve(`<${c.mailbox}>`)).toEqual(mine);
    expect(await resolve(c.mailbox.replace('@', '+billing@'))).toEqual(mine);
    expect(await resolve(c.mail.tokens.replyAddress(c.ws.id, '01900000-0000-7000-8000-000000000001', c.mailbox))).toEqual(mine);
    for (const other of ['nobody@help.example.test', c.mailbox.replace('@', '@x.'), c.mailbox.split('@')[0]!, '']) {
      expect(await resolve(other), other).toBeNull();
    }
  });

  it.skipIf(!engine.available)('new mail opens an e-mail conversation with the customer, the text and its language', async () => {
    const from = addr('greta');
    const out = await c.deliver(
      mail(
        `Greta Müller <${from}>`,
        'Rechnung doppelt abgebucht',
        'Guten Tag,\n\nmeine Rechnung vom Februar wurde zweimal von meinem Konto abgebucht. Bitte erstatten Sie den doppelten Betrag zurück.\n\nVielen Dank',
      ),
    );
    expect(out.kind).toBe('created');
    const conv = await conversation(conversationOf(out));
    expect(conv).toMatchObject({ channel: 'email', subject: 'Rechnung doppelt abgebucht', language: 'de' });
    const customer = (await call(c.h, c.ws.token, 'GET', `/api/v1/customers/${conv.customerId}`)).json();
    expect(customer).toMatchObject({ name: 'Greta Müller', emails: [from] });
    const [m] = await c.messages(conv.id);
    expect(m).toMatchObject({ direction: 'inbound', authorType: 'customer', language: 'de' });
    expect(m!.text).toContain('meine Rechnung vom Februar wurde zweimal');
    expect(m!.channelMeta).toMatchObject({ from, mailbox: c.mailbox, receivedVia: 'smtp' });
  });

  it.skipIf(!engine.available)('a reply to our signed reply address or Message-ID continues the conversation', async () => {
    const from = addr('ana');
    const first = conversationOf(await c.deliver(mail(from, 'Order 1001', 'Where is my order?')));
    const replyAddress = c.mail.tokens.replyAddress(c.ws.id, first, c.mailbox);
    // Another address and no threading headers: the reply address alone threads it.
    const byAddress = await c.deliver(mail(from, 'Re: Order 1001', 'Any news?'), { rcptTo: [replyAddress] });
    expect(byAddress).toMatchObject({ kind: 'continued', conversationId: first });
    const ours = c.mail.tokens.messageId(c.ws.id, first, await outboundId(first), 'help.example.test');
    for (const header of ['In-Reply-To', 'References']) {
      const out = await c.deliver(mail(addr('ana-new-address'), 'Re: Order 1001', `Via ${header}.`, { [header]: ours }));
      expect(out, header).toMatchObject({ kind: 'continued', conversationId: first });
    }
    expect((await c.messages(first)).map((m) => m.text)).toEqual([
      'Where is my order?',
      'Any news?',
      'Via In-Reply-To.',
      'Via References.',
    ]);
  });

  it.skipIf(!engine.available)(
    "the sender's own earlier Message-ID threads; someone else quoting it opens a new conversation",
    async () => {
      const from = addr('li');
      const first = mail(from, 'Login', 'I cannot log in.');
      const conv = conversationOf(await c.deliver(first));
      const own = await c.deliver(mail(from, 'Re: Login', 'Still broken.', { 'In-Reply-To': first.headers['Message-ID'] }));
      expect(own).toMatchObject({ kind: 'continued', conversationId: conv });
      const stranger = await c.deliver(
        mail(addr('mallory'), 'Re: Login', 'Please send the reset link to me instead.', {
          'In-Reply-To': first.headers['Message-ID'],
          References: first.headers['Message-ID'],
        }),
      );
      expect(stranger.kind).toBe('created');
      expect(conversationOf(stranger)).not.toBe(conv);
      expect(await c.messages(conv)).toHaveLength(2);
    },
  );

  it.skipIf(!engine.available)(
    'forged or unsigned tokens do not thread and never post as an agent, even from an agent address',
    async () => {
      const agent = await call(c.h, c.ws.token, 'POST', '/api/v1/agents', {
        email: `agent-${n}@help.example.test`,
        name: 'Real Agent',
        password: 'correct horse battery staple',
      });
      expect(agent.statusCode, agent.body).toBe(201);
      const agentEmail = agent.json().email as string;
      const target = conversationOf(await c.deliver(mail(addr('victim'), 'Refund', 'Please refund order 77.')));
      const good = c.mail.tokens.messageId(c.ws.id, target, await outboundId(target), 'help.example.test');
      const goodAddress = c.mail.tokens.replyAddress(c.ws.id, target, c.mailbox);
      // Same conversation in the token, signature altered or removed.
      const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'a' ? 'b' : 'a') + s.slice(at + 1);
      const forgedId = flip(good, good.indexOf('@') - 1);
      const unsignedId = good.replace(/\.[a-z2-7]{16}@/, '@');
      const forgedAddress = flip(goodAddress, goodAddress.indexOf('@') - 1);
      const attempts: [string, Record<string, string>, string[]][] = [
        ['forged Message-ID', { 'In-Reply-To': forgedId, References: forgedId }, [c.mailbox]],
        ['unsigned Message-ID', { 'In-Reply-To': unsignedId }, [c.mailbox]],
        ['forged reply address', {}, [forgedAddress]],
        [
          'token naming another conversation',
          { 'In-Reply-To': good.replace(/\.([a-z2-7]{26})\./, (_, x: string) => `.${flip(x, 3)}.`) },
          [c.mailbox],
        ],
      ];
      for (const [what, headers, rcptTo] of attempts) {
        const out = await c.deliver(mail(`Real Agent <${agentEmail}>`, 'Re: Refund', `Approved, refund done (${what}).`, headers), {
          rcptTo,
        });
        expect(out.kind, what).toBe('created');
        const [m] = await c.messages(conversationOf(out));
        // Written by the customer the address belongs to as a customer, never by the agent.
        expect(m, what).toMatchObject({
          direction: 'inbound',
          authorType: 'customer',
          authorId: (await conversation(conversationOf(out))).customerId,
        });
        expect(m!.authorId, what).not.toBe(agent.json().id);
      }
      expect(await c.messages(target)).toHaveLength(1);
      const byAgent = await c.count(`messages WHERE workspace_id = $1 AND author_type = 'agent'`);
      expect(byAgent).toBe(0);
    },
  );

  it.skipIf(!engine.available)("mail to workspace B quoting workspace A's ids never threads into A", async () => {
    const wsB = await makeWorkspace(c.h);
    const mailboxB = `b-${n}@other.example.test`;
    await addMailbox(c.h, wsB.id, mailboxB);
    const from = addr('both');
    const inA = mail(from, 'Contract', 'Contract question for A.');
    const convA = conversationOf(await c.deliver(inA));
    const tokenA = c.mail.tokens.messageId(c.ws.id, convA, await outboundId(convA), 'help.example.test');
    const replyAddressA = c.mail.tokens.replyAddress(c.ws.id, convA, c.mailbox);
    const outB = await c.deliver(
      mail(from, 'Re: Contract', 'Sent to B.', { 'In-Reply-To': tokenA, References: `${inA.headers['Message-ID']} ${tokenA}` }),
      { workspaceId: wsB.id, rcptTo: [mailboxB, replyAddressA] },
    );
    expect(outB).toMatchObject({ kind: 'created', workspaceId: wsB.id });
    const inB = await c.h.db.query<{ workspace_id: string }>(`SELECT workspace_id FROM conversations WHERE id = $1`, [
      conversationOf(outB),
    ]);
    expect(inB.rows[0]!.workspace_id).toBe(wsB.id);
    expect(await c.messages(convA)).toHaveLength(1);
    // The same sender's own Message-ID from A does not cross over either.
    expect(c.mail.tokens.parseMessageId(wsB.id, tokenA)).toBeNull();
  });

  it.skipIf(!engine.available)('without a From the envelope sender is the customer; with neither the mail is quarantined', async () => {
    const noFrom = {
      headers: { To: c.mailbox, Subject: 'No From', Date: DATE, 'Message-ID': `<nofrom${++n}@x.example>` },
      body: 'Who am I?',
    };
    const env = addr('envelope');
    const out = await c.deliver(noFrom, { mailFrom: `<${env.toUpperCase()}>` });
    expect(out.kind).toBe('created');
    const customer = (
      await call(c.h, c.ws.token, 'GET', `/api/v1/customers/${(await conversation(conversationOf(out))).customerId}`)
    ).json();
    expect(customer.emails).toEqual([env]);
    const nobody = await c.deliver(
      { ...noFrom, headers: { ...noFrom.headers, 'Message-ID': `<nobody${++n}@x.example>` } },
      { mailFrom: null },
    );
    expect(nobody).toMatchObject({ kind: 'quarantined', reason: 'no_sender' });
  });

  it.skipIf(!engine.available)('a redelivery is a duplicate and stored once, with or without a Message-ID', async () => {
    const withId = mail(addr('twice'), 'Twice', 'Delivered twice.');
    const first = await c.deliver(withId);
    // An IMAP refetch may carry other trace headers: the Message-ID and sender decide.
    const again = await c.deliver({ ...withId, headers: { Received: 'from relay2 by mx', ...withId.headers } }, { receivedVia: 'imap' });
    expect(again).toEqual({ kind: 'duplicate', workspaceId: c.ws.id, conversationId: conversationOf(first) });
    const noId = { headers: { From: addr('noid'), To: c.mailbox, Subject: 'No id', Date: DATE }, body: 'No Message-ID here.' };
    const a = await c.deliver(noId);
    const b = await c.deliver(noId);
    expect(a.kind).toBe('created');
    expect(b).toEqual({ kind: 'duplicate', workspaceId: c.ws.id, conversationId: conversationOf(a) });
    for (const conv of [conversationOf(first), conversationOf(a)]) expect(await c.messages(conv)).toHaveLength(1);
    expect(await c.count(`mail_messages WHERE workspace_id = $1 AND message_id_header = $2`, [c.ws.id, withId.headers['Message-ID']])).toBe(
      1,
    );
    // Different bytes without an id are different mail.
    expect((await c.deliver({ ...noId, body: 'Another one.' })).kind).toBe('created');
  });

  it.skipIf(!engine.available)('a reply to a closed conversation opens a new one; to a solved one it continues', async () => {
    const from = addr('closed');
    const first = mail(from, 'Old issue', 'First time.');
    const conv = conversationOf(await c.deliver(first));
    const token = c.mail.tokens.messageId(c.ws.id, conv, await outboundId(conv), 'help.example.test');
    const solved = await call(c.h, c.ws.token, 'PATCH', `/api/v1/conversations/${conv}`, { status: 'solved' });
    expect(solved.statusCode, solved.body).toBe(200);
    expect(await c.deliver(mail(from, 'Re: Old issue', 'Not solved yet.', { 'In-Reply-To': token }))).toMatchObject({
      kind: 'continued',
      conversationId: conv,
    });
    const closed = await call(c.h, c.ws.token, 'PATCH', `/api/v1/conversations/${conv}`, { status: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
    const replies = [
      await c.deliver(mail(from, 'Re: Old issue', 'Again, by token.', { 'In-Reply-To': token })),
      await c.deliver(mail(from, 'Re: Old issue', 'Again, by my id.', { 'In-Reply-To': first.headers['Message-ID'] })),
      await c.deliver(mail(from, 'Re: Old issue', 'Again, by address.'), {
        rcptTo: [c.mail.tokens.replyAddress(c.ws.id, conv, c.mailbox)],
      }),
    ];
    for (const r of replies) {
      expect(r.kind).toBe('created');
      expect(conversationOf(r)).not.toBe(conv);
    }
    expect(await c.messages(conv)).toHaveLength(2);
    expect((await conversation(conv)).status).toBe('closed');
  });
});
