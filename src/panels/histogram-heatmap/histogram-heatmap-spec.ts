// The VllmHistogramHeatmap spec model: the panel options as stored in a dashboard, their defaults and the one
// place that fills them in. (The view model, what the panel draws, is heatmap-view-model.ts.) The CUE model in
// schemas/vllm-histogram-heatmap/ mirrors this file; its defaults equal createInitialHistogramHeatmapOptions()
// (test/schemas/histogram-heatmap.test.ts proves it).

import { FormatOptions } from '@perses-dev/core';

import { withSpecDefaults } from '../../shared/spec-defaults';

/**
 * - `over-time`: a heatmap, time on x, one row per bucket, with quantile lines on top;
 * - `distribution`: one bar per bucket for the whole time range, with quantile (and SLO) markers.
 */
export type HeatmapMode = 'over-time' | 'distribution';

/**
 * What a cell's colour measures, from the bucket's own (non-cumulative) part of the histogram at that step:
 * - `share`: fraction of the step's observations that fell in the bucket (bucket difference / +Inf);
 * - `rate`: the bucket difference as queried (observations per second for a `rate(…)` query);
 * - `count`: the bucket difference × the step length in seconds (observations per step, for a `rate(…)` query).
 */
export type HeatmapCellValue = 'share' | 'rate' | 'count';

/**
 * How bucket rows are stacked: `buckets` = one equal-height row per bucket (classic bounds are usually
 * log-spaced, so this reads best); `linear` = rows at their true position on a linear axis.
 */
export type HeatmapYScale = 'buckets' | 'linear';

/** A service-level objective on the same buckets: "≥ target of observations take ≤ threshold". */
export interface HeatmapSlo {
  /** In the histogram's unit; a bucket bound gives an exact attainment. */
  threshold: number;
  /** Fraction of observations that must be ≤ threshold, 0 < target ≤ 1. */
  target: number;
}

export interface HistogramHeatmapSpec {
  mode: HeatmapMode;
  cellValue: HeatmapCellValue;
  yScale: HeatmapYScale;
  /** Quantile lines (over time) and markers (distribution), each 0 < q < 1. Empty: none. */
  quantiles: number[];
  /** Distribution mode: the cumulative share as a line over the bars. */
  cumulative: boolean;
  /** Unit of the bucket bounds (seconds for latency, decimal for token counts). */
  format: FormatOptions;
  slo?: HeatmapSlo;
}

export const DEFAULT_QUANTILES: readonly number[] = [0.5, 0.9, 0.99];

export function createInitialHistogramHeatmapOptions(): HistogramHeatmapSpec {
  return {
    mode: 'over-time',
    cellValue: 'share',
    yScale: 'buckets',
    quantiles: [...DEFAULT_QUANTILES],
    cumulative: true,
    format: { unit: 'seconds' },
  };
}

/** The stored spec with every default filled in (shared rule: src/shared/spec-defaults.ts). */
export function resolveHistogramHeatmapSpec(stored: Partial<HistogramHeatmapSpec> | undefined): HistogramHeatmapSpec {
  return withSpecDefaults(stored, createInitialHistogramHeatmapOptions());
}

/** "p50", "p99.9": the legend name of a quantile. */
export function quantileLabel(q: number): string {
  // Round away binary noise (0.999 * 100 = 99.9000…01) before printing.
  return `p${Number((q * 100).toPrecision(10))}`;
}
