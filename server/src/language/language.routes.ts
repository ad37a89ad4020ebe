import type { FastifyInstance } from 'fastify';
import type { Deps } from '../http/deps.js';
import { errorResponses } from '../http/schemas.js';
import { detectWith, loadModel } from './detector.js';
import { DetectBody, DetectResponse } from './language.schema.js';

export function languageRoutes(app: FastifyInstance, _deps: Deps): void {
  app.post<{ Body: DetectBody }>(
    '/api/v1/language/detect',
    {
      config: { access: 'agent' },
      schema: {
        tags: ['language'],
        summary: 'Detect the language of texts, with hints about the customer',
        description:
          'fastText lid.176 reweighted by priors: the stored locale, Accept-Language / Content-Language (q-weighted) ' +
          'and earlier messages. `candidates` restricts the answer to those languages. Chinese comes back as zh-Hans or ' +
          "zh-Hant. Text without letters (empty, emoji, numbers) is 'und' with confidence 0.",
        body: DetectBody,
        response: { 200: DetectResponse, ...errorResponses },
      },
    },
    async (req) => {
      const model = await loadModel();
      const { texts, hints, candidates } = req.body;
      const options = { ...(hints ? { hints } : {}), ...(candidates ? { candidates } : {}) };
      return { results: texts.map((t) => detectWith(model, t, options)) };
    },
  );
}
