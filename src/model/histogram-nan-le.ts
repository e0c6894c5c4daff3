// The rare `le="NaN"` path. No client library emits it, but Prometheus keeps such a bucket, and where its
// sort then puts the NaN bound depends on the order the series reached histogram_quantile (by `le` label).
// So a group with a NaN bound also keeps its member series unmerged, in that order, and its per-step and
// whole-range histograms are sorted and merged from those columns exactly as Prometheus does. Ordinary
// groups never come here (see histogram-group.ts).

import { coalesce, sortBuckets } from './bucket-quantile';
import { labelValue, SeriesLike } from './series';

/** The member series of a group with a NaN bound, one column each, in Prometheus's input order. */
export interface LabelOrderColumns {
  readonly bounds: Float64Array;
  /** Row-major `steps × bounds.length`, like `HistogramGroup.counts`. */
  readonly counts: Float64Array;
  readonly present: Uint8Array;
}

/**
 * Columns for the members whose `le` parsed, ordered by `le` label; undefined when no bound is NaN (the
 * ordinary case). `memberBounds[i]` is member i's parsed bound (undefined = unparseable).
 */
export function labelOrderColumns(
  members: ReadonlyArray<SeriesLike>,
  memberBounds: ReadonlyArray<number | undefined>,
  timestamps: Float64Array,
): LabelOrderColumns | undefined {
  if (!memberBounds.some((b) => b !== undefined && Number.isNaN(b))) return undefined;
  const ordered = memberBounds
    .map((bound, i) => ({ bound, i, le: labelValue(members[i].labels, 'le') ?? '' }))
    .filter((m): m is { bound: number; i: number; le: string } => m.bound !== undefined)
    .sort((x, y) => (x.le < y.le ? -1 : x.le > y.le ? 1 : 0));
  const columns = ordered.length;
  const steps = timestamps.length;
  const stepOf = new Map<number, number>();
  timestamps.forEach((t, step) => stepOf.set(t, step));
  const counts = new Float64Array(steps * columns);
  const present = new Uint8Array(steps * columns);
  ordered.forEach(({ i }, column) => {
    for (const [t, v] of members[i].values) {
      const step = stepOf.get(t);
      if (v === null || step === undefined) continue;
      counts[step * columns + column] = v;
      present[step * columns + column] = 1;
    }
  });
  return { bounds: Float64Array.from(ordered, (m) => m.bound), counts, present };
}

/** The buckets present at `step`, sorted and merged as Prometheus would; returns how many. */
export function labelOrderAtStep(
  columns: LabelOrderColumns,
  step: number,
  scratchBounds: Float64Array,
  scratchCounts: Float64Array,
): number {
  const width = columns.bounds.length;
  const base = step * width;
  let n = 0;
  for (let column = 0; column < width; column++) {
    if (columns.present[base + column] === 0) continue;
    scratchBounds[n] = columns.bounds[column];
    scratchCounts[n] = columns.counts[base + column];
    n++;
  }
  sortBuckets(scratchBounds, scratchCounts, n);
  return coalesce(scratchBounds, scratchCounts, n);
}

/** Each column summed over the steps where it has a sample, then sorted and merged as Prometheus would. */
export function labelOrderOverRange(
  columns: LabelOrderColumns,
  steps: number,
): { bounds: Float64Array; counts: Float64Array; n: number } {
  const width = columns.bounds.length;
  const bounds = new Float64Array(width);
  const counts = new Float64Array(width);
  let n = 0;
  for (let column = 0; column < width; column++) {
    let sum = 0;
    let seen = false;
    for (let step = 0, cell = column; step < steps; step++, cell += width) {
      if (columns.present[cell] === 0) continue;
      sum += columns.counts[cell];
      seen = true;
    }
    if (!seen) continue;
    bounds[n] = columns.bounds[column];
    counts[n] = sum;
    n++;
  }
  sortBuckets(bounds, counts, n);
  return { bounds, counts, n: coalesce(bounds, counts, n) };
}
