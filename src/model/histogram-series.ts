// Quantiles of a histogram group per step and over the whole range. Every number the panels show from buckets
// comes through here (or histogram.ts for a single instant); test/histogram-exactness.test.ts checks these
// functions against a real Prometheus. The `le="NaN"` columns are handled in histogram-nan-le.ts.

import {
  attainmentOfMonotonic,
  ensureMonotonic,
  quantileOfMonotonic,
  ranksInInfBucket,
  valueAtRank,
} from './bucket-quantile';
import { HistogramGroup } from './histogram-group';
import { labelOrderAtStep, labelOrderOverRange } from './histogram-nan-le';

/**
 * One histogram ready for the quantile rules: buckets sorted and merged, counts made monotonic (Prometheus's
 * order: sort, coalesce, ensureMonotonic). `n` = how many buckets; the arrays may be longer.
 */
export interface MonotonicHistogram {
  readonly bounds: Float64Array;
  readonly counts: Float64Array;
  readonly n: number;
}

/**
 * Copies the buckets present at `step` into the scratch arrays, sorted, merged and made monotonic; returns how
 * many. Prometheus evaluates each instant with only the buckets that have a sample there.
 */
function fillStep(
  group: HistogramGroup,
  step: number,
  scratchBounds: Float64Array,
  scratchCounts: Float64Array,
): number {
  if (group.byLabel) {
    const n = labelOrderAtStep(group.byLabel, step, scratchBounds, scratchCounts);
    ensureMonotonic(scratchCounts, n);
    return n;
  }
  return fillRow(group.bounds, group.counts, group.present, step * group.bounds.length, scratchBounds, scratchCounts);
}

/** `fillStep` for an ordinary group (already sorted and merged): copying the present buckets is all there is. */
function fillRow(
  bounds: Float64Array,
  counts: Float64Array,
  present: Uint8Array,
  base: number,
  scratchBounds: Float64Array,
  scratchCounts: Float64Array,
): number {
  const width = bounds.length;
  let n = 0;
  for (let slot = 0; slot < width; slot++) {
    if (present[base + slot] === 0) continue;
    scratchCounts[n] = counts[base + slot];
    scratchBounds[n] = bounds[slot];
    n++;
  }
  ensureMonotonic(scratchCounts, n);
  return n;
}

/**
 * The quantiles of the row at `base` read in place, in one pass, when it is a prepared histogram as it stands:
 * every bucket sampled, counts never falling (no NaN), at least two buckets ending in +Inf, a positive total.
 * Prometheus's preparation would change nothing then, and with rising counts its binary search for the first
 * count ≥ rank lands where this forward walk does. `order` lists the indices of `qs` by ascending q (all within
 * [0, 1]). False, with `out` untouched at `step`, when the row needs the general path.
 */
function quantilesOfReadyRow(
  bounds: Float64Array,
  counts: Float64Array,
  present: Uint8Array,
  /** Every cell is present (the grouping pass saw every sample), so `present` need not be read. */
  complete: boolean,
  base: number,
  qs: ReadonlyArray<number>,
  order: ReadonlyArray<number>,
  ranks: Float64Array,
  found: Int32Array,
  out: Float64Array[],
  step: number,
): boolean {
  const n = bounds.length;
  if (n < 2 || bounds[n - 1] !== Infinity) return false;
  const total = counts[base + n - 1];
  if (!(total > 0) || total === Infinity) return false;
  const m = order.length;
  for (let k = 0; k < m; k++) ranks[k] = qs[order[k]] * total;
  let k = 0;
  let previous = -Infinity;
  if (!complete) {
    for (let cell = base; cell < base + n; cell++) if (present[cell] === 0) return false;
  }
  for (let i = 0, cell = base; i < n - 1; i++, cell++) {
    const count = counts[cell];
    if (!(count >= previous)) return false;
    previous = count;
    // Among all but +Inf: the first bucket whose count reaches each pending rank (ranks ascend with q).
    while (k < m && count >= ranks[k]) found[k++] = i;
  }
  if (!(total >= previous)) return false;
  for (; k < m; k++) found[k] = n - 1;
  for (let j = 0; j < order.length; j++) {
    out[order[j]][step] = valueAtRank(ranks[j], found[j], bounds, counts, n, base);
  }
  return true;
}

function scratchWidth(group: HistogramGroup): number {
  return group.byLabel ? group.byLabel.bounds.length : group.bounds.length;
}

/** The histogram at one step (the buckets that have a sample there), as `histogram_quantile` sees it. */
export function histogramAtStep(group: HistogramGroup, step: number): MonotonicHistogram {
  const bounds = new Float64Array(scratchWidth(group));
  const counts = new Float64Array(bounds.length);
  return { bounds, counts, n: fillStep(group, step, bounds, counts) };
}

/**
 * `histogram_quantile(q)` at every step of the group, one Float64Array per requested q. NaN where Prometheus
 * gives NaN, and also at a step where no bucket with a parseable `le` has a sample (Prometheus: no point).
 */
export function quantilesPerStep(group: HistogramGroup, qs: ReadonlyArray<number>): Float64Array[] {
  const steps = group.timestamps.length;
  const out = qs.map(() => new Float64Array(steps));
  const scratchBounds = new Float64Array(scratchWidth(group));
  const scratchCounts = new Float64Array(scratchBounds.length);
  if (group.byLabel) {
    for (let step = 0; step < steps; step++) {
      const n = fillStep(group, step, scratchBounds, scratchCounts);
      for (let k = 0; k < qs.length; k++) {
        out[k][step] = n === 0 ? NaN : quantileOfMonotonic(qs[k], scratchBounds, scratchCounts, n);
      }
    }
    return out;
  }
  // One pass over the step matrix: a row that needs no preparing (the usual case: every bucket sampled, counts
  // rising) is read in place; any other is copied and prepared as Prometheus does.
  const { bounds, counts, present } = group;
  const width = bounds.length;
  // q outside [0, 1] (or NaN) is answered without the buckets; only the others need the walk.
  const usable = qs.every((q) => q >= 0 && q <= 1);
  const order = qs.map((_, k) => k).sort((a, b) => qs[a] - qs[b]);
  const ranks = new Float64Array(qs.length);
  const found = new Int32Array(qs.length);
  const complete = group.overRange?.complete === true;
  for (let step = 0, base = 0; step < steps; step++, base += width) {
    if (usable && quantilesOfReadyRow(bounds, counts, present, complete, base, qs, order, ranks, found, out, step))
      continue;
    const n = fillRow(bounds, counts, present, base, scratchBounds, scratchCounts);
    for (let k = 0; k < qs.length; k++) {
      out[k][step] = n === 0 ? NaN : quantileOfMonotonic(qs[k], scratchBounds, scratchCounts, n);
    }
  }
  return out;
}

/** The group's +Inf (total) bucket value per step; NaN where the step has no +Inf sample. */
export function totalPerStep(group: HistogramGroup): Float64Array {
  if (group.overRange) return group.overRange.infPerStep.slice();
  const steps = group.timestamps.length;
  const width = group.bounds.length;
  const out = new Float64Array(steps).fill(NaN);
  const inf = group.bounds.indexOf(Infinity);
  if (inf < 0) return out;
  const { counts, present } = group;
  for (let step = 0, cell = inf; step < steps; step++, cell += width) {
    if (present[cell]) out[step] = counts[cell];
  }
  return out;
}

/**
 * Bucket values summed over all steps (a bucket with no sample at a step adds nothing), i.e. the buckets of
 * `sum by (le) (sum_over_time(<bucket query>[range:step]))`, sorted and merged as Prometheus does — before
 * the monotonic fix. For rate queries this is the whole-range histogram, the equivalent of
 * `increase(…[$__range])` sampled at the panel's steps.
 */
export function rangeBuckets(group: HistogramGroup): { bounds: Float64Array; counts: Float64Array; n: number } {
  if (group.byLabel) return labelOrderOverRange(group.byLabel, group.timestamps.length);
  const width = group.bounds.length;
  const { sums, seen } = group.overRange ?? sumOverSteps(group);
  const bounds = new Float64Array(width);
  const counts = new Float64Array(width);
  let n = 0;
  for (let slot = 0; slot < width; slot++) {
    if (!seen[slot]) continue;
    bounds[n] = group.bounds[slot];
    counts[n] = sums[slot];
    n++;
  }
  return { bounds, counts, n };
}

/** Per-slot sums over the step matrix, step by step (what grouping gathered already when `overRange` is set). */
function sumOverSteps(group: HistogramGroup): { sums: Float64Array; seen: Uint8Array } {
  const width = group.bounds.length;
  const sums = new Float64Array(width);
  const seen = new Uint8Array(width);
  const { counts, present } = group;
  for (let step = 0, base = 0; step < group.timestamps.length; step++, base += width) {
    for (let slot = 0; slot < width; slot++) {
      if (present[base + slot] === 0) continue;
      sums[slot] += counts[base + slot];
      seen[slot] = 1;
    }
  }
  return { sums, seen };
}

/** The whole-range histogram (see `rangeBuckets`) with the monotonic fix applied, ready for several numbers. */
export function wholeRangeHistogram(group: HistogramGroup): MonotonicHistogram {
  const { bounds, counts, n } = rangeBuckets(group);
  ensureMonotonic(counts, n);
  return { bounds, counts, n };
}

/** `histogram_quantile(q)` of a prepared histogram; NaN when it has no bucket at all (Prometheus: no sample). */
export function quantileOfHistogram(histogram: MonotonicHistogram, q: number): number {
  const { bounds, counts, n } = histogram;
  return n === 0 ? NaN : quantileOfMonotonic(q, bounds, counts, n);
}

/** SLO attainment (fraction ≤ threshold) of a prepared histogram, with the rules of `sloAttainment`. */
export function attainmentOfHistogram(histogram: MonotonicHistogram, threshold: number): number {
  return attainmentOfMonotonic(threshold, histogram.bounds, histogram.counts, histogram.n);
}

/** Whether quantile q of the histogram is Prometheus's +Inf clamp (the second-highest bound, a lower bound). */
export function quantileIsClamped(histogram: MonotonicHistogram, q: number): boolean {
  return ranksInInfBucket(q, histogram.bounds, histogram.counts, histogram.n);
}

/** The observation count (+Inf bucket) of a prepared histogram; NaN without a +Inf bucket. */
export function totalOfHistogram(histogram: MonotonicHistogram): number {
  const { bounds, counts, n } = histogram;
  return n > 0 && bounds[n - 1] === Infinity ? counts[n - 1] : NaN;
}

/** Quantile of the whole-range histogram. */
export function rangeQuantile(group: HistogramGroup, q: number): number {
  return quantileOfHistogram(wholeRangeHistogram(group), q);
}

/** SLO attainment (fraction ≤ threshold) of the whole-range histogram. */
export function rangeAttainment(group: HistogramGroup, threshold: number): number {
  return attainmentOfHistogram(wholeRangeHistogram(group), threshold);
}

/** The last step with traffic (at least two buckets and a positive total), or -1. */
export function lastStepWithTraffic(group: HistogramGroup): number {
  for (let step = group.timestamps.length - 1; step >= 0; step--) {
    const histogram = histogramAtStep(group, step);
    if (histogram.n >= 2 && histogram.counts[histogram.n - 1] > 0) return step;
  }
  return -1;
}

/** Whether some bucket sample is NaN or ±Inf (often a division in the query). */
export function hasNonFiniteSample(group: HistogramGroup): boolean {
  if (group.overRange) return group.overRange.nonFinite;
  const { counts, present } = group;
  for (let i = 0; i < counts.length; i++) if (present[i] && !Number.isFinite(counts[i])) return true;
  return false;
}

/** Whether some bucket sample is negative: a rate of a counter never is, so the query is not bucket rates. */
export function hasNegativeSample(group: HistogramGroup): boolean {
  if (group.overRange) return group.overRange.negative;
  const { counts, present } = group;
  for (let i = 0; i < counts.length; i++) if (present[i] && counts[i] < 0) return true;
  return false;
}

/** The highest finite bucket bound: what Prometheus shows for a quantile ranked in +Inf. */
export function highestFiniteBound(group: HistogramGroup): number {
  const finite = group.bounds.filter((b) => Number.isFinite(b));
  return finite[finite.length - 1];
}
