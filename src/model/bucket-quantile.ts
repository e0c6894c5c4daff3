// The interpolation core shared by single-instant and time-series quantiles; the rules are listed in histogram.ts.

import { parsePromFloat } from './prom-float';

/** One bucket of one histogram at one instant: `le` exactly as Prometheus returns the label value. */
export interface Bucket {
  readonly le: string;
  readonly value: number;
}

/** Buckets reduced to what the quantile rules work on: ascending distinct bounds with their summed counts. */
export interface PreparedBuckets {
  readonly bounds: Float64Array;
  readonly counts: Float64Array;
}

/** Parses, sorts and merges buckets the way Prometheus does before it interpolates. */
export function prepareBuckets(buckets: ReadonlyArray<Bucket>): PreparedBuckets {
  const parsed: Array<{ bound: number; value: number }> = [];
  for (const { le, value } of buckets) {
    const bound = parsePromFloat(le);
    if (bound === undefined || Number.isNaN(bound)) continue;
    parsed.push({ bound, value });
  }
  parsed.sort((a, b) => (a.bound < b.bound ? -1 : a.bound > b.bound ? 1 : 0));
  const bounds: number[] = [];
  const counts: number[] = [];
  for (const { bound, value } of parsed) {
    const last = bounds.length - 1;
    if (last >= 0 && bounds[last] === bound) counts[last] += value;
    else {
      bounds.push(bound);
      counts.push(value);
    }
  }
  return { bounds: Float64Array.from(bounds), counts: Float64Array.from(counts) };
}

/**
 * The quantile rules over `n` prepared buckets (ascending distinct bounds). `counts` is made monotonic
 * in place, so callers on a hot path pass a scratch copy they own.
 */
export function quantileOfPrepared(q: number, bounds: ArrayLike<number>, counts: Float64Array, n: number): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  if (n === 0 || bounds[n - 1] !== Infinity) return NaN;
  ensureMonotonic(counts, n);
  if (n < 2) return NaN;
  const total = counts[n - 1];
  if (total === 0) return NaN;
  return interpolate(q * total, bounds, counts, n);
}

// Prometheus 2.42 ensureMonotonic: carry the running maximum forward; NaN neither raises nor is raised.
function ensureMonotonic(counts: Float64Array, n: number): void {
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const count = counts[i];
    if (count > max) max = count;
    else if (count < max) counts[i] = max;
  }
}

function interpolate(rank: number, bounds: ArrayLike<number>, counts: Float64Array, n: number): number {
  // sort.Search over all but the +Inf bucket; "not found" means the rank lies in +Inf.
  let b = 0;
  while (b < n - 1 && !(counts[b] >= rank)) b++;
  if (b === n - 1) return bounds[n - 2];
  if (b === 0 && bounds[0] <= 0) return bounds[0];
  let start = 0;
  let count = counts[b];
  let r = rank;
  if (b > 0) {
    start = bounds[b - 1];
    count -= counts[b - 1];
    r -= counts[b - 1];
  }
  return start + (bounds[b] - start) * (r / count);
}

/** `sloAttainment` over `n` prepared buckets; makes `counts` monotonic in place like `quantileOfPrepared`. */
export function attainmentOfPrepared(
  threshold: number,
  bounds: ArrayLike<number>,
  counts: Float64Array,
  n: number,
): number {
  if (Number.isNaN(threshold) || n < 2 || bounds[n - 1] !== Infinity) return NaN;
  ensureMonotonic(counts, n);
  const total = counts[n - 1];
  if (!(total > 0)) return NaN;
  if (threshold === Infinity) return 1;
  let b = 0;
  while (b < n - 1 && bounds[b] < threshold) b++;
  if (b === n - 1) return counts[n - 2] / total;
  if (bounds[b] === threshold) return counts[b] / total;
  const lower = b > 0 ? bounds[b - 1] : Math.min(0, bounds[0]);
  const below = b > 0 ? counts[b - 1] : 0;
  if (threshold <= lower) return below / total;
  const within = (counts[b] - below) * ((threshold - lower) / (bounds[b] - lower));
  return (below + within) / total;
}

