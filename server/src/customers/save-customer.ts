import type { Queryable } from '../db/types.js';
import type { AuditEntry } from '../events/audit.repo.js';
import { recordChange } from '../events/events.repo.js';
import { AppError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { assertTimeZone } from '../lib/time-zone.js';
import {
  addIdentitiesToNewCustomer,
  deleteCustomerRow,
  findCustomer,
  findCustomerIdByIdentity,
  insertCustomer,
  replaceIdentities,
  updateCustomerRow,
  type CustomerFields,
  type CustomerRow,
  type IdentityKind,
} from './customers.repo.js';
import type { CreateCustomerBody, UpdateCustomerBody } from './customers.schema.js';

type Actor = Pick<AuditEntry, 'actorType' | 'actorId'>;

const IDENTITY_FIELDS: [keyof CreateCustomerBody & ('emails' | 'phones' | 'externalIds'), IdentityKind][] = [
  ['emails', 'email'],
  ['phones', 'phone'],
  ['externalIds', 'external'],
];

function normalise(field: string, values: string[]): string[] {
  return field === 'emails' ? [...new Set(values.map((v) => v.toLowerCase()))] : values;
}

/** `fresh`: the customer was created in this transaction and has no identities yet. */
async function writeIdentities(
  tx: Queryable,
  workspaceId: string,
  customerId: string,
  body: Partial<Record<'emails' | 'phones' | 'externalIds', string[]>>,
  fresh = false,
): Promise<void> {
  for (const [field, kind] of IDENTITY_FIELDS) {
    const values = body[field];
    if (values === undefined) continue;
    const normalised = normalise(field, values);
    const taken = fresh
      ? await addIdentitiesToNewCustomer(tx, workspaceId, customerId, kind, normalised)
      : await replaceIdentities(tx, workspaceId, customerId, kind, normalised);
    if (taken)
      throw new AppError('already_exists', `${taken} belongs to another customer`, [{ path: `body/${field}`, message: 'already used' }]);
  }
}

export async function createCustomer(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  body: CreateCustomerBody,
  at: Date,
): Promise<CustomerRow> {
  return (await findCustomer(tx, workspaceId, await createCustomerId(tx, workspaceId, actor, body, at)))!;
}

/** createCustomer without reading the row back: for callers that only need the id. */
export async function createCustomerId(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  body: CreateCustomerBody,
  at: Date,
): Promise<string> {
  const id = newId();
  await insertNewCustomer(tx, workspaceId, actor, id, body, at);
  return id;
}

async function insertNewCustomer(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  id: string,
  body: CreateCustomerBody,
  at: Date,
): Promise<void> {
  if (body.timeZone) assertTimeZone(body.timeZone, '/timeZone');
  await insertCustomer(
    tx,
    workspaceId,
    id,
    {
      name: body.name ?? null,
      locale: body.locale ?? null,
      country: body.country ?? null,
      timeZone: body.timeZone ?? null,
      preferredChannel: body.preferredChannel ?? null,
      formality: body.formality ?? null,
      tier: body.tier ?? null,
      attributes: body.attributes ?? {},
      consent: body.consent ?? {},
    },
    at,
  );
  await writeIdentities(tx, workspaceId, id, body, true);
  await recordChange(
    tx,
    workspaceId,
    { type: 'customer.created', subjectId: id, payload: { customerId: id } },
    { ...actor, action: 'customer.create', targetType: 'customer', targetId: id },
    at,
  );
}

export async function updateCustomer(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  id: string,
  body: UpdateCustomerBody,
  at: Date,
): Promise<CustomerRow> {
  const current = await findCustomer(tx, workspaceId, id);
  if (!current) throw notFound('customer');
  if (body.timeZone) assertTimeZone(body.timeZone, '/timeZone');
  const pick = <K extends keyof CustomerFields>(k: K): CustomerFields[K] =>
    (k in body ? (body as Record<string, unknown>)[k] : current[k as keyof CustomerRow]) as CustomerFields[K];
  const fields: CustomerFields = {
    name: pick('name'),
    locale: pick('locale'),
    country: pick('country'),
    timeZone: pick('timeZone'),
    preferredChannel: pick('preferredChannel'),
    formality: pick('formality'),
    tier: pick('tier'),
    attributes: pick('attributes'),
    consent: pick('consent'),
  };
  await updateCustomerRow(tx, workspaceId, id, fields, at);
  await writeIdentities(tx, workspaceId, id, body);
  const changed = Object.keys(body);
  await recordChange(
    tx,
    workspaceId,
    { type: 'customer.updated', subjectId: id, payload: { customerId: id, changed } },
    { ...actor, action: 'customer.update', targetType: 'customer', targetId: id, data: { changed } },
    at,
  );
  return (await findCustomer(tx, workspaceId, id))!;
}

/** Finds the customer owning `email`, or creates one. Used by every inbound channel. */
export async function findOrCreateByEmail(
  tx: Queryable,
  workspaceId: string,
  actor: Actor,
  c: { email: string; name?: string; locale?: string },
  at: Date,
): Promise<string> {
  const email = c.email.toLowerCase();
  const existing = await findCustomerIdByIdentity(tx, workspaceId, 'email', email);
  if (existing) return existing;
  const id = newId();
  try {
    await insertNewCustomer(
      tx,
      workspaceId,
      actor,
      id,
      { emails: [email], ...(c.name ? { name: c.name } : {}), ...(c.locale ? { locale: c.locale } : {}) },
      at,
    );
    return id;
  } catch (err) {
    // Two messages from a new customer at once: the other request committed the email first
    // (ON CONFLICT waited for it). Drop the half-made customer and use that one.
    if (!(err instanceof AppError && err.code === 'already_exists')) throw err;
    await deleteCustomerRow(tx, workspaceId, id);
    const winner = await findCustomerIdByIdentity(tx, workspaceId, 'email', email);
    if (!winner) throw err;
    return winner;
  }
}
