// The host shares its full `echarts` package entry, which registers every chart and component this panel draws
// with (custom and line series, markLine, visualMap, legend, tooltip). Importing that entry makes the remote load
// the host's copy before the first chart; importing echarts/core or echarts/charts instead would bundle a second
// copy of ECharts into the archive.
import { version } from 'echarts';

/** Ensures the shared echarts is loaded; returns its version (the import alone could be tree-shaken away). */
export function registerHeatmapCharts(): string {
  return version;
}
