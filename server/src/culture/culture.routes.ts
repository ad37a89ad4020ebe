import type { FastifyInstance } from 'fastify';
import { findCustomer } from '../customers/customers.repo.js';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';
import { errorResponses, IdParams } from '../http/schemas.js';
import { AppError, notFound } from '../lib/errors.js';
import { canonicalLocale, cultureCatalog, customerCulture, listCultures, lookupCulture } from './culture.js';
import { CultureList, CultureMatch, CustomerCulture, ListCulturesQuery, LocaleParams } from './culture.schema.js';

export function cultureRoutes(app: FastifyInstance, deps: Deps): void {
  // Loaded and validated here, so bad culture data stops the app from building (fail fast).
  const catalog = cultureCatalog();
  const tags = ['culture'];

  app.get<{ Querystring: ListCulturesQuery }>(
    '/api/v1/cultures',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'List culture profiles',
        querystring: ListCulturesQuery,
        response: { 200: CultureList, ...errorResponses },
      },
    },
    async (req) => ({ data: listCultures(catalog, req.query.language) }),
  );

  app.get<{ Params: { locale: string } }>(
    '/api/v1/cultures/:locale',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Get the culture profile for a locale (exact, else its language+region, alias or language default)',
        params: LocaleParams,
        response: { 200: CultureMatch, ...errorResponses },
      },
    },
    async (req) => {
      const tag = req.params.locale;
      if (!canonicalLocale(tag)) {
        throw new AppError('validation_failed', 'locale is not a valid BCP 47 language tag', [
          { path: 'params/locale', message: 'not a valid BCP 47 language tag' },
        ]);
      }
      const match = lookupCulture(catalog, tag);
      if (!match) throw new AppError('not_found', `no culture profile for ${tag} or its language`);
      return match;
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/customers/:id/culture',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: "A customer's culture card: their country's profile with their stated locale and formality applied",
        params: IdParams,
        response: { 200: CustomerCulture, ...errorResponses },
      },
    },
    async (req) => {
      const customer = await findCustomer(deps.db, principalOf(req).workspaceId, req.params.id);
      if (!customer) throw notFound('customer');
      return customerCulture(catalog, customer);
    },
  );
}
