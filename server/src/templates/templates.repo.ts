import type { Queryable } from '../db/types.js';

export type Formality = 'formal' | 'informal' | 'neutral';

export interface TemplateRow {
  id: string;
  key: string;
  name: string;
  sourceLocale: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface VariantRow {
  locale: string;
  formality: Formality;
  body: string;
  sourceHash: string;
  origin: 'human' | 'machine';
  reviewed: boolean;
  updatedAt: Date;
}

const T_COLS = `id, key, name, source_locale AS "sourceLocale", created_at AS "createdAt", updated_at AS "updatedAt"`;
const V_COLS = `locale, formality, body, source_hash AS "sourceHash", origin, reviewed, updated_at AS "updatedAt"`;

export async function insertTemplate(
  q: Queryable,
  workspaceId: string,
  t: Omit<TemplateRow, 'createdAt' | 'updatedAt'>,
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO templates (id, workspace_id, key, name, source_locale, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)`,
    [t.id, workspaceId, t.key, t.name, t.sourceLocale, at],
  );
}

export async function findTemplate(q: Queryable, workspaceId: string, id: string): Promise<TemplateRow | undefined> {
  const { rows } = await q.query<TemplateRow>(`SELECT ${T_COLS} FROM templates WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  return rows[0];
}

export async function findTemplateByKey(q: Queryable, workspaceId: string, key: string): Promise<TemplateRow | undefined> {
  const { rows } = await q.query<TemplateRow>(`SELECT ${T_COLS} FROM templates WHERE workspace_id = $1 AND key = $2`, [workspaceId, key]);
  return rows[0];
}

export async function listTemplates(q: Queryable, workspaceId: string, limit: number, afterKey?: string): Promise<TemplateRow[]> {
  const { rows } = await q.query<TemplateRow>(
    `SELECT ${T_COLS} FROM templates WHERE workspace_id = $1 AND ($2::text IS NULL OR key > $2) ORDER BY key LIMIT $3`,
    [workspaceId, afterKey ?? null, limit + 1],
  );
  return rows;
}

export async function listVariants(q: Queryable, workspaceId: string, templateId: string): Promise<VariantRow[]> {
  const { rows } = await q.query<VariantRow>(
    `SELECT ${V_COLS} FROM template_variants WHERE workspace_id = $1 AND template_id = $2 ORDER BY locale, formality`,
    [workspaceId, templateId],
  );
  return rows;
}

/** Variants of several templates in one query, keyed by template id. */
export async function variantsByTemplate(q: Queryable, workspaceId: string, templateIds: string[]): Promise<Map<string, VariantRow[]>> {
  const out = new Map<string, VariantRow[]>(templateIds.map((id) => [id, []]));
  if (templateIds.length === 0) return out;
  const { rows } = await q.query<VariantRow & { templateId: string }>(
    `SELECT template_id AS "templateId", ${V_COLS} FROM template_variants
      WHERE workspace_id = $1 AND template_id = ANY($2::uuid[]) ORDER BY locale, formality`,
    [workspaceId, templateIds],
  );
  for (const { templateId, ...v } of rows) out.get(templateId)!.push(v);
  return out;
}

export async function upsertVariant(
  q: Queryable,
  workspaceId: string,
  templateId: string,
  v: Omit<VariantRow, 'updatedAt'>,
  at: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO template_variants (workspace_id, template_id, locale, formality, body, source_hash, origin, reviewed, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
     ON CONFLICT (workspace_id, template_id, locale, formality) DO UPDATE
        SET body = EXCLUDED.body, source_hash = EXCLUDED.source_hash, origin = EXCLUDED.origin, reviewed = EXCLUDED.reviewed, updated_at = EXCLUDED.updated_at`,
    [workspaceId, templateId, v.locale, v.formality, v.body, v.sourceHash, v.origin, v.reviewed, at],
  );
  await q.query('UPDATE templates SET updated_at = $3 WHERE workspace_id = $1 AND id = $2', [workspaceId, templateId, at]);
}
