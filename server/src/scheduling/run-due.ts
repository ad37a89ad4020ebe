import type { Db, Queryable } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import { prepareReply, type PreparedReply } from '../translation/translated-reply.js';
import { replyFormality } from '../translation/reply-formality.js';
import type { Translator } from '../translation/translator.js';
import { deliverScheduledMessage } from './schedule-message.js';
import { dueScheduledMessages, dueSnoozes, findScheduledMessage, type DueRow } from './scheduling.repo.js';
import { settleDueSnooze } from './snooze.js';

export interface SchedulingResult {
  /** Scheduled messages delivered by this pass. */
  sent: number;
  /** Snoozes woken and reminders fired by this pass. */
  settled: number;
  failed: number;
}

/**
 * A message to be delivered translated is translated when it goes out, outside the row's transaction
 * (the engine is a network call), as a reply sent then would be.
 */
async function preparedFor(deps: { db: Db; translator: Translator }, workspaceId: string, id: string): Promise<PreparedReply | undefined> {
  const row = await findScheduledMessage(deps.db, workspaceId, id);
  const { text, language, translateTo } = row?.body ?? {};
  if (!row || row.status !== 'scheduled' || !translateTo || !text || !language) return undefined;
  return prepareReply(deps.translator, workspaceId, {
    text,
    source: language,
    target: translateTo,
    formality: await replyFormality(deps.db, workspaceId, row.conversationId),
  });
}

/**
 * One scheduler pass: every due scheduled message, snooze and reminder, each in its own transaction
 * with its row locked and its status re-checked (schedule-message.ts, snooze.ts), so running twice,
 * or in two processes at once, sends, wakes and fires each exactly once. A row that fails is logged
 * and left for the next pass; the others go ahead.
 */
export async function runScheduling(
  deps: { db: Db; clock: Clock; translator: Translator; onError?: (err: unknown, row: DueRow) => void },
  opts: { batch?: number } = {},
): Promise<SchedulingResult> {
  const now = deps.clock();
  const batch = opts.batch ?? 200;
  const result: SchedulingResult = { sent: 0, settled: 0, failed: 0 };
  // `handle` gets what `before` returned: work done outside the row's transaction (on PGlite nothing
  // may go through deps.db while a transaction is open).
  const pass = async <P>(
    find: (q: Queryable, now: Date, limit: number) => Promise<DueRow[]>,
    before: (workspaceId: string, id: string) => Promise<P>,
    handle: (tx: Queryable, workspaceId: string, id: string, now: Date, prepared: P) => Promise<boolean>,
    key: 'sent' | 'settled',
  ) => {
    const seen = new Set<string>();
    for (;;) {
      const due = (await find(deps.db, now, batch)).filter((d) => !seen.has(d.id));
      for (const d of due) {
        seen.add(d.id);
        try {
          const prepared = await before(d.workspaceId, d.id);
          if (await deps.db.transaction((tx) => handle(tx, d.workspaceId, d.id, now, prepared))) result[key]++;
        } catch (err) {
          result.failed++;
          deps.onError?.(err, d);
        }
      }
      if (due.length === 0) return;
    }
  };
  await pass(dueScheduledMessages, (ws, id) => preparedFor(deps, ws, id), deliverScheduledMessage, 'sent');
  await pass(dueSnoozes, () => Promise.resolve(undefined), settleDueSnooze, 'settled');
  return result;
}
