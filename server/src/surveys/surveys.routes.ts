import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { findConversation } from '../conversations/conversations.repo.js';
import { actorOf } from '../http/actor.js';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';
import { errorResponses, IdParams } from '../http/schemas.js';
import { notFound } from '../lib/errors.js';
import { updateSurveySettings } from './survey-settings.js';
import { findConversationSurvey, findSurveySettings } from './surveys.repo.js';
import { ConversationSurveyView, SurveySettingsBody, SurveySettingsView } from './surveys.schema.js';

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

/** These reads take no query: an unknown parameter is a 400, not silently ignored. */
const NoQuery = Type.Object({}, { additionalProperties: false });

export function surveysRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['surveys'];

  app.get(
    '/api/v1/surveys/settings',
    {
      config: { access: 'lead' },
      schema: { tags, summary: 'Survey settings (lead)', querystring: NoQuery, response: { 200: SurveySettingsView, ...errorResponses } },
    },
    async (req) => findSurveySettings(deps.db, principalOf(req).workspaceId),
  );

  app.put<{ Body: SurveySettingsBody }>(
    '/api/v1/surveys/settings',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Replace the survey settings (lead); fields left out take their defaults',
        description:
          'A solved conversation’s customer is sent one survey, `delayMinutes` after solving and outside the quiet hours of their ' +
          'time zone, unless surveys are off, the channel is not listed, the conversation is spam, the customer never wrote, the ' +
          'sender is automated, there is nothing to deliver to, or they had a survey within `throttleDays`. Applies to ' +
          'conversations decided or sent after the change.',
        body: SurveySettingsBody,
        response: { 200: SurveySettingsView, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const row = await deps.db.transaction((tx) => updateSurveySettings(tx, p.workspaceId, actorOf(p), req.body, deps.clock()));
      deps.onCommit();
      return row;
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/conversations/:id/survey',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'The conversation’s survey: scheduled, waiting, sent, answered or suppressed (with the reason); null before it is solved',
        params: IdParams,
        querystring: NoQuery,
        response: { 200: ConversationSurveyView, ...errorResponses },
      },
    },
    async (req) => {
      const ws = principalOf(req).workspaceId;
      if (!(await findConversation(deps.db, ws, req.params.id))) throw notFound('conversation');
      const s = await findConversationSurvey(deps.db, ws, req.params.id);
      if (!s) return { survey: null };
      const { suppressed, response, ...rest } = s;
      return {
        survey: {
          ...rest,
          status: s.status === 'scheduled' && !s.dueAt ? 'waiting' : s.status,
          reason: suppressed,
          response: response && { ...response, answeredAt: iso(response.answeredAt), commentedAt: iso(response.commentedAt) },
        },
      };
    },
  );
}
