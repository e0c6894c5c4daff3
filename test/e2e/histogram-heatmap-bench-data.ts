// The benchmark's histograms: 7 days at 1-minute steps × 22 buckets for one histogram, and 20 histograms as small
// multiples over a day (1,440 steps each). Cumulative bucket rates from the shared lognormal fixture.

import { histogramSeries, REQUEST_LATENCY_BOUNDS } from '../../src/panels/latency-quad/latency-quad-fixtures';
import { HeatmapScene } from './histogram-heatmap-scenes';

// vLLM's request-latency layout: 21 finite bounds + +Inf = 22 buckets.
const BOUNDS_21 = REQUEST_LATENCY_BOUNDS;

export function benchScenes(): HeatmapScene[] {
  const week = histogramSeries({ bounds: BOUNDS_21, median: 4, sigma: 0.8, requestRate: 5, steps: 7 * 1440 });
  const twenty = Array.from({ length: 20 }, (_, i) =>
    histogramSeries({
      bounds: BOUNDS_21,
      labels: { model_name: `model-${i}` },
      median: 1 + i * 0.2,
      sigma: 0.8,
      requestRate: 5,
      steps: 1440,
    }),
  ).flat();
  return [
    { name: '7 days × 22 buckets', width: 1000, height: 400, series: week },
    { name: '20 histograms × 1 day', width: 1000, height: 2400, series: twenty },
  ];
}
