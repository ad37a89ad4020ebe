import type { FastifyInstance } from 'fastify';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';
import { errorResponses } from '../http/schemas.js';
import { PreviewBody, PreviewResponse } from './translation.schema.js';

export function translationRoutes(app: FastifyInstance, deps: Deps): void {
  app.post<{ Body: PreviewBody }>(
    '/api/v1/translate/preview',
    {
      config: { access: 'agent' },
      schema: {
        tags: ['translation'],
        summary: 'Translate a draft and back-translate the result, with quality flags',
        description:
          'Personal data, URLs, code, placeholders and glossary terms are kept from the engine and restored. ' +
          'An engine failure is not an error: the translation comes back `untranslated` with a flag.',
        body: PreviewBody,
        response: { 200: PreviewResponse, ...errorResponses },
      },
    },
    async (req) => {
      const ws = principalOf(req).workspaceId;
      const b = req.body;
      const translation = await deps.translator.translate(ws, b);
      if (translation.status !== 'translated' || translation.text === null || translation.flags.includes('same_language')) {
        return { translation, backTranslation: null };
      }
      // Back-translation reads the glossary the other way round.
      const reversed = b.glossary?.map((g) => ({
        term: g.translation ?? g.term,
        translation: g.term,
        ...(g.caseSensitive ? { caseSensitive: true } : {}),
      }));
      const backTranslation = await deps.translator.translate(ws, {
        text: translation.text,
        source: b.target,
        target: b.source,
        ...(b.format ? { format: b.format } : {}),
        ...(reversed ? { glossary: reversed } : {}),
      });
      return { translation, backTranslation };
    },
  );
}
