import type { Queryable } from '../db/types.js';
import type { Cursor } from '../http/cursor.js';
import type { Customer, ListCustomersQuery } from './customers.schema.js';

export type CustomerRow = Omit<Customer, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };
export type IdentityKind = 'email' | 'phone' | 'external';

const ids = (kind: IdentityKind) =>
  `COALESCE((SELECT array_agg(ci.value ORDER BY ci.position, ci.value) FROM customer_identities ci
             WHERE ci.workspace_id = c.workspace_id AND ci.customer_id = c.id AND ci.kind = '${kind}'), '{}')`;

const COLS = `c.id, c.name, ${ids('email')} AS emails, ${ids('phone')} AS phones, ${ids('external')} AS "externalIds",
  c.locale, c.country, c.time_zone AS "timeZone", c.preferred_channel AS "preferredChannel", c.formality, c.tier,
  c.attributes, c.consent, c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

export interface CustomerFields {
  name: string | null;
  locale: string | null;
  country: string | null;
  timeZone: string | null;
  preferredChannel: string | null;
  formality: string | null;
  tier: string | null;
  attributes: Record<string, unknown>;
  consent: Record<string, unknown>;
}

/** $3…$11 of both statements below, in column order. */
const fieldParams = (f: CustomerFields): unknown[] => [
  f.name,
  f.locale,
  f.country,
  f.timeZone,
  f.preferredChannel,
  f.formality,
  f.tier,
  JSON.stringify(f.attributes),
  JSON.stringify(f.consent),
];

export async function insertCustomer(q: Queryable, workspaceId: string, id: string, f: CustomerFields, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO customers (workspace_id, id, name, locale, country, time_zone, preferred_channel, formality, tier, attributes, consent, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
    [workspaceId, id, ...fieldParams(f), at],
  );
}

export async function updateCustomerRow(q: Queryable, workspaceId: string, id: string, f: CustomerFields, at: Date): Promise<void> {
  await q.query(
    `UPDATE customers SET name = $3, locale = $4, country = $5, time_zone = $6, preferred_channel = $7, formality = $8, tier = $9,
            attributes = $10, consent = $11, updated_at = $12
      WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id, ...fieldParams(f), at],
  );
}

export async function deleteCustomerRow(q: Queryable, workspaceId: string, id: string): Promise<void> {
  await q.query('DELETE FROM customers WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
}

export async function touchCustomer(q: Queryable, workspaceId: string, id: string, at: Date): Promise<void> {
  await q.query('UPDATE customers SET updated_at = $3 WHERE workspace_id = $1 AND id = $2', [workspaceId, id, at]);
}

/** Replaces one kind of identity. Returns the value already owned by another customer, if any. */
export async function replaceIdentities(
  q: Queryable,
  workspaceId: string,
  customerId: string,
  kind: IdentityKind,
  values: string[],
): Promise<string | undefined> {
  if (values.length > 0) {
    const { rows } = await q.query<{ value: string }>(
      `SELECT value FROM customer_identities WHERE workspace_id = $1 AND kind = $2 AND value = ANY($3::text[]) AND customer_id <> $4 LIMIT 1`,
      [workspaceId, kind, values, customerId],
    );
    if (rows[0]) return rows[0].value;
  }
  await q.query('DELETE FROM customer_identities WHERE workspace_id = $1 AND customer_id = $2 AND kind = $3', [
    workspaceId,
    customerId,
    kind,
  ]);
  if (values.length > 0) {
    await q.query(
      `INSERT INTO customer_identities (workspace_id, customer_id, kind, value, position)
       SELECT $1, $2, $3, v, ord::int FROM unnest($4::text[]) WITH ORDINALITY AS u(v, ord)`,
      [workspaceId, customerId, kind, values],
    );
  }
  return undefined;
}

/**
 * Adds identities to a customer created in this transaction, which has none yet: one statement
 * instead of replaceIdentities' check, delete and insert. Returns the first value already owned
 * by another customer, if any (the caller rolls back). A concurrent insert of the same value
 * waits for the other transaction and then reports it as taken, instead of failing on the key.
 */
export async function addIdentitiesToNewCustomer(
  q: Queryable,
  workspaceId: string,
  customerId: string,
  kind: IdentityKind,
  values: string[],
): Promise<string | undefined> {
  if (values.length === 0) return undefined;
  const { rows } = await q.query<{ value: string }>(
    `INSERT INTO customer_identities (workspace_id, customer_id, kind, value, position)
     SELECT $1, $2, $3, v, ord::int FROM unnest($4::text[]) WITH ORDINALITY AS u(v, ord)
     ON CONFLICT (workspace_id, kind, value) DO NOTHING RETURNING value`,
    [workspaceId, customerId, kind, values],
  );
  if (rows.length === values.length) return undefined;
  const added = new Set(rows.map((r) => r.value));
  return values.find((v) => !added.has(v));
}

export async function findCustomer(q: Queryable, workspaceId: string, id: string): Promise<CustomerRow | undefined> {
  const { rows } = await q.query<CustomerRow>(`SELECT ${COLS} FROM customers c WHERE c.workspace_id = $1 AND c.id = $2`, [workspaceId, id]);
  return rows[0];
}

export async function findCustomerIdByIdentity(
  q: Queryable,
  workspaceId: string,
  kind: IdentityKind,
  value: string,
): Promise<string | undefined> {
  const { rows } = await q.query<{ customerId: string }>(
    'SELECT customer_id AS "customerId" FROM customer_identities WHERE workspace_id = $1 AND kind = $2 AND value = $3',
    [workspaceId, kind, value],
  );
  return rows[0]?.customerId;
}

export async function listCustomers(
  q: Queryable,
  workspaceId: string,
  f: ListCustomersQuery & { limit: number },
  after?: Cursor,
): Promise<CustomerRow[]> {
  const params: unknown[] = [workspaceId];
  const where = ['c.workspace_id = $1'];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  const identity = (kind: IdentityKind, v: string) =>
    add(
      `EXISTS (SELECT 1 FROM customer_identities ci WHERE ci.workspace_id = c.workspace_id AND ci.customer_id = c.id AND ci.kind = '${kind}' AND ci.value = ?)`,
      v,
    );
  if (f.email) identity('email', f.email.toLowerCase());
  if (f.phone) identity('phone', f.phone);
  if (f.externalId) identity('external', f.externalId);
  if (f.country) add('c.country = ?', f.country);
  if (f.q) add(`c.name ILIKE ? ESCAPE '\\'`, `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  if (after) {
    params.push(after.at, after.id);
    where.push(`(c.updated_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(f.limit + 1);
  const { rows } = await q.query<CustomerRow>(
    `SELECT ${COLS} FROM customers c WHERE ${where.join(' AND ')} ORDER BY c.updated_at DESC, c.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}
