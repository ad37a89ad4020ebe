import { useMemo, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'wouter';
import { useT } from '../i18n/use-t';
import { Chart } from '../reports/chart';
import type { ChartOption } from '../reports/echarts';
import type { FeedbackResponse, FeedbackSummary, Metrics } from './types';

const ACCENT = '#1f4fbf';
const SECOND = '#7a4cc2';

/** The headline figure of a kind: % satisfied (CSAT), NPS, or % easy (CES). */
const headline = (kind: FeedbackSummary['kind'], m: Metrics) => (kind === 'nps' ? m.nps : m.satisfiedPercent);

/** Scores per group (raw beside normalised) and the weekly trend: a chart each, the numbers in a table. */
export function FeedbackCharts({ summary }: { summary: FeedbackSummary }) {
  const t = useT();
  const intl = useIntl();
  const num = (v: number | null, digits = 2) => (v === null ? '—' : intl.formatNumber(v, { maximumFractionDigits: digits }));
  const pct = (v: number | null) => (v === null ? '—' : intl.formatNumber(v, { style: 'percent' }));
  const labels = summary.groups.map((g) => g.label ?? g.key ?? t('reports.unknown'));
  const by = t(`feedback.by.${summary.by}`);
  const headlineName = summary.kind === 'nps' ? t('feedback.nps') : summary.kind === 'ces' ? t('feedback.easy') : t('feedback.satisfied');

  const options = useMemo((): { scores: ChartOption; trend: ChartOption } => {
    const bars = (x: string[], series: { name: string; data: (number | null)[]; color: string }[]): ChartOption => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: x },
      yAxis: { type: 'value' },
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, itemStyle: { color: s.color } })),
    });
    return {
      scores: bars(labels, [
        { name: t('feedback.average'), data: summary.groups.map((g) => g.average), color: ACCENT },
        { name: t('feedback.normalised'), data: summary.groups.map((g) => g.normalisedAverage), color: SECOND },
      ]),
      trend: bars(
        summary.trend.map((p) => p.bucket),
        [
          { name: t('feedback.answered'), data: summary.trend.map((p) => p.answered), color: ACCENT },
          { name: t('feedback.average'), data: summary.trend.map((p) => p.average), color: SECOND },
        ],
      ),
    };
    // labels derive from summary and t
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [summary, t]);

  if (summary.overall.sent === 0) return <p className="muted">{t('feedback.noData')}</p>;
  const title = t('feedback.scoresTitle', { by });
  return (
    <>
      <section aria-labelledby="scores-h" className="report">
        <h2 id="scores-h">{title}</h2>
        <p className="muted">{t('feedback.normalisedHelp')}</p>
        <Chart option={options.scores} label={title} />
        <table className="report-table">
          <caption>{t('reports.tableOf', { what: title })}</caption>
          <thead>
            <tr>
              <th scope="col">{by}</th>
              <th scope="col">{t('feedback.sent')}</th>
              <th scope="col">{t('feedback.answered')}</th>
              <th scope="col">{t('feedback.responseRate')}</th>
              <th scope="col">{t('feedback.average')}</th>
              <th scope="col">{t('feedback.normalised')}</th>
              <th scope="col">{headlineName}</th>
            </tr>
          </thead>
          <tbody>
            {summary.groups.map((g, i) => (
              <tr key={g.key ?? ''}>
                <th scope="row">{labels[i]}</th>
                <td>{num(g.sent)}</td>
                <td>{num(g.answered)}</td>
                <td>{pct(g.responseRate)}</td>
                <td>{num(g.average)}</td>
                <td>{num(g.normalisedAverage)}</td>
                <td>{num(headline(summary.kind, g), 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="trend-h" className="report">
        <h2 id="trend-h">{t('feedback.trendTitle')}</h2>
        <Chart option={options.trend} label={t('feedback.trendTitle')} />
        <table className="report-table">
          <caption>{t('reports.tableOf', { what: t('feedback.trendTitle') })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('feedback.weekOf')}</th>
              <th scope="col">{t('feedback.sent')}</th>
              <th scope="col">{t('feedback.answered')}</th>
              <th scope="col">{t('feedback.average')}</th>
              <th scope="col">{headlineName}</th>
            </tr>
          </thead>
          <tbody>
            {summary.trend.map((p) => (
              <tr key={p.bucket}>
                <th scope="row">{p.bucket}</th>
                <td>{num(p.sent)}</td>
                <td>{num(p.answered)}</td>
                <td>{num(p.average)}</td>
                <td>{num(headline(summary.kind, p), 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/**
 * The latest comments with their translation and sentiment, each linked to its conversation; with
 * `selection`, each row has a checkbox (to link a group of comments to a change).
 */
export function CommentsTable({
  responses,
  selection,
  children,
}: {
  responses: FeedbackResponse[];
  selection?: { selected: ReadonlySet<string>; toggle(id: string): void };
  /** Shown above the table (the actions on the selection). */
  children?: ReactNode;
}) {
  const t = useT();
  const intl = useIntl();
  return (
    <section aria-labelledby="comments-h" className="report">
      <h2 id="comments-h">{t('feedback.comments')}</h2>
      {responses.length === 0 ? (
        <p className="muted">{t('feedback.noComments')}</p>
      ) : (
        <>
          {children}
          <table className="report-table feedback-comments">
            <thead>
              <tr>
                {selection && (
                  <th scope="col">
                    <span className="visually-hidden">{t('feedback.select')}</span>
                  </th>
                )}
                <th scope="col">{t('feedback.score')}</th>
                <th scope="col">{t('feedback.comment')}</th>
                <th scope="col">{t('feedback.translation')}</th>
                <th scope="col">{t('feedback.sentiment')}</th>
                <th scope="col">{t('feedback.by.agent')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('feedback.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {responses.map((r) => (
                <tr key={r.id}>
                  {selection && (
                    <td>
                      <input
                        type="checkbox"
                        checked={selection.selected.has(r.id)}
                        onChange={() => selection.toggle(r.id)}
                        aria-label={t('feedback.selectComment', { score: r.score, when: new Date(r.answeredAt) })}
                      />
                    </td>
                  )}
                  <td>{intl.formatNumber(r.score)}</td>
                  <td lang={r.language ?? undefined}>{r.comment}</td>
                  <td lang="en">{r.commentTranslation ?? '—'}</td>
                  <td>{r.sentiment ? t(`feedback.sentiment.${r.sentiment.label}`) : '—'}</td>
                  <td>{r.agent?.name ?? '—'}</td>
                  <td>
                    <Link href={`/conversations/${r.conversationId}`}>{t('feedback.open')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
