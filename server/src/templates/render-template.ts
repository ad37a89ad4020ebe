import { IntlMessageFormat } from 'intl-messageformat';
import { findConversation } from '../conversations/conversations.repo.js';
import { cultureCatalog, customerCulture } from '../culture/culture.js';
import { findCustomer } from '../customers/customers.repo.js';
import type { Queryable } from '../db/types.js';
import { AppError, notFound } from '../lib/errors.js';
import { fallbackChain, isStale, pickVariant } from './resolve.js';
import { findTemplate, listVariants } from './templates.repo.js';
import type { RenderBody } from './templates.schema.js';

/**
 * Renders a template for a conversation's customer: their locale (stated, else their country's
 * culture) through the fallback chain, their formality (stated, else the culture's default),
 * values from the customer and conversation plus any given. Says which variant won and why.
 */
export async function renderTemplate(q: Queryable, workspaceId: string, templateId: string, body: RenderBody) {
  const t = await findTemplate(q, workspaceId, templateId);
  if (!t) throw notFound('template');
  const conversation = await findConversation(q, workspaceId, body.conversationId);
  if (!conversation)
    throw new AppError('not_found', 'conversation not found', [{ path: 'body/conversationId', message: 'no such conversation' }]);
  const customer = (await findCustomer(q, workspaceId, conversation.customerId))!;
  const card = customerCulture(cultureCatalog(), customer);

  const locale = body.locale ?? customer.locale ?? card.matchedLocale ?? null;
  const formality = body.formality ?? card.formality ?? 'formal';
  const formalitySource = body.formality ? 'request' : card.formality ? (card.formalitySource ?? 'culture') : 'default';
  const chain = fallbackChain(locale, t.sourceLocale);
  const variants = await listVariants(q, workspaceId, t.id);
  const pick = pickVariant(variants, chain, formality);
  if (!pick) throw new AppError('not_found', 'the template has no variant for this locale or its fallbacks');

  const values: Record<string, string | number> = {
    customerName: customer.name ?? '',
    conversationSubject: conversation.subject ?? '',
    ...(body.values ?? {}),
  };
  const fmt = new IntlMessageFormat(pick.variant.body, pick.variant.locale);
  let text: string;
  try {
    text = String(fmt.format(values));
  } catch (err) {
    throw new AppError('validation_failed', `cannot render: ${(err as Error).message}`, [
      { path: 'body/values', message: 'missing or wrong value' },
    ]);
  }
  return {
    text,
    locale: pick.variant.locale,
    formality: pick.variant.formality,
    reason: pick.reason,
    chain,
    formalitySource,
    stale: isStale(pick.variant, variants, t.sourceLocale),
    origin: pick.variant.origin,
    reviewed: pick.variant.reviewed,
  };
}
