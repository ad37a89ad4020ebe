import { useT } from '../i18n/use-t';
import type { Conversation } from './conversation-api';
import { useDateTime, useDuration } from './format';
import { nextDue } from './timeline-items';

/** The next SLA target: due in the agent's and in the customer's local time, time left, or breached; paused clocks say so. */
export function SlaTimers({ sla, customerTimeZone, now }: { sla: Conversation['sla']; customerTimeZone: string | null; now: number }) {
  const t = useT();
  const when = useDateTime();
  const duration = useDuration();
  const clock = nextDue(sla);
  if (!clock) return <p className="muted">{t('conv.slaNone')}</p>;
  if (!clock.dueAt) {
    return (
      <div className="sla" data-testid="sla-timer">
        <strong>{t('conv.slaMetric', { metric: clock.metric })}</strong>{' '}
        <span>{t('conv.slaPaused', { time: duration(clock.remainingMinutes ?? 0) })}</span>
      </div>
    );
  }
  const left = (Date.parse(clock.dueAt) - now) / 60_000;
  const breached = clock.status === 'breached' || left < 0;
  const agentZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <div className={`sla ${breached ? 'sla-breached' : clock.atRisk ? 'sla-risk' : ''}`} data-testid="sla-timer">
      <p>
        <strong>{t('conv.slaMetric', { metric: clock.metric })}</strong>{' '}
        <span>{breached ? t('conv.slaBreached', { time: duration(left) }) : t('conv.slaRemaining', { time: duration(left) })}</span>
      </p>
      <p className="small">
        {t('conv.slaDueAgent', { time: when(clock.dueAt, agentZone) })}
        <br />
        {customerTimeZone ? t('conv.slaDueCustomer', { time: when(clock.dueAt, customerTimeZone) }) : null}
      </p>
    </div>
  );
}
