import { useIntl } from 'react-intl';
import { useT } from '../../i18n/use-t';
import { optText, str } from '../forms';
import { ResourceSection, type ResourceConfig } from '../resource-section';
import { useLoad } from '../use-load';
import { formatWeekly, parseWeekly, type WeeklyHours } from '../weekly';

interface Calendar {
  id: string;
  name: string;
  definition: {
    timeZone: string;
    weekly: WeeklyHours[];
    holidays?: { country: string; subdivision?: string; types?: string[] };
    closures?: unknown[];
    extraDays?: unknown[];
  };
}

/** The next openings the server computes (holidays and closures applied), in the viewer's locale. */
function Openings({ calendar }: { calendar: Calendar }) {
  const t = useT();
  const intl = useIntl();
  const [res] = useLoad<{ openings: { start: string; end: string }[] }>(`/api/v1/calendars/${calendar.id}/openings`);
  if (res.status === 'loading') return <p className="loading">{t('app.loading')}</p>;
  if (res.status === 'error') return <p className="error">{t('error.generic', { message: res.message })}</p>;
  const fmt = (iso: string) =>
    intl.formatDate(iso, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: calendar.definition.timeZone,
    });
  return (
    <div>
      <h3>{t('settings.calendars.openings', { zone: calendar.definition.timeZone })}</h3>
      {res.data.openings.length === 0 ? (
        <p className="muted">{t('settings.calendars.noOpenings')}</p>
      ) : (
        <ul className="openings">
          {res.data.openings.slice(0, 10).map((o) => (
            <li key={o.start}>
              {fmt(o.start)} – {fmt(o.end)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function CalendarsSection() {
  const config: ResourceConfig<Calendar> = {
    title: 'settings.calendars.title',
    intro: 'settings.calendars.intro',
    path: '/api/v1/calendars',
    listPath: '/api/v1/calendars?limit=100',
    itemPath: (c) => `/api/v1/calendars/${c.id}`,
    name: (c) => c.name,
    columns: [
      { label: 'settings.field.name', value: (c) => c.name },
      { label: 'settings.field.timeZone', value: (c) => c.definition.timeZone },
      { label: 'settings.field.weekly', value: (c) => <span className="pre">{formatWeekly(c.definition.weekly)}</span> },
      {
        label: 'settings.field.holidays',
        value: (c) => [c.definition.holidays?.country, c.definition.holidays?.subdivision].filter(Boolean).join('-') || '—',
      },
    ],
    fields: [
      { name: 'name', label: 'settings.field.name', kind: 'text', required: true },
      {
        name: 'timeZone',
        label: 'settings.field.timeZone',
        kind: 'text',
        required: true,
        hint: 'settings.hint.timeZone',
        paths: ['definition/timeZone'],
      },
      { name: 'weekly', label: 'settings.field.weekly', kind: 'lines', hint: 'settings.hint.weekly', paths: ['definition/weekly'] },
      {
        name: 'country',
        label: 'settings.field.holidayCountry',
        kind: 'text',
        hint: 'settings.hint.country',
        paths: ['definition/holidays'],
      },
      { name: 'subdivision', label: 'settings.field.holidaySubdivision', kind: 'text', paths: ['definition/holidays/subdivision'] },
    ],
    empty: { name: '', timeZone: 'UTC', weekly: '1-5 09:00-17:00', country: '', subdivision: '' },
    toForm: (c) => ({
      name: c.name,
      timeZone: c.definition.timeZone,
      weekly: formatWeekly(c.definition.weekly),
      country: c.definition.holidays?.country ?? '',
      subdivision: c.definition.holidays?.subdivision ?? '',
    }),
    toBody: (v, original) => {
      const country = optText(v.country)?.toUpperCase();
      const subdivision = optText(v.subdivision)?.toUpperCase();
      // Closures and extra days have no form here yet: an edit keeps them as they are.
      const { closures, extraDays } = original?.definition ?? {};
      return {
        name: str(v.name).trim(),
        definition: {
          timeZone: str(v.timeZone).trim(),
          weekly: parseWeekly('weekly', v.weekly),
          ...(country ? { holidays: { ...original?.definition.holidays, country, subdivision } } : {}),
          ...(closures ? { closures } : {}),
          ...(extraDays ? { extraDays } : {}),
        },
      };
    },
    details: (c) => <Openings calendar={c} />,
  };
  return <ResourceSection config={config} />;
}
