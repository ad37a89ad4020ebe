import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../lib/secret-box.js';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, rowCounts, startHarness, T0, type Harness, type TestWorkspace } from '../test/harness.js';
import { seedSentSurvey, seedSurveySettings, type SentSurvey } from './survey-page.test-support.js';

/**
 * Acceptance 1 (the link half): the public survey page and the JSON answer endpoint. A signed link
 * records a score once; the comment stays editable; a tampered, foreign or expired link is refused
 * and records nothing; a GET (what mail scanners do) never records.
 */
const REASONS: { key: string; labels: Record<string, string> }[] = [
  { key: 'speed', labels: { en: 'Speed', es: 'Rapidez' } },
  { key: 'kindness', labels: { en: 'Kindness' } },
];

/** The token with one character of its MAC changed. */
const flipMac = (token: string): string => {
  const i = token.length - 5;
  return token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
};
const parts = (token: string) => token.split('.') as [string, string, string, string, string];

describe.each(ENGINES)('survey page on $engine', (engine) => {
  let h: Harness;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  const box = SecretBox.random();
  let n = 0;

  const form = (token: string, fields: [string, string][], headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'POST',
      url: `/s/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: new URLSearchParams(fields).toString(),
    });
  const json = (body: unknown, headers: Record<string, string> = {}) =>
    call(h, null, 'POST', '/api/v1/public/surveys/answer', body, headers);

  /** A conversation of a new customer in `workspace` and its sent survey. */
  async function survey(workspace: TestWorkspace, opts: { locale?: string; kind?: 'csat' | 'nps' | 'ces'; status?: string } = {}) {
    const res = await call(h, workspace.token, 'POST', '/api/v1/conversations', {
      customer: { email: `survey-${++n}@example.com` },
      channel: 'email',
      message: { text: `help ${n}` },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    return seedSentSurvey(
      h.db,
      box,
      { workspaceId: workspace.id, conversationId: c.id, customerId: c.customerId ?? c.customer.id, locale: opts.locale ?? 'es', ...opts },
      h.clock(),
    );
  }
  const responseOf = async (s: SentSurvey) =>
    (
      await h.db.query<{
        score: number;
        reasons: string[];
        comment: string | null;
        source: string;
        answered_at: Date;
        commented_at: Date | null;
      }>('SELECT score, reasons, comment, source, answered_at, commented_at FROM survey_responses WHERE survey_id = $1', [s.id])
    ).rows;
  const eventsOf = async (s: SentSurvey) =>
    (
      await h.db.query<{ type: string; payload: Record<string, unknown> }>(
        `SELECT type, payload FROM events WHERE type LIKE 'survey.%' AND payload->>'surveyId' = $1 ORDER BY id`,
        [s.id],
      )
    ).rows;

  beforeAll(async () => {
    if (!engine.available) return;
    h = await startHarness(engine, { secretBox: box });
    ws = await makeWorkspace(h);
    other = await makeWorkspace(h);
    await seedSurveySettings(h.db, ws.id, { reasons: REASONS }, h.clock());
  });
  afterAll(async () => h?.close());

  it.skipIf(!engine.available)('GET renders the page in the survey’s language under strict headers and records nothing', async () => {
    const s = await survey(ws);
    const before = await rowCounts(h.db);
    const res = await h.app.inject({ method: 'GET', url: `/s/${s.token}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(res.headers['content-security-policy']);
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.body).toContain('<html lang="es" dir="ltr">');
    expect(res.body).toContain('¿Cuál es su grado de satisfacción con la ayuda recibida?');
    expect(res.body).toContain(`<style nonce="${nonce}">`);
    expect(res.body.match(/type="radio" name="score"/g)).toHaveLength(5);
    expect(res.body).toContain('Rapidez'); // reason label in Spanish
    expect(res.body).toContain('Kindness'); // no Spanish label: English
    expect(res.body).not.toContain('<script');
    expect(res.body).not.toContain(' checked');
    // The one-click link preselects and submits by script; still a GET, still nothing written.
    const one = await h.app.inject({ method: 'GET', url: `/s/${s.token}?score=4` });
    expect(one.statusCode).toBe(200);
    const oneNonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(String(one.headers['content-security-policy']))![1]!;
    expect(oneNonce).not.toBe(nonce);
    expect(one.body).toContain('value="4" required checked');
    expect(one.body).toContain(`<script nonce="${oneNonce}">`);
    // A score off the scale is not preselected.
    const off = await h.app.inject({ method: 'GET', url: `/s/${s.token}?score=9` });
    expect(off.body).not.toContain('<script');
    await h.app.inject({ method: 'HEAD', url: `/s/${s.token}?score=4` });
    expect(await rowCounts(h.db)).toEqual(before);
  });

  it.skipIf(!engine.available)('a score is recorded once; a second score is refused and changes nothing', async () => {
    const s = await survey(ws);
    const commits = h.commits;
    const res = await form(s.token, [['score', '4']]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('¡Gracias! Hemos registrado su respuesta.');
    expect(res.body).not.toContain('type="radio"'); // the score is settled; reasons and comment remain
    expect(await responseOf(s)).toEqual([
      { score: 4, reasons: [], comment: null, source: 'link', answered_at: new Date(T0), commented_at: null },
    ]);
    const status = await h.db.query<{ status: string }>('SELECT status FROM surveys WHERE id = $1', [s.id]);
    expect(status.rows[0]!.status).toBe('answered');
    const events = await eventsOf(s);
    expect(events.map((e) => e.type)).toEqual(['survey.answered']);
    expect(events[0]!.payload).toMatchObject({ surveyId: s.id, kind: 'csat', score: 4 });
    expect(events[0]!.payload.responseId).toEqual(expect.any(String));
    expect(events[0]!.payload.conversationId).toEqual(expect.any(String));
    expect(h.commits).toBe(commits + 1);

    const before = await rowCounts(h.db);
    const again = await form(s.token, [['score', '1']]);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Ya valoró esta conversación.');
    const api = await json({ token: s.token, score: 2, comment: 'sneaky' });
    expect(api.statusCode).toBe(409);
    expect(api.json().error.code).toBe('survey_already_answered');
    expect((await responseOf(s))[0]!.score).toBe(4);
    expect((await responseOf(s))[0]!.comment).toBeNull();
    expect(await rowCounts(h.db)).toEqual(before);
    // The page says so on a later visit, and offers the comment instead of the scale.
    const later = await h.app.inject({ method: 'GET', url: `/s/${s.token}?score=1` });
    expect(later.statusCode).toBe(200);
    expect(later.body).toContain('Ya valoró esta conversación.');
    expect(later.body).not.toContain('<script');
    expect(later.body).toContain('name="comment"');
  });

  it.skipIf(!engine.available)('the comment and reasons stay editable after the score', async () => {
    const s = await survey(ws);
    expect(
      (
        await form(s.token, [
          ['score', '2'],
          ['reason', 'speed'],
          ['comment', ''],
        ])
      ).statusCode,
    ).toBe(200);
    expect((await responseOf(s))[0]).toMatchObject({ score: 2, reasons: ['speed'], comment: null, commented_at: null });
    h.clock.advance(60_000);
    const first = await form(s.token, [['comment', 'Tardaron mucho.']]);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Gracias, hemos guardado su comentario.');
    expect(first.body).toContain('Tardaron mucho.</textarea>');
    const at1 = new Date(h.clock());
    // A form without the reasons on it leaves them; one that showed them with none ticked clears them.
    expect((await responseOf(s))[0]).toMatchObject({ comment: 'Tardaron mucho.', commented_at: at1, reasons: ['speed'] });
    await form(s.token, [
      ['reasons', '1'],
      ['comment', 'Tardaron mucho.'],
    ]);
    expect((await responseOf(s))[0]).toMatchObject({ comment: 'Tardaron mucho.', commented_at: at1, reasons: [] });
    h.clock.advance(60_000);
    const second = await json({ token: s.token, comment: 'Tardaron, pero lo resolvieron.', reasons: ['speed', 'kindness'] });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({
      surveyId: s.id,
      status: 'updated',
      score: 2,
      reasons: ['speed', 'kindness'],
      comment: 'Tardaron, pero lo resolvieron.',
      commentedAt: h.clock().toISOString(),
    });
    expect((await responseOf(s))[0]!.answered_at).toEqual(new Date(T0));
    // The same comment again is no new comment.
    await json({ token: s.token, comment: 'Tardaron, pero lo resolvieron.' });
    expect((await eventsOf(s)).map((e) => e.type)).toEqual(['survey.answered', 'survey.commented', 'survey.commented']);
    expect((await eventsOf(s))[1]!.payload).toMatchObject({
      surveyId: s.id,
      responseId: expect.any(String),
      conversationId: expect.any(String),
    });
  });

  it.skipIf(!engine.available)(
    'the JSON endpoint records from the widget, validates against the kind and the settings, and allows CORS',
    async () => {
      const s = await survey(ws, { kind: 'nps', locale: 'ja' });
      const before = await rowCounts(h.db);
      const bad: [unknown, string][] = [
        [{ token: s.token, score: 11 }, 'body/score'],
        [{ token: s.token, comment: 'first a score' }, 'body/score'],
        [{ token: s.token, score: 9, reasons: ['price'] }, 'body/reasons/0'],
        [{ token: s.token, score: 9, comment: 'x'.repeat(5001) }, 'body/comment'],
        [{ token: s.token, score: 9.5 }, 'body/score'],
      ];
      for (const [body, path] of bad) {
        const res = await json(body);
        expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(res.json().error.code).toBe('validation_failed');
        expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
      }
      expect(await rowCounts(h.db)).toEqual(before);
      const ok = await json(
        { token: s.token, score: 0, source: 'widget', comment: '  良くなかった  ' },
        { origin: 'https://shop.example.com' },
      );
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.headers['access-control-allow-origin']).toBe('https://shop.example.com');
      expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
      expect(ok.json()).toMatchObject({ status: 'recorded', kind: 'nps', score: 0, comment: '良くなかった', reasons: [] });
      expect((await responseOf(s))[0]!.source).toBe('widget');
      expect((await eventsOf(s)).map((e) => e.type)).toEqual(['survey.answered', 'survey.commented']);
      const pre = await h.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/public/surveys/answer',
        headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'POST' },
      });
      expect(pre.statusCode).toBe(204);
      expect(pre.headers['access-control-allow-origin']).toBe('https://shop.example.com');
      expect(String(pre.headers['access-control-allow-headers'])).toContain('content-type');
      // A form post with a score off the scale gets the form back with the problem, and records nothing.
      const t = await survey(ws);
      const off = await form(t.token, [['score', '7']]);
      expect(off.statusCode).toBe(400);
      expect(off.body).toContain('Revise su respuesta');
      expect(await responseOf(t)).toEqual([]);
    },
  );

  it.skipIf(!engine.available)('tampered, foreign and not-sent links are refused and record nothing', async () => {
    const s = await survey(ws);
    const s2 = await survey(ws);
    const theirs = await survey(other);
    const [v, wsId, , exp, mac] = parts(s.token);
    const scheduled = await survey(ws, { status: 'scheduled' });
    const tampered: [string, string][] = [
      ['one character of the MAC changed', flipMac(s.token)],
      ['another survey’s id with this MAC', [v, wsId, s2.id, exp, mac].join('.')],
      ['a later expiry', [v, wsId, s.id, String(Number(exp) + 86_400), mac].join('.')],
      ['an earlier expiry', [v, wsId, s.id, String(Number(exp) - 1), mac].join('.')],
      // Workspace A's link pointed at workspace B's survey: B's key would be needed.
      ['another workspace’s survey', [v, other.id, theirs.id, exp, mac].join('.')],
      ['this survey named under another workspace', [v, other.id, s.id, exp, mac].join('.')],
      ['a survey that does not exist', [v, wsId, '0190a6f2-7c4e-7000-8000-000000000000', exp, mac].join('.')],
      ['not a token', 'hello'],
      ['a survey not sent yet', scheduled.token],
    ];
    const before = await rowCounts(h.db);
    for (const [what, token] of tampered) {
      const page = await h.app.inject({
        method: 'GET',
        url: `/s/${encodeURIComponent(token)}?score=5`,
        headers: { 'accept-language': 'de-DE,de;q=0.9' },
      });
      expect(page.statusCode, what).toBe(404);
      expect(page.body, what).toContain('Dieser Umfragelink ist ungültig.');
      expect(page.body, what).not.toContain('<script');
      const post = await form(encodeURIComponent(token), [['score', '5']]);
      expect(post.statusCode, what).toBe(404);
      expect(post.body, what).toContain('This survey link is not valid.');
      const api = await json({ token, score: 5 });
      expect(api.statusCode, what).toBe(404);
      expect(api.json().error.code, what).toBe('survey_link_invalid');
    }
    expect(await rowCounts(h.db)).toEqual(before);
    // The real links still work: what was refused was the tampering.
    expect((await json({ token: theirs.token, score: 5 })).statusCode).toBe(200);
    expect((await json({ token: s.token, score: 5 })).statusCode).toBe(200);
  });

  it.skipIf(!engine.available)('an expired link is refused with 410 in the survey’s language and records nothing', async () => {
    const s = await survey(ws);
    const answered = await survey(ws);
    expect((await json({ token: answered.token, score: 3 })).statusCode).toBe(200);
    h.clock.set(s.expiresAt);
    try {
      const before = await rowCounts(h.db);
      const page = await h.app.inject({ method: 'GET', url: `/s/${s.token}?score=5` });
      expect(page.statusCode).toBe(410);
      expect(page.body).toContain('Este enlace de la encuesta ha caducado.');
      expect(page.body).toContain('<html lang="es"');
      const post = await form(s.token, [['score', '5']]);
      expect(post.statusCode).toBe(410);
      const api = await json({ token: s.token, score: 5 });
      expect(api.statusCode).toBe(410);
      expect(api.json().error.code).toBe('survey_link_expired');
      // The comment of an answered survey closes with its link too.
      const late = await json({ token: answered.token, comment: 'late' });
      expect(late.statusCode).toBe(410);
      expect(await rowCounts(h.db)).toEqual(before);
      h.clock.set(new Date(s.expiresAt.getTime() - 1000));
      expect((await json({ token: s.token, score: 5 })).statusCode).toBe(200);
    } finally {
      h.clock.set(T0);
    }
  });

  it.skipIf(!engine.available)('the page is right to left in Arabic and falls back to English for unshipped locales', async () => {
    const ar = await survey(ws, { locale: 'ar-EG' });
    const page = await h.app.inject({ method: 'GET', url: `/s/${ar.token}` });
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    const kl = await survey(ws, { locale: 'kl' });
    expect((await h.app.inject({ method: 'GET', url: `/s/${kl.token}` })).body).toContain('<html lang="en" dir="ltr">');
  });

  it.skipIf(!engine.available)('form bodies that are not UTF-8, not form-encoded or too large are refused as pages', async () => {
    const s = await survey(ws);
    const before = await rowCounts(h.db);
    const raw = (payload: string | Buffer, ct: string) =>
      h.app.inject({ method: 'POST', url: `/s/${s.token}`, headers: { 'content-type': ct }, payload });
    const cases: [string, Awaited<ReturnType<typeof raw>>, number][] = [
      ['bad percent-encoding', await raw('score=%FF', 'application/x-www-form-urlencoded'), 400],
      ['NUL', await raw('score=4&comment=a%00b', 'application/x-www-form-urlencoded'), 400],
      ['JSON', await raw('{"score":4}', 'application/json'), 415],
      ['text', await raw('score=4', 'text/plain'), 415],
      ['too large', await raw(`score=4&comment=${'a'.repeat(70_000)}`, 'application/x-www-form-urlencoded'), 413],
    ];
    for (const [what, res, status] of cases) {
      expect(res.statusCode, what).toBe(status);
      expect(res.headers['content-type'], what).toBe('text/html; charset=utf-8');
    }
    expect(await rowCounts(h.db)).toEqual(before);
  });
});
