// Values over time → an SVG path for a sparkline. 1,440 steps on a ~150 px tile would be ten points per pixel,
// so each column keeps only its min and max points, in time order (the visual shape is unchanged).

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
  /** At most this many columns of (min, max) points. */
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
  const per = Math.max(1, Math.ceil(values.length / columns));
  const parts: string[] = [];
  let penDown = false;
  for (let start = 0; start < values.length; start += per) {
    const end = Math.min(start + per, values.length);
    let lo = -1;
    let hi = -1;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) {
        penDown = false;
        continue;
      }
      if (lo < 0 || v < values[lo]) lo = i;
      if (hi < 0 || v > values[hi]) hi = i;
    }
    if (lo < 0) continue;
    // Keep the extremes in time order so the line does not fold back.
    for (const i of lo === hi ? [lo] : lo < hi ? [lo, hi] : [hi, lo]) {
      parts.push(`${penDown ? 'L' : 'M'}${x(i).toFixed(1)} ${y(values[i]).toFixed(1)}`);
      penDown = true;
    }
  }
  return parts.join('');
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
