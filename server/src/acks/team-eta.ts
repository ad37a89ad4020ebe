import type { BusinessCalendar } from '../calendars/index.js';
import { DAY_MS } from '../calendars/zone.js';
import type { Queryable } from '../db/types.js';
import { answeringAgents, queueAhead, recentFirstReplies } from './acks.repo.js';
import { medianFirstReply, medianReplyGap, promiseEta, type Eta } from './eta.js';

/** First replies the median is taken over: the team's latest, within the last two weeks. */
export const SAMPLE_DAYS = 14;
export const SAMPLE_LIMIT = 50;
/** Waiting conversations older than this are not counted in the queue (abandoned, not queued). */
export const QUEUE_DAYS = 30;

export interface TeamEta {
  /** Null when the calendar has no open time within its horizon. */
  eta: Eta | null;
  samples: number;
  queueAhead: number;
  agents: number;
  readers: number;
}

/**
 * The reply time to promise a conversation of the team created at `createdAt`, judged at `now`: the
 * facts eta.ts needs, read from the team's recent first replies, its queue ahead and who reads
 * `language` (a primary subtag). Used by acknowledgements and by the widget before anyone writes.
 */
export async function teamEta(
  q: Queryable,
  workspaceId: string,
  input: {
    teamId: string | null;
    calendar: BusinessCalendar | null;
    language: string | null;
    now: Date;
    createdAt: Date;
    timeZone: string | null;
  },
): Promise<TeamEta> {
  const { teamId, calendar, now } = input;
  const samples = await recentFirstReplies(q, workspaceId, teamId, new Date(now.getTime() - SAMPLE_DAYS * DAY_MS), now, SAMPLE_LIMIT);
  const queue = await queueAhead(q, workspaceId, teamId, new Date(now.getTime() - QUEUE_DAYS * DAY_MS), input.createdAt);
  const { agents, readers } = await answeringAgents(q, workspaceId, teamId, input.language);
  const eta = promiseEta({
    now,
    calendar,
    medianMinutes: medianFirstReply(samples, calendar),
    replyGapMinutes: medianReplyGap(samples, calendar),
    queueAhead: queue,
    agents,
    // Nobody reads it (a language the team does not serve): count the whole team rather than promise forever.
    readers: readers || agents,
    timeZone: input.timeZone,
  });
  return { eta, samples: samples.length, queueAhead: queue, agents, readers };
}
