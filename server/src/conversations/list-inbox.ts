import type { Principal } from '../auth/principal.js';
import type { Queryable } from '../db/types.js';
import { decodeCursor, paginate } from '../http/cursor.js';
import { AppError } from '../lib/errors.js';
import type { ListConversationsQuery } from './conversations.schema.js';
import { inboxPage, inboxRows, NO_DUE, type InboxRow } from './inbox.repo.js';

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
  const keys = await inboxPage(q, p.workspaceId, { ...filters, agentId: p.agentId }, sort, limit, decodeCursor(cursor));
  const page = paginate(keys, limit, (k) => k.at ?? NO_DUE);
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
