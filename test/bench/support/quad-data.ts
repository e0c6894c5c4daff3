// Latency-quad query results at fleet size, shaped exactly as the Perses Prometheus plugin hands them to a panel
// (`TimeSeries` with `labels` and `[ms, value]` tuples): per group, 22 bucket-rate series on vLLM's request-latency
// layout (21 bounds + `+Inf`) and the `_sum` rate, over `steps` one-minute steps.
//
// Only `distinct` histograms are generated; groups beyond that reuse their value arrays under their own labels.
// The panel never looks at array identity, so the work it does is the same, while the bench process holds a few
// hundred MB instead of the gigabytes 2,000 groups × 23 series × 1,440 tuples would take (input the browser
// would hold anyway, which is not what these benches measure).

import { TimeSeries } from '@perses-dev/core';

import { histogramSeries, REQUEST_LATENCY_BOUNDS } from '../../../src/panels/latency-quad/latency-quad-fixtures';
import { timeSeriesQuery } from './fleet-data';

export interface QuadDataShape {
  readonly groups: number;
  readonly steps: number;
  readonly stepMs?: number;
  /** How many different histograms to generate (the rest reuse their points). */
  readonly distinct?: number;
  /** Varies the numbers between two results of the same shape (a refresh). */
  readonly seed?: number;
}

/** Labels a fleet's group would carry after `sum by (le, model_name, pod)`. */
export function fleetGroupLabels(g: number): Record<string, string> {
  return { model_name: `model-${g % 8}`, pod: `vllm-${Math.floor(g / 8)}-${(g * 2654435761) % 9973}` };
}

/** One query result (`{ series }`) with `groups` histograms and their `_sum` series. */
export function quadSeries({ groups, steps, stepMs = 60_000, distinct = 40, seed = 0 }: QuadDataShape): TimeSeries[] {
  const templates = Array.from({ length: Math.min(distinct, groups) }, (_, g) =>
    histogramSeries({
      bounds: REQUEST_LATENCY_BOUNDS,
      median: 0.8 + ((g * 7) % 23) * 0.35 + seed * 0.01,
      sigma: 0.6 + (g % 5) * 0.1,
      requestRate: 2 + (g % 13),
      steps,
      stepMs,
      withSum: true,
    }),
  );
  const out: TimeSeries[] = [];
  for (let g = 0; g < groups; g++) {
    const labels = fleetGroupLabels(g);
    for (const template of templates[g % templates.length]) {
      const le = template.labels?.le;
      const own = le === undefined ? { ...labels } : { ...labels, le };
      out.push({ name: JSON.stringify(own), labels: own, values: template.values });
    }
  }
  return out;
}

/** The panel's `queryResults` for one query, as `PanelProps` carries them. */
export function quadQueryResults(shape: QuadDataShape) {
  return [
    {
      definition: timeSeriesQuery('bench'),
      data: { stepMs: shape.stepMs ?? 60_000, series: quadSeries(shape) },
    },
  ];
}

/** Bucket series per group in `quadSeries` (buckets and `+Inf`, without the `_sum`). */
export const QUAD_BUCKET_SERIES = REQUEST_LATENCY_BOUNDS.length + 1;
