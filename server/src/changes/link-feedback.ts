import { inboxPage, type PageStart } from '../conversations/inbox.repo.js';
import type { Queryable } from '../db/types.js';
import { recordChange } from '../events/events.repo.js';
import { AppError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import {
  conversationTargets,
  countLinks,
  deleteLinkRow,
  findChange,
  insertLinks,
  responseTargets,
  type LinkTarget,
} from './changes.repo.js';
import { MAX_LINKS_PER_REQUEST, type LinkBody } from './changes.schema.js';
import type { Actor } from './save-change.js';

/** Refuses the request when one of `ids` is not the workspace's (another workspace's id is as unknown as a made-up one). */
function assertAllFound(ids: string[], found: Set<string>, what: string, path: string): void {
  const i = ids.findIndex((id) => !found.has(id));
  if (i >= 0) throw new AppError('not_found', `${what} ${ids[i]} not found`, [{ path: `${path}/${i}`, message: 'not found' }]);
}

/**
 * The conversations a filter names, through the inbox's own listing (the same matching as
 * GET /conversations?tag=&language=&q=), every status; refused when more than a request may link.
 */
async function filtered(tx: Queryable, workspaceId: string, filter: NonNullable<LinkBody['filter']>): Promise<string[]> {
  const ids: string[] = [];
  const pageSize = 100;
  let after: PageStart | undefined;
  for (;;) {
    const keys = await inboxPage(tx, workspaceId, { ...filter, agentId: null }, 'created', pageSize, after);
    ids.push(...keys.slice(0, pageSize).map((k) => k.id));
    if (ids.length > MAX_LINKS_PER_REQUEST) {
      throw new AppError('validation_failed', `the filter matches more than ${MAX_LINKS_PER_REQUEST} conversations: narrow it`, [
        { path: 'body/filter', message: 'too many matches' },
      ]);
    }
    if (keys.length <= pageSize) return ids;
    const last = keys[pageSize - 1]!;
    after = { at: last.at.toISOString(), id: last.id, tail: false };
  }
}

/**
 * Links feedback to a change: survey responses (through their conversations), conversations, and
 * every conversation a filter matches, all at once. Each conversation is linked once, with its
 * customer; naming one again links nothing new. Nothing is written when any id is unknown.
 */
export async function linkFeedback(tx: Queryable, workspaceId: string, actor: Actor, changeId: string, body: LinkBody, at: Date) {
  if (!(await findChange(tx, workspaceId, changeId, true))) throw notFound('change');
  const targets: LinkTarget[] = [];
  if (body.responseIds) {
    const found = await responseTargets(tx, workspaceId, body.responseIds);
    assertAllFound(body.responseIds, new Set(found.map((t) => t.responseId!)), 'survey response', 'body/responseIds');
    targets.push(...found);
  }
  if (body.conversationIds) {
    const found = await conversationTargets(tx, workspaceId, body.conversationIds);
    assertAllFound(body.conversationIds, new Set(found.map((t) => t.conversationId)), 'conversation', 'body/conversationIds');
    targets.push(...found);
  }
  if (body.filter) targets.push(...(await conversationTargets(tx, workspaceId, await filtered(tx, workspaceId, body.filter))));

  // One target per conversation; the one naming a survey response wins, so the link remembers it.
  const byConversation = new Map<string, LinkTarget>();
  for (const t of targets) if (!byConversation.get(t.conversationId)?.responseId) byConversation.set(t.conversationId, t);
  const unique = [...byConversation.values()];
  const added = await insertLinks(
    tx,
    workspaceId,
    changeId,
    unique.map((t) => ({ ...t, id: newId() })),
    at,
  );
  await recordChange(
    tx,
    workspaceId,
    { type: 'change.linked', subjectId: changeId, payload: { changeId, added } },
    { ...actor, action: 'change.link', targetType: 'change', targetId: changeId, data: { added, named: unique.length } },
    at,
  );
  return { added, alreadyLinked: unique.length - added, links: await countLinks(tx, workspaceId, changeId) };
}

/** Removes one link. A customer already told keeps their note, and the ledger keeps them from being told again. */
export async function unlinkFeedback(tx: Queryable, workspaceId: string, actor: Actor, changeId: string, linkId: string, at: Date) {
  if (!(await findChange(tx, workspaceId, changeId, true))) throw notFound('change');
  if (!(await deleteLinkRow(tx, workspaceId, changeId, linkId))) throw notFound('link');
  await recordChange(
    tx,
    workspaceId,
    { type: 'change.unlinked', subjectId: changeId, payload: { changeId, linkId } },
    { ...actor, action: 'change.unlink', targetType: 'change', targetId: changeId, data: { linkId } },
    at,
  );
}
