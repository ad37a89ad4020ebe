import { IntlMessageFormat } from 'intl-messageformat';
import type { Db, Queryable } from '../db/types.js';
import type { Translator } from '../translation/translator.js';
import { recordChange, type NewEvent } from '../events/events.repo.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { AppError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { bodyHash, isStale, sourceHashFor } from './resolve.js';
import {
  findTemplate,
  findTemplateByKey,
  insertTemplate,
  listVariants,
  upsertVariant,
  variantsByTemplate,
  type Formality,
  type TemplateRow,
  type VariantRow,
} from './templates.repo.js';
import type { CreateTemplateBody, VariantInput } from './templates.schema.js';

type Actor = Pick<AuditEntry, 'actorType' | 'actorId'>;

/** Refuses bodies that are not valid ICU MessageFormat, naming the variant. */
function assertIcu(body: string, locale: string, path: string): void {
  try {
    new IntlMessageFormat(body, locale);
  } catch (err) {
    throw new AppError('validation_failed', `not valid ICU MessageFormat: ${(err as Error).message}`, [
      { path, message: 'ICU syntax error' },
    ]);
  }
}

const withStale = (t: TemplateRow, variants: VariantRow[]) => ({
  ...t,
  variants: variants.map((v) => ({ ...v, stale: isStale(v, variants, t.sourceLocale) })),
});

export async function templateWithVariants(q: Queryable, workspaceId: string, t: TemplateRow) {
  return withStale(t, await listVariants(q, workspaceId, t.id));
}

/** Many templates with their variants: one query for all variants, not one per template. */
export async function templatesWithVariants(q: Queryable, workspaceId: string, ts: TemplateRow[]) {
  const byTemplate = await variantsByTemplate(
    q,
    workspaceId,
    ts.map((t) => t.id),
  );
  return ts.map((t) => withStale(t, byTemplate.get(t.id)!));
}

async function putVariant(
  tx: Queryable,
  workspaceId: string,
  t: TemplateRow,
  existing: VariantRow[],
  v: VariantInput,
  at: Date,
): Promise<void> {
  const formality = v.formality ?? 'neutral';
  await upsertVariant(
    tx,
    workspaceId,
    t.id,
    {
      locale: v.locale,
      formality,
      body: v.body,
      sourceHash: sourceHashFor(v.locale, formality, v.body, existing, t.sourceLocale),
      origin: 'human',
      reviewed: true,
    },
    at,
  );
}

export async function createTemplate(tx: Queryable, workspaceId: string, actor: Actor, body: CreateTemplateBody, at: Date) {
  body.variants.forEach((v, i) => assertIcu(v.body, v.locale, `body/variants/${i}/body`));
  if (!body.variants.some((v) => v.locale.toLowerCase() === body.sourceLocale.toLowerCase())) {
    throw new AppError('validation_failed', 'a template needs a variant in its source locale', [
      { path: 'body/variants', message: 'no source-locale variant' },
    ]);
  }
  if (await findTemplateByKey(tx, workspaceId, body.key))
    throw new AppError('already_exists', `template "${body.key}" exists`, [{ path: 'body/key', message: 'taken' }]);
  const t: TemplateRow = { id: newId(), key: body.key, name: body.name, sourceLocale: body.sourceLocale, createdAt: at, updatedAt: at };
  await insertTemplate(tx, workspaceId, t, at);
  // Source variants first, so translated ones record the source body they match.
  const isSource = (v: VariantInput) => v.locale.toLowerCase() === t.sourceLocale.toLowerCase();
  for (const v of body.variants.filter(isSource)) await putVariant(tx, workspaceId, t, [], v, at);
  const sources = await listVariants(tx, workspaceId, t.id);
  for (const v of body.variants.filter((x) => !isSource(x))) await putVariant(tx, workspaceId, t, sources, v, at);
  await recordChange(
    tx,
    workspaceId,
    event('template.created', t),
    { ...actor, action: 'template.create', targetType: 'template', targetId: t.id },
    at,
  );
  return templateWithVariants(tx, workspaceId, t);
}

export async function saveVariant(tx: Queryable, workspaceId: string, actor: Actor, templateId: string, v: VariantInput, at: Date) {
  const t = await findTemplate(tx, workspaceId, templateId);
  if (!t) throw notFound('template');
  assertIcu(v.body, v.locale, 'body/body');
  await putVariant(tx, workspaceId, t, await listVariants(tx, workspaceId, t.id), v, at);
  await recordChange(
    tx,
    workspaceId,
    event('template.updated', t),
    {
      ...actor,
      action: 'template.variant.save',
      targetType: 'template',
      targetId: t.id,
      data: { locale: v.locale, formality: v.formality ?? 'neutral' },
    },
    at,
  );
  return templateWithVariants(tx, workspaceId, t);
}

const event = (type: string, t: TemplateRow): NewEvent => ({ type, subjectId: t.id, payload: { templateId: t.id, key: t.key } });

/**
 * Machine-drafts a variant from the source-locale text: stored as origin 'machine', unreviewed,
 * until a person saves it. Plain placeholders survive translation (they are protected); plural
 * and select constructs would not, so those templates are refused.
 */
export async function draftVariant(
  deps: { db: Db; translator: Translator },
  workspaceId: string,
  actor: Actor,
  templateId: string,
  req: { locale: string; formality?: Formality | undefined },
  at: Date,
) {
  const t = await findTemplate(deps.db, workspaceId, templateId);
  if (!t) throw notFound('template');
  const formality = req.formality ?? 'neutral';
  const variants = await listVariants(deps.db, workspaceId, t.id);
  const sources = variants.filter((v) => v.locale.toLowerCase() === t.sourceLocale.toLowerCase());
  const source = sources.find((v) => v.formality === formality) ?? sources.find((v) => v.formality === 'neutral') ?? sources[0]!;
  if (/\{\s*\w+\s*,\s*(plural|select|selectordinal)\s*,/.test(source.body)) {
    throw new AppError('validation_failed', 'machine drafts support plain {placeholders} only; write plural/select variants by hand', [
      { path: 'body/locale', message: 'source uses plural or select' },
    ]);
  }
  const out = await deps.translator.translate(workspaceId, {
    text: source.body,
    source: t.sourceLocale,
    target: req.locale,
    ...(formality !== 'neutral' ? { formality } : {}),
  });
  if (out.status !== 'translated' || out.text === null) {
    throw new AppError('unavailable', `machine translation unavailable (${out.flags.join(', ')})`);
  }
  assertIcu(out.text, req.locale, 'body/locale');
  return deps.db.transaction(async (tx) => {
    await upsertVariant(
      tx,
      workspaceId,
      t.id,
      { locale: req.locale, formality, body: out.text!, sourceHash: bodyHash(source.body), origin: 'machine', reviewed: false },
      at,
    );
    await recordChange(
      tx,
      workspaceId,
      event('template.updated', t),
      {
        ...actor,
        action: 'template.variant.draft',
        targetType: 'template',
        targetId: t.id,
        data: { locale: req.locale, formality, provider: out.provider },
      },
      at,
    );
    return templateWithVariants(tx, workspaceId, t);
  });
}
