import type { Principal } from '../auth/principal.js';
import type { Queryable } from '../db/types.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { AppError } from '../lib/errors.js';
import type { ListConversationsQuery } from './conversations.schema.js';
import { inboxPage, inboxRows, type InboxRow, type PageKey, type PageStart } from './inbox.repo.js';

const PREVIEW_CHARS = 140;

/** The start of a message as one line: whitespace collapsed, cut at a code point, … when cut. */
export function previewOf(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= PREVIEW_CHARS ? flat : `${chars.slice(0, PREVIEW_CHARS).join('').trimEnd()}…`;
}

/** An inbox row as the API shows it at `now`. */
function present(r: InboxRow, now: Date) {
  const { lastMessage, slaDue, ...rest } = r;
  const due = slaDue && new Date(slaDue.at);
  return {
    ...rest,
    lastMessage: lastMessage && { direction: lastMessage.direction, preview: previewOf(lastMessage.text), at: new Date(lastMessage.at) },
    slaDue: due && { at: due, metric: slaDue.metric, breached: due.getTime() < now.getTime() },
  };
}

// sort=sla_due pages through two orders: due (ordinary cursors) and then the tail without a running
// clock by updated time, whose cursors are "T" + an ordinary cursor (which always starts with "W").
const TAIL = 'T';
const startAfter = (k: PageKey): string => (k.tail ? TAIL : '') + encodeCursor(k.at, k.id);
function decodeStart(raw: string | undefined): PageStart | undefined {
  const tail = raw?.startsWith(TAIL) ?? false;
  const c = decodeCursor(tail ? raw!.slice(1) : raw);
  return c && { ...c, tail };
}

/** A page of the inbox: the filters of GET /conversations, a view of the caller's, search and sort. */
export async function listInbox(q: Queryable, p: Principal, query: ListConversationsQuery, now: Date) {
  const limit = query.limit ?? 25;
  const sort = query.sort ?? 'updated';
  if ((query.view === 'mine' || query.view === 'team') && !p.agentId) {
    throw new AppError('validation_failed', `view=${query.view} is an agent's view: log in as an agent`, [
      { path: 'querystring/view', message: 'needs an agent session' },
    ]);
  }
  const { cursor, limit: _l, sort: _s, ...filters } = query;
  const keys = await inboxPage(q, p.workspaceId, { ...filters, agentId: p.agentId }, sort, limit, decodeStart(cursor));
  const page = { data: keys.slice(0, limit), nextCursor: keys.length > limit ? startAfter(keys[limit - 1]!) : null };
  const rows = await inboxRows(
    q,
    p.workspaceId,
    page.data.map((k) => k.id),
  );
  // A row gone between the two reads (deleted with its customer) is left out rather than shown half.
  const data = page.data.flatMap((k) => {
    const r = rows.get(k.id);
    return r ? [present(r, now)] : [];
  });
  return { data, nextCursor: page.nextCursor };
}
