import { hashSecret, newSecret } from '../auth/secrets.js';
import { isValidTimeZone } from '../calendars/zone.js';
import { addIdentitiesToNewCustomer, findCustomerIdByIdentity } from '../customers/customers.repo.js';
import { createCustomer } from '../customers/save-customer.js';
import type { Queryable } from '../db/types.js';
import { recordChange } from '../events/events.repo.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { verifyIdentity, type IdentityProof } from './identity.js';
import {
  adoptVisitorConversations,
  findVisitorByToken,
  insertVisitor,
  setVisitorCustomer,
  touchVisitor,
  visibleConversations,
  type VisitorRow,
} from './widget.repo.js';

export const SYSTEM = { actorType: 'system', actorId: null } as const;

/** A visitor-supplied zone is a hint: an unknown one is dropped rather than refused. */
export const cleanZone = (tz: string | undefined): string | null => (tz && isValidTimeZone(tz) ? tz : null);

/** The visitor holding `token`, or null (unknown, malformed, or another workspace's). */
export async function visitorByToken(q: Queryable, workspaceId: string, token: string | undefined): Promise<VisitorRow | null> {
  if (!token || !/^wv_[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return (await findVisitorByToken(q, workspaceId, hashSecret(token))) ?? null;
}

/** The chat conversation a visitor's next message continues: its latest one that is not closed. */
export async function currentChat(q: Queryable, workspaceId: string, visitor: VisitorRow): Promise<string | null> {
  const list = await visibleConversations(q, workspaceId, visitor);
  return list.find((c) => c.channel === 'chat' && c.status !== 'closed')?.id ?? null;
}

/**
 * Resumes the visitor whose token the browser kept, or starts a new one. The token is a bearer secret
 * (256 bits) stored as SHA-256: the database alone cannot impersonate a visitor.
 */
export async function startSession(
  tx: Queryable,
  workspaceId: string,
  req: { visitorToken?: string | undefined; locale?: string | undefined; timeZone?: string | undefined },
  at: Date,
): Promise<{ visitor: VisitorRow; token: string; conversationId: string | null }> {
  const prefs = { locale: req.locale ?? null, timeZone: cleanZone(req.timeZone) };
  const known = await visitorByToken(tx, workspaceId, req.visitorToken);
  if (known) {
    await touchVisitor(tx, workspaceId, known.id, prefs, at);
    return { visitor: known, token: req.visitorToken!, conversationId: await currentChat(tx, workspaceId, known) };
  }
  const { secret, hash } = newSecret('wv');
  const id = newId();
  await insertVisitor(tx, workspaceId, { id, tokenHash: hash, ...prefs }, at);
  const visitor: VisitorRow = { id, customerId: null, verifiedId: null, ...prefs, createdAt: at, lastSeenAt: at };
  return { visitor, token: secret, conversationId: null };
}

/** The customer a verified site user is: found by the `widget:<id>` identity, else created. */
async function verifiedCustomer(
  tx: Queryable,
  workspaceId: string,
  who: { id: string; email: string | null; name: string | null },
  prefs: Pick<VisitorRow, 'locale' | 'timeZone'>,
  at: Date,
): Promise<string> {
  const external = `widget:${who.id}`;
  const found = await findCustomerIdByIdentity(tx, workspaceId, 'external', external);
  if (found) return found;
  // Only a signed e-mail (JWT claim) may attach the site user to the customer who owns that address.
  const byEmail = who.email ? await findCustomerIdByIdentity(tx, workspaceId, 'email', who.email.toLowerCase()) : undefined;
  if (byEmail) {
    await addIdentitiesToNewCustomer(tx, workspaceId, byEmail, 'external', [external]);
    return byEmail;
  }
  const c = await createCustomer(
    tx,
    workspaceId,
    SYSTEM,
    {
      externalIds: [external],
      ...(who.email ? { emails: [who.email.toLowerCase()] } : {}),
      ...(who.name ? { name: who.name } : {}),
      ...(prefs.locale ? { locale: prefs.locale } : {}),
      ...(prefs.timeZone ? { timeZone: prefs.timeZone } : {}),
      preferredChannel: 'chat',
    },
    at,
  );
  return c.id;
}

export interface IdentifyInput {
  id: string;
  name?: string | undefined;
  hash?: string | undefined;
  jwt?: string | undefined;
}

/**
 * Links a visitor to the customer the site vouches for. Anything short of a valid proof is the same
 * 401 whatever was wrong, and changes nothing. A browser vouched for as someone else before (a shared
 * computer after a log-out) gets a new visitor, so the new user never sees the previous one's chat.
 */
export async function identifyVisitor(
  tx: Queryable,
  workspaceId: string,
  secret: string,
  visitor: VisitorRow,
  input: IdentifyInput,
  at: Date,
): Promise<{ customerId: string; visitorToken?: string }> {
  const proof: IdentityProof | null = input.hash ? { kind: 'hash', hash: input.hash } : input.jwt ? { kind: 'jwt', jwt: input.jwt } : null;
  const verified = proof ? await verifyIdentity(secret, input.id, proof, at) : null;
  if (!verified) throw new AppError('unauthorized', 'the visitor’s identity could not be verified');
  const customerId = await verifiedCustomer(tx, workspaceId, { ...verified, name: verified.name ?? input.name ?? null }, visitor, at);

  let target = visitor;
  let visitorToken: string | undefined;
  if (visitor.verifiedId !== null && visitor.verifiedId !== input.id) {
    const fresh = await startSession(tx, workspaceId, { locale: visitor.locale ?? undefined, timeZone: visitor.timeZone ?? undefined }, at);
    target = fresh.visitor;
    visitorToken = fresh.token;
  } else {
    const moved = await adoptVisitorConversations(tx, workspaceId, visitor.id, customerId);
    for (const id of moved) {
      await recordChange(
        tx,
        workspaceId,
        {
          type: 'conversation.updated',
          subjectId: id,
          payload: { conversationId: id, changed: ['customerId'], reason: 'visitor_identified' },
        },
        { ...SYSTEM, action: 'conversation.update', targetType: 'conversation', targetId: id, data: { changed: ['customerId'] } },
        at,
      );
    }
  }
  await setVisitorCustomer(tx, workspaceId, target.id, customerId, input.id);
  await recordChange(
    tx,
    workspaceId,
    { type: 'widget_visitor.identified', subjectId: target.id, payload: { visitorId: target.id, customerId } },
    { ...SYSTEM, action: 'widget_visitor.identify', targetType: 'customer', targetId: customerId, data: { visitorId: target.id } },
    at,
  );
  return { customerId, ...(visitorToken ? { visitorToken } : {}) };
}
