// The one copy of each Prometheus histogram rule (parse, sort, merge, make monotonic, search the rank,
// interpolate), shared by single-instant and time-series quantiles; the rules are listed in histogram.ts.

import { parsePromFloat } from './prom-float';

/** One bucket of one histogram at one instant: `le` exactly as Prometheus returns the label value. */
export interface Bucket {
  readonly le: string;
  readonly value: number;
}

/** Buckets reduced to what the quantile rules work on: bounds in Prometheus's sorted order, duplicates merged. */
export interface PreparedBuckets {
  readonly bounds: Float64Array;
  readonly counts: Float64Array;
}

/**
 * Parses, sorts and merges buckets the way Prometheus does before it interpolates. A `le` of "NaN" is kept,
 * as Prometheus keeps it; where it ends up then depends on the sort, so the input order matters only then
 * (see `sortBuckets`).
 */
export function prepareBuckets(buckets: ReadonlyArray<Bucket>): PreparedBuckets {
  const bounds = new Float64Array(buckets.length);
  const counts = new Float64Array(buckets.length);
  let n = 0;
  for (const { le, value } of buckets) {
    const bound = parsePromFloat(le);
    if (bound === undefined) continue;
    bounds[n] = bound;
    counts[n] = value;
    n++;
  }
  sortBuckets(bounds, counts, n);
  const merged = coalesce(bounds, counts, n);
  return { bounds: bounds.slice(0, merged), counts: counts.slice(0, merged) };
}

/**
 * Sorts the first `n` buckets by bound, in place, exactly as Go's sort.Sort does for up to 12 elements
 * (an insertion sort; pdqsort switches to it below 13). With distinct, non-NaN bounds every sort agrees;
 * the order only shows through NaN bounds and through the order duplicates are added in.
 */
export function sortBuckets(bounds: Float64Array, counts: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    for (let j = i; j > 0 && bounds[j] < bounds[j - 1]; j--) {
      const b = bounds[j];
      bounds[j] = bounds[j - 1];
      bounds[j - 1] = b;
      const c = counts[j];
      counts[j] = counts[j - 1];
      counts[j - 1] = c;
    }
  }
}

/** Prometheus coalesceBuckets: adds neighbours with equal bounds (NaN never equals NaN); returns the new length. */
export function coalesce(bounds: Float64Array, counts: Float64Array, n: number): number {
  if (n === 0) return 0;
  let last = 0;
  for (let i = 1; i < n; i++) {
    if (bounds[i] === bounds[last]) counts[last] += counts[i];
    else {
      last++;
      bounds[last] = bounds[i];
      counts[last] = counts[i];
    }
  }
  return last + 1;
}

/**
 * The quantile rules over `n` prepared buckets (sorted, merged) whose counts are already monotonic
 * (`ensureMonotonic`): a histogram is prepared once and then asked for every q. The counts may start at
 * `offset` (one row of a step matrix, read in place).
 */
export function quantileOfMonotonic(
  q: number,
  bounds: ArrayLike<number>,
  counts: ArrayLike<number>,
  n: number,
  offset = 0,
): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  if (n < 2 || bounds[n - 1] !== Infinity) return NaN;
  const total = counts[offset + n - 1];
  if (total === 0) return NaN;
  const rank = q * total;
  return valueAtRank(rank, searchRank(rank, counts, n, offset), bounds, counts, n, offset);
}

/**
 * The quantile once its rank is placed in bucket `b` (the first whose cumulative count reaches it, n-1 = +Inf):
 * the +Inf clamp, the non-positive first bucket, or linear interpolation inside the bucket.
 */
export function valueAtRank(
  rank: number,
  b: number,
  bounds: ArrayLike<number>,
  counts: ArrayLike<number>,
  n: number,
  offset = 0,
): number {
  if (b === n - 1) return bounds[n - 2];
  if (b === 0 && bounds[0] <= 0) return bounds[0];
  const start = b > 0 ? bounds[b - 1] : 0;
  const below = b > 0 ? counts[offset + b - 1] : 0;
  return start + (bounds[b] - start) * ((rank - below) / (counts[offset + b] - below));
}

/**
 * Prometheus 2.42 ensureMonotonic: the running maximum starts at the first count and is carried forward.
 * NaN neither raises nor is raised — and a NaN first count leaves the maximum NaN, so nothing is raised at all.
 */
export function ensureMonotonic(counts: Float64Array, n: number): void {
  if (n === 0) return;
  let max = counts[0];
  for (let i = 1; i < n; i++) {
    const count = counts[i];
    if (count > max) max = count;
    else if (count < max) counts[i] = max;
  }
}

/**
 * Go's sort.Search(n-1, counts[i] >= rank): a binary search, which with NaN counts (a non-monotonic predicate)
 * can land elsewhere than a linear scan would. Returns n-1 when the rank lies in the +Inf bucket.
 */
export function searchRank(rank: number, counts: ArrayLike<number>, n: number, offset = 0): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const h = (lo + hi) >>> 1;
    if (!(counts[offset + h] >= rank)) lo = h + 1;
    else hi = h;
  }
  return lo;
}

/** `sloAttainment`'s rules over `n` prepared buckets whose counts are already monotonic. */
export function attainmentOfMonotonic(
  threshold: number,
  bounds: ArrayLike<number>,
  counts: ArrayLike<number>,
  n: number,
): number {
  if (Number.isNaN(threshold) || n < 2 || bounds[n - 1] !== Infinity) return NaN;
  const total = counts[n - 1];
  if (!(total > 0)) return NaN;
  if (threshold === Infinity) return 1;
  let b = 0;
  while (b < n - 1 && !(bounds[b] >= threshold)) b++;
  if (b === n - 1) return counts[n - 2] / total;
  if (bounds[b] === threshold) return counts[b] / total;
  const lower = b > 0 ? bounds[b - 1] : Math.min(0, bounds[0]);
  const below = b > 0 ? counts[b - 1] : 0;
  if (threshold <= lower) return below / total;
  const within = (counts[b] - below) * ((threshold - lower) / (bounds[b] - lower));
  return (below + within) / total;
}

/**
 * Whether quantile q of these monotonic counts ranks inside the +Inf bucket, where Prometheus answers with
 * the second-highest bound (BucketQuantile's "rank in +Inf" rule): the shown value is then only a lower bound.
 */
export function ranksInInfBucket(q: number, bounds: ArrayLike<number>, counts: ArrayLike<number>, n: number): boolean {
  if (!(q >= 0 && q <= 1) || n < 2 || bounds[n - 1] !== Infinity || counts[n - 1] === 0) return false;
  return searchRank(q * counts[n - 1], counts, n) === n - 1;
}
