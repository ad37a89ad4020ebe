import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import type { ChartOption } from './echarts';

interface Props {
  option: ChartOption;
  /** What the chart shows, for screen readers; the data table beside it holds the numbers. */
  label: string;
  tall?: boolean;
}

/** One ECharts chart on a canvas. ECharts loads on first use; resizes with its box. */
export function Chart({ option, label, tall }: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let disposed = false;
    let dispose = () => {};
    import('./echarts').then(
      ({ init }) => {
        if (disposed) return;
        const chart = init(el, undefined, { renderer: 'canvas' });
        chart.setOption({ aria: { enabled: true, label: { description: label } }, animation: false, ...option });
        const observer = new ResizeObserver(() => chart.resize());
        observer.observe(el);
        dispose = () => {
          observer.disconnect();
          chart.dispose();
        };
      },
      (err: unknown) => setFailed(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      disposed = true;
      dispose();
    };
  }, [option, label]);

  if (failed) return <p className="error">{t('error.generic', { message: failed })}</p>;
  return <div ref={ref} className={tall ? 'chart chart-tall' : 'chart'} role="img" aria-label={label} data-testid="chart" />;
}
