// The mean of a histogram, from a series WITHOUT `le` that carries the same labels as its buckets.
//
// Contract (README "VllmLatencyQuad"): with input `sum` such a series is the rate of the histogram's `_sum`,
// so mean = Σ sum / Σ (+Inf bucket) — the count is the +Inf bucket, no `_count` query needed, and the ratio
// of sums is the exact mean over the range (a mean of per-step means would over-weight quiet steps). With
// input `mean` the series is a ready-made mean per step (e.g. `rate(_sum) / rate(_count)`); it is weighted by
// the +Inf bucket over the range, which gives back the same exact mean.

import { HistogramGroup } from './histogram-group';
import { totalPerStep } from './histogram-series';
import { SeriesLike } from './series';

/** What a series without `le` carries: the `_sum` rate, or a ready-made mean per step. */
export type MeanInput = 'sum' | 'mean';

export interface GroupMean {
  /** Mean at each of the group's steps; NaN where the step has no traffic or no mean sample. */
  readonly perStep: Float64Array;
  /** Exact mean over all steps that have both a mean sample and a +Inf bucket sample. */
  readonly overRange: number;
  /** Steps that contributed to `overRange`. */
  readonly usedSteps: number;
  /**
   * Time (ms) of the first NaN or ±Inf sample of the mean series on the group's steps, if any. Prometheus carries
   * such a sample into every sum over the range (Σ _sum is NaN), so the mean is then NaN, never the mean of the
   * other steps.
   */
  readonly nonFiniteAt?: number;
}

/** Aligns one plain series on the group's time axis and derives the mean per step and over the range. */
export function groupMean(group: HistogramGroup, series: SeriesLike, input: MeanInput): GroupMean {
  const steps = group.timestamps.length;
  const stepOf = stepFinder(group.timestamps);
  const totals = totalPerStep(group);
  const perStep = new Float64Array(steps).fill(NaN);
  let weighted = 0;
  let weight = 0;
  let usedSteps = 0;
  let nonFiniteAt: number | undefined;
  const values = series.values;
  for (let j = 0; j < values.length; j++) {
    const t = values[j][0];
    const v = values[j][1];
    const step = stepOf(t);
    if (step === undefined || v === null) continue;
    if (!Number.isFinite(v)) {
      nonFiniteAt ??= t;
      continue;
    }
    const total = totals[step];
    if (!(total > 0) || !Number.isFinite(total)) continue;
    if (input === 'sum') {
      perStep[step] = v / total;
      weighted += v;
    } else {
      perStep[step] = v;
      weighted += v * total;
    }
    weight += total;
    usedSteps++;
  }
  if (nonFiniteAt !== undefined) return { perStep, overRange: NaN, usedSteps, nonFiniteAt };
  return { perStep, overRange: weight > 0 ? weighted / weight : NaN, usedSteps };
}

/**
 * The step at time t, or undefined when t is not one of the (ascending, distinct) timestamps. Points come in time
 * order, so the step after the last one found is tried first; anything else is a binary search.
 */
function stepFinder(timestamps: Float64Array): (t: number) => number | undefined {
  let next = 0;
  return (t) => {
    let step = next;
    if (!(step < timestamps.length && timestamps[step] === t)) {
      let lo = 0;
      let hi = timestamps.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (timestamps[mid] < t) lo = mid + 1;
        else hi = mid;
      }
      if (!(lo < timestamps.length && timestamps[lo] === t)) return undefined;
      step = lo;
    }
    next = step + 1;
    return step;
  };
}
