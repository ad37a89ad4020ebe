import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../lib/secret-box.js';
import { seedSurveyInvitation } from '../surveys/survey-page.test-support.js';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, type TestWorkspace } from '../test/harness.js';
import { startLiveHarness, type LiveHarness } from '../test/live.js';
import { widgetSocket } from '../test/widget-socket.js';

/**
 * In-chat rating: a survey invitation reaches the widget with its scale (the link's token, the kind's
 * range and the texts in the survey's language); the widget answers through the public endpoint; a
 * reconnect then shows it done. Channel metadata alone (on a message the survey was not sent as) shows nothing.
 */
describe.each(ENGINES)('widget survey rating on $engine', (engine) => {
  const box = SecretBox.random();
  let h: LiveHarness;
  let ws: TestWorkspace;
  let key: string;

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startLiveHarness(engine, { secretBox: box });
    ws = await makeWorkspace(h);
    const settings = await call(h, ws.token, 'PUT', '/api/v1/widget/settings', { enabled: true });
    expect(settings.statusCode, settings.body).toBe(200);
    key = settings.json().publicKey;
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('the invitation carries the scale; answering from the widget records it once', async () => {
    const session = (await call(h, null, 'POST', '/api/v1/widget/sessions', { key, locale: 'ja' })).json();
    const w = widgetSocket(h.base, key);
    await w.send({ t: 'hello', visitorToken: session.visitorToken, since: null });
    await w.until('welcome');
    const clientId = randomUUID();
    await w.send({ t: 'send', clientId, text: '請求書について質問があります。' });
    const ack = await w.until('ack', (f) => f.clientId === clientId);
    const conversationId = ack.message.conversationId;
    const conv = (await call(h, ws.token, 'GET', `/api/v1/conversations/${conversationId}`)).json();
    const at = h.clock();
    const invitation = await seedSurveyInvitation(
      h.db,
      box,
      { workspaceId: ws.id, conversationId, customerId: conv.customerId, kind: 'nps', locale: 'ja' },
      at,
    );
    const forged = await invitation.copy();
    w.close();

    const again = widgetSocket(h.base, key);
    await again.send({ t: 'hello', visitorToken: session.visitorToken, since: null });
    const welcome = await again.until('welcome');
    const shown = welcome.messages.find((m) => m.id === invitation.messageId)!;
    expect(shown.author).toBe('system');
    expect(shown.survey).toEqual({
      token: invitation.token,
      min: 0,
      max: 10,
      lang: 'ja',
      dir: 'ltr',
      legend: '評価',
      ends: '0 = まったく勧めない · 10 = ぜひ勧めたい',
      thanks: 'ありがとうございます。回答を受け付けました。',
      answered: 'この会話はすでに評価済みです。コメントの追加・変更は引き続き可能です。',
      done: false,
    });
    expect(welcome.messages.find((m) => m.id === forged.messageId)!.survey).toBeUndefined();
    again.close();

    const answered = await call(h, null, 'POST', '/api/v1/public/surveys/answer', {
      token: shown.survey!.token,
      score: 9,
      source: 'widget',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const row = await h.db.query<{ score: number; source: string }>('SELECT score, source FROM survey_responses WHERE survey_id = $1', [
      invitation.id,
    ]);
    expect(row.rows).toEqual([{ score: 9, source: 'widget' }]);
    expect((await call(h, null, 'POST', '/api/v1/public/surveys/answer', { token: shown.survey!.token, score: 3 })).json().error.code).toBe(
      'survey_already_answered',
    );

    const third = widgetSocket(h.base, key);
    await third.send({ t: 'hello', visitorToken: session.visitorToken, since: null });
    const later = await third.until('welcome');
    expect(later.messages.find((m) => m.id === invitation.messageId)!.survey!.done).toBe(true);
    third.close();
  });
});
