import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/use-t';
import { Chart } from './chart';
import type { ChartOption } from './echarts';
import type { CoverageReport } from './types';

/** Monday 00:00 UTC of some week: hour-of-week labels come from Intl in the UI's language. */
const MONDAY = Date.UTC(2024, 0, 1);

/**
 * The coverage heatmap: average weekly demand per language and UTC hour of the week; a cell with
 * demand and no agent on shift who reads the language is a gap (listed below, with the table).
 */
export function CoverageChart({ report }: { report: CoverageReport }) {
  const t = useT();
  const intl = useIntl();
  const hourLabel = (h: number) =>
    intl.formatDate(MONDAY + h * 3_600_000, { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  const languages = report.languages.map((l) => l.language);

  const option = useMemo<ChartOption>(() => {
    // Averages per week are often fractions: the scale tops out at the busiest hour, whatever it is.
    const max = Math.max(0.01, ...report.languages.flatMap((l) => l.hours.map((h) => h.demand)));
    return {
      tooltip: {
        formatter: (p: { data: [number, number, number, number] }) =>
          `${languages[p.data[1]]} · ${hourLabel(p.data[0])} UTC<br>${t('reports.demand')}: ${intl.formatNumber(p.data[2])}<br>${t('reports.agentsOnShift')}: ${intl.formatNumber(p.data[3])}`,
      },
      grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
      xAxis: {
        type: 'category',
        data: Array.from({ length: 168 }, (_, h) => hourLabel(h)),
        axisLabel: { interval: 23 },
        splitArea: { show: true },
      },
      yAxis: { type: 'category', data: languages },
      // Colour by demand (the third value); the fourth, agents on shift, is for the tooltip.
      visualMap: {
        dimension: 2,
        min: 0,
        max,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#f4f5f7', '#1f4fbf'] },
      },
      series: [
        {
          type: 'heatmap',
          name: t('reports.demand'),
          data: report.languages.flatMap((l, y) => l.hours.map((h) => [h.hour, y, h.demand, h.agents])),
        },
      ],
    };
    // hourLabel and languages derive from intl and report
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [report, intl, t]);

  const cells = report.languages.flatMap((l) => l.hours.filter((h) => h.demand > 0).map((h) => ({ language: l.language, ...h })));
  const title = t('reports.coverageTitle', { weeks: report.weeks });
  return (
    <section aria-labelledby="coverage-h" className="report">
      <h2 id="coverage-h">{title}</h2>
      {report.languages.length === 0 ? (
        <p className="muted">{t('reports.noData')}</p>
      ) : (
        <>
          <Chart option={option} label={title} tall />
          <h3>{t('reports.gaps')}</h3>
          {report.gaps.length === 0 ? (
            <p className="muted">{t('reports.noGaps')}</p>
          ) : (
            <ul>
              {report.gaps.map((g) => (
                <li key={`${g.language}-${g.startHour}`}>
                  {g.language}: {hourLabel(g.startHour)}–{hourLabel(g.endHour + 1)} UTC ({t('reports.demand')} {intl.formatNumber(g.demand)}
                  )
                </li>
              ))}
            </ul>
          )}
          <table className="report-table">
            <caption>{t('reports.coverageTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.by.language')}</th>
                <th scope="col">{t('reports.hourUtc')}</th>
                <th scope="col">{t('reports.demand')}</th>
                <th scope="col">{t('reports.agentsOnShift')}</th>
              </tr>
            </thead>
            <tbody>
              {cells.map((c) => (
                <tr key={`${c.language}-${c.hour}`}>
                  <th scope="row">{c.language}</th>
                  <td>{hourLabel(c.hour)}</td>
                  <td>{intl.formatNumber(c.demand)}</td>
                  <td>{intl.formatNumber(c.agents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
