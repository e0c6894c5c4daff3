// Prometheus-exact quantiles over classic (bucketed) histograms, computed in the browser.
//
// The rules mirror Prometheus's `histogram_quantile` (promql/functions.go funcHistogramQuantile and
// promql/quantile.go bucketQuantile, as shipped in the Prometheus 2.42 the test-suite runs against):
//   - `le` is parsed with Go's ParseFloat; a bucket whose `le` does not parse is skipped;
//   - buckets are sorted by bound, buckets with the same bound are merged by adding their counts;
//   - counts are forced monotonic (a lower count after a higher one is raised to it);
//   - NaN when the highest bound is not +Inf, when fewer than two buckets remain, or the total is 0;
//   - q < 0 → -Inf, q > 1 → +Inf, q NaN → NaN;
//   - rank = q × total; the first bucket whose cumulative count ≥ rank holds the quantile;
//   - rank in the +Inf bucket → the second-highest bound (Prometheus cannot interpolate to infinity);
//   - first bucket with a bound ≤ 0 → that bound; otherwise the lower edge is 0 for the first bucket;
//   - linear interpolation inside the bucket.
// One known divergence: a bucket whose `le` is literally "NaN" is ignored here; Prometheus keeps it and the
// result then depends on its unstable sort. No client library emits such a bucket.

import { attainmentOfPrepared, Bucket, prepareBuckets, quantileOfPrepared } from './bucket-quantile';

export { parsePromFloat } from './prom-float';
export type { Bucket, PreparedBuckets } from './bucket-quantile';
export { prepareBuckets, quantileOfPrepared, attainmentOfPrepared } from './bucket-quantile';
export * from './histogram-series';

/** Prometheus `histogram_quantile(q, …)` for one classic histogram at one instant. No parseable bucket → NaN. */
export function histogramQuantile(q: number, buckets: ReadonlyArray<Bucket>): number {
  const { bounds, counts } = prepareBuckets(buckets);
  if (bounds.length === 0) return NaN;
  return quantileOfPrepared(q, bounds, counts, counts.length);
}

/** Whether `threshold` is exactly one of the histogram's finite bucket bounds (so attainment needs no interpolation). */
export function isBucketBound(threshold: number, bounds: ArrayLike<number>): boolean {
  for (let i = 0; i < bounds.length; i++) if (bounds[i] === threshold && Number.isFinite(threshold)) return true;
  return false;
}

/**
 * Fraction of observations ≤ `threshold`: cumulative count at the threshold over the total (+Inf) count.
 * Exact when the threshold is a bucket bound. Otherwise interpolated linearly inside the bucket that holds
 * it, with the same uniform-within-bucket assumption (and lower edge 0 for a first positive bucket) that
 * `histogram_quantile` makes. Above the highest finite bound the +Inf bucket's share is unknown, so it counts
 * as above the threshold (a lower bound on attainment). NaN when there is no +Inf bucket or no observation.
 */
export function sloAttainment(threshold: number, buckets: ReadonlyArray<Bucket>): number {
  const { bounds, counts } = prepareBuckets(buckets);
  return attainmentOfPrepared(threshold, bounds, counts, counts.length);
}
