import { useT } from '../i18n/use-t';

export interface DayRange {
  from: string;
  to: string;
}

/** From and to days of a report's range; a day is changed only once the server has said which range it shows. */
export function DateRangeFields({ shown, onChange }: { shown: DayRange | null; onChange(range: DayRange): void }) {
  const t = useT();
  const setDay = (which: 'from' | 'to', value: string) => {
    if (!value || !shown) return;
    onChange({ ...shown, [which]: value });
  };
  return (
    <>
      <label>
        {t('reports.from')}
        <input type="date" value={shown?.from ?? ''} max={shown?.to} onChange={(e) => setDay('from', e.target.value)} />
      </label>
      <label>
        {t('reports.to')}
        <input type="date" value={shown?.to ?? ''} min={shown?.from} onChange={(e) => setDay('to', e.target.value)} />
      </label>
    </>
  );
}
