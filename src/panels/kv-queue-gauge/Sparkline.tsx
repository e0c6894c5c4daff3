// A tiny over-time line in SVG; gaps (NaN) break the line instead of being drawn as zero.
import { ReactElement } from 'react';
import { Point } from './series-reduce';

export interface SparklineProps {
  points: readonly Point[];
  width: number;
  height: number;
  color: string;
  /** Fixed top of the y axis (1 for KV fractions); by default the highest point. */
  yMax?: number;
  label: string;
}

export function Sparkline({ points, width, height, color, yMax, label }: SparklineProps): ReactElement | null {
  if (points.length < 2 || width <= 0) return null;
  const t0 = points[0][0];
  const t1 = points[points.length - 1][0];
  const finite = points.map((p) => p[1]).filter((v) => Number.isFinite(v));
  const top = yMax ?? Math.max(1, ...finite);
  const x = (t: number) => (t1 === t0 ? 0 : ((t - t0) / (t1 - t0)) * width);
  const y = (v: number) => height - 1 - (Math.min(v, top) / top) * (height - 2);
  let d = '';
  let penDown = false;
  for (const [t, v] of points) {
    if (!Number.isFinite(v)) {
      penDown = false;
      continue;
    }
    d += `${penDown ? 'L' : 'M'} ${x(t).toFixed(1)} ${y(v).toFixed(1)} `;
    penDown = true;
  }
  return (
    <svg width={width} height={height} role="img" aria-label={label}>
      <path d={d.trim()} stroke={color} strokeWidth={1.5} fill="none" />
    </svg>
  );
}
