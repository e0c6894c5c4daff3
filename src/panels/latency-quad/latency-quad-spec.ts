// The VllmLatencyQuad spec model: the panel options as stored in a dashboard, their defaults and the one place
// that fills them in. (The view model, what the panel draws, is quad-view-model.ts.) The CUE model in
// schemas/vllm-latency-quad/ mirrors this file; its defaults equal createInitialLatencyQuadOptions()
// (test/schemas/latency-quad.test.ts proves it).

import { FormatOptions, ThresholdOptions } from '@perses-dev/core';

import { MeanInput } from '../../model/histogram';
import { withSpecDefaults } from '../../shared/spec-defaults';

export type { MeanInput } from '../../model/histogram';

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
export type LatencyValueOverRange = 'range' | 'last' | 'mean-of-steps';

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
  valueOverRange: LatencyValueOverRange;
  /**
   * What a series without `le` carries, matched to the histogram group with the same labels: `sum` = the rate of
   * the histogram's `_sum` (mean = Σ sum / Σ +Inf bucket, exact, no extra query); `mean` = a ready-made mean
   * per step, weighted by the +Inf bucket over the range so it stays exact for `range`.
   */
  meanInput: MeanInput;
  format: FormatOptions;
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

export function createInitialLatencyQuadOptions(): LatencyQuadSpec {
  return {
    statistics: DEFAULT_STATISTICS.map((s) => ({ ...s })),
    valueOverRange: 'range',
    format: { unit: 'seconds' },
    meanInput: 'sum',
    sparkline: true,
  };
}

/** The stored spec with every default filled in (shared rule: src/shared/spec-defaults.ts); no tile = the defaults. */
export function resolveLatencyQuadSpec(stored: Partial<LatencyQuadSpec> | undefined): LatencyQuadSpec {
  const defaults = createInitialLatencyQuadOptions();
  const spec = withSpecDefaults(stored, defaults);
  return spec.statistics.length > 0 ? spec : { ...spec, statistics: defaults.statistics };
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
