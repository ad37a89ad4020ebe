import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appendEvent, outboxBacklog } from '../events/events.repo.js';
import { analyseComment } from '../feedback/analyse-comment.js';
import { newId } from '../lib/ids.js';
import { SecretBox } from '../lib/secret-box.js';
import { ENGINES } from '../test/engines.js';
import { call, makeWorkspace, startHarness, type Harness, type TestWorkspace } from '../test/harness.js';
import { ApertiumProvider } from '../translation/providers/apertium.js';
import { Translator } from '../translation/translator.js';
import { WorkspaceTranslation } from '../translation/workspace-translation.js';
import { ANALYSE_COMMENT_QUEUE, analyseOnCommented, registerAnalyseCommentJob } from './analyse-comment.job.js';
import { startBoss } from './boss.js';
import { OutboxProcessor } from './outbox-processor.js';

interface Analysis {
  comment_language: string | null;
  comment_translation: string | null;
  comment_translation_language: string | null;
  sentiment: number | null;
}

/**
 * The server's wiring for survey comments on both engines, against a real Apertium APy: a
 * survey.commented event → a job written in the drain's transaction → the worker stores the
 * comment's language, English translation and sentiment on the answer.
 */
describe.each(ENGINES)('analyse-comment job on $engine', (engine) => {
  const available = engine.available && inject('apyUrl') !== '';
  let h: Harness;
  let ws: TestWorkspace;
  let boss: PgBoss;
  let outbox: OutboxProcessor;
  let translator: Translator;

  /** A sent survey answered with this comment; the survey's language is the customer's. */
  const answer = async (comment: string, language: string) => {
    const customer = (await call(h, ws.token, 'POST', '/api/v1/customers', { emails: [`${newId()}@example.org`] })).json();
    const conv = (
      await call(h, ws.token, 'POST', '/api/v1/conversations', {
        customer: { id: customer.id },
        channel: 'email',
        message: { text: 'Hola', language },
      })
    ).json();
    const surveyId = newId();
    const responseId = newId();
    await h.db.query(
      `INSERT INTO surveys (workspace_id, id, conversation_id, customer_id, kind, status, channel, language, decided_at, sent_at)
       VALUES ($1, $2, $3, $4, 'csat', 'answered', 'email', $5, $6, $6)`,
      [ws.id, surveyId, conv.id, customer.id, language, h.clock()],
    );
    await h.db.query(
      `INSERT INTO survey_responses (workspace_id, id, survey_id, conversation_id, customer_id, kind, score, comment, source, answered_at, commented_at)
       VALUES ($1, $2, $3, $4, $5, 'csat', 2, $6, 'link', $7, $7)`,
      [ws.id, responseId, surveyId, conv.id, customer.id, comment, h.clock()],
    );
    return { responseId, surveyId, conversationId: conv.id as string };
  };
  const analysisOf = async (responseId: string) =>
    (
      await h.db.query<Analysis>(
        `SELECT comment_language, comment_translation, comment_translation_language, sentiment FROM survey_responses WHERE workspace_id = $1 AND id = $2`,
        [ws.id, responseId],
      )
    ).rows[0]!;

  beforeAll(async () => {
    if (!available) return;
    h = await startHarness(engine);
    ws = await makeWorkspace(h);
    translator = new Translator(
      h.db,
      new WorkspaceTranslation(h.db, SecretBox.random(), new ApertiumProvider(inject('apyUrl')), { allowedHosts: [] }),
      h.clock,
    );
    boss = await startBoss(h.db, h.tdb.url, (err) => console.error(err));
    await registerAnalyseCommentJob(boss, { db: h.db, translator }, { pollingIntervalSeconds: 0.5 });
    outbox = new OutboxProcessor(h.db, h.clock, [analyseOnCommented(() => boss)]);
  });
  afterAll(async () => {
    await outbox?.stop();
    await boss?.stop({ graceful: false, timeout: 2000 });
    await h?.close();
  });

  it.skipIf(!available)(
    'a Spanish comment gets an English translation and a negative sentiment through the outbox and the job',
    async () => {
      const a = await answer('El agente fue muy lento y no resolvió mi problema.', 'es-ES');
      await h.db.transaction((tx) =>
        appendEvent(tx, ws.id, { type: 'survey.commented', subjectId: a.conversationId, payload: { ...a } }, h.clock()),
      );
      for (let i = 0; i < 200 && ((await outbox.drain()) > 0 || (await outboxBacklog(h.db, 'default')) > 0); i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect((await boss.findJobs(ANALYSE_COMMENT_QUEUE)).length).toBe(1);
      let got = await analysisOf(a.responseId);
      for (let i = 0; i < 300 && got.comment_translation === null; i++) {
        await new Promise((r) => setTimeout(r, 100));
        got = await analysisOf(a.responseId);
      }
      expect(got.comment_language).toBe('es');
      expect(got.comment_translation_language).toBe('en');
      expect(got.comment_translation).toMatch(/slow/i);
      expect(got.comment_translation).toMatch(/problem/i);
      expect(got.sentiment!).toBeLessThan(-0.05);
    },
  );

  it.skipIf(!available)(
    'an English comment is scored and not translated; a removed comment or an id of another workspace stores nothing',
    async () => {
      const en = await answer('Thank you, great help!', 'en');
      expect(await analyseComment({ db: h.db, translator }, ws.id, en.responseId)).toEqual({ analysed: true, retry: false });
      expect(await analysisOf(en.responseId)).toMatchObject({
        comment_language: 'en',
        comment_translation: null,
        comment_translation_language: null,
      });
      expect((await analysisOf(en.responseId)).sentiment!).toBeGreaterThan(0.05);

      // A customer with a Spanish survey writing in Portuguese: the comment's own language wins (pt has no pair to English here).
      const pt = await answer('Atendimento péssimo, ninguém me ajudou.', 'es');
      await analyseComment({ db: h.db, translator }, ws.id, pt.responseId);
      expect(await analysisOf(pt.responseId)).toMatchObject({ comment_language: 'pt', comment_translation: null });
      expect((await analysisOf(pt.responseId)).sentiment!).toBeLessThan(-0.05);

      // No comment (removed meanwhile): nothing to store.
      await h.db.query(`UPDATE survey_responses SET comment = NULL WHERE workspace_id = $1 AND id = $2`, [ws.id, pt.responseId]);
      expect(await analyseComment({ db: h.db, translator }, ws.id, pt.responseId)).toEqual({ analysed: false, retry: false });
      // Another workspace's id is not found.
      const other = await makeWorkspace(h);
      expect(await analyseComment({ db: h.db, translator }, other.id, en.responseId)).toEqual({ analysed: false, retry: false });
    },
  );
});
