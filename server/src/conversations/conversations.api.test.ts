import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';

describe.each(ENGINES)('conversations API on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('creates a conversation with a new customer and first message in one call', async () => {
    const res = await call(h, ws.token, 'POST', '/api/v1/conversations', {
      customer: { email: 'Ana.Souza@Example.com.br', name: 'Ana Souza', locale: 'pt-BR' },
      channel: 'email',
      subject: 'Fatura duplicada',
      message: { text: 'Olá, recebi duas faturas este mês.', language: 'pt' },
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ status: 'new', priority: 'normal', language: 'pt', channel: 'email', messageCount: 1 });
    expect(c.messages).toHaveLength(1);
    expect(c.messages[0]).toMatchObject({
      direction: 'inbound',
      authorType: 'customer',
      authorId: c.customerId,
      text: 'Olá, recebi duas faturas este mês.',
    });

    const customer = (await call(h, ws.token, 'GET', `/api/v1/customers/${c.customerId}`)).json();
    expect(customer).toMatchObject({ name: 'Ana Souza', emails: ['ana.souza@example.com.br'], locale: 'pt-BR' });

    // The same email finds the same customer.
    const again = await call(h, ws.token, 'POST', '/api/v1/conversations', {
      customer: { email: 'ana.souza@example.com.br' },
      channel: 'chat',
      message: { text: 'Ainda esperando…' },
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().customerId).toBe(c.customerId);
  });

  it.skipIf(!engine.available)('detects the language of inbound messages that arrive without one', async () => {
    const c = (
      await call(h, ws.token, 'POST', '/api/v1/conversations', {
        customer: { email: 'joao@example.pt' },
        channel: 'email',
        message: { text: 'Bom dia, a minha encomenda ainda não chegou e preciso de ajuda.' },
      })
    ).json();
    expect(c.language).toBe('pt');
    expect(c.messages[0].language).toBe('pt');
    const de = (
      await call(h, ws.token, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        text: 'Entschuldigung, ich schreibe jetzt auf Deutsch weiter.',
      })
    ).json();
    expect(de.language).toBe('de');
    const emoji = (await call(h, ws.token, 'POST', `/api/v1/conversations/${c.id}/messages`, { text: '👍👍 123' })).json();
    expect(emoji.language).toBeNull();
    // A reply is the agent's language to state, never guessed.
    const reply = (
      await call(h, ws.token, 'POST', `/api/v1/conversations/${c.id}/messages`, {
        direction: 'outbound',
        text: 'Olá João, vamos verificar.',
      })
    ).json();
    expect(reply.language).toBeNull();
  });

  it.skipIf(!engine.available)("settles the conversation's language as evidence grows; an agent's language stands", async () => {
    const post = async (id: string, text: string) => {
      h.clock.advance(60_000);
      const res = await call(h, ws.token, 'POST', `/api/v1/conversations/${id}/messages`, { text });
      expect(res.statusCode).toBe(201);
      return res.json();
    };
    const read = async (id: string) => (await call(h, ws.token, 'GET', `/api/v1/conversations/${id}`)).json();
    const changes = async (id: string) =>
      (
        await h.db.query<{ payload: Record<string, unknown> }>(
          `SELECT payload FROM events WHERE workspace_id = $1 AND subject_id = $2 AND type = 'conversation.language_changed' ORDER BY id`,
          [ws.id, id],
        )
      ).rows.map((r) => r.payload);

    const c = (
      await call(h, ws.token, 'POST', '/api/v1/conversations', {
        customer: { email: 'marta@example.pt' },
        channel: 'chat',
        message: { text: 'Olá, fiz uma encomenda na semana passada e ainda não chegou.' },
      })
    ).json();
    expect(c).toMatchObject({ language: 'pt', languageSource: 'detected', languageConfidence: 1 });
    await post(c.id, 'Podem verificar o estado da entrega, por favor?');
    await post(c.id, 'O número da encomenda está no email de confirmação.');
    const pt = await read(c.id);
    expect(pt).toMatchObject({ language: 'pt', languageSource: 'detected', languageConfidence: 1 });
    expect(Object.keys(pt.languageEvidence)).toEqual(['pt']);
    expect(pt.languageEvidence.pt.weight).toBeGreaterThan(2);

    // One odd short message, detected as something else, does not flip it; 'OK' is no evidence at all.
    const merci = await post(c.id, 'Merci!');
    expect(merci.language).not.toBe('pt');
    expect((await post(c.id, 'OK')).language).toBeNull();
    const odd = await read(c.id);
    expect(odd.language).toBe('pt');
    expect(odd.languageConfidence).toBeLessThan(1);

    // Nor does one clear message in English; several do.
    const english = [await post(c.id, 'Sorry, I would rather continue in English if that is possible.')];
    expect((await read(c.id)).language).toBe('pt');
    english.push(await post(c.id, 'I still have not received anything and I need the parcel by Friday.'));
    english.push(await post(c.id, 'Can you please send me the tracking number by email?'));
    expect(await read(c.id)).toMatchObject({ language: 'en', languageSource: 'detected' });
    const [switched, ...more] = await changes(c.id);
    expect(more).toEqual([]);
    expect(switched).toMatchObject({ conversationId: c.id, from: 'pt', to: 'en', source: 'detected' });
    expect(english.slice(1).map((m) => m.id)).toContain(switched!.messageId);

    // An agent's language is authoritative: no amount of evidence moves it.
    const set = await call(h, ws.token, 'PATCH', `/api/v1/conversations/${c.id}`, { language: 'pt-PT' });
    expect(set.json()).toMatchObject({ language: 'pt-PT', languageSource: 'agent', languageConfidence: 1 });
    for (let i = 0; i < 4; i++) await post(c.id, 'Thanks, but the parcel has still not arrived at my address.');
    const held = await read(c.id);
    expect(held).toMatchObject({ language: 'pt-PT', languageSource: 'agent' });
    expect(held.languageEvidence.en.weight).toBeGreaterThan(held.languageEvidence.pt.weight);
    expect((await changes(c.id)).slice(1)).toEqual([
      { conversationId: c.id, from: 'en', to: 'pt-PT', source: 'agent', confidence: 1, messageId: null },
    ]);
    // Cleared, the language goes back to the evidence.
    const cleared = (await call(h, ws.token, 'PATCH', `/api/v1/conversations/${c.id}`, { language: null })).json();
    expect(cleared).toMatchObject({ language: 'en', languageSource: 'detected' });
  });

  it.skipIf(!engine.available)('concurrent first messages from one new customer all land on one customer', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call(h, ws.token, 'POST', '/api/v1/conversations', {
          customer: { email: 'burst@example.it', name: 'Giulia Rossi' },
          channel: 'whatsapp',
          message: { text: `Messaggio ${i}` },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.json().customerId)).size).toBe(1);
    const customers = (await call(h, ws.token, 'GET', '/api/v1/customers?email=burst@example.it')).json();
    expect(customers.data).toHaveLength(1);
    const { rows } = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM customers WHERE name = 'Giulia Rossi'`);
    expect(rows[0]!.n).toBe(1);
  });

  it.skipIf(!engine.available)('lists with filters, sorts and paginates with a cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      h.clock.advance(60_000);
      const r = await call(h, ws.token, 'POST', '/api/v1/conversations', {
        customer: { email: `list${i}@example.de` },
        channel: i % 2 ? 'whatsapp' : 'email',
        language: i % 2 ? 'de' : 'ja',
        tags: i === 3 ? ['vip'] : [],
        priority: i === 4 ? 'urgent' : 'normal',
        message: { text: `Nachricht ${i}` },
      });
      ids.push(r.json().id);
    }
    const page1 = (await call(h, ws.token, 'GET', '/api/v1/conversations?limit=2&sort=created')).json();
    expect(page1.data.map((c: { id: string }) => c.id)).toEqual([ids[4], ids[3]]);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = (await call(h, ws.token, 'GET', `/api/v1/conversations?limit=2&sort=created&cursor=${page1.nextCursor}`)).json();
    expect(page2.data.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);

    const de = (await call(h, ws.token, 'GET', '/api/v1/conversations?language=de&channel=whatsapp')).json();
    expect(de.data.map((c: { id: string }) => c.id).sort()).toEqual([ids[1], ids[3]].sort());
    const vip = (await call(h, ws.token, 'GET', '/api/v1/conversations?tag=vip')).json();
    expect(vip.data.map((c: { id: string }) => c.id)).toEqual([ids[3]]);
    const urgent = (await call(h, ws.token, 'GET', '/api/v1/conversations?priority=urgent&status=new&status=open')).json();
    expect(urgent.data.map((c: { id: string }) => c.id)).toEqual([ids[4]]);
  });

  it.skipIf(!engine.available)('updates status, assignment and tags, and adds replies and notes', async () => {
    const agent = (
      await call(h, ws.token, 'POST', '/api/v1/agents', {
        email: 'yuki@example.jp',
        name: '佐藤 由紀',
        languages: [{ tag: 'ja', proficiency: 'native' }],
        timeZone: 'Asia/Tokyo',
      })
    ).json();
    const team = (
      await call(h, ws.token, 'POST', '/api/v1/teams', {
        name: 'Tokyo',
        timeZone: 'Asia/Tokyo',
        languages: ['ja', 'en'],
        memberIds: [agent.id],
      })
    ).json();
    expect(team.memberIds).toEqual([agent.id]);

    const c = (
      await call(h, ws.token, 'POST', '/api/v1/conversations', {
        customer: { email: 'tanaka@example.jp' },
        channel: 'email',
        message: { text: 'ログインできません' },
      })
    ).json();
    h.clock.advance(5 * 60_000);
    const patched = await call(h, ws.token, 'PATCH', `/api/v1/conversations/${c.id}`, {
      status: 'open',
      teamId: team.id,
      assigneeId: agent.id,
      tags: ['login'],
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ status: 'open', teamId: team.id, assigneeId: agent.id, tags: ['login'] });

    const reply = await call(h, ws.token, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      direction: 'outbound',
      html: '<p>確認します<script>alert(1)</script></p>',
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ direction: 'outbound', authorType: 'api', html: '<p>確認します</p>', text: '確認します' });
    await call(h, ws.token, 'POST', `/api/v1/conversations/${c.id}/messages`, { direction: 'note', text: 'Customer on SSO plan' });

    const solved = (await call(h, ws.token, 'PATCH', `/api/v1/conversations/${c.id}`, { status: 'solved' })).json();
    expect(solved.solvedAt).toBe(h.clock().toISOString());

    // A new inbound message reopens a solved conversation.
    h.clock.advance(60_000);
    await call(h, ws.token, 'POST', `/api/v1/conversations/${c.id}/messages`, { text: 'まだできません' });
    const read = (await call(h, ws.token, 'GET', `/api/v1/conversations/${c.id}`)).json();
    expect(read).toMatchObject({ status: 'open', solvedAt: null, messageCount: 4 });

    const msgs = (await call(h, ws.token, 'GET', `/api/v1/conversations/${c.id}/messages?limit=3`)).json();
    expect(msgs.data.map((m: { direction: string }) => m.direction)).toEqual(['inbound', 'outbound', 'note']);
    const rest = (await call(h, ws.token, 'GET', `/api/v1/conversations/${c.id}/messages?limit=3&cursor=${msgs.nextCursor}`)).json();
    expect(rest.data.map((m: { text: string }) => m.text)).toEqual(['まだできません']);
    expect(rest.nextCursor).toBeNull();
  });
});
