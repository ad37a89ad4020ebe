import type { Queryable } from '../db/types.js';
import type { Conversation } from './conversations.schema.js';

type Dates = 'createdAt' | 'updatedAt' | 'lastMessageAt' | 'solvedAt' | 'closedAt';
export type ConversationRow = Omit<Conversation, Dates> & {
  createdAt: Date;
  updatedAt: Date;
  lastMessageAt: Date | null;
  solvedAt: Date | null;
  closedAt: Date | null;
};

const COLS = `id, channel, subject, status, priority, language, language_source AS "languageSource",
  language_confidence AS "languageConfidence", language_evidence AS "languageEvidence", customer_id AS "customerId", team_id AS "teamId",
  assignee_id AS "assigneeId", tags, message_count AS "messageCount", created_at AS "createdAt", updated_at AS "updatedAt",
  last_message_at AS "lastMessageAt", solved_at AS "solvedAt", closed_at AS "closedAt"`;

/** The conversation's language and why (language/settle.ts decides them). */
type LanguageColumns = 'language' | 'languageSource' | 'languageConfidence' | 'languageEvidence';
export type LanguageState = Pick<ConversationRow, LanguageColumns>;

export type ConversationInsert = Pick<
  ConversationRow,
  | 'id'
  | 'channel'
  | 'subject'
  | 'status'
  | 'priority'
  | LanguageColumns
  | 'customerId'
  | 'teamId'
  | 'assigneeId'
  | 'tags'
  | 'solvedAt'
  | 'closedAt'
  | 'messageCount'
  | 'lastMessageAt'
>;

/**
 * Inserts a conversation and returns the row as stored. Every column is given here (no defaults
 * or triggers fill any in), so the row is built from the input rather than read back: the create
 * path is hot.
 */
export async function insertConversation(q: Queryable, workspaceId: string, c: ConversationInsert, at: Date): Promise<ConversationRow> {
  await q.query(
    `INSERT INTO conversations (id, workspace_id, channel, subject, status, priority, language, customer_id, team_id, assignee_id, tags,
                                solved_at, closed_at, message_count, last_message_at, created_at, updated_at,
                                language_source, language_confidence, language_evidence)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $17, $18, $19)`,
    [
      c.id,
      workspaceId,
      c.channel,
      c.subject,
      c.status,
      c.priority,
      c.language,
      c.customerId,
      c.teamId,
      c.assigneeId,
      c.tags,
      c.solvedAt,
      c.closedAt,
      c.messageCount,
      c.lastMessageAt,
      at,
      c.languageSource,
      c.languageConfidence,
      JSON.stringify(c.languageEvidence),
    ],
  );
  return {
    id: c.id,
    channel: c.channel,
    subject: c.subject,
    status: c.status,
    priority: c.priority,
    language: c.language,
    languageSource: c.languageSource,
    languageConfidence: c.languageConfidence,
    languageEvidence: c.languageEvidence,
    customerId: c.customerId,
    teamId: c.teamId,
    assigneeId: c.assigneeId,
    tags: [...c.tags],
    messageCount: c.messageCount,
    createdAt: at,
    updatedAt: at,
    lastMessageAt: c.lastMessageAt,
    solvedAt: c.solvedAt,
    closedAt: c.closedAt,
  };
}

export async function findConversation(
  q: Queryable,
  workspaceId: string,
  id: string,
  forUpdate = false,
): Promise<ConversationRow | undefined> {
  const { rows } = await q.query<ConversationRow>(
    `SELECT ${COLS} FROM conversations WHERE workspace_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [workspaceId, id],
  );
  return rows[0];
}

export type ConversationChanges = Partial<
  Pick<ConversationRow, 'subject' | 'status' | 'priority' | LanguageColumns | 'teamId' | 'assigneeId' | 'tags' | 'solvedAt' | 'closedAt'>
>;

const COLUMN: Record<keyof ConversationChanges, string> = {
  subject: 'subject',
  status: 'status',
  priority: 'priority',
  language: 'language',
  languageSource: 'language_source',
  languageConfidence: 'language_confidence',
  languageEvidence: 'language_evidence',
  teamId: 'team_id',
  assigneeId: 'assignee_id',
  tags: 'tags',
  solvedAt: 'solved_at',
  closedAt: 'closed_at',
};

export async function updateConversationRow(
  q: Queryable,
  workspaceId: string,
  id: string,
  changes: ConversationChanges,
  at: Date,
): Promise<ConversationRow | undefined> {
  const params: unknown[] = [workspaceId, id, at];
  const sets = ['updated_at = $3'];
  for (const [k, v] of Object.entries(changes) as [keyof ConversationChanges, unknown][]) {
    params.push(k === 'languageEvidence' ? JSON.stringify(v) : v);
    sets.push(`${COLUMN[k]} = $${params.length}`);
  }
  const { rows } = await q.query<ConversationRow>(
    `UPDATE conversations SET ${sets.join(', ')} WHERE workspace_id = $1 AND id = $2 RETURNING ${COLS}`,
    params,
  );
  return rows[0];
}

/**
 * Bumps counters when a message lands; inbound messages from a solved conversation reopen it.
 * With `lang`, the conversation's language state is written in the same statement.
 */
export async function recordMessage(
  q: Queryable,
  workspaceId: string,
  id: string,
  at: Date,
  reopen: boolean,
  lang?: LanguageState,
): Promise<(ConversationRow & { previousStatus: string }) | undefined> {
  const params: unknown[] = [workspaceId, id, at, reopen];
  let setLanguage = '';
  if (lang) {
    params.push(lang.language, lang.languageSource, lang.languageConfidence, JSON.stringify(lang.languageEvidence));
    setLanguage = ', language = $5, language_source = $6, language_confidence = $7, language_evidence = $8';
  }
  // A customer's message reopens a solved or closed conversation and ends a wait on them (pending);
  // on_hold waits on someone else and stays. The old status comes back so the caller can announce it
  // (read from the statement's snapshot: a CTE with FOR UPDATE would skip the row this UPDATE changes).
  const { rows } = await q.query<ConversationRow & { previousStatus: string }>(
    `WITH old AS (SELECT status FROM conversations WHERE workspace_id = $1 AND id = $2)
     UPDATE conversations SET message_count = message_count + 1, last_message_at = $3, updated_at = $3,
            status = CASE WHEN $4 AND status IN ('solved', 'closed', 'pending') THEN 'open' ELSE status END,
            solved_at = CASE WHEN $4 AND status IN ('solved', 'closed') THEN NULL ELSE solved_at END,
            closed_at = CASE WHEN $4 AND status IN ('solved', 'closed') THEN NULL ELSE closed_at END${setLanguage}
      WHERE workspace_id = $1 AND id = $2 RETURNING ${COLS}, (SELECT status FROM old) AS "previousStatus"`,
    params,
  );
  return rows[0];
}
