import type { FastifyInstance } from 'fastify';
import { canonicalLocale, cultureCatalog } from '../culture/culture.js';
import { findConversation } from '../conversations/conversations.repo.js';
import { findCustomer } from '../customers/customers.repo.js';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';
import { errorResponses } from '../http/schemas.js';
import { AppError, notFound } from '../lib/errors.js';
import { checkTone, toneContext } from './check.js';
import { ToneCheckBody, ToneCheckResponse } from './tone.schema.js';

export function toneRoutes(app: FastifyInstance, deps: Deps): void {
  const catalog = cultureCatalog();

  app.post<{ Body: ToneCheckBody }>(
    '/api/v1/replies/check',
    {
      config: { access: 'agent' },
      schema: {
        tags: ['culture'],
        summary: "Check a reply draft's tone against the conversation's customer",
        description:
          'Findings are advice and never edit the draft: formality mismatch, idioms and jargon, ambiguous numeric dates, ' +
          "all-caps, missing greeting or closing where the customer's culture expects one. Spans are UTF-16 offsets.",
        body: ToneCheckBody,
        response: { 200: ToneCheckResponse, ...errorResponses },
      },
    },
    async (req) => {
      const ws = principalOf(req).workspaceId;
      const { text, language, conversationId } = req.body;
      if (!canonicalLocale(language)) {
        throw new AppError('validation_failed', 'language is not a valid BCP 47 language tag', [
          { path: 'body/language', message: 'not a valid BCP 47 language tag' },
        ]);
      }
      const conversation = await findConversation(deps.db, ws, conversationId);
      if (!conversation) {
        throw new AppError('not_found', 'conversation not found', [{ path: 'body/conversationId', message: 'no such conversation' }]);
      }
      const customer = await findCustomer(deps.db, ws, conversation.customerId);
      if (!customer) throw notFound('customer');
      const { ctx, culture } = toneContext(catalog, customer, language);
      return { findings: checkTone(text, ctx, catalog), culture };
    },
  );
}
