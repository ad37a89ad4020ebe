import type { FastifyInstance } from 'fastify';
import { actorOf } from '../http/actor.js';
import { principalOf } from '../http/auth.js';
import type { Deps } from '../http/deps.js';
import { createOnce } from '../http/idempotency.js';
import { errorResponses, IdParams } from '../http/schemas.js';
import { DEFAULT_CRITICAL_KEYWORDS } from './critical.js';
import { listGlossary } from './glossary.repo.js';
import { changeGlossaryTerm, createGlossaryTerm, removeGlossaryTerm } from './save-glossary-term.js';
import { findTranslationSettings, type TranslationSettingsRow } from './settings.repo.js';
import { GlossaryList, GlossaryTerm, GlossaryTermBody, TranslationSettings, UpdateTranslationSettingsBody } from './settings.schema.js';
import { updateTranslationSettings } from './update-translation-settings.js';

export function translationSettingsRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['translation'];

  /** The settings as the API shows them: which secrets are set, never their values. */
  const present = (workspaceId: string, row: TranslationSettingsRow | undefined) => {
    const opened = row?.providerSecret ? deps.secretBox.open(row.providerSecret, workspaceId) : {};
    const readable = opened !== null && typeof opened === 'object';
    return {
      provider: row?.provider ?? null,
      secretsSet: readable ? Object.keys(opened as object).sort() : [],
      secretsReadable: readable,
      serverDefault: deps.translator.defaultProviderName,
      effectiveProvider: row?.provider ? String(row.provider.kind) : deps.translator.defaultProviderName,
      discloseMachineTranslation: row?.discloseMachineTranslation ?? false,
      criticalKeywords: row?.criticalKeywords ?? DEFAULT_CRITICAL_KEYWORDS,
      criticalKeywordsCustomized: !!row?.criticalKeywords,
      detectionLanguages: row?.detectionLanguages ?? null,
      updatedAt: row?.updatedAt ?? null,
    };
  };

  app.get(
    '/api/v1/settings/translation',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Translation settings: engine (without secrets), machine-translation notice, critical keywords',
        response: { 200: TranslationSettings, ...errorResponses },
      },
    },
    async (req) => {
      const ws = principalOf(req).workspaceId;
      return present(ws, await findTranslationSettings(deps.db, ws));
    },
  );

  app.patch<{ Body: UpdateTranslationSettingsBody }>(
    '/api/v1/settings/translation',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Change translation settings (admin)',
        description:
          'Secret fields (`apiKey`, `secretAccessKey`, `sessionToken`) are sealed at rest and never returned; leave them out to keep ' +
          'the stored ones for the same engine. `provider: null` goes back to the server default, `criticalKeywords: null` to the ' +
          'built-in lists. Engine URLs on private or loopback addresses are refused unless the operator allowed the host.',
        body: UpdateTranslationSettingsBody,
        response: { 200: TranslationSettings, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const row = await deps.db.transaction((tx) =>
        updateTranslationSettings(
          tx,
          p.workspaceId,
          actorOf(p),
          req.body,
          { box: deps.secretBox, allowedHosts: deps.providerAllowedHosts },
          deps.clock(),
        ),
      );
      deps.translator.invalidate(p.workspaceId);
      deps.onCommit();
      return present(p.workspaceId, row);
    },
  );

  app.get(
    '/api/v1/glossary',
    {
      config: { access: 'agent' },
      schema: { tags, summary: 'The workspace glossary (every term)', response: { 200: GlossaryList, ...errorResponses } },
    },
    async (req) => ({ data: await listGlossary(deps.db, principalOf(req).workspaceId) }),
  );

  app.post<{ Body: GlossaryTermBody }>(
    '/api/v1/glossary',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Add a glossary term (lead)',
        description:
          'A term without `language` is kept verbatim in every translation (product names); with a language and `translations` ' +
          'it is rendered the same way every time, in both directions.',
        body: GlossaryTermBody,
        response: { 201: GlossaryTerm, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const row = await createOnce(deps, req, reply, (tx) => createGlossaryTerm(tx, p.workspaceId, actorOf(p), req.body, deps.clock()));
      deps.translator.invalidate(p.workspaceId);
      return row;
    },
  );

  app.patch<{ Params: { id: string }; Body: GlossaryTermBody }>(
    '/api/v1/glossary/:id',
    {
      config: { access: 'lead' },
      schema: {
        tags,
        summary: 'Change a glossary term (lead)',
        params: IdParams,
        body: GlossaryTermBody,
        response: { 200: GlossaryTerm, ...errorResponses },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const row = await deps.db.transaction((tx) =>
        changeGlossaryTerm(tx, p.workspaceId, actorOf(p), req.params.id, req.body, deps.clock()),
      );
      deps.translator.invalidate(p.workspaceId);
      deps.onCommit();
      return row;
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/glossary/:id',
    {
      config: { access: 'lead' },
      schema: { tags, summary: 'Remove a glossary term (lead)', params: IdParams, response: { 204: { type: 'null' }, ...errorResponses } },
    },
    async (req, reply) => {
      const p = principalOf(req);
      await deps.db.transaction((tx) => removeGlossaryTerm(tx, p.workspaceId, actorOf(p), req.params.id, deps.clock()));
      deps.translator.invalidate(p.workspaceId);
      deps.onCommit();
      return reply.status(204).send();
    },
  );
}
