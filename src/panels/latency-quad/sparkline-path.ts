// Per-step values → an SVG path for a sparkline. 1,440 steps on a ~150 px tile would be ten points per pixel,
// so each pixel column keeps only its first, min and max and last points (the visual shape is unchanged).

/** Path in a `width × height` box; NaN steps break the line. Empty string when nothing is finite. */
export function sparklinePath(values: ArrayLike<number>, width: number, height: number, columns = 120): string {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return '';
  // A flat series (e.g. a quantile clamped at the top bound all range long) is drawn mid-height.
  const flat = max === min;
  const span = max - min || 1;
  const last = Math.max(values.length - 1, 1);
  const x = (i: number) => ((i / last) * width).toFixed(1);
  const y = (v: number) => (flat ? height / 2 : height - ((v - min) / span) * height).toFixed(1);
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
      parts.push(`${penDown ? 'L' : 'M'}${x(i)} ${y(values[i])}`);
      penDown = true;
    }
  }
  return parts.join('');
}
