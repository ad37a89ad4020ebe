import { useState } from 'react';
import { LinkComments } from '../changes/link-comments';
import '../changes/changes.css';
import { CommentsTable, FeedbackCharts } from '../feedback/feedback-view';
import { BREAKDOWNS, KINDS, type Breakdown, type FeedbackResponse, type FeedbackSummary, type SurveyKind } from '../feedback/types';
import { useT } from '../i18n/use-t';
import '../reports/reports.css';
import { useLoad } from '../settings/use-load';
import { DateRangeFields } from '../reports/date-range';
import { PageHeading } from './page-heading';

/**
 * Survey feedback for leads: scores by language, country, channel, team, agent or tag (raw beside
 * normalised per language), the weekly trend, the latest comments with translation and sentiment,
 * and the CSV of the same answers (the server's default range until one is picked).
 */
export default function FeedbackPage() {
  const t = useT();
  const [kind, setKind] = useState<SurveyKind | null>(null);
  const [by, setBy] = useState<Breakdown>('language');
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const common = { ...(kind ? { kind } : {}), ...(range ?? {}), tz };
  const [summary] = useLoad<FeedbackSummary>(`/api/v1/feedback/summary?${new URLSearchParams({ ...common, by }).toString()}`);
  const shown = summary.status === 'ok' ? { from: summary.data.from, to: summary.data.to } : range;
  const listQuery = new URLSearchParams({ ...common, ...(shown ?? {}), ...(summary.status === 'ok' ? { kind: summary.data.kind } : {}) });
  const [comments] = useLoad<{ data: FeedbackResponse[] }>(`/api/v1/feedback/responses?${listQuery.toString()}&commented=true&limit=50`);

  // Comments picked to link, as one group, to a change (close the loop).
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setSelected((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div className="reports">
      <PageHeading>{t('feedback.title')}</PageHeading>
      <form className="report-filters" onSubmit={(e) => e.preventDefault()} aria-label={t('feedback.filters')}>
        <label>
          {t('feedback.kind')}
          <select
            value={kind ?? (summary.status === 'ok' ? summary.data.kind : 'csat')}
            onChange={(e) => setKind(e.target.value as SurveyKind)}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`feedback.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.groupBy')}
          <select value={by} onChange={(e) => setBy(e.target.value as Breakdown)}>
            {BREAKDOWNS.map((b) => (
              <option key={b} value={b}>
                {t(`feedback.by.${b}`)}
              </option>
            ))}
          </select>
        </label>
        <DateRangeFields shown={shown} onChange={setRange} />
        <a href={`/api/v1/feedback/responses.csv?${listQuery.toString()}`} download>
          {t('feedback.download')}
        </a>
      </form>
      {summary.status === 'loading' && <p className="loading">{t('app.loading')}</p>}
      {summary.status === 'error' && (
        <p role="alert" className="error">
          {t('error.generic', { message: summary.message })}
        </p>
      )}
      {summary.status === 'ok' && <FeedbackCharts summary={summary.data} />}
      {comments.status === 'error' && (
        <p role="alert" className="error">
          {t('error.generic', { message: comments.message })}
        </p>
      )}
      {comments.status === 'ok' && (
        <CommentsTable responses={comments.data.data} selection={{ selected, toggle }}>
          <LinkComments responseIds={[...selected]} onLinked={() => setSelected(new Set())} />
        </CommentsTable>
      )}
    </div>
  );
}
