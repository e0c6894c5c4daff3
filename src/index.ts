// Public entry for bundlers and hosts that import the package directly rather than through Module Federation.
export { getPluginModule } from './getPluginModule';
export * from './model/histogram';
export type { KvQueueGaugeSpec, KvQueueRole } from './panels/kv-queue-gauge/kv-queue-gauge-model';
export { VllmKvQueueGauge } from './panels/kv-queue-gauge/VllmKvQueueGauge';
export type { LatencyQuadSpec, LatencyStatistic } from './panels/latency-quad/latency-quad-model';
export { VllmLatencyQuad } from './panels/latency-quad/VllmLatencyQuad';
