// Values over time → an SVG path for a sparkline. 1,440 steps on a ~150 px tile would be ten points per pixel,
// so each column keeps only its min and max points, in time order (the visual shape is unchanged). Views pass
// the drawn width in pixels as `columns`, so a line holds no more points than it has pixels to show them.

export interface SparklineScale {
  /** x of each value: its timestamp (ms), so uneven gaps show; without it values are evenly spaced by index. */
  readonly times?: ArrayLike<number>;
  /**
   * y range: fixed (values beyond `max` are drawn at `max`, e.g. 0–1 for a KV fraction), or `data` = the
   * values' own min–max, a flat series then drawn at mid-height.
   */
  readonly yRange?: 'data' | { readonly min: number; readonly max: number };
  /** Pixels kept free above and below the line. */
  readonly padding?: number;
  /** At most this many columns of (min, max) points: the drawn width in pixels (default 120). */
  readonly columns?: number;
}

/** Path in a `width × height` box; non-finite values break the line. Empty string when nothing is finite. */
export function sparklinePath(
  values: ArrayLike<number>,
  width: number,
  height: number,
  { times, yRange = 'data', padding = 0, columns = 120 }: SparklineScale = {},
): string {
  const extent = finiteExtent(values);
  if (!extent) return '';
  const [low, high] = yRange === 'data' ? extent : [yRange.min, yRange.max];
  // A flat series (e.g. a quantile clamped at the top bound all range long) is drawn mid-height.
  const flat = yRange === 'data' && high === low;
  const span = high - low || 1;
  const last = Math.max(values.length - 1, 1);
  const t0 = times ? times[0] : 0;
  const tSpan = times ? times[times.length - 1] - t0 : 0;
  const x = (i: number) => (times ? (tSpan === 0 ? 0 : ((times[i] - t0) / tSpan) * width) : (i / last) * width);
  const y = (v: number) =>
    flat ? height / 2 : height - padding - ((Math.min(v, high) - low) / span) * (height - 2 * padding);
  const parts: string[] = [];
  let penDown = false;
  let next = 0;
  for (const i of minMaxIndices(values, columns)) {
    // A non-finite value between two kept points breaks the line.
    for (; next < i; next++) if (!Number.isFinite(values[next])) penDown = false;
    next = i + 1;
    parts.push(`${penDown ? 'L' : 'M'}${x(i).toFixed(1)} ${y(values[i]).toFixed(1)}`);
    penDown = true;
  }
  return parts.join('');
}

/**
 * Down-sampling that keeps every extreme visible: the values are cut into at most `columns` runs of consecutive
 * indices (one per pixel column when `columns` is the drawn width), and each run keeps the index of its lowest
 * and of its highest finite value, in index order. Non-finite values are never kept.
 */
export function minMaxIndices(values: ArrayLike<number>, columns: number): number[] {
  const per = Math.max(1, Math.ceil(values.length / Math.max(1, Math.floor(columns))));
  const kept: number[] = [];
  for (let start = 0; start < values.length; start += per) {
    const end = Math.min(start + per, values.length);
    let lo = -1;
    let hi = -1;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (lo < 0 || v < values[lo]) lo = i;
      if (hi < 0 || v > values[hi]) hi = i;
    }
    if (lo < 0) continue;
    // Extremes in time order, so the line does not fold back.
    if (lo === hi) kept.push(lo);
    else if (lo < hi) kept.push(lo, hi);
    else kept.push(hi, lo);
  }
  return kept;
}

/** [min, max] of the finite values, or undefined when there is none. */
export function finiteExtent(values: ArrayLike<number>): [number, number] | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min === Infinity ? undefined : [min, max];
}
