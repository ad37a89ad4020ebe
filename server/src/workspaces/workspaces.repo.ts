import type { Queryable } from '../db/types.js';

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
}

const COLS = 'id, slug, name, created_at AS "createdAt"';

export async function findWorkspaceBySlug(q: Queryable, slug: string): Promise<Workspace | undefined> {
  const { rows } = await q.query<Workspace>(`SELECT ${COLS} FROM workspaces WHERE slug = $1`, [slug]);
  return rows[0];
}

export async function findWorkspace(q: Queryable, id: string): Promise<Workspace | undefined> {
  const { rows } = await q.query<Workspace>(`SELECT ${COLS} FROM workspaces WHERE id = $1`, [id]);
  return rows[0];
}

export async function insertWorkspace(q: Queryable, w: { id: string; slug: string; name: string }, at: Date): Promise<Workspace> {
  const { rows } = await q.query<Workspace>(
    `INSERT INTO workspaces (id, slug, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING ${COLS}`,
    [w.id, w.slug, w.name, at],
  );
  return rows[0]!;
}

export async function countWorkspaces(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM workspaces');
  return rows[0]!.n;
}
