import type { Queryable } from '../db/types.js';
import { findHeader, loadClocks } from './clocks.repo.js';
import type { ConversationSla } from './sla-state.schema.js';
import { viewClock } from './view.js';

/** A conversation's SLA as the API shows it at `now`: every cycle of every clock; null when it has none. */
export async function readConversationSla(
  q: Queryable,
  workspaceId: string,
  conversationId: string,
  now: Date,
): Promise<ConversationSla | null> {
  const header = await findHeader(q, workspaceId, conversationId);
  if (!header) return null;
  const clocks = await loadClocks(q, workspaceId, conversationId);
  return { policyId: header.policyId, calendarId: header.calendarId, clocks: clocks.map((c) => viewClock(c, now)) };
}
