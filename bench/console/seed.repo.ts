/**
 * A large inbox in a few statements: customers, conversations and one inbound message each, generated
 * in SQL (generate_series) rather than through the API, so 100,000 conversations take seconds. Ids are
 * md5-derived UUIDs, so a conversation finds its customer without a lookup. Only for benches.
 */
import type { Queryable } from '../../server/src/db/types.js';

const LANGUAGES = ['en', 'de', 'es', 'fr', 'pt', 'ja', 'it', 'nl', 'pl', 'tr'];
const CHANNELS = ['email', 'chat', 'whatsapp', 'telegram', 'sms', 'phone'];
const STATUSES = ['new', 'open', 'open', 'pending', 'on_hold', 'solved', 'closed'];

export interface InboxSeed {
  workspaceId: string;
  conversations: number;
  /** One customer per this many conversations. */
  perCustomer: number;
  /** Agents to assign to (a quarter of the conversations stay unassigned). */
  agentIds: string[];
  teamId: string;
  now: Date;
}

/** A team for the signed-in agent's "my teams" view. */
export async function insertBenchTeam(q: Queryable, workspaceId: string, teamId: string, agentIds: string[], now: Date) {
  await q.query(
    `INSERT INTO teams (id, workspace_id, name, time_zone, languages, created_at, updated_at)
     VALUES ($1, $2, 'Bench team', 'UTC', '{en}', $3, $3)`,
    [teamId, workspaceId, now],
  );
  await q.query(`INSERT INTO team_members (workspace_id, team_id, agent_id) SELECT $1, $2, unnest($3::uuid[])`, [
    workspaceId,
    teamId,
    agentIds,
  ]);
}

/** Inserts the customers, conversations (newest first by i, a minute apart) and messages. */
export async function seedInbox(q: Queryable, s: InboxSeed): Promise<void> {
  const customers = Math.ceil(s.conversations / s.perCustomer);
  await q.query(
    `INSERT INTO customers (id, workspace_id, name, locale, country, time_zone, created_at, updated_at)
     SELECT md5($1 || ':customer:' || i)::uuid, $1::uuid, 'Customer ' || i, l, NULL, 'UTC', $3, $3
       FROM generate_series(0, $2 - 1) AS i, LATERAL (SELECT ($4::text[])[1 + i % array_length($4, 1)] AS l) x`,
    [s.workspaceId, customers, s.now, LANGUAGES],
  );
  await q.query(
    `INSERT INTO customer_identities (workspace_id, customer_id, kind, value)
     SELECT $1::uuid, md5($1 || ':customer:' || i)::uuid, 'email', 'customer' || i || '@bench.example'
       FROM generate_series(0, $2 - 1) AS i`,
    [s.workspaceId, customers],
  );
  await q.query(
    `INSERT INTO conversations (id, workspace_id, channel, subject, status, priority, language, customer_id, team_id, assignee_id,
                                tags, message_count, created_at, updated_at, last_message_at)
     SELECT md5($1 || ':conversation:' || i)::uuid, $1::uuid,
            ($5::text[])[1 + i % array_length($5, 1)],
            'Order ' || (100000 + i) || ': question about delivery',
            ($6::text[])[1 + i % array_length($6, 1)],
            CASE WHEN i % 10 = 0 THEN 'high' ELSE 'normal' END,
            ($7::text[])[1 + (i / $3) % array_length($7, 1)],
            md5($1 || ':customer:' || (i / $3))::uuid,
            CASE WHEN i % 2 = 0 THEN $8::uuid END,
            CASE WHEN i % 4 = 0 THEN NULL ELSE ($9::uuid[])[1 + i % array_length($9, 1)] END,
            CASE WHEN i % 5 = 0 THEN ARRAY['vip'] ELSE '{}' END,
            1, t, t, t
       FROM generate_series(0, $2 - 1) AS i, LATERAL (SELECT $4::timestamptz - i * interval '1 minute' AS t) x`,
    [s.workspaceId, s.conversations, s.perCustomer, s.now, CHANNELS, STATUSES, LANGUAGES, s.teamId, s.agentIds],
  );
  await q.query(
    `INSERT INTO messages (id, workspace_id, conversation_id, direction, author_type, text, language, created_at)
     SELECT md5($1 || ':message:' || i)::uuid, $1::uuid, md5($1 || ':conversation:' || i)::uuid, 'inbound', 'customer',
            'Hello, my order ' || (100000 + i) || ' has not arrived yet. Could you check where it is and when I can expect it?',
            'en', $3::timestamptz - i * interval '1 minute'
       FROM generate_series(0, $2 - 1) AS i`,
    [s.workspaceId, s.conversations, s.now],
  );
  await q.query('ANALYZE customers, customer_identities, conversations, messages');
}
