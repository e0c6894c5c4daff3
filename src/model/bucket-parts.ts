// Each bucket's own part of a classic histogram (the observations above the previous bound and ≤ its own), per
// step and over the whole range: what the heatmap colours and the distribution bars show. Cumulative counts go
// through Prometheus's monotonic fix first (as histogram_quantile sees them), so a part is never negative and the
// parts of a step add up to its +Inf count.

import { ensureMonotonic } from './bucket-quantile';
import { HistogramGroup } from './histogram-group';
import { wholeRangeHistogram } from './histogram-series';

export interface BucketPartsPerStep {
  /** The group's bucket bounds, ascending, the last one +Inf (callers check that first). */
  readonly bounds: Float64Array;
  /**
   * Row-major `steps × bounds.length`: count(le = bound i) − count(le = bound i−1) at the step (bound −1 = none).
   * NaN for every bucket of a step that lacks some bucket's sample (a part would then span two rows).
   */
  readonly parts: Float64Array;
  /** The +Inf count per step; NaN where the step lacks some bucket. */
  readonly totals: Float64Array;
}

/** Non-cumulative bucket parts at every step of an ordinary group (no `le="NaN"`; see histogram-nan-le.ts). */
export function bucketPartsPerStep(group: HistogramGroup): BucketPartsPerStep {
  const { bounds, counts, present, timestamps } = group;
  const width = bounds.length;
  const steps = timestamps.length;
  const parts = new Float64Array(steps * width).fill(NaN);
  const totals = new Float64Array(steps).fill(NaN);
  const scratch = new Float64Array(width);
  for (let step = 0, base = 0; step < steps; step++, base += width) {
    let complete = width > 0;
    for (let slot = 0; slot < width && complete; slot++) complete = present[base + slot] === 1;
    if (!complete) continue;
    scratch.set(counts.subarray(base, base + width));
    ensureMonotonic(scratch, width);
    for (let slot = 0; slot < width; slot++) parts[base + slot] = scratch[slot] - (slot > 0 ? scratch[slot - 1] : 0);
    totals[step] = scratch[width - 1];
  }
  return { bounds, parts, totals };
}

export interface BucketPartsOverRange {
  /** Bounds of the buckets seen anywhere in the range, ascending. */
  readonly bounds: Float64Array;
  /** Each bucket's part of the whole-range histogram (bucket values summed over all steps, made monotonic). */
  readonly parts: Float64Array;
  /** The whole-range +Inf count (NaN without a +Inf bucket). */
  readonly total: number;
}

/** Non-cumulative parts of the whole-range histogram (`wholeRangeHistogram`: the panel's `increase` over the range). */
export function bucketPartsOverRange(group: HistogramGroup): BucketPartsOverRange {
  const { bounds, counts, n } = wholeRangeHistogram(group);
  const parts = new Float64Array(n);
  for (let i = 0; i < n; i++) parts[i] = counts[i] - (i > 0 ? counts[i - 1] : 0);
  const total = n > 0 && bounds[n - 1] === Infinity ? counts[n - 1] : NaN;
  return { bounds: bounds.slice(0, n), parts, total };
}
