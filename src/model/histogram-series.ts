// Time-series building blocks: bucket series (one per `le`) → histogram groups → quantiles per step or over
// the whole range. Bounds are parsed, sorted and merged once per group; each step then only copies one row of
// counts into a scratch buffer, so a 1,440-step range costs one pass per quantile.

import {
  attainmentOfPrepared,
  coalesce,
  ensureMonotonic,
  quantileOfMonotonic,
  quantileOfPrepared,
  sortBuckets,
} from './bucket-quantile';
import { parsePromFloat } from './prom-float';

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
  /**
   * Ascending distinct bucket bounds (buckets sharing a bound are merged, as Prometheus does). A series whose
   * `le` is "NaN" keeps a slot of its own, after all others (Prometheus never merges NaN bounds).
   */
  readonly bounds: Float64Array;
  /** Sorted union of the member series' timestamps (ms). */
  readonly timestamps: Float64Array;
  /** Row-major `timestamps.length × bounds.length` bucket values; a slot with no sample holds 0. */
  readonly counts: Float64Array;
  /** Same shape as `counts`: 1 where at least one member series had a sample. */
  readonly present: Uint8Array;
  /** `le` values that Prometheus would not parse, so they were skipped. */
  readonly ignoredLe: readonly string[];
  /**
   * Only when some `le` is "NaN" (undefined for every ordinary histogram): the member series unmerged, one
   * column per series with a parseable `le`, in the order Prometheus hands them to histogram_quantile (by
   * `le` label). Where its sort then puts a NaN bound depends on that order, so the exact per-step and
   * whole-range answers are computed from these columns.
   */
  readonly byLabel?: {
    readonly bounds: Float64Array;
    /** Row-major `timestamps.length × bounds.length`, like `counts`. */
    readonly counts: Float64Array;
    readonly present: Uint8Array;
  };
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
  for (const [name, value] of Object.entries(members[0].labels ?? {}))
    if (!DROPPED_LABELS.has(name)) labels[name] = value;

  const ignoredLe: string[] = [];
  const memberBounds: Array<number | undefined> = [];
  for (const m of members) {
    const bound = parsePromFloat(m.labels?.le ?? '');
    if (bound === undefined) ignoredLe.push(m.labels?.le ?? '');
    memberBounds.push(bound);
  }
  const numeric = memberBounds.filter((b): b is number => b !== undefined && !Number.isNaN(b));
  const nanMembers = memberBounds.flatMap((b, i) => (b !== undefined && Number.isNaN(b) ? [i] : []));
  const distinct = Float64Array.from(new Set(numeric)).sort();
  const bounds = new Float64Array(distinct.length + nanMembers.length).fill(NaN);
  bounds.set(distinct);
  const slotOfBound = new Map<number, number>();
  distinct.forEach((b, i) => slotOfBound.set(b, i));
  const memberSlot = memberBounds.map((b, i) =>
    b === undefined ? undefined : Number.isNaN(b) ? distinct.length + nanMembers.indexOf(i) : slotOfBound.get(b),
  );
  // Columns of `byLabel`: the parseable members, ordered by `le` label.
  const byLabelMembers = nanMembers.length
    ? memberBounds
        .map((b, i) => ({ b, i, le: members[i].labels?.le ?? '' }))
        .filter((m) => m.b !== undefined)
        .sort((x, y) => (x.le < y.le ? -1 : x.le > y.le ? 1 : 0))
    : [];
  const columnOf = new Map(byLabelMembers.map((m, column) => [m.i, column]));

  const width = bounds.length;
  const columns = byLabelMembers.length;
  const bylabelBounds = columns ? Float64Array.from(byLabelMembers, (m) => m.b as number) : undefined;
  const columnOfMember = memberSlot.map((_, i) => columnOf.get(i) ?? -1);
  // Members almost always share one time axis: try the first member's, and fall back to the union of all
  // members' timestamps if some point is not on it. One pass over the points in the usual case.
  let layout = fillGroup(members, timestampsOf(members[0]), width, memberSlot, columns, columnOfMember);
  if (!layout) layout = fillGroup(members, unionOfTimestamps(members), width, memberSlot, columns, columnOfMember)!;
  const { timestamps, counts, present } = layout;
  const byLabel =
    bylabelBounds && layout.columnCounts && layout.columnPresent
      ? { bounds: bylabelBounds, counts: layout.columnCounts, present: layout.columnPresent }
      : undefined;
  if (byLabel) return { key, labels, bounds, timestamps, counts, present, ignoredLe, byLabel };
  return { key, labels, bounds, timestamps, counts, present, ignoredLe };
}

interface Layout {
  timestamps: Float64Array;
  counts: Float64Array;
  present: Uint8Array;
  columnCounts?: Float64Array;
  columnPresent?: Uint8Array;
}

/**
 * Spreads the members' points over `timestamps` (slots merge members with the same bound; columns keep the
 * members of a NaN-bound group apart). Undefined when a point's timestamp is not in `timestamps`.
 */
function fillGroup(
  members: ReadonlyArray<SeriesLike>,
  timestamps: Float64Array,
  width: number,
  memberSlot: ReadonlyArray<number | undefined>,
  columns: number,
  columnOfMember: ReadonlyArray<number>,
): Layout | undefined {
  const steps = timestamps.length;
  const counts = new Float64Array(steps * width);
  const present = new Uint8Array(steps * width);
  const columnCounts = columns ? new Float64Array(steps * columns) : undefined;
  const columnPresent = columns ? new Uint8Array(steps * columns) : undefined;
  for (let i = 0; i < members.length; i++) {
    // A member with an unparseable `le` adds no bucket, but its timestamps are steps all the same (NaN there).
    const slot = memberSlot[i] ?? -1;
    const column = columnOfMember[i];
    const values = members[i].values;
    let hint = 0; // points come in time order (as Prometheus returns them); else a binary search
    for (let j = 0; j < values.length; j++) {
      const point = values[j];
      const t = point[0];
      let step = hint;
      if (!(step < steps && timestamps[step] === t)) {
        step = lowerBound(timestamps, t);
        if (!(step < steps && timestamps[step] === t)) return undefined;
      }
      hint = step + 1;
      const v = point[1];
      if (v === null || slot < 0) continue;
      const cell = step * width + slot;
      counts[cell] += v;
      present[cell] = 1;
      if (columnCounts && columnPresent && column >= 0) {
        columnCounts[step * columns + column] = v;
        columnPresent[step * columns + column] = 1;
      }
    }
  }
  return { timestamps, counts, present, columnCounts, columnPresent };
}

/** One member's timestamps, sorted and distinct. */
function timestampsOf(member: SeriesLike): Float64Array {
  const values = member.values;
  const all = new Float64Array(values.length);
  let sorted = true;
  for (let j = 0; j < values.length; j++) {
    all[j] = values[j][0];
    if (j > 0 && !(all[j] > all[j - 1])) sorted = false;
  }
  return sorted ? all : distinctSorted(all);
}

/** Sorted distinct timestamps of all members. */
function unionOfTimestamps(members: ReadonlyArray<SeriesLike>): Float64Array {
  let total = 0;
  for (let i = 0; i < members.length; i++) total += members[i].values.length;
  const all = new Float64Array(total);
  let k = 0;
  for (let i = 0; i < members.length; i++) {
    const values = members[i].values;
    for (let j = 0; j < values.length; j++) all[k++] = values[j][0];
  }
  return distinctSorted(all);
}

function distinctSorted(all: Float64Array): Float64Array {
  all.sort();
  let n = 0;
  for (let k = 0; k < all.length; k++) if (k === 0 || all[k] !== all[n - 1]) all[n++] = all[k];
  return n === all.length ? all : all.slice(0, n);
}

/** Index of the first element ≥ t in an ascending array. */
function lowerBound(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Copies the buckets present at `step` into `scratchBounds`/`scratchCounts`, making the counts monotonic on the
 * way (Prometheus's ensureMonotonic, fused into the copy); returns how many. Prometheus evaluates each instant
 * with only the buckets that have a sample there. Ordinary groups only (no `labelOrder`).
 */
function monotonicRowAtStep(
  group: HistogramGroup,
  step: number,
  scratchBounds: Float64Array,
  scratchCounts: Float64Array,
): number {
  const { bounds, counts, present } = group;
  const width = bounds.length;
  const base = step * width;
  let n = 0;
  let max = NaN;
  for (let slot = 0; slot < width; slot++) {
    if (present[base + slot] === 0) continue;
    let count = counts[base + slot];
    if (n === 0) max = count;
    else if (count > max) max = count;
    else if (count < max) count = max;
    scratchCounts[n] = count;
    scratchBounds[n] = bounds[slot];
    n++;
  }
  return n;
}

/**
 * The buckets present at `step` of a group with NaN bounds, in Prometheus's input order, sorted and merged as
 * Prometheus would; returns how many.
 */
function preparedAtStepByLabel(
  byLabel: NonNullable<HistogramGroup['byLabel']>,
  step: number,
  scratchBounds: Float64Array,
  scratchCounts: Float64Array,
): number {
  const columns = byLabel.bounds.length;
  const base = step * columns;
  let n = 0;
  for (let column = 0; column < columns; column++) {
    if (byLabel.present[base + column] === 0) continue;
    scratchBounds[n] = byLabel.bounds[column];
    scratchCounts[n] = byLabel.counts[base + column];
    n++;
  }
  sortBuckets(scratchBounds, scratchCounts, n);
  return coalesce(scratchBounds, scratchCounts, n);
}

/**
 * `histogram_quantile(q)` at every step of the group, one Float64Array per requested q. NaN where Prometheus
 * gives NaN, and also at a step where no bucket with a parseable `le` has a sample (Prometheus: no point).
 */
export function quantilesPerStep(group: HistogramGroup, qs: ReadonlyArray<number>): Float64Array[] {
  const steps = group.timestamps.length;
  const width = group.bounds.length;
  const out = qs.map(() => new Float64Array(steps));
  const byLabel = group.byLabel;
  const scratchBounds = new Float64Array(byLabel ? byLabel.bounds.length : width);
  const scratchCounts = new Float64Array(scratchBounds.length);
  for (let step = 0; step < steps; step++) {
    let n: number;
    if (byLabel) {
      n = preparedAtStepByLabel(byLabel, step, scratchBounds, scratchCounts);
      ensureMonotonic(scratchCounts, n);
    } else {
      n = monotonicRowAtStep(group, step, scratchBounds, scratchCounts);
    }
    for (let k = 0; k < qs.length; k++) {
      out[k][step] = n === 0 ? NaN : quantileOfMonotonic(qs[k], scratchBounds, scratchCounts, n);
    }
  }
  return out;
}

/** The group's +Inf (total) bucket value per step; NaN where the step has no +Inf sample. */
export function totalPerStep(group: HistogramGroup): Float64Array {
  const steps = group.timestamps.length;
  const width = group.bounds.length;
  const out = new Float64Array(steps).fill(NaN);
  const inf = group.bounds.indexOf(Infinity);
  if (inf < 0) return out;
  for (let step = 0, cell = inf; step < steps; step++, cell += width) {
    if (group.present[cell]) out[step] = group.counts[cell];
  }
  return out;
}

/**
 * Bucket values summed over all steps (a bucket with no sample at a step adds nothing), i.e. the buckets of
 * `sum by (le) (sum_over_time(<bucket query>[range:step]))`, sorted and merged as Prometheus does. For rate
 * queries this is the whole-range histogram, the equivalent of `increase(…[$__range])` sampled at the panel's
 * steps.
 */
export function rangeBuckets(group: HistogramGroup): { bounds: Float64Array; counts: Float64Array; n: number } {
  if (group.byLabel) return rangeBucketsByLabel(group.byLabel, group.timestamps.length);
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

function rangeBucketsByLabel(byLabel: NonNullable<HistogramGroup['byLabel']>, steps: number) {
  const columns = byLabel.bounds.length;
  const bounds = new Float64Array(columns);
  const counts = new Float64Array(columns);
  let n = 0;
  for (let column = 0; column < columns; column++) {
    let sum = 0;
    let seen = false;
    for (let step = 0, cell = column; step < steps; step++, cell += columns) {
      if (byLabel.present[cell] === 0) continue;
      sum += byLabel.counts[cell];
      seen = true;
    }
    if (!seen) continue;
    bounds[n] = byLabel.bounds[column];
    counts[n] = sum;
    n++;
  }
  sortBuckets(bounds, counts, n);
  return { bounds, counts, n: coalesce(bounds, counts, n) };
}

/** Quantile of the whole-range histogram (see `rangeBuckets`). */
export function rangeQuantile(group: HistogramGroup, q: number): number {
  const { bounds, counts, n } = rangeBuckets(group);
  return n === 0 ? NaN : quantileOfPrepared(q, bounds, counts, n);
}

/** SLO attainment (fraction ≤ threshold) of the whole-range histogram. */
export function rangeAttainment(group: HistogramGroup, threshold: number): number {
  const { bounds, counts, n } = rangeBuckets(group);
  return attainmentOfPrepared(threshold, bounds, counts, n);
}
