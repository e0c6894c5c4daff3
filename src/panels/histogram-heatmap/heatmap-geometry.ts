// Where a value sits among the bucket rows. Rows are stacked bottom-up, bucket i spanning (bound i−1, bound i];
// with equal-height rows, a value inside a bucket is placed linearly within its row — the same within-bucket
// assumption histogram_quantile interpolates with, so a quantile line crosses the row where Prometheus puts it.

/** Lower edge of row i: the previous bound, or 0 below a positive first bound (as histogram_quantile assumes). */
export function rowLowerEdge(bounds: ArrayLike<number>, i: number): number {
  if (i > 0) return bounds[i - 1];
  return bounds[0] > 0 ? 0 : bounds[0];
}

/**
 * Position of `value` on the equal-height axis: row i spans [i, i + 1]. Values above the highest finite bound
 * (a quantile ranked in +Inf is clamped to that bound by Prometheus) sit on top of the last finite row.
 * NaN for NaN.
 */
export function equalRowPosition(value: number, bounds: ArrayLike<number>): number {
  if (Number.isNaN(value)) return NaN;
  const n = bounds.length;
  for (let i = 0; i < n; i++) {
    const upper = bounds[i];
    if (value > upper) continue;
    const lower = rowLowerEdge(bounds, i);
    if (upper === Infinity) return i;
    if (!(upper > lower)) return i + 1;
    if (value <= lower) return i;
    return i + (value - lower) / (upper - lower);
  }
  return n;
}

/**
 * True-scale (linear axis) extent of row i. The +Inf row has no upper edge, so it is drawn as a band one
 * tenth of the finite span high above the highest finite bound, and labelled "> bound".
 */
export function linearRowExtent(bounds: ArrayLike<number>, i: number): [number, number] {
  const n = bounds.length;
  const lower = rowLowerEdge(bounds, i);
  if (bounds[i] !== Infinity) return [lower, bounds[i]];
  const top = bounds[n - 2];
  const span = top - rowLowerEdge(bounds, 0);
  return [top, top + (span > 0 ? span / 10 : 1)];
}
