import type { Db, Queryable } from '../db/types.js';
import type { Clock } from '../lib/clock.js';
import { deliverScheduledMessage } from './schedule-message.js';
import { dueScheduledMessages, dueSnoozes, type DueRow } from './scheduling.repo.js';
import { settleDueSnooze } from './snooze.js';

export interface SchedulingResult {
  /** Scheduled messages delivered by this pass. */
  sent: number;
  /** Snoozes woken and reminders fired by this pass. */
  settled: number;
  failed: number;
}

/**
 * One scheduler pass: every due scheduled message, snooze and reminder, each in its own transaction
 * with its row locked and its status re-checked (schedule-message.ts, snooze.ts), so running twice,
 * or in two processes at once, sends, wakes and fires each exactly once. A row that fails is logged
 * and left for the next pass; the others go ahead.
 */
export async function runScheduling(
  deps: { db: Db; clock: Clock; onError?: (err: unknown, row: DueRow) => void },
  opts: { batch?: number } = {},
): Promise<SchedulingResult> {
  const now = deps.clock();
  const batch = opts.batch ?? 200;
  const result: SchedulingResult = { sent: 0, settled: 0, failed: 0 };
  const pass = async (
    find: (q: Queryable, now: Date, limit: number) => Promise<DueRow[]>,
    handle: (tx: Queryable, workspaceId: string, id: string, now: Date) => Promise<boolean>,
    key: 'sent' | 'settled',
  ) => {
    const seen = new Set<string>();
    for (;;) {
      const due = (await find(deps.db, now, batch)).filter((d) => !seen.has(d.id));
      for (const d of due) {
        seen.add(d.id);
        try {
          if (await deps.db.transaction((tx) => handle(tx, d.workspaceId, d.id, now))) result[key]++;
        } catch (err) {
          result.failed++;
          deps.onError?.(err, d);
        }
      }
      if (due.length === 0) return;
    }
  };
  await pass(dueScheduledMessages, deliverScheduledMessage, 'sent');
  await pass(dueSnoozes, settleDueSnooze, 'settled');
  return result;
}
