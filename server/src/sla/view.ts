import type { SlaClock } from './clock.js';
import type { SlaClockView } from './sla-state.schema.js';

const MINUTE = 60_000;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * A clock as the API shows it at `now`. A running clock past due reads `breached` even before the
 * evaluator has recorded the breach (that happens within a minute), so the answer never lags.
 */
export function viewClock(c: SlaClock, now: Date): SlaClockView {
  const pastDue = c.status === 'running' && c.dueAt !== null && c.dueAt.getTime() < now.getTime();
  const breached = c.breachedAt !== null || pastDue;
  const status = breached ? 'breached' : c.achievedAt ? 'achieved' : c.status === 'paused' ? 'paused' : 'running';
  const atRisk = status === 'running' && c.warnAt !== null && c.warnAt.getTime() <= now.getTime();
  const pausedMs = c.pausedMs + (c.status === 'paused' && c.pausedSince ? Math.max(0, now.getTime() - c.pausedSince.getTime()) : 0);
  return {
    metric: c.metric,
    cycle: c.cycle,
    status,
    atRisk,
    time: c.time,
    targetMinutes: c.targetMs / MINUTE,
    startedAt: c.startedAt.toISOString(),
    dueAt: iso(c.dueAt),
    warnAt: iso(c.warnAt),
    remainingMinutes: c.status === 'paused' && c.remainingMs !== null ? c.remainingMs / MINUTE : null,
    pausedSince: iso(c.pausedSince),
    pausedMinutes: pausedMs / MINUTE,
    warnedAt: iso(c.warnedAt),
    breachedAt: iso(c.breachedAt ?? (pastDue ? c.dueAt : null)),
    achievedAt: iso(c.achievedAt),
    stoppedAt: iso(c.stoppedAt),
  };
}
