// The VllmLatencyQuad panel spec: its TypeScript shape, defaults and the one place that fills them in.
// The CUE model in schemas/vllm-latency-quad/ mirrors this file; its defaults equal createInitialOptions()
// (test/schemas/latency-quad-schema.test.ts proves it).

import { FormatOptions, ThresholdOptions } from '@perses-dev/core';

/** The arithmetic mean of the observations. */
export interface MeanStatistic {
  kind: 'mean';
  /** Overrides the panel thresholds for this tile only (e.g. "p99 TTFT < 2 s" colours only p99). */
  thresholds?: ThresholdOptions;
}

/** A `histogram_quantile` of the buckets, 0 < quantile < 1 (0.99 = p99). */
export interface QuantileStatistic {
  kind: 'quantile';
  quantile: number;
  thresholds?: ThresholdOptions;
}

export type LatencyStatistic = MeanStatistic | QuantileStatistic;

/**
 * How one number is taken from a time range:
 * - `range`: the statistic of the whole-range histogram (bucket rates summed over all steps), the same as
 *   `histogram_quantile(q, sum by (le) (increase(…_bucket[$__range])))` sampled at the panel's steps;
 * - `last`: the statistic at the last step that has data;
 * - `mean-of-steps`: the average of the per-step values (steps without a value are skipped).
 */
export type ValueOverRange = 'range' | 'last' | 'mean-of-steps';

/**
 * What a series without `le` carries, matched to the histogram group with the same labels:
 * - `sum`: the rate of the histogram's `_sum`; mean = Σ sum / Σ (+Inf bucket) — exact, no extra query;
 * - `mean`: a ready-made mean per step (e.g. `rate(_sum) / rate(_count)`); weighted by the +Inf bucket
 *   over the range so it stays exact for `range`.
 */
export type MeanInput = 'sum' | 'mean';

/** A service-level objective on the same buckets: "≥ target of requests take ≤ threshold". */
export interface LatencySlo {
  /** In the histogram's unit (seconds for latency families). Best when it is a bucket bound. */
  threshold: number;
  /** Fraction of observations that must be ≤ threshold, 0 < target ≤ 1 (0.99 = 99 %). */
  target: number;
}

export interface LatencyGroupsOptions {
  /** Row label template, like Perses `seriesNameFormat`: `{{model_name}} · {{engine}}`. Default: all labels. */
  nameFormat?: string;
  /** Rows sorted worst (highest) first by this statistic; default the last statistic in `statistics`. */
  sortBy?: 'mean' | number;
  /** At most this many rows; the rest collapse into "+N more". Default: as many as fit. */
  maxRows?: number;
}

export interface LatencyQuadSpec {
  statistics: LatencyStatistic[];
  valueOverRange: ValueOverRange;
  format: FormatOptions;
  meanInput: MeanInput;
  sparkline: boolean;
  thresholds?: ThresholdOptions;
  slo?: LatencySlo;
  groups?: LatencyGroupsOptions;
}

export const DEFAULT_STATISTICS: readonly LatencyStatistic[] = [
  { kind: 'mean' },
  { kind: 'quantile', quantile: 0.5 },
  { kind: 'quantile', quantile: 0.9 },
  { kind: 'quantile', quantile: 0.99 },
];

export function createInitialOptions(): LatencyQuadSpec {
  return {
    statistics: DEFAULT_STATISTICS.map((s) => ({ ...s })),
    valueOverRange: 'range',
    format: { unit: 'seconds' },
    meanInput: 'sum',
    sparkline: true,
  };
}

/**
 * Fills in what a dashboard left out. Perses hands the panel the spec exactly as stored (CUE defaults are
 * not applied in the browser), so `spec: {}` in a dashboard must render the same as the defaults.
 */
export function resolveSpec(spec: Partial<LatencyQuadSpec> | undefined): LatencyQuadSpec {
  const defaults = createInitialOptions();
  const s = spec ?? {};
  return {
    ...s,
    statistics: s.statistics && s.statistics.length > 0 ? s.statistics : defaults.statistics,
    valueOverRange: s.valueOverRange ?? defaults.valueOverRange,
    format: s.format ?? defaults.format,
    meanInput: s.meanInput ?? defaults.meanInput,
    sparkline: s.sparkline ?? defaults.sparkline,
  };
}

/** Short tile title: "mean", "p50", "p99.9". */
export function statisticLabel(statistic: LatencyStatistic): string {
  if (statistic.kind === 'mean') return 'mean';
  // Round away binary noise (0.999 * 100 = 99.9000…01) before printing.
  return `p${Number((statistic.quantile * 100).toPrecision(10))}`;
}

/** Stable identity of a statistic, used by `groups.sortBy`: 'mean' or the quantile itself. */
export function statisticKey(statistic: LatencyStatistic): 'mean' | number {
  return statistic.kind === 'mean' ? 'mean' : statistic.quantile;
}
