import { randomBytes } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../http/deps.js';
import { toAppError } from '../http/error-handler.js';
import { htmlPage } from '../http/html-page.js';
import { ErrorResponse, Nullable, Timestamp, Uuid } from '../http/schemas.js';
import { AppError } from '../lib/errors.js';
import { allowCors } from '../widget/widget-access.js';
import { answerSurvey, checkSurveyLink, MAX_COMMENT, type AnswerInput } from './answer-survey.js';
import { inScale } from './survey-kinds.js';
import { renderNoticePage, renderSurveyPage, type SurveyPageModel } from './survey-page.js';
import { surveyTexts } from './survey-texts.js';
import type { SurveyForAnswer } from './survey-responses.repo.js';
import { SurveyTokens } from './survey-token.js';

const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
type TokenParams = Static<typeof TokenParams>;

const ANSWER_PATH = '/api/v1/public/surveys/answer';

export const AnswerBody = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200, description: 'The survey link’s token (the last part of its /s/… URL).' }),
    score: Type.Optional(Type.Integer({ minimum: 0, maximum: 10, description: 'Within the survey kind’s scale; once per survey.' })),
    reasons: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 })),
    comment: Type.Optional(Type.String({ maxLength: MAX_COMMENT, description: 'Editable after the score; empty removes it.' })),
    source: Type.Optional(Type.Union([Type.Literal('widget'), Type.Literal('api')], { default: undefined })),
  },
  { additionalProperties: false },
);
type AnswerBody = Static<typeof AnswerBody>;

export const AnswerView = Type.Object({
  surveyId: Uuid,
  status: Type.Union([Type.Literal('recorded'), Type.Literal('updated')]),
  kind: Type.String(),
  score: Type.Integer(),
  reasons: Type.Array(Type.String()),
  comment: Nullable(Type.String()),
  answeredAt: Timestamp,
  commentedAt: Nullable(Timestamp),
});

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** application/x-www-form-urlencoded, strict: invalid UTF-8 or percent-encoding is refused, not replaced. */
function parseForm(body: Buffer): Record<string, string[]> {
  const text = utf8.decode(body);
  const out: Record<string, string[]> = {};
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    const [k, v] = (at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)]).map((x) =>
      decodeURIComponent(x.replace(/\+/g, ' ')),
    ) as [string, string];
    (out[k] ??= []).push(v);
  }
  return out;
}

/** The form's fields as an answer: `score` (radio), `reason` (checkboxes; `reasons` marks that they were shown), `comment`. */
function formAnswer(form: Record<string, string[]>): AnswerInput {
  const raw = form.score?.[0];
  if (raw !== undefined && !/^\d{1,2}$/.test(raw))
    throw new AppError('validation_failed', 'score is not a number', [{ path: 'body/score', message: 'must be a number' }]);
  return {
    source: 'link',
    ...(raw !== undefined ? { score: Number(raw) } : {}),
    ...(form.reason || form.reasons ? { reasons: form.reason ?? [] } : {}),
    ...(form.comment !== undefined ? { comment: form.comment[0]! } : {}),
  };
}

const securityHeaders = (reply: FastifyReply, nonce: string): FastifyReply =>
  htmlPage(
    reply,
    `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; form-action 'self'; ` +
      "frame-ancestors 'none'; base-uri 'none'",
  );

/** The first language the browser asks for: the language of a page about a link we could not read. */
const browserLocale = (req: FastifyRequest): string | null =>
  (req.headers['accept-language'] ?? '').split(',')[0]?.split(';')[0]?.trim() || null;

function model(s: SurveyForAnswer, token: string, extra: Partial<SurveyPageModel> = {}): SurveyPageModel {
  return {
    locale: s.locale,
    workspace: s.workspaceName,
    token,
    kind: s.kind,
    answered: s.response?.score ?? null,
    reasons: s.reasons,
    chosenReasons: s.response?.reasons ?? [],
    askComment: s.askComment,
    comment: s.response?.comment ?? null,
    overrides: s.texts,
    ...extra,
  };
}

function answerView(s: SurveyForAnswer, status: 'recorded' | 'updated'): Static<typeof AnswerView> {
  const r = s.response!;
  return {
    surveyId: s.id,
    status,
    kind: s.kind,
    score: r.score,
    reasons: r.reasons,
    comment: r.comment,
    answeredAt: r.answeredAt.toISOString(),
    commentedAt: r.commentedAt?.toISOString() ?? null,
  };
}

/**
 * The public survey page `/s/:token` and the JSON answer endpoint. No login: the signed link is the
 * only credential and names its workspace, survey and expiry (survey-token.ts); everything is read and
 * written in that workspace. GET only reads (mail scanners fetch links); answers are POSTs.
 */
export async function surveyPageRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const tokens = new SurveyTokens(deps.secretBox);

  /** Answers, commits, kicks the outbox; then reads the survey as it now stands. */
  async function answer(token: string, input: AnswerInput) {
    const outcome = await deps.db.transaction((tx) => answerSurvey(tx, tokens, token, input, deps.clock()));
    deps.onCommit();
    const now = await checkSurveyLink(deps.db, tokens, token, deps.clock());
    return { outcome, survey: now.ok ? now.survey : outcome.survey };
  }

  // ---- JSON, for the chat widget and integrations -------------------------------------------------
  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/api/v1/public/')) allowCors(req, reply);
  });
  app.options(ANSWER_PATH, { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply
      .header('access-control-allow-methods', 'POST')
      .header('access-control-allow-headers', 'content-type')
      .header('access-control-max-age', '600')
      .status(204)
      .send(),
  );
  app.post<{ Body: AnswerBody }>(
    ANSWER_PATH,
    {
      config: { access: 'public' },
      schema: {
        tags: ['surveys'],
        summary: 'Answer a survey with its link’s token (public; the chat widget’s in-chat rating uses it)',
        description:
          'The score is recorded once (a second score is 409 `survey_already_answered` and changes nothing); reasons and the ' +
          'comment stay editable afterwards. A tampered, unknown or not-sent survey’s token is 404 `survey_link_invalid`, an ' +
          'expired one 410 `survey_link_expired`; neither records anything. CORS without credentials, like the widget’s endpoints.',
        security: [],
        body: AnswerBody,
        response: { 200: AnswerView, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 410: ErrorResponse, 413: ErrorResponse },
      },
    },
    async (req) => {
      const b = req.body;
      const { outcome, survey } = await answer(b.token, {
        source: b.source ?? 'api',
        ...(b.score !== undefined ? { score: b.score } : {}),
        ...(b.reasons !== undefined ? { reasons: b.reasons } : {}),
        ...(b.comment !== undefined ? { comment: b.comment } : {}),
      });
      return answerView(survey, outcome.kind);
    },
  );

  // ---- the HTML page -------------------------------------------------------------------------------
  await app.register(async (page) => {
    // The page takes HTML forms only (the JSON endpoint above is for scripts).
    page.removeContentTypeParser('application/json');
    page.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_req, body, done) => {
      try {
        done(null, parseForm(body as Buffer));
      } catch {
        done(new AppError('invalid_string', 'the form is not valid UTF-8 or percent-encoding'), undefined);
      }
    });
    // Whatever goes wrong on the page is answered as a page, in the browser's language.
    page.setErrorHandler((err: Error, req, reply) => {
      const e = toAppError(err);
      if (e.code === 'internal') req.log.error({ err }, 'survey page failed');
      const nonce = randomBytes(16).toString('base64');
      const text = e.code === 'survey_link_expired' ? (t: { expired: string }) => t.expired : (t: { invalid: string }) => t.invalid;
      void securityHeaders(reply.status(e.status), nonce).send(renderNoticePage(browserLocale(req), 'Meridian', text, nonce));
    });

    const schema = { hide: true, params: TokenParams };
    const config = { access: 'public' as const };

    /** The page for a link that did not check out: 404 invalid (tampered, unknown, not sent) or 410 expired. */
    function refused(req: FastifyRequest, reply: FastifyReply, code: 'survey_link_invalid' | 'survey_link_expired', s?: SurveyForAnswer) {
      const nonce = randomBytes(16).toString('base64');
      const html =
        code === 'survey_link_expired'
          ? renderNoticePage(s?.locale ?? browserLocale(req), s?.workspaceName ?? 'Meridian', (t) => t.expired, nonce)
          : renderNoticePage(browserLocale(req), 'Meridian', (t) => t.invalid, nonce);
      return securityHeaders(reply.status(code === 'survey_link_expired' ? 410 : 404), nonce).send(html);
    }

    function show(reply: FastifyReply, status: number, m: SurveyPageModel) {
      const nonce = randomBytes(16).toString('base64');
      return securityHeaders(reply.status(status), nonce).send(renderSurveyPage(m, nonce));
    }

    page.get<{ Params: TokenParams; Querystring: { score?: string } }>('/s/:token', { config, schema }, async (req, reply) => {
      const c = await checkSurveyLink(deps.db, tokens, req.params.token, deps.clock());
      if (!c.ok) return refused(req, reply, c.code, c.survey);
      const s = c.survey;
      const raw = req.query.score;
      const wanted = raw !== undefined && /^\d{1,2}$/.test(raw) && inScale(s.kind, Number(raw)) ? Number(raw) : undefined;
      if (s.response)
        return show(reply, 200, model(s, req.params.token, { notice: { text: surveyTexts(s.locale).texts.alreadyAnswered } }));
      return show(reply, 200, model(s, req.params.token, { selected: wanted, autoSubmit: wanted !== undefined }));
    });

    page.post<{ Params: TokenParams; Body: Record<string, string[]> }>(
      '/s/:token',
      { config, schema, bodyLimit: 64 * 1024 },
      async (req, reply) => {
        const token = req.params.token;
        const input = formAnswer(req.body ?? {});
        try {
          const { outcome, survey } = await answer(token, input);
          const t = surveyTexts(survey.locale).texts;
          const text = outcome.kind === 'recorded' ? t.thanks : outcome.commented ? t.commentSaved : t.thanks;
          return show(reply, 200, model(survey, token, { notice: { text } }));
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          if (err.code === 'survey_link_invalid' || err.code === 'survey_link_expired') {
            const c = await checkSurveyLink(deps.db, tokens, token, deps.clock());
            return refused(req, reply, err.code, c.ok ? undefined : c.survey);
          }
          const c = await checkSurveyLink(deps.db, tokens, token, deps.clock());
          if (!c.ok) return refused(req, reply, c.code, c.survey);
          const t = surveyTexts(c.survey.locale).texts;
          if (err.code === 'survey_already_answered')
            return show(reply, 409, model(c.survey, token, { notice: { text: t.alreadyAnswered, alert: true } }));
          // A score out of the scale, an unknown reason, an over-long comment: the form again, as sent where it fits.
          return show(
            reply,
            err.status,
            model(c.survey, token, {
              notice: { text: t.checkAnswer, alert: true },
              ...(input.score !== undefined && inScale(c.survey.kind, input.score) ? { selected: input.score } : {}),
            }),
          );
        }
      },
    );
  });
}
