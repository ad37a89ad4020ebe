import type { Queryable } from '../db/types.js';

/** One workspace glossary term: kept verbatim, or translated the same way every time. */
export interface GlossaryTermRow {
  id: string;
  term: string;
  /** The language the term is written in; null for names that are the same in every language. */
  language: string | null;
  /** The term's fixed translation per target language (primary subtag). */
  translations: Record<string, string>;
  caseSensitive: boolean;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLS = `id, term, language, translations, case_sensitive AS "caseSensitive", note, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Every term of the workspace, oldest first (a glossary is small: it is read whole). */
export async function listGlossary(q: Queryable, workspaceId: string, limit = 5000): Promise<GlossaryTermRow[]> {
  const { rows } = await q.query<GlossaryTermRow>(
    `SELECT ${COLS} FROM glossary_terms WHERE workspace_id = $1 ORDER BY created_at, id LIMIT $2`,
    [workspaceId, limit],
  );
  return rows;
}

export async function countGlossary(q: Queryable, workspaceId: string): Promise<number> {
  const { rows } = await q.query<{ n: number | string }>(`SELECT count(*) AS n FROM glossary_terms WHERE workspace_id = $1`, [workspaceId]);
  return Number(rows[0]!.n);
}

/** Whether another term has this spelling (any case) in this language, as the unique index sees it. */
export async function glossaryTermTaken(
  q: Queryable,
  workspaceId: string,
  v: { term: string; language: string | null },
  exceptId?: string,
): Promise<boolean> {
  const { rows } = await q.query(
    `SELECT 1 FROM glossary_terms
      WHERE workspace_id = $1 AND lower(term) = lower($2) AND coalesce(language, '') = coalesce($3, '') AND id IS DISTINCT FROM $4 LIMIT 1`,
    [workspaceId, v.term, v.language, exceptId ?? null],
  );
  return rows.length > 0;
}

export async function findGlossaryTerm(q: Queryable, workspaceId: string, id: string): Promise<GlossaryTermRow | undefined> {
  const { rows } = await q.query<GlossaryTermRow>(`SELECT ${COLS} FROM glossary_terms WHERE workspace_id = $1 AND id = $2`, [
    workspaceId,
    id,
  ]);
  return rows[0];
}

type TermValues = Pick<GlossaryTermRow, 'term' | 'language' | 'translations' | 'caseSensitive' | 'note'>;

export async function insertGlossaryTerm(
  q: Queryable,
  workspaceId: string,
  t: TermValues & { id: string },
  at: Date,
): Promise<GlossaryTermRow> {
  const { rows } = await q.query<GlossaryTermRow>(
    `INSERT INTO glossary_terms (workspace_id, id, term, language, translations, case_sensitive, note, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING ${COLS}`,
    [workspaceId, t.id, t.term, t.language, JSON.stringify(t.translations), t.caseSensitive, t.note, at],
  );
  return rows[0]!;
}

export async function updateGlossaryTerm(
  q: Queryable,
  workspaceId: string,
  id: string,
  t: TermValues,
  at: Date,
): Promise<GlossaryTermRow | undefined> {
  const { rows } = await q.query<GlossaryTermRow>(
    `UPDATE glossary_terms SET term = $3, language = $4, translations = $5, case_sensitive = $6, note = $7, updated_at = $8
      WHERE workspace_id = $1 AND id = $2 RETURNING ${COLS}`,
    [workspaceId, id, t.term, t.language, JSON.stringify(t.translations), t.caseSensitive, t.note, at],
  );
  return rows[0];
}

export async function deleteGlossaryTerm(q: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const r = await q.query(`DELETE FROM glossary_terms WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  return r.rowCount > 0;
}
