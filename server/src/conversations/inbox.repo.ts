import type { Queryable } from '../db/types.js';
import type { Cursor } from '../http/cursor.js';
import type { SlaMetric } from '../sla/sla-state.schema.js';
import type { ConversationRow } from './conversations.repo.js';
import type { ListConversationsQuery, View } from './conversations.schema.js';
import { prefixQuery } from './search.js';

export type InboxFilter = Omit<ListConversationsQuery, 'cursor' | 'limit' | 'sort' | 'view'> & {
  /** The calling agent (views mine and team). */
  agentId: string | null;
  view?: View | undefined;
};

/** SQL conditions on `conversations c` for a filter; `$1` is the workspace. */
function conditions(f: InboxFilter, params: unknown[]): string[] {
  const where = ['c.workspace_id = $1'];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (f.view === 'mine') add('c.assignee_id = ?', f.agentId);
  if (f.view === 'team')
    add('c.team_id IN (SELECT tm.team_id FROM team_members tm WHERE tm.workspace_id = $1 AND tm.agent_id = ?)', f.agentId);
  if (f.view === 'unassigned') where.push('c.assignee_id IS NULL');
  if (f.status?.length) add('c.status = ANY(?::text[])', f.status);
  if (f.teamId) add('c.team_id = ?', f.teamId);
  if (f.assigneeId === 'none') where.push('c.assignee_id IS NULL');
  else if (f.assigneeId) add('c.assignee_id = ?', f.assigneeId);
  // "pt" matches "pt" and "pt-BR"; "pt-BR" matches only itself.
  if (f.language) add(`(c.language = ? OR c.language LIKE ? || '-%')`, f.language);
  if (f.channel) add('c.channel = ?', f.channel);
  if (f.tag) add('c.tags @> ARRAY[?::text]', f.tag);
  if (f.customerId) add('c.customer_id = ?', f.customerId);
  if (f.priority) add('c.priority = ?', f.priority);
  const tsquery = f.q === undefined ? null : prefixQuery(f.q);
  if (f.q !== undefined && !tsquery) where.push('false');
  // Each source through its own index (migration 0024); the expressions must match the indexed ones.
  // ARRAY(…) runs once, so the conversations are then fetched by id (or a customer's by customer id):
  // a join lets the planner, misled by text-search estimates, scan every conversation of the workspace.
  if (tsquery)
    add(
      `c.id = ANY(ARRAY(
         SELECT m.conversation_id FROM messages m
          WHERE m.workspace_id = $1 AND to_tsvector('simple', left(m.text, 10000)) @@ to_tsquery('simple', ?)
         UNION SELECT sc.id FROM conversations sc
          WHERE sc.workspace_id = $1 AND to_tsvector('simple', coalesce(sc.subject, '')) @@ to_tsquery('simple', ?)
         UNION SELECT cc.id FROM conversations cc
          WHERE cc.workspace_id = $1 AND cc.customer_id = ANY(ARRAY(
            SELECT cu.id FROM customers cu
             WHERE cu.workspace_id = $1 AND to_tsvector('simple', coalesce(cu.name, '')) @@ to_tsquery('simple', ?)
            UNION SELECT ci.customer_id FROM customer_identities ci
             WHERE ci.workspace_id = $1 AND ci.kind = 'email' AND to_tsvector('simple', ci.value) @@ to_tsquery('simple', ?)))))`,
      tsquery,
    );
  return where;
}

/** Statuses in which SLA clocks run (pending pauses them, solved and closed stop them). */
const RUNNING = `('new', 'open', 'on_hold')`;

/** How many conversations, in the page's order, a search reads itself before asking the text indexes. */
const SEARCH_WALK = 400;

/**
 * A word found in most conversations matches far too many rows for the indexes to be quick, and the
 * newest conversations already fill the page: so a search first reads the next SEARCH_WALK
 * conversations of the page's order and matches each itself. Null when that did not settle the page
 * (fewer hits than a page, more conversations beyond): the indexes then find the rare words.
 */
async function searchRecent(
  q: Queryable,
  workspaceId: string,
  f: InboxFilter,
  words: string,
  col: 'c.created_at' | 'c.updated_at',
  limit: number,
  after: Cursor | undefined,
  searchWalk: number,
): Promise<PageKey[] | null> {
  const params: unknown[] = [workspaceId];
  const where = conditions(f, params);
  if (after) where.push(`(${col}, c.id) < ($${params.push(after.at)}::timestamptz, $${params.push(after.id)}::uuid)`);
  const walk = `SELECT c.id, c.workspace_id, c.customer_id, c.subject, ${col} AS at FROM conversations c WHERE ${where.join(' AND ')}
    ORDER BY ${col} DESC, c.id DESC LIMIT $${params.push(searchWalk)}`;
  const w = `to_tsquery('simple', $${params.push(words)})`;
  const { rows } = await q.query<{ id: string; at: Date }>(
    `WITH walk AS (${walk})
     SELECT w.id, w.at FROM walk w
      WHERE to_tsvector('simple', coalesce(w.subject, '')) @@ ${w}
         OR EXISTS (SELECT 1 FROM messages m WHERE m.workspace_id = w.workspace_id AND m.conversation_id = w.id
                       AND to_tsvector('simple', left(m.text, 10000)) @@ ${w})
         OR EXISTS (SELECT 1 FROM customers cu WHERE cu.workspace_id = w.workspace_id AND cu.id = w.customer_id
                       AND to_tsvector('simple', coalesce(cu.name, '')) @@ ${w})
         OR EXISTS (SELECT 1 FROM customer_identities ci WHERE ci.workspace_id = w.workspace_id AND ci.customer_id = w.customer_id
                       AND ci.kind = 'email' AND to_tsvector('simple', ci.value) @@ ${w})
      ORDER BY w.at DESC, w.id DESC LIMIT $${params.push(limit + 1)}`,
    params,
  );
  if (rows.length <= limit) {
    // Fewer hits than a page: settled only when the walk reached the end of the list.
    const seen = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${walk}) x`, params.slice(0, -2));
    if (seen.rows[0]!.n >= searchWalk) return null;
  }
  return rows.map((r) => ({ ...r, tail: false }));
}

/** A conversation with a running SLA clock: in a running status and with a due instant. */
const HAS_DUE = `c.status IN ${RUNNING} AND EXISTS (
  SELECT 1 FROM sla_conversations s WHERE s.workspace_id = c.workspace_id AND s.conversation_id = c.id AND s.next_due_at IS NOT NULL)`;

/** A row of a page: its id, its sort value, and for sort=sla_due whether it is in the tail without a running clock. */
export interface PageKey {
  id: string;
  at: Date;
  tail: boolean;
}

/** Where a page starts: after this row (`tail`: a row of the sla_due tail, `at` its updated time). */
export type PageStart = Cursor & { tail: boolean };

/**
 * One page of conversation ids in the requested order (limit + 1 rows, so the caller can tell
 * whether another page follows), with the sort value of each.
 */
export async function inboxPage(
  q: Queryable,
  workspaceId: string,
  f: InboxFilter,
  sort: 'updated' | 'created' | 'sla_due',
  limit: number,
  after?: PageStart,
  searchWalk = SEARCH_WALK,
): Promise<PageKey[]> {
  if (sort === 'sla_due') return slaDuePage(q, workspaceId, f, limit, after);
  return recentPage(q, workspaceId, f, sort === 'created' ? 'c.created_at' : 'c.updated_at', limit, after, false, searchWalk);
}

async function recentPage(
  q: Queryable,
  workspaceId: string,
  f: InboxFilter,
  col: 'c.created_at' | 'c.updated_at',
  limit: number,
  after: Cursor | undefined,
  tail: boolean,
  searchWalk = SEARCH_WALK,
): Promise<PageKey[]> {
  const words = f.q === undefined || tail ? null : prefixQuery(f.q);
  const walked = words && (await searchRecent(q, workspaceId, { ...f, q: undefined }, words, col, limit, after, searchWalk));
  if (walked) return walked;
  const params: unknown[] = [workspaceId];
  const where = conditions(f, params);
  if (tail) where.push(`NOT (${HAS_DUE})`);
  if (after) {
    params.push(after.at, after.id);
    where.push(`(${col}, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(limit + 1);
  const { rows } = await q.query<{ id: string; at: Date }>(
    `SELECT c.id, ${col} AS at FROM conversations c WHERE ${where.join(' AND ')}
      ORDER BY ${col} DESC, c.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({ ...r, tail }));
}

/**
 * Earliest due first; then the conversations without a running clock, most recently updated first
 * (a due left on a conversation just solved, before the SLA handler has run, counts as none). The
 * second part runs only when the first runs out.
 *
 * A view or filter may hold few of the workspace's running clocks: walking the due index would then
 * visit every clock of the workspace, so its running conversations are gathered first (through the
 * partial indexes of migration 0025) and sorted. Only the unfiltered inbox walks the due index.
 */
async function slaDuePage(q: Queryable, workspaceId: string, f: InboxFilter, limit: number, after?: PageStart): Promise<PageKey[]> {
  let rows: PageKey[] = [];
  if (!after?.tail) {
    const params: unknown[] = [workspaceId];
    const own = conditions(f, params);
    // Nothing but the workspace and its statuses: the first clocks of the due index fill the page.
    const broad = own.length === (f.status?.length ? 2 : 1);
    const where = [...own, `c.status IN ${RUNNING}`];
    const keyset = after
      ? `AND (s.next_due_at, s.conversation_id) > ($${params.push(after.at)}::timestamptz, $${params.push(after.id)}::uuid)`
      : '';
    params.push(limit + 1);
    const sql = broad
      ? `SELECT c.id, s.next_due_at AS at
           FROM sla_conversations s JOIN conversations c ON c.workspace_id = s.workspace_id AND c.id = s.conversation_id
          WHERE s.workspace_id = $1 AND s.next_due_at IS NOT NULL AND ${where.join(' AND ')} ${keyset}
          ORDER BY s.next_due_at, s.conversation_id LIMIT $${params.length}`
      : `WITH candidates AS MATERIALIZED (SELECT c.id FROM conversations c WHERE ${where.join(' AND ')})
         SELECT s.conversation_id AS id, s.next_due_at AS at
           FROM candidates JOIN sla_conversations s ON s.workspace_id = $1 AND s.conversation_id = candidates.id
          WHERE s.next_due_at IS NOT NULL ${keyset}
          ORDER BY s.next_due_at, s.conversation_id LIMIT $${params.length}`;
    rows = (await q.query<{ id: string; at: Date }>(sql, params)).rows.map((r) => ({ ...r, tail: false }));
    if (rows.length > limit) return rows;
  }
  const tail = await recentPage(q, workspaceId, f, 'c.updated_at', limit - rows.length, after?.tail ? after : undefined, true);
  return [...rows, ...tail];
}

export type InboxRow = ConversationRow & {
  customer: { id: string; name: string | null; locale: string | null; timeZone: string | null; country: string | null };
  lastMessage: { direction: 'inbound' | 'outbound' | 'note'; text: string; at: string } | null;
  slaDue: { at: string; metric: SlaMetric } | null;
};

/** The rows of a page with what an inbox shows about each: customer, latest message, next SLA due. */
export async function inboxRows(q: Queryable, workspaceId: string, ids: string[]): Promise<Map<string, InboxRow>> {
  // Correlated subqueries keep the conversation's own columns unqualified (the same list as conversations.repo).
  const { rows } = await q.query<InboxRow>(
    `SELECT c.id, c.channel, c.subject, c.status, c.priority, c.language, c.language_source AS "languageSource",
            c.language_confidence AS "languageConfidence", c.language_evidence AS "languageEvidence", c.customer_id AS "customerId",
            c.team_id AS "teamId", c.assignee_id AS "assigneeId", c.tags, c.message_count AS "messageCount", c.created_at AS "createdAt",
            c.updated_at AS "updatedAt", c.last_message_at AS "lastMessageAt", c.solved_at AS "solvedAt", c.closed_at AS "closedAt",
            (SELECT json_build_object('id', cu.id, 'name', cu.name, 'locale', cu.locale, 'timeZone', cu.time_zone, 'country', cu.country)
               FROM customers cu WHERE cu.workspace_id = c.workspace_id AND cu.id = c.customer_id) AS customer,
            (SELECT json_build_object('direction', m.direction, 'text', left(m.text, 600), 'at', m.created_at)
               FROM messages m WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id
              ORDER BY m.created_at DESC, m.id DESC LIMIT 1) AS "lastMessage",
            (SELECT json_build_object('at', s.next_due_at, 'metric', s.next_due_metric)
               FROM sla_conversations s WHERE s.workspace_id = c.workspace_id AND s.conversation_id = c.id AND s.next_due_at IS NOT NULL)
              AS "slaDue"
       FROM conversations c WHERE c.workspace_id = $1 AND c.id = ANY($2::uuid[])`,
    [workspaceId, ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export interface CountRow {
  language: string | null;
  /** 1 on the row counting every language. */
  total: number;
  mine: number;
  team: number;
  unassigned: number;
  all: number;
}

/** Conversations in the given statuses per view, overall and per language: one pass over the workspace. */
export async function inboxCounts(q: Queryable, workspaceId: string, agentId: string | null, statuses: readonly string[]) {
  const { rows } = await q.query<CountRow>(
    `SELECT c.language, grouping(c.language)::int AS total,
            count(*) FILTER (WHERE c.assignee_id = $2)::int AS mine,
            count(*) FILTER (WHERE c.team_id = ANY(ARRAY(
              SELECT tm.team_id FROM team_members tm WHERE tm.workspace_id = $1 AND tm.agent_id = $2)))::int AS team,
            count(*) FILTER (WHERE c.assignee_id IS NULL)::int AS unassigned,
            count(*)::int AS "all"
       FROM conversations c WHERE c.workspace_id = $1 AND c.status = ANY($3::text[])
      GROUP BY GROUPING SETS ((), (c.language))`,
    [workspaceId, agentId, statuses],
  );
  return rows;
}
