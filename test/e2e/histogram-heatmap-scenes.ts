// The VllmHistogramHeatmap scenes a real browser renders: both modes, true scale, small multiples and a bad input,
// at a small and a large panel size. Data from the shared lognormal fixture (TTFT and request-length buckets).

import { TimeSeries } from '@perses-dev/core';

import { HistogramHeatmapSpec } from '../../src/panels/histogram-heatmap/histogram-heatmap-spec';
import { histogramSeries, TTFT_BOUNDS } from '../../src/panels/latency-quad/latency-quad-fixtures';

export interface HeatmapScene {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly series: TimeSeries[];
  readonly spec?: Partial<HistogramHeatmapSpec>;
  /** The scene must show this message instead of a chart. */
  readonly message?: RegExp;
}

const TOKEN_BOUNDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000];

/** TTFT over an hour at 1-minute steps, idle for steps 20–24 (those columns must stay blank). */
export const ttft = histogramSeries({
  bounds: TTFT_BOUNDS,
  median: 0.08,
  sigma: 1.1,
  requestRate: 6,
  steps: 60,
  idleSteps: new Set([20, 21, 22, 23, 24]),
});
export const IDLE_STEPS = [20, 21, 22, 23, 24];

const prompts = histogramSeries({ bounds: TOKEN_BOUNDS, median: 180, sigma: 0.9, requestRate: 6, steps: 60 });
/** TTFT over an hour for each model (labelled `model_name`), slower model by model: small multiples. */
export function ttftByModel(models: readonly string[]): TimeSeries[] {
  return models.flatMap((model, i) =>
    histogramSeries({
      bounds: TTFT_BOUNDS,
      labels: { model_name: model },
      median: 0.05 * (i + 1),
      sigma: 0.8,
      requestRate: 4,
      steps: 60,
    }),
  );
}
const byModel = ttftByModel(['llama-3.1-8b-instruct', 'qwen2.5-7b-instruct', 'mistral-7b-instruct-v0.3']);
const tokens = { format: { unit: 'decimal' as const, decimalPlaces: 0 } };

export const HEATMAP_SCENES: readonly HeatmapScene[] = [
  { name: 'over time, small', width: 330, height: 200, series: ttft },
  { name: 'over time, large', width: 1000, height: 420, series: ttft },
  { name: 'over time, true scale', width: 500, height: 260, series: ttft, spec: { yScale: 'linear' } },
  { name: 'distribution, small', width: 330, height: 200, series: prompts, spec: { mode: 'distribution', ...tokens } },
  {
    name: 'distribution, large, SLO',
    width: 1000,
    height: 420,
    series: ttft,
    spec: { mode: 'distribution', slo: { threshold: 0.25, target: 0.95 } },
  },
  { name: 'small multiples, 3 models', width: 500, height: 420, series: byModel },
  {
    name: 'no +Inf bucket',
    width: 330,
    height: 120,
    series: ttft.filter((s) => s.labels?.le !== '+Inf'),
    message: /no le="\+Inf"/,
  },
];
