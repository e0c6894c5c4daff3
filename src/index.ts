// Public entry for bundlers and hosts that import the package directly rather than through Module Federation:
// the plugins, their spec types and defaults (namespaced per panel, as the official plugins do), and the
// Prometheus-exact histogram functions. Internal helpers (bucket sorting, monotonic fix, layouts) stay private.
export { getPluginModule } from './getPluginModule';
export type { Bucket, HistogramGroup, SeriesLike } from './model/histogram';
export {
  groupBucketSeries,
  histogramQuantile,
  quantilesPerStep,
  rangeAttainment,
  rangeQuantile,
  sloAttainment,
} from './model/histogram';
export type {
  HeatmapCellValue,
  HeatmapMode,
  HeatmapSlo,
  HeatmapYScale,
  HistogramHeatmapSpec,
} from './panels/histogram-heatmap/histogram-heatmap-spec';
export { createInitialHistogramHeatmapOptions } from './panels/histogram-heatmap/histogram-heatmap-spec';
export { VllmHistogramHeatmap } from './panels/histogram-heatmap/VllmHistogramHeatmap';
export type { KvQueueGaugeSpec, KvQueueRole, KvValueOverRange } from './panels/kv-queue-gauge/kv-queue-gauge-spec';
export { createInitialKvQueueGaugeOptions } from './panels/kv-queue-gauge/kv-queue-gauge-spec';
export { VllmKvQueueGauge } from './panels/kv-queue-gauge/VllmKvQueueGauge';
export type {
  LatencyQuadSpec,
  LatencySlo,
  LatencyStatistic,
  LatencyValueOverRange,
} from './panels/latency-quad/latency-quad-spec';
export { createInitialLatencyQuadOptions } from './panels/latency-quad/latency-quad-spec';
export { VllmLatencyQuad } from './panels/latency-quad/VllmLatencyQuad';
