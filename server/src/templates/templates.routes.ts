import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../http/actor.js';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';
import { createOnce } from '../http/idempotency.js';
import { errorResponses, IdParams } from '../http/schemas.js';
import { notFound } from '../lib/errors.js';
import { renderTemplate } from './render-template.js';
import { createTemplate, draftVariant, saveVariant, templatesWithVariants, templateWithVariants } from './save-template.js';
import { findTemplate, listTemplates } from './templates.repo.js';
import { CreateTemplateBody, DraftBody, RenderBody, Rendered, Template, VariantInput } from './templates.schema.js';

export function templatesRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['templates'];

  app.get(
    '/api/v1/templates',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'List templates (by key)',
        response: { 200: Type.Object({ data: Type.Array(Template) }), ...errorResponses },
      },
    },
    async (req) => {
      const ws = principalOf(req).workspaceId;
      const rows = (await listTemplates(deps.db, ws, 500)).slice(0, 500);
      return { data: await templatesWithVariants(deps.db, ws, rows) };
    },
  );

  app.post<{ Body: CreateTemplateBody }>(
    '/api/v1/templates',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Create a template with its variants (ICU MessageFormat per locale and formality)',
        body: CreateTemplateBody,
        response: { 201: Template, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      return createOnce(deps, req, reply, (tx) => createTemplate(tx, p.workspaceId, actorOf(p), req.body, deps.clock()));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/templates/:id',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'A template, its variants and which are stale',
        params: IdParams,
        response: { 200: Template, ...errorResponses },
      },
    },
    async (req) => {
      const ws = principalOf(req).workspaceId;
      const t = await findTemplate(deps.db, ws, req.params.id);
      if (!t) throw notFound('template');
      return templateWithVariants(deps.db, ws, t);
    },
  );

  app.put<{ Params: { id: string }; Body: VariantInput }>(
    '/api/v1/templates/:id/variants',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Add or replace one variant (marked human-written and reviewed)',
        description: 'Changing a source-locale variant makes the translated variants made from it stale.',
        params: IdParams,
        body: VariantInput,
        response: { 200: Template, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const t = await deps.db.transaction((tx) => saveVariant(tx, p.workspaceId, actorOf(p), req.params.id, req.body, deps.clock()));
      deps.onCommit();
      return t;
    },
  );

  app.post<{ Params: { id: string }; Body: DraftBody }>(
    '/api/v1/templates/:id/variants/draft',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Machine-draft a variant from the source text (stored unreviewed until a person saves it)',
        params: IdParams,
        body: DraftBody,
        response: { 200: Template, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const t = await draftVariant(deps, p.workspaceId, actorOf(p), req.params.id, req.body, deps.clock());
      deps.onCommit();
      return t;
    },
  );

  app.post<{ Params: { id: string }; Body: RenderBody }>(
    '/api/v1/templates/:id/render',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: "Render for a conversation's customer: their locale (with fallback) and formality; says which variant and why",
        params: IdParams,
        body: RenderBody,
        response: { 200: Rendered, ...errorResponses },
      },
    },
    async (req) => renderTemplate(deps.db, principalOf(req).workspaceId, req.params.id, req.body),
  );
}
