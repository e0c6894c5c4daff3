// Bucket series (one per `le`) → histogram groups on a common time axis. Bounds are parsed, sorted and merged
// once per group, so each step later only copies one row of counts (see histogram-series.ts).

import { LabelOrderColumns, labelOrderColumns } from './histogram-nan-le';
import { parsePromFloat } from './prom-float';
import { labelSet, labelValue, SeriesLike } from './series';

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
  /** Only when some `le` is "NaN" (undefined for every ordinary histogram): see histogram-nan-le.ts. */
  readonly byLabel?: LabelOrderColumns;
  /**
   * The whole-range figures, gathered in the one pass that reads the points (see `RangeScan`). Undefined when
   * they need the step matrix: members sharing a slot (their per-step sums come first) or an `le="NaN"` group.
   */
  readonly overRange?: RangeScan;
}

/**
 * Per slot: the sum of its samples over all steps, in time order — the same additions `rangeBuckets` makes over
 * the step matrix when each slot has one member — and whether it had any sample; plus whether any sample is
 * NaN/±Inf or negative. What a row needs for its headline without building its `steps × buckets` matrix.
 */
export interface RangeScan {
  readonly sums: Float64Array;
  readonly seen: Uint8Array;
  readonly nonFinite: boolean;
  readonly negative: boolean;
  /** The `+Inf` bucket at each step (NaN where it has no sample): the observation counts the mean weighs by. */
  readonly infPerStep: Float64Array;
  /** Every bucket has a sample at every step (`present` is all ones). */
  readonly complete: boolean;
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
    .map((name) => `${name}=${JSON.stringify(labelValue(labels, name))}`)
    .join(',');
}

/** Splits series into histograms (grouped by their labels minus `le`) and plain series. */
export function groupBucketSeries<S extends SeriesLike>(series: ReadonlyArray<S>): GroupedSeries<S> {
  const members = new Map<string, S[]>();
  const plain: S[] = [];
  for (const s of series) {
    if (labelValue(s.labels, 'le') === undefined) {
      plain.push(s);
      continue;
    }
    const key = groupKey(s.labels);
    const list = members.get(key);
    if (list) list.push(s);
    else members.set(key, [s]);
  }
  // A fleet's groups share one bucket layout: each distinct `le` is parsed once, each layout's slots worked out once.
  const layouts: LayoutCache = { bounds: new Map(), slots: new Map() };
  const groups = [...members.entries()].map(([key, list]) => buildGroup(key, list, layouts));
  return { groups, plain };
}

interface LayoutCache {
  /** `le` text → parsed bound (undefined: Prometheus would not parse it). */
  readonly bounds: Map<string, number | undefined>;
  /** The members' `le` texts in order → their slots. */
  readonly slots: Map<string, ReturnType<typeof slotsOfBounds>>;
}

function buildGroup(key: string, members: ReadonlyArray<SeriesLike>, cache: LayoutCache): HistogramGroup {
  const labels = labelSet(Object.entries(members[0].labels ?? {}).filter(([name]) => !DROPPED_LABELS.has(name)));

  const ignoredLe: string[] = [];
  const les = members.map((m) => labelValue(m.labels, 'le') ?? '');
  const memberBounds = les.map((le) => {
    if (!cache.bounds.has(le)) cache.bounds.set(le, parsePromFloat(le));
    const bound = cache.bounds.get(le);
    if (bound === undefined) ignoredLe.push(le);
    return bound;
  });
  // JSON of the list: no two different lists share a key, whatever characters the `le` values hold.
  const layoutKey = JSON.stringify(les);
  let slots = cache.slots.get(layoutKey);
  if (!slots) cache.slots.set(layoutKey, (slots = slotsOfBounds(memberBounds)));
  const { memberSlot, sharedSlot } = slots;
  // Each group owns its bounds array (callers may keep or hand it on).
  const bounds = slots.bounds.slice();
  const width = bounds.length;
  // Members almost always share one time axis, in time order: read the first member's, and check every point
  // against it while summing the whole range — one sequential pass over the points. The `steps × buckets`
  // matrix (per-step quantiles, sparklines) is then built only if something asks for it: a row off screen
  // never does. Any point off that axis (or out of order) falls back to the union of all members' timestamps.
  const axis = timestampsOf(members[0]);
  const scan = scanMembers(members, axis, bounds, memberSlot);
  const nanLe = memberBounds.some((b) => b !== undefined && Number.isNaN(b));
  if (scan && !nanLe) {
    let layout: Layout | undefined;
    const matrix = () => (layout ??= fillGroup(members, axis, width, memberSlot)!);
    return {
      key,
      labels,
      bounds,
      timestamps: axis,
      get counts() {
        return matrix().counts;
      },
      get present() {
        return matrix().present;
      },
      ignoredLe,
      overRange: sharedSlot ? undefined : scan,
    };
  }
  const layout =
    fillGroup(members, axis, width, memberSlot) ?? fillGroup(members, unionOfTimestamps(members), width, memberSlot)!;
  const group = { key, labels, bounds, ...layout, ignoredLe };
  const byLabel = labelOrderColumns(members, memberBounds, layout.timestamps);
  return byLabel ? { ...group, byLabel } : group;
}

/**
 * The whole-range scan of members whose points all lie on `timestamps`, each in strictly increasing time order;
 * undefined otherwise (the caller then lays the points out step by step).
 */
function scanMembers(
  members: ReadonlyArray<SeriesLike>,
  timestamps: Float64Array,
  bounds: Float64Array,
  memberSlot: ReadonlyArray<number | undefined>,
): RangeScan | undefined {
  const steps = timestamps.length;
  const width = bounds.length;
  const sums = new Float64Array(width);
  const seen = new Uint8Array(width);
  const infPerStep = new Float64Array(steps).fill(NaN);
  let nonFinite = false;
  let negative = false;
  let complete = true;
  for (let i = 0; i < members.length; i++) {
    const slot = memberSlot[i] ?? -1;
    const inf = slot >= 0 && bounds[slot] === Infinity;
    const values = members[i].values;
    let previous = -1;
    let sum = 0;
    let any = false;
    let sampled = 0;
    for (let j = 0; j < values.length; j++) {
      const point = values[j];
      const step = stepOf(timestamps, point[0], previous + 1);
      if (step <= previous) return undefined; // not a step (-1), or out of time order
      previous = step;
      const v = point[1];
      if (v === null || slot < 0) continue;
      if (inf) infPerStep[step] = 0 + v; // as the matrix holds it (0 + -0 is 0)
      sum += v;
      any = true;
      sampled++;
      if (!Number.isFinite(v)) nonFinite = true;
      if (v < 0) negative = true;
    }
    if (slot >= 0 && sampled !== steps) complete = false;
    // A member with an unparseable `le` adds no bucket (its points only had to be on the axis).
    if (!any) continue;
    sums[slot] += sum;
    seen[slot] = 1;
  }
  return { sums, seen, nonFinite, negative, infPerStep, complete };
}

/**
 * The group's slots: distinct numeric bounds ascending, then one slot per NaN-bound member (NaN never merges),
 * and the slot of each member (undefined for an unparseable `le`).
 */
function slotsOfBounds(memberBounds: ReadonlyArray<number | undefined>): {
  bounds: Float64Array;
  memberSlot: Array<number | undefined>;
  /** Two members share a slot (equal bounds, e.g. "1" and "1.0"). */
  sharedSlot: boolean;
} {
  const numeric = memberBounds.filter((b): b is number => b !== undefined && !Number.isNaN(b));
  const distinct = Float64Array.from(new Set(numeric)).sort();
  const slotOfBound = new Map<number, number>();
  distinct.forEach((b, i) => slotOfBound.set(b, i));
  let nanSlots = 0;
  const memberSlot = memberBounds.map((b) =>
    b === undefined ? undefined : Number.isNaN(b) ? distinct.length + nanSlots++ : slotOfBound.get(b),
  );
  const bounds = new Float64Array(distinct.length + nanSlots).fill(NaN);
  bounds.set(distinct);
  return { bounds, memberSlot, sharedSlot: distinct.length < numeric.length };
}

interface Layout {
  timestamps: Float64Array;
  counts: Float64Array;
  present: Uint8Array;
}

/**
 * Spreads the members' points over `timestamps`, adding members that share a slot. Undefined when a point's
 * timestamp is not in `timestamps`.
 */
function fillGroup(
  members: ReadonlyArray<SeriesLike>,
  timestamps: Float64Array,
  width: number,
  memberSlot: ReadonlyArray<number | undefined>,
): Layout | undefined {
  const steps = timestamps.length;
  const counts = new Float64Array(steps * width);
  const present = new Uint8Array(steps * width);
  for (let i = 0; i < members.length; i++) {
    // A member with an unparseable `le` adds no bucket, but its timestamps are steps all the same (NaN there).
    const slot = memberSlot[i] ?? -1;
    const values = members[i].values;
    let hint = 0; // points come in time order (as Prometheus returns them); else a binary search
    for (let j = 0; j < values.length; j++) {
      const point = values[j];
      const step = stepOf(timestamps, point[0], hint);
      if (step < 0) return undefined;
      hint = step + 1;
      const v = point[1];
      if (v === null || slot < 0) continue;
      const cell = step * width + slot;
      counts[cell] += v;
      present[cell] = 1;
    }
  }
  return { timestamps, counts, present };
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

/**
 * The step of timestamp `t`, or -1 when `t` is not one of `timestamps`. Tries `hint` first: points come in time
 * order (as Prometheus returns them), so the next point is almost always on the next step; else a binary search.
 */
function stepOf(timestamps: Float64Array, t: number, hint: number): number {
  if (hint < timestamps.length && timestamps[hint] === t) return hint;
  const step = lowerBound(timestamps, t);
  return step < timestamps.length && timestamps[step] === t ? step : -1;
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
