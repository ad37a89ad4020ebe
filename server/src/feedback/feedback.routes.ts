import type { FastifyInstance } from 'fastify';
import { principalOf } from '../http/auth.js';
import { decodeCursor, paginate } from '../http/cursor.js';
import type { Deps } from '../http/deps.js';
import { errorResponses, Page } from '../http/schemas.js';
import { contentDisposition, Download } from '../storage/download.js';
import type { SurveyKind } from '../surveys/survey-kinds.js';
import { feedbackSummary } from './analytics.js';
import { BOM, csvRow } from './csv.js';
import { feedbackRows, listResponses, workspaceSurveyKind, type ResponseFilter, type ResponseRow } from './feedback-analytics.repo.js';
import { feedbackRange } from './feedback-range.js';
import { CsvQuery, FeedbackResponse, FeedbackSummary, ResponsesQuery, SummaryQuery } from './feedback.schema.js';
import { sentimentLabel } from './sentiment/label.js';

/** The most answers one CSV holds; a larger export is cut there and says so in a header. */
export const MAX_CSV_ROWS = 50_000;
const CSV_PAGE = 1_000;

const CSV_COLUMNS = [
  'answered_at',
  'response_id',
  'survey_id',
  'conversation_id',
  'kind',
  'score',
  'reasons',
  'comment',
  'comment_language',
  'comment_translation',
  'comment_translation_language',
  'sentiment',
  'sentiment_label',
  'language',
  'country',
  'channel',
  'team',
  'agent',
  'tags',
  'sent_at',
];

const toApi = (r: ResponseRow): FeedbackResponse => ({
  id: r.id,
  surveyId: r.surveyId,
  conversationId: r.conversationId,
  kind: r.kind,
  score: r.score,
  reasons: r.reasons,
  comment: r.comment,
  commentLanguage: r.commentLanguage,
  commentTranslation: r.commentTranslation,
  commentTranslationLanguage: r.commentTranslationLanguage,
  sentiment: r.sentiment === null ? null : { score: r.sentiment, label: sentimentLabel(r.sentiment) },
  answeredAt: r.answeredAt.toISOString(),
  sentAt: r.sentAt?.toISOString() ?? null,
  language: r.language,
  country: r.country,
  channel: r.channel,
  team: r.teamId ? { id: r.teamId, name: r.teamName } : null,
  agent: r.agentId ? { id: r.agentId, name: r.agentName } : null,
  tags: r.tags,
});

const csvLine = (r: ResponseRow) =>
  csvRow([
    r.answeredAt.toISOString(),
    r.id,
    r.surveyId,
    r.conversationId,
    r.kind,
    r.score,
    r.reasons.join('; '),
    r.comment,
    r.commentLanguage,
    r.commentTranslation,
    r.commentTranslationLanguage,
    r.sentiment,
    r.sentiment === null ? null : sentimentLabel(r.sentiment),
    r.language,
    r.country,
    r.channel,
    r.teamName ?? r.teamId,
    r.agentName ?? r.agentId,
    r.tags.join('; '),
    r.sentAt?.toISOString() ?? null,
  ]);

export function feedbackRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['feedback'];
  const filterOf = (q: CsvQuery): { filter: ResponseFilter; range: ReturnType<typeof feedbackRange> } => {
    const range = feedbackRange(q, deps.clock());
    const { from: _f, to: _t, tz: _z, ...rest } = q;
    return { range, filter: { ...rest, start: range.start, end: range.end } };
  };

  app.get<{ Querystring: SummaryQuery }>(
    '/api/v1/feedback/summary',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Survey results: response rate, scores, NPS/CSAT/CES, per breakdown and over time, raw and normalised per language',
        description:
          'Surveys of one kind sent on the local days `from`…`to` in `tz` (default the 30 days up to yesterday, UTC) with their answers, ' +
          'overall, grouped by `by` and bucketed by day or ISO week (by when sent). `normalisedAverage` removes each language’s response ' +
          'style (README: Feedback analytics).',
        querystring: SummaryQuery,
        response: { 200: FeedbackSummary, ...errorResponses },
      },
    },
    async (req) => {
      const ws = principalOf(req).workspaceId;
      const range = feedbackRange(req.query, deps.clock());
      const kind: SurveyKind = req.query.kind ?? (await workspaceSurveyKind(deps.db, ws)) ?? 'csat';
      const by = req.query.by ?? 'language';
      const bucket = req.query.bucket ?? 'week';
      const rows = await feedbackRows(deps.db, ws, kind, range.start, range.end);
      const s = feedbackSummary(kind, rows, { by, bucket, timeZone: range.tz });
      return { kind, by, bucket, tz: range.tz, from: range.from, to: range.to, overall: s.overall, groups: s.groups, trend: s.trend };
    },
  );

  app.get<{ Querystring: ResponsesQuery }>(
    '/api/v1/feedback/responses',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Survey answers with comments, their translation and sentiment, newest first',
        description:
          'Answers given on the local days `from`…`to` in `tz` (default the 30 days up to yesterday, UTC), filtered by the survey’s dimensions.',
        querystring: ResponsesQuery,
        response: { 200: Page(FeedbackResponse), ...errorResponses },
      },
    },
    async (req) => {
      const { cursor, limit: asked, ...q } = req.query;
      const limit = asked ?? 25;
      const { filter } = filterOf(q);
      const rows = await listResponses(deps.db, principalOf(req).workspaceId, filter, { cursor: decodeCursor(cursor), limit: limit + 1 });
      const page = paginate(rows, limit, (r) => r.answeredAt);
      return { data: page.data.map(toApi), nextCursor: page.nextCursor };
    },
  );

  app.get<{ Querystring: CsvQuery }>(
    '/api/v1/feedback/responses.csv',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'The same answers as CSV for spreadsheets (UTF-8 with BOM, RFC 4180, formula injection neutralised)',
        description:
          `At most ${MAX_CSV_ROWS} answers, newest first; a cut export carries \`x-meridian-truncated: true\`. ` +
          'Text cells starting with = + - @ tab or CR (after any spaces) get a leading single quote; numbers are left as numbers.',
        querystring: CsvQuery,
        response: { 200: Download, ...errorResponses },
      },
    },
    async (req, reply) => {
      const ws = principalOf(req).workspaceId;
      const { filter, range } = filterOf(req.query);
      const lines = [BOM, csvRow(CSV_COLUMNS)];
      let cursor: { at: string; id: string } | undefined;
      let count = 0;
      let truncated = false;
      for (;;) {
        const rows = await listResponses(deps.db, ws, filter, { cursor, limit: CSV_PAGE });
        for (const r of rows) {
          if (count === MAX_CSV_ROWS) {
            truncated = true;
            break;
          }
          lines.push(csvLine(r));
          count++;
        }
        if (truncated || rows.length < CSV_PAGE) break;
        const last = rows[rows.length - 1]!;
        cursor = { at: last.answeredAt.toISOString(), id: last.id };
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(`feedback-${range.from}-${range.to}.csv`))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('x-meridian-truncated', String(truncated))
        .send(lines.join(''));
    },
  );
}
