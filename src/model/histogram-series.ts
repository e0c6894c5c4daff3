// Time-series building blocks: bucket series (one per `le`) → histogram groups → quantiles per step or over
// the whole range. Bounds are parsed, sorted and merged once per group; each step then only copies one row of
// counts into a scratch buffer, so a 1,440-step range costs one pass per quantile.

import { parsePromFloat } from './prom-float';
import { attainmentOfPrepared, quantileOfPrepared } from './bucket-quantile';

/** The shape of a Perses `TimeSeries` that this module needs (kept structural so `model/` imports nothing from Perses). */
export interface SeriesLike {
  readonly labels?: Readonly<Record<string, string>>;
  readonly values: ReadonlyArray<readonly [number, number | null]>;
}

/** One histogram (bucket series sharing every label but `le`), aligned on a common time axis. */
export interface HistogramGroup {
  /** Stable identity: the group's labels, sorted, as `name="value"` pairs. */
  readonly key: string;
  /** The bucket series' labels minus `le` and `__name__` (what `histogram_quantile` keeps). */
  readonly labels: Readonly<Record<string, string>>;
  /** Ascending distinct bucket bounds (buckets sharing a bound are merged, as Prometheus does). */
  readonly bounds: Float64Array;
  /** Sorted union of the member series' timestamps (ms). */
  readonly timestamps: Float64Array;
  /** Row-major `timestamps.length × bounds.length` bucket values; a slot with no sample holds 0. */
  readonly counts: Float64Array;
  /** Same shape as `counts`: 1 where at least one member series had a sample. */
  readonly present: Uint8Array;
  /** `le` values that Prometheus would not parse, so they were skipped. */
  readonly ignoredLe: readonly string[];
}

export interface GroupedSeries<S extends SeriesLike> {
  readonly groups: HistogramGroup[];
  /** Series without an `le` label (for the panels: means or other plain series). */
  readonly plain: S[];
}

const DROPPED_LABELS = new Set(['le', '__name__']);

/** Canonical key of a label set, ignoring `le` and `__name__`. */
export function groupKey(labels: Readonly<Record<string, string>> | undefined): string {
  if (!labels) return '';
  return Object.keys(labels)
    .filter((name) => !DROPPED_LABELS.has(name))
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`)
    .join(',');
}

/** Splits series into histograms (grouped by their labels minus `le`) and plain series. */
export function groupBucketSeries<S extends SeriesLike>(series: ReadonlyArray<S>): GroupedSeries<S> {
  const members = new Map<string, S[]>();
  const plain: S[] = [];
  for (const s of series) {
    if (s.labels?.le === undefined) {
      plain.push(s);
      continue;
    }
    const key = groupKey(s.labels);
    const list = members.get(key);
    if (list) list.push(s);
    else members.set(key, [s]);
  }
  const groups = [...members.entries()].map(([key, list]) => buildGroup(key, list));
  return { groups, plain };
}

function buildGroup(key: string, members: ReadonlyArray<SeriesLike>): HistogramGroup {
  const labels: Record<string, string> = {};
  for (const [name, value] of Object.entries(members[0].labels ?? {})) if (!DROPPED_LABELS.has(name)) labels[name] = value;

  const ignoredLe: string[] = [];
  const memberBounds: number[] = [];
  for (const m of members) {
    const bound = parsePromFloat(m.labels?.le ?? '');
    if (bound === undefined || Number.isNaN(bound)) ignoredLe.push(m.labels?.le ?? '');
    memberBounds.push(bound === undefined ? NaN : bound);
  }
  const bounds = Float64Array.from(new Set(memberBounds.filter((b) => !Number.isNaN(b)))).sort();
  const slotOf = new Map<number, number>();
  bounds.forEach((b, i) => slotOf.set(b, i));

  const stamps = new Set<number>();
  for (const m of members) for (const [t] of m.values) stamps.add(t);
  const timestamps = Float64Array.from(stamps).sort();
  const stepOf = new Map<number, number>();
  timestamps.forEach((t, i) => stepOf.set(t, i));

  const width = bounds.length;
  const counts = new Float64Array(timestamps.length * width);
  const present = new Uint8Array(timestamps.length * width);
  members.forEach((m, i) => {
    const slot = slotOf.get(memberBounds[i]);
    if (slot === undefined) return;
    for (const [t, v] of m.values) {
      if (v === null) continue;
      const cell = (stepOf.get(t) as number) * width + slot;
      counts[cell] += v;
      present[cell] = 1;
    }
  });
  return { key, labels, bounds, timestamps, counts, present, ignoredLe };
}

/**
 * Copies the buckets present at `step` into `scratchBounds`/`scratchCounts`; returns how many.
 * Prometheus evaluates each instant with only the buckets that have a sample there.
 */
function bucketsAtStep(
  group: HistogramGroup,
  step: number,
  scratchBounds: Float64Array,
  scratchCounts: Float64Array,
): number {
  const width = group.bounds.length;
  const base = step * width;
  let n = 0;
  for (let slot = 0; slot < width; slot++) {
    if (group.present[base + slot] === 0) continue;
    scratchBounds[n] = group.bounds[slot];
    scratchCounts[n] = group.counts[base + slot];
    n++;
  }
  return n;
}

/** `histogram_quantile(q)` at every step of the group, one Float64Array per requested q (NaN where undefined). */
export function quantilesPerStep(group: HistogramGroup, qs: ReadonlyArray<number>): Float64Array[] {
  const steps = group.timestamps.length;
  const width = group.bounds.length;
  const out = qs.map(() => new Float64Array(steps));
  const scratchBounds = new Float64Array(width);
  const rowCounts = new Float64Array(width);
  const scratchCounts = new Float64Array(width);
  for (let step = 0; step < steps; step++) {
    const n = bucketsAtStep(group, step, scratchBounds, rowCounts);
    for (let k = 0; k < qs.length; k++) {
      // quantileOfPrepared makes counts monotonic in place; that is idempotent, so one copy per step suffices.
      if (k === 0) scratchCounts.set(rowCounts.subarray(0, n));
      out[k][step] = quantileOfPrepared(qs[k], scratchBounds, scratchCounts, n);
    }
  }
  return out;
}

/** The group's +Inf (total) bucket value per step; NaN where the step has no +Inf sample. */
export function totalPerStep(group: HistogramGroup): Float64Array {
  const steps = group.timestamps.length;
  const width = group.bounds.length;
  const out = new Float64Array(steps).fill(NaN);
  if (width === 0 || group.bounds[width - 1] !== Infinity) return out;
  for (let step = 0; step < steps; step++) {
    const cell = step * width + width - 1;
    if (group.present[cell]) out[step] = group.counts[cell];
  }
  return out;
}

/**
 * Bucket values summed over all steps (a bucket with no sample at a step adds nothing), i.e. the buckets of
 * `sum_over_time(<bucket query>[range:step])`. For rate queries this is the whole-range histogram, the
 * equivalent of `increase(…[$__range])` sampled at the panel's steps.
 */
export function rangeBuckets(group: HistogramGroup): { bounds: Float64Array; counts: Float64Array; n: number } {
  const width = group.bounds.length;
  const sums = new Float64Array(width);
  const seen = new Uint8Array(width);
  for (let step = 0, base = 0; step < group.timestamps.length; step++, base += width) {
    for (let slot = 0; slot < width; slot++) {
      if (group.present[base + slot] === 0) continue;
      sums[slot] += group.counts[base + slot];
      seen[slot] = 1;
    }
  }
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

/** Quantile of the whole-range histogram (see `rangeBuckets`). */
export function rangeQuantile(group: HistogramGroup, q: number): number {
  const { bounds, counts, n } = rangeBuckets(group);
  return quantileOfPrepared(q, bounds, counts, n);
}

/** SLO attainment (fraction ≤ threshold) of the whole-range histogram. */
export function rangeAttainment(group: HistogramGroup, threshold: number): number {
  const { bounds, counts, n } = rangeBuckets(group);
  return attainmentOfPrepared(threshold, bounds, counts, n);
}
