import { useState } from 'react';
import { useT } from '../i18n/use-t';
import { CoverageChart } from '../reports/coverage-chart';
import '../reports/reports.css';
import { GROUPINGS, type CoverageReport, type Grouping, type VolumeReport } from '../reports/types';
import { VolumeCharts } from '../reports/volume-charts';
import { useLoad } from '../settings/use-load';
import { DateRangeFields } from '../reports/date-range';
import { PageHeading } from './page-heading';

/**
 * Reports for leads: volume, first-reply medians and SLA attainment by language, channel, team or
 * country over a date range (the server's default range until one is picked), and the coverage heatmap.
 */
export default function ReportsPage() {
  const t = useT();
  const [by, setBy] = useState<Grouping>('language');
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const query = new URLSearchParams({ by, ...(range ?? {}) });
  const [volume] = useLoad<VolumeReport>(`/api/v1/reports/volume?${query.toString()}`);
  const [coverage] = useLoad<CoverageReport>('/api/v1/reports/coverage');
  const shown = volume.status === 'ok' ? { from: volume.data.from, to: volume.data.to } : range;

  return (
    <div className="reports">
      <PageHeading>{t('reports.title')}</PageHeading>
      <form className="report-filters" onSubmit={(e) => e.preventDefault()} aria-label={t('reports.filters')}>
        <label>
          {t('reports.groupBy')}
          <select value={by} onChange={(e) => setBy(e.target.value as Grouping)}>
            {GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {t(`reports.by.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <DateRangeFields shown={shown} onChange={setRange} />
      </form>
      {volume.status === 'loading' && <p className="loading">{t('app.loading')}</p>}
      {volume.status === 'error' && (
        <p role="alert" className="error">
          {t('error.generic', { message: volume.message })}
        </p>
      )}
      {volume.status === 'ok' && <VolumeCharts report={volume.data} />}
      {coverage.status === 'error' && (
        <p role="alert" className="error">
          {t('error.generic', { message: coverage.message })}
        </p>
      )}
      {coverage.status === 'ok' && <CoverageChart report={coverage.data} />}
    </div>
  );
}
