// One pass over one role's series (all the KV, running or waiting series of a query result) into typed arrays:
// the per-step totals across series, from which the fleet numbers and sparklines come, and a per-series summary,
// from which the per-instance rows come. At 2,000 instances × 1,440 steps a role is ~3 million samples: the pass
// makes no per-sample objects and is run once per data change. The results equal combinePerStep/reduceOverRange
// (series-reduce.ts, the definition) exactly, including NaN and the order in which sums are added.
import { SeriesLike } from '../../model/series';

/** Per step of the role's time axis: the samples of every series at that timestamp, combined. */
export interface StepTotals {
  /** Ascending, distinct timestamps (ms): the union of the series' timestamps. */
  times: Float64Array;
  /** Sum of the non-NaN samples, added in series order (as the definition adds them). */
  sum: Float64Array;
  /** Highest non-NaN sample; -Infinity when there is none. */
  max: Float64Array;
  /** How many non-NaN samples. */
  numbers: Uint32Array;
  /** 1 when the step holds any sample (a NaN counts, a null does not): steps without one are not steps at all. */
  sampled: Uint8Array;
}

/** Per input series (same index): enough to reduce a lone series over the range without another pass. */
export interface SeriesSummaries {
  /** The latest non-null sample (NaN possible); meaningful when `samples` > 0. */
  last: Float64Array;
  /** Highest non-NaN sample; -Infinity when there is none. */
  max: Float64Array;
  /** Sum of the non-NaN samples in point order, starting from 0. */
  sum: Float64Array;
  numbers: Uint32Array;
  /** Non-null samples, NaN included. */
  samples: Uint32Array;
  /** 1 when the timestamps are strictly ascending, so that point order is time order and no step repeats. */
  ascending: Uint8Array;
}

export interface RoleScan {
  steps: StepTotals;
  series: SeriesSummaries;
  /** Lowest and highest non-NaN sample as received (before `divisor`); Infinity / -Infinity when none. */
  lowest: number;
  highest: number;
}

/**
 * Scans `series`, dividing every sample by `divisor` (percent → fraction) before it is combined. The time axis is
 * taken from the longest series when every other timestamp is on it (Perses hands range queries over on one step
 * grid), else built as the union of all timestamps. Samples at a non-finite timestamp are not on any axis and skipped.
 */
export function scanRole(series: readonly SeriesLike[], divisor = 1): RoleScan {
  const axis = longestSeriesAxis(series);
  return (axis && accumulate(series, axis, divisor)) || (accumulate(series, unionAxis(series), divisor) as RoleScan);
}

/** The timestamps of the longest series when they are finite and strictly ascending (a candidate axis). */
function longestSeriesAxis(series: readonly SeriesLike[]): Float64Array | undefined {
  let longest: SeriesLike | undefined;
  for (const s of series) if (!longest || s.values.length > longest.values.length) longest = s;
  if (!longest) return new Float64Array(0);
  const times = new Float64Array(longest.values.length);
  for (let i = 0; i < times.length; i++) {
    const t = longest.values[i][0];
    if (!Number.isFinite(t) || (i > 0 && t <= times[i - 1])) return undefined;
    times[i] = t;
  }
  return times;
}

/** Every finite timestamp of every series, sorted and distinct. */
function unionAxis(series: readonly SeriesLike[]): Float64Array {
  let total = 0;
  for (const s of series) total += s.values.length;
  const all = new Float64Array(total);
  let n = 0;
  for (const s of series) for (const p of s.values) if (Number.isFinite(p[0])) all[n++] = p[0];
  const sorted = all.subarray(0, n).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i];
  return sorted.slice(0, distinct);
}

/** Index of `t` in the ascending `axis`, or -1. */
function indexOf(axis: Float64Array, t: number): number {
  let lo = 0;
  let hi = axis.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = axis[mid];
    if (at === t) return mid;
    if (at < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The pass itself; undefined when a finite timestamp is not on `axis` (the caller then builds the union). */
function accumulate(series: readonly SeriesLike[], times: Float64Array, divisor: number): RoleScan | undefined {
  const steps = times.length;
  const sum = new Float64Array(steps);
  const max = new Float64Array(steps).fill(-Infinity);
  const numbers = new Uint32Array(steps);
  const sampled = new Uint8Array(steps);
  const count = series.length;
  const summaries: SeriesSummaries = {
    last: new Float64Array(count),
    max: new Float64Array(count).fill(-Infinity),
    sum: new Float64Array(count),
    numbers: new Uint32Array(count),
    samples: new Uint32Array(count),
    ascending: new Uint8Array(count),
  };
  let lowest = Infinity;
  let highest = -Infinity;
  for (let k = 0; k < count; k++) {
    const values = series[k].values;
    let seriesMax = -Infinity;
    let seriesSum = 0;
    let seriesNumbers = 0;
    let seriesSamples = 0;
    let last = NaN;
    let previous = -Infinity;
    let ascending = 1;
    // Step index minus point index: 0 on a full grid, shifted once per gap (Perses leaves out steps without a sample).
    let offset = 0;
    for (let i = 0; i < values.length; i++) {
      const point = values[i];
      const t = point[0];
      if (t <= previous || !(t === t)) ascending = 0;
      previous = t;
      const raw = point[1];
      if (raw === null || raw === undefined) continue;
      // On the grid (the usual case) the step is found where the last one was; anything else is looked up.
      let j = i + offset;
      if (j >= steps || times[j] !== t) {
        j = indexOf(times, t);
        if (j < 0) {
          if (Number.isFinite(t)) return undefined;
          continue;
        }
        offset = j - i;
      }
      sampled[j] = 1;
      seriesSamples++;
      const v = divisor === 1 ? raw : raw / divisor;
      last = v;
      if (v !== v) continue; // NaN: a sample, but never combined into a number
      if (raw < lowest) lowest = raw;
      if (raw > highest) highest = raw;
      sum[j] += v;
      max[j] = Math.max(max[j], v);
      numbers[j]++;
      seriesSum += v;
      seriesMax = Math.max(seriesMax, v);
      seriesNumbers++;
    }
    summaries.last[k] = last;
    summaries.max[k] = seriesMax;
    summaries.sum[k] = seriesSum;
    summaries.numbers[k] = seriesNumbers;
    summaries.samples[k] = seriesSamples;
    summaries.ascending[k] = ascending;
  }
  return { steps: { times, sum, max, numbers, sampled }, series: summaries, lowest, highest };
}
