import { AppError } from '../lib/errors.js';
import type { VolumeRow } from './reports.repo.js';
import { MAX_VOLUME_DAYS } from './reports.schema.js';

const DAY_MS = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The report's UTC days (both included) and the instants [start, end) they span. */
export function volumeRange(q: { from?: string; to?: string }, now: Date): { from: string; to: string; start: Date; end: Date } {
  const to = q.to ?? day(new Date(now.getTime() - DAY_MS));
  const from = q.from ?? day(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS));
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS);
  const days = (end.getTime() - start.getTime()) / DAY_MS;
  if (days < 1) throw new AppError('validation_failed', 'to is before from', [{ path: 'querystring/to', message: 'before from' }]);
  if (days > MAX_VOLUME_DAYS) {
    throw new AppError('validation_failed', `at most ${MAX_VOLUME_DAYS} days`, [
      { path: 'querystring/to', message: `more than ${MAX_VOLUME_DAYS} days after from` },
    ]);
  }
  return { from, to, start, end };
}

const share = (met: number, targets: number) => (targets === 0 ? null : Math.round((met / targets) * 100) / 100);
const attainment = (targets: number, met: number) => ({ targets, met, share: share(met, targets) });

/** Rows as the API answers them, with SLA attainment per group and over all. */
export function volumeReport(rows: VolumeRow[]) {
  const groups = rows.map((r) => ({
    key: r.key,
    label: r.label,
    conversations: r.conversations,
    replied: r.replied,
    firstReplyMedianSeconds: r.firstReplyMedianSeconds,
    sla: attainment(r.slaTargets, r.slaMet),
  }));
  const targets = rows.reduce((n, r) => n + r.slaTargets, 0);
  const met = rows.reduce((n, r) => n + r.slaMet, 0);
  return { groups, sla: attainment(targets, met) };
}
