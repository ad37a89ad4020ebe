import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mailOnEvents } from '../jobs/mail-send.job.js';
import { OutboxProcessor } from '../jobs/outbox-processor.js';
import { newId } from '../lib/ids.js';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, rowCounts, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import { CHANGE_FRAMES } from './change-texts.js';

/**
 * Acceptance 4 through the API: a change linked to feedback from customers in five languages (one
 * with two linked conversations, one linked through a survey response) is announced; each customer
 * gets exactly one note, in their language, through the real Apertium (es→en, es→pt; no es→ja pair,
 * so the Japanese customer gets the Spanish text under a Japanese frame), delivered by their
 * conversation's channel and visible on every linked conversation. Announcing again sends nothing;
 * a customer linked later is told alone.
 */
const DESCRIPTION = 'Las facturas ya están disponibles en portugués.';
const FRENCH = 'Les factures sont désormais disponibles en portugais.';

describe.each(ENGINES)('close the loop on $engine', (engine) => {
  const available = engine.available && inject('apyUrl') !== '';
  let h: Harness;
  let ws: TestWorkspace;
  let lead: string;
  let agent: string;
  let n = 0;

  const req = async (token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, status = 200) => {
    const res = await call(h, token, method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.statusCode === 204 ? undefined : res.json();
  };
  const customer = async (fields: Record<string, unknown>) =>
    (await req(ws.token, 'POST', '/api/v1/customers', { emails: [`c${++n}-${ws.slug}@example.com`], ...fields }, 201)) as {
      id: string;
      emails: string[];
    };
  async function conversation(at: string, customerId: string, language: string, text: string, tags: string[] = []): Promise<string> {
    h.clock.set(at);
    const body = { customer: { id: customerId }, channel: 'email', language, tags, message: { text, language } };
    return ((await req(ws.token, 'POST', '/api/v1/conversations', body, 201)) as { id: string }).id;
  }
  /** A survey answered on the conversation, as the survey helpers would store it (SQL: their repos may not exist yet). */
  async function surveyResponse(conversationId: string, customerId: string, comment: string): Promise<string> {
    const surveyId = newId();
    const responseId = newId();
    await h.db.query(
      `INSERT INTO surveys (workspace_id, id, conversation_id, customer_id, kind, status, channel, decided_at)
       VALUES ($1, $2, $3, $4, 'csat', 'answered', 'email', $5)`,
      [ws.id, surveyId, conversationId, customerId, h.clock()],
    );
    await h.db.query(
      `INSERT INTO survey_responses (workspace_id, id, survey_id, conversation_id, customer_id, kind, score, comment, source, answered_at)
       VALUES ($1, $2, $3, $4, $5, 'csat', 2, $6, 'link', $7)`,
      [ws.id, responseId, surveyId, conversationId, customerId, comment, h.clock()],
    );
    return responseId;
  }
  const notesOn = async (conversationId: string) =>
    ((await req(agent, 'GET', `/api/v1/conversations/${conversationId}/messages`)).data as any[]).filter(
      (m) => m.authorType === 'system' && m.channelMeta.change,
    );
  const announcedEvents = async (conversationId: string) =>
    (
      await h.db.query<{ payload: any }>(
        `SELECT payload FROM events WHERE workspace_id = $1 AND type = 'change.announced' AND subject_id = $2`,
        [ws.id, conversationId],
      )
    ).rows.map((r) => r.payload);

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
    lead = await ws.tokenFor('lead');
    agent = await ws.tokenFor('agent');
  });
  afterAll(async () => {
    await h?.close();
  });

  it.skipIf(!available)('tells every linked customer once, in their language, on each linked conversation', async () => {
    const ana = await customer({ name: 'Ana García', locale: 'es-ES', country: 'ES' });
    const joao = await customer({ name: 'João Silva', locale: 'pt-BR', country: 'BR' });
    const emma = await customer({ name: 'Emma Brown', locale: 'en-GB', country: 'GB' });
    const yuki = await customer({ name: '佐藤 由紀', locale: 'ja-JP', country: 'JP' });
    const claire = await customer({ name: 'Claire Martin', locale: 'fr-FR', country: 'FR' });
    const other = await customer({ name: 'Not linked', locale: 'es-ES' });

    const ana1 = await conversation('2026-03-02T09:00:00Z', ana.id, 'es', 'Necesito las facturas en portugués.');
    const anaResponse = await surveyResponse(ana1, ana.id, 'Las facturas deberían estar en portugués.');
    const ana2 = await conversation('2026-03-05T09:00:00Z', ana.id, 'es', '¿Hay novedades sobre las facturas?', ['feature-request']);
    const joaoConv = await conversation('2026-03-03T09:00:00Z', joao.id, 'pt', 'Quero faturas em português.', ['feature-request']);
    const emmaConv = await conversation('2026-03-03T10:00:00Z', emma.id, 'en', 'Please offer Portuguese invoices.', ['feature-request']);
    const yukiConv = await conversation('2026-03-03T11:00:00Z', yuki.id, 'ja', 'ポルトガル語の請求書をお願いします。', ['feature-request']);
    const claireConv = await conversation('2026-03-03T12:00:00Z', claire.id, 'fr', 'Des factures en portugais, svp.');
    const otherConv = await conversation('2026-03-03T13:00:00Z', other.id, 'es', 'Otra cosa.', ['billing']);

    h.clock.set('2026-03-10T09:00:00Z');
    const change = await req(
      lead,
      'POST',
      '/api/v1/changes',
      { title: 'Facturas en portugués', description: DESCRIPTION, sourceLanguage: 'es', texts: { 'fr-fr': FRENCH } },
      201,
    );
    expect(change).toMatchObject({ status: 'draft', sourceLanguage: 'es', texts: { 'fr-FR': FRENCH }, counts: { links: 0 } });

    // A group at once: a survey response, every conversation tagged feature-request, and one more by id.
    const linked = await req(lead, 'POST', `/api/v1/changes/${change.id}/links`, {
      responseIds: [anaResponse],
      filter: { tag: 'feature-request' },
      conversationIds: [claireConv, joaoConv],
    });
    expect(linked).toEqual({ added: 6, alreadyLinked: 0, links: 6 });
    // The same conversations again: one link each, nothing new.
    expect(await req(lead, 'POST', `/api/v1/changes/${change.id}/links`, { conversationIds: [ana1, emmaConv] })).toEqual({
      added: 0,
      alreadyLinked: 2,
      links: 6,
    });
    const links = (await req(agent, 'GET', `/api/v1/changes/${change.id}/links?limit=100`)).data as any[];
    expect(links.map((l) => l.conversationId).sort()).toEqual([ana1, ana2, joaoConv, emmaConv, yukiConv, claireConv].sort());
    expect(links.find((l) => l.conversationId === ana1)).toMatchObject({
      responseId: anaResponse,
      customer: { id: ana.id, name: 'Ana García' },
      language: 'es',
      announcedAt: null,
      note: null,
    });

    h.clock.set('2026-03-10T10:00:00Z');
    const result = await req(lead, 'POST', `/api/v1/changes/${change.id}/announce`);
    expect(result).toMatchObject({
      sent: 5,
      alreadyTold: 0,
      fallbacks: 1,
      change: { status: 'announced', counts: { links: 6, customers: 5, told: 5 } },
    });

    // Exactly one note per customer; Ana's on her most recent linked conversation.
    const notes = {
      ana1: await notesOn(ana1),
      ana2: await notesOn(ana2),
      joao: await notesOn(joaoConv),
      emma: await notesOn(emmaConv),
      yuki: await notesOn(yukiConv),
      claire: await notesOn(claireConv),
    };
    expect(Object.fromEntries(Object.entries(notes).map(([k, v]) => [k, v.length]))).toEqual({
      ana1: 0,
      ana2: 1,
      joao: 1,
      emma: 1,
      yuki: 1,
      claire: 1,
    });
    expect(await notesOn(otherConv)).toEqual([]);
    for (const m of Object.values(notes).flat()) {
      expect(m).toMatchObject({
        direction: 'outbound',
        authorType: 'system',
        channelMeta: { change: change.id, autoSubmitted: 'auto-generated' },
      });
    }
    // In their language: Spanish as written, English and Portuguese by Apertium, the lead's French, and for
    // Japanese (no pair) the Spanish text under the Japanese sentence.
    expect(notes.ana2[0]).toMatchObject({ language: 'es', text: `${CHANGE_FRAMES.es}\n\n${DESCRIPTION}` });
    expect(notes.emma[0].language).toBe('en');
    expect(notes.emma[0].text).toMatch(new RegExp(`^${CHANGE_FRAMES.en}\\n\\n.*(bills|invoices).*Portuguese`));
    expect(notes.joao[0].language).toBe('pt');
    expect(notes.joao[0].text).toMatch(new RegExp(`^${CHANGE_FRAMES.pt}\\n\\n.*fac?turas.*português`));
    expect(notes.claire[0]).toMatchObject({ language: 'fr', text: `${CHANGE_FRAMES.fr}\n\n${FRENCH}` });
    expect(notes.yuki[0]).toMatchObject({ language: 'ja', text: `${CHANGE_FRAMES.ja}\n\n${DESCRIPTION}` });
    const byCustomer = Object.fromEntries((result.notes as any[]).map((x) => [x.customerId, x]));
    expect(byCustomer[yuki.id]).toMatchObject({ textSource: 'original', textLanguage: 'es', flags: ['unsupported_pair'] });
    expect(byCustomer[emma.id]).toMatchObject({ textSource: 'machine', textLanguage: 'en' });
    expect(byCustomer[claire.id]).toMatchObject({ textSource: 'lead', textLanguage: 'fr-FR' });
    expect(byCustomer[ana.id]).toMatchObject({ textSource: 'original', conversationId: ana2, messageId: notes.ana2[0].id });

    // Visible on every linked conversation: a change.announced event and the conversation's changes.
    for (const id of [ana1, ana2, joaoConv, emmaConv, yukiConv, claireConv]) {
      expect(await announcedEvents(id)).toHaveLength(1);
      const seen = (await req(agent, 'GET', `/api/v1/conversations/${id}/changes`)).data as any[];
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ change: { id: change.id, title: 'Facturas en portugués', status: 'announced' } });
      expect(seen[0].announcedAt).not.toBeNull();
    }
    expect((await announcedEvents(ana1))[0]).toMatchObject({ changeId: change.id, title: 'Facturas en portugués', sentOn: ana2 });
    const onAna1 = (await req(agent, 'GET', `/api/v1/conversations/${ana1}/changes`)).data[0];
    expect(onAna1.note).toMatchObject({ conversationId: ana2, messageId: notes.ana2[0].id, language: 'es' });
    expect((await req(agent, 'GET', `/api/v1/conversations/${otherConv}/changes`)).data).toEqual([]);

    // The e-mail channel picks the notes up like any outbound message.
    const outbox = new OutboxProcessor(h.db, h.clock, [
      mailOnEvents(
        () => undefined,
        (err) => expect.fail(String(err)),
      ),
    ]);
    while ((await outbox.drain()) > 0);
    const mail = await h.db.query<{ recipient: string; conversation_id: string }>(
      `SELECT recipient, conversation_id FROM mail_outbox WHERE workspace_id = $1 AND message_id = ANY($2::uuid[])`,
      [
        ws.id,
        Object.values(notes)
          .flat()
          .map((m) => m.id),
      ],
    );
    expect(mail.rows.map((r) => r.recipient).sort()).toEqual([ana, joao, emma, yuki, claire].map((c) => c.emails[0]).sort());

    // Again: nobody hears twice.
    const again = await req(lead, 'POST', `/api/v1/changes/${change.id}/announce`);
    expect(again).toMatchObject({ sent: 0, alreadyTold: 5, notes: [] });
    expect(await notesOn(ana2)).toHaveLength(1);

    // One more customer (German: no es→de pair here) and a third conversation of Ana's: one note, for Hans only;
    // Ana's new conversation shows the note she already got.
    const hans = await customer({ name: 'Hans Huber', locale: 'de-DE', country: 'DE' });
    const hansConv = await conversation('2026-03-11T09:00:00Z', hans.id, 'de', 'Rechnungen auf Portugiesisch?');
    const ana3 = await conversation('2026-03-11T10:00:00Z', ana.id, 'es', 'Y otra pregunta.');
    await req(lead, 'POST', `/api/v1/changes/${change.id}/links`, { conversationIds: [hansConv, ana3] });
    const third = await req(lead, 'POST', `/api/v1/changes/${change.id}/announce`);
    expect(third).toMatchObject({ sent: 1, alreadyTold: 5, notes: [{ customerId: hans.id, conversationId: hansConv, language: 'de' }] });
    expect((await notesOn(hansConv)).map((m) => m.text)).toEqual([`${CHANGE_FRAMES.de}\n\n${DESCRIPTION}`]);
    expect(await notesOn(ana3)).toEqual([]);
    expect(await announcedEvents(ana3)).toEqual([expect.objectContaining({ sentOn: ana2, messageId: notes.ana2[0].id })]);
    const systemNotes = await h.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM messages WHERE workspace_id = $1 AND channel_meta->>'change' = $2`,
      [ws.id, change.id],
    );
    expect(systemNotes.rows[0]!.n).toBe(6);

    // An announced change is on record: it cannot be deleted.
    const del = await call(h, lead, 'DELETE', `/api/v1/changes/${change.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.code).toBe('conflict');
  });

  it.skipIf(!available)('a workspace that discloses machine translation says so under a translated note', async () => {
    const res = await call(h, ws.token, 'PATCH', '/api/v1/settings/translation', { discloseMachineTranslation: true });
    expect(res.statusCode, res.body).toBe(200);
    const reader = await customer({ name: 'Reader', locale: 'en' });
    const spanish = await customer({ name: 'Lector', locale: 'es' });
    const enConv = await conversation('2026-03-12T08:00:00Z', reader.id, 'en', 'Please add dark mode.');
    const esConv = await conversation('2026-03-12T08:30:00Z', spanish.id, 'es', 'Modo oscuro, por favor.');
    const change = await req(
      lead,
      'POST',
      '/api/v1/changes',
      { title: 'Dark', description: 'Hay modo oscuro.', sourceLanguage: 'es' },
      201,
    );
    await req(lead, 'POST', `/api/v1/changes/${change.id}/links`, { conversationIds: [enConv, esConv] });
    await req(lead, 'POST', `/api/v1/changes/${change.id}/announce`);
    expect((await notesOn(enConv))[0].text).toMatch(/\n\nMachine translation · original language: Spanish$/);
    expect((await notesOn(esConv))[0].text).toBe(`${CHANGE_FRAMES.es}\n\nHay modo oscuro.`);
    await call(h, ws.token, 'PATCH', '/api/v1/settings/translation', { discloseMachineTranslation: false });
  });

  it.skipIf(!engine.available)('two announcements at once tell each customer once; spam is never told', async () => {
    const ids: string[] = [];
    for (const i of [1, 2, 3]) {
      const c = await customer({ name: `Same ${i}`, locale: 'es' });
      ids.push(await conversation('2026-03-12T09:00:00Z', c.id, 'es', `Sugerencia ${i}`));
    }
    const change = await req(lead, 'POST', '/api/v1/changes', { title: 'Once', description: 'Hecho.', sourceLanguage: 'es' }, 201);
    await req(lead, 'POST', `/api/v1/changes/${change.id}/links`, { conversationIds: ids });
    // A customer linked only through a conversation marked as spam is not told.
    const spammer = await customer({ name: 'Spammer', locale: 'es' });
    const spam = await conversation('2026-03-12T09:00:00Z', spammer.id, 'es', 'Compre ahora', ['spam']);
    await req(lead, 'POST', `/api/v1/changes/${change.id}/links`, { conversationIds: [spam] });
    const [a, b] = await Promise.all([
      call(h, lead, 'POST', `/api/v1/changes/${change.id}/announce`),
      call(h, lead, 'POST', `/api/v1/changes/${change.id}/announce`),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().sent + b.json().sent).toBe(3);
    for (const id of ids) {
      expect(await notesOn(id)).toHaveLength(1);
      expect(await announcedEvents(id)).toHaveLength(1);
    }
    expect(await notesOn(spam)).toEqual([]);
    expect(await announcedEvents(spam)).toEqual([]);
    expect((await req(agent, 'GET', `/api/v1/changes/${change.id}`)).counts).toEqual({ links: 4, customers: 4, told: 3 });
  });

  it.skipIf(!engine.available)('leads write, agents read; bad input and foreign ids are refused and write nothing', async () => {
    const body = { title: 'T', description: 'D', sourceLanguage: 'en' };
    const refused = await call(h, agent, 'POST', '/api/v1/changes', body);
    expect(refused.statusCode).toBe(403);
    const change = await req(lead, 'POST', '/api/v1/changes', body, 201);
    expect(await req(agent, 'GET', `/api/v1/changes/${change.id}`)).toMatchObject({ id: change.id, title: 'T' });
    expect(((await req(agent, 'GET', '/api/v1/changes?status=draft&limit=100')).data as any[]).map((c) => c.id)).toContain(change.id);
    for (const [method, url, b] of [
      ['PATCH', `/api/v1/changes/${change.id}`, { title: 'U' }],
      ['DELETE', `/api/v1/changes/${change.id}`, undefined],
      ['POST', `/api/v1/changes/${change.id}/announce`, undefined],
      ['POST', `/api/v1/changes/${change.id}/links`, { filter: { tag: 'x' } }],
    ] as const) {
      expect((await call(h, agent, method, url, b)).statusCode, `${method} ${url}`).toBe(403);
    }

    const before = await rowCounts(h.db, ws.id);
    const bad = async (method: 'POST' | 'PATCH', url: string, b: unknown, status: number, code: string) => {
      const res = await call(h, lead, method, url, b);
      expect(res.statusCode, `${url} ${JSON.stringify(b)}: ${res.body}`).toBe(status);
      expect(res.json().error.code).toBe(code);
    };
    await bad('POST', '/api/v1/changes', { title: 'T', description: 'D' }, 400, 'validation_failed');
    await bad('POST', '/api/v1/changes', { ...body, texts: { 'not a tag': 'x' } }, 400, 'validation_failed');
    await bad('POST', '/api/v1/changes', { ...body, texts: { 'pt-br': 'a', 'pt-BR': 'b' } }, 400, 'validation_failed');
    await bad('POST', '/api/v1/changes', { ...body, status: 'announced' }, 400, 'validation_failed');
    await bad('PATCH', `/api/v1/changes/${change.id}`, {}, 400, 'validation_failed');
    await bad('POST', `/api/v1/changes/${change.id}/links`, {}, 400, 'validation_failed');
    await bad('POST', `/api/v1/changes/${change.id}/links`, { filter: {} }, 400, 'validation_failed');
    await bad('POST', `/api/v1/changes/${change.id}/links`, { conversationIds: [] }, 400, 'validation_failed');
    await bad('POST', `/api/v1/changes/${change.id}/announce`, undefined, 409, 'conflict');

    // Another workspace's conversation, response and change are as unknown as made-up ones.
    const foreign = await makeWorkspace(h);
    const stranger = (await call(h, foreign.token, 'POST', '/api/v1/customers', { name: 'Stranger' })).json();
    const strangerConv = (
      await call(h, foreign.token, 'POST', '/api/v1/conversations', {
        customer: { id: stranger.id },
        channel: 'email',
        message: { text: 'hi' },
      })
    ).json();
    const mine = await customer({ name: 'Mine' });
    const mineConv = await conversation('2026-03-12T10:00:00Z', mine.id, 'en', 'hello');
    const before2 = await rowCounts(h.db, ws.id);
    await bad('POST', `/api/v1/changes/${change.id}/links`, { conversationIds: [mineConv, strangerConv.id] }, 404, 'not_found');
    await bad('POST', `/api/v1/changes/${change.id}/links`, { responseIds: [newId()] }, 404, 'not_found');
    expect(await rowCounts(h.db, ws.id)).toEqual(before2);
    expect(before2.change_links).toBe(before.change_links);
    const foreignLead = await foreign.tokenFor('lead');
    expect((await call(h, foreignLead, 'GET', `/api/v1/changes/${change.id}`)).statusCode).toBe(404);
    expect((await call(h, foreignLead, 'POST', `/api/v1/changes/${change.id}/announce`)).statusCode).toBe(404);
    expect((await call(h, foreignLead, 'GET', `/api/v1/conversations/${mineConv}/changes`)).statusCode).toBe(404);

    // Unlink, edit, and delete a draft.
    await req(lead, 'POST', `/api/v1/changes/${change.id}/links`, { conversationIds: [mineConv] });
    const [link] = (await req(agent, 'GET', `/api/v1/changes/${change.id}/links`)).data as any[];
    expect((await call(h, foreignLead, 'DELETE', `/api/v1/changes/${change.id}/links/${link.id}`)).statusCode).toBe(404);
    await req(lead, 'DELETE', `/api/v1/changes/${change.id}/links/${link.id}`, undefined, 204);
    expect((await call(h, lead, 'DELETE', `/api/v1/changes/${change.id}/links/${link.id}`)).statusCode).toBe(404);
    expect(await req(lead, 'PATCH', `/api/v1/changes/${change.id}`, { title: 'U', texts: { es: 'Hecho' } })).toMatchObject({
      title: 'U',
      texts: { es: 'Hecho' },
    });
    await req(lead, 'DELETE', `/api/v1/changes/${change.id}`, undefined, 204);
    expect((await call(h, agent, 'GET', `/api/v1/changes/${change.id}`)).statusCode).toBe(404);
  });
});
