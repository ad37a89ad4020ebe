/**
 * The parts of ECharts the reports use, registered once. Imported only through `import()` in
 * chart.tsx, so ECharts is its own chunk fetched when a reports chart first renders.
 */
import { BarChart, HeatmapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// echarts.use registers chart parts (not a React hook).
echarts.use([BarChart, HeatmapChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export const init = echarts.init;
export type { EChartsCoreOption as ChartOption } from 'echarts/core';
