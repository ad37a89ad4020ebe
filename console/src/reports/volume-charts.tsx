import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/use-t';
import { Chart } from './chart';
import type { ChartOption } from './echarts';
import type { VolumeReport } from './types';

const ACCENT = '#1f4fbf';
const SECOND = '#7a4cc2';

const bars = (
  labels: string[],
  series: { name: string; data: (number | null)[]; color: string }[],
  format: (v: number) => string,
): ChartOption => ({
  tooltip: { trigger: 'axis' },
  legend: series.length > 1 ? { top: 0 } : undefined,
  grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 16, bottom: 8, containLabel: true },
  xAxis: { type: 'category', data: labels },
  yAxis: { type: 'value', axisLabel: { formatter: format } },
  series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, itemStyle: { color: s.color } })),
});

/** Volume, first-reply median and SLA attainment per group: a chart each, each with its data table. */
export function VolumeCharts({ report }: { report: VolumeReport }) {
  const t = useT();
  const intl = useIntl();
  const num = (v: number) => intl.formatNumber(v);
  const pct = (v: number | null) => (v === null ? '—' : intl.formatNumber(v, { style: 'percent' }));
  const minutes = (s: number | null) =>
    s === null ? '—' : intl.formatNumber(s / 60, { style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: 1 });
  const labels = report.groups.map((g) => g.label ?? g.key ?? t('reports.unknown'));
  const by = t(`reports.by.${report.by}`);

  const options = useMemo(
    () => ({
      volume: bars(
        labels,
        [
          { name: t('reports.conversations'), data: report.groups.map((g) => g.conversations), color: ACCENT },
          { name: t('reports.replied'), data: report.groups.map((g) => g.replied), color: SECOND },
        ],
        (v) => intl.formatNumber(v),
      ),
      firstReply: bars(
        labels,
        [
          {
            name: t('reports.firstReplyMedian'),
            data: report.groups.map((g) => (g.firstReplyMedianSeconds === null ? null : g.firstReplyMedianSeconds / 60)),
            color: ACCENT,
          },
        ],
        (v) => intl.formatNumber(v, { maximumFractionDigits: 0 }),
      ),
      sla: bars(labels, [{ name: t('reports.slaAttainment'), data: report.groups.map((g) => g.sla.share), color: ACCENT }], (v) =>
        intl.formatNumber(v, { style: 'percent' }),
      ),
    }),
    // labels derive from report and t
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [report, t, intl],
  );

  if (report.groups.length === 0) return <p className="muted">{t('reports.noData')}</p>;
  return (
    <>
      <section aria-labelledby="volume-h" className="report">
        <h2 id="volume-h">{t('reports.volumeTitle', { by })}</h2>
        <Chart option={options.volume} label={t('reports.volumeTitle', { by })} />
        <table className="report-table">
          <caption>{t('reports.tableOf', { what: t('reports.volumeTitle', { by }) })}</caption>
          <thead>
            <tr>
              <th scope="col">{by}</th>
              <th scope="col">{t('reports.conversations')}</th>
              <th scope="col">{t('reports.replied')}</th>
              <th scope="col">{t('reports.firstReplyMedian')}</th>
              <th scope="col">{t('reports.slaMet')}</th>
              <th scope="col">{t('reports.slaAttainment')}</th>
            </tr>
          </thead>
          <tbody>
            {report.groups.map((g, i) => (
              <tr key={g.key ?? ''}>
                <th scope="row">{labels[i]}</th>
                <td>{num(g.conversations)}</td>
                <td>{num(g.replied)}</td>
                <td>{minutes(g.firstReplyMedianSeconds)}</td>
                <td>{t('reports.metOf', { met: g.sla.met, targets: g.sla.targets })}</td>
                <td>{pct(g.sla.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="first-reply-h" className="report">
        <h2 id="first-reply-h">{t('reports.firstReplyTitle', { by })}</h2>
        <Chart option={options.firstReply} label={t('reports.firstReplyTitle', { by })} />
        <p className="muted">{t('reports.sameTable')}</p>
      </section>
      <section aria-labelledby="sla-h" className="report">
        <h2 id="sla-h">{t('reports.slaTitle', { by })}</h2>
        <p>
          {report.sla.targets === 0
            ? t('reports.slaNone')
            : t('reports.slaOverall', { share: pct(report.sla.share), met: report.sla.met, targets: report.sla.targets })}
        </p>
        <Chart option={options.sla} label={t('reports.slaTitle', { by })} />
        <p className="muted">{t('reports.sameTable')}</p>
      </section>
    </>
  );
}
