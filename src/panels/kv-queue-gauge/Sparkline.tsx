// A tiny over-time line in SVG; gaps (NaN) break the line instead of being drawn as zero. It stretches to
// the width its container gives it, so several lines can share a row whatever their labels' widths.
import { ReactElement } from 'react';

import { Point } from './series-reduce';

export interface SparklineProps {
  points: readonly Point[];
  height: number;
  color: string;
  /** The zero line: without an axis it shows whether a flat line sits at zero or near the top. */
  baselineColor: string;
  /** Fixed top of the y axis (1 for KV fractions); by default the highest point. */
  yMax?: number;
  /** Accessible name, and with the range of the values the hover tooltip (a sparkline has no axis). */
  label: string;
  format: (value: number) => string;
}

/** x runs over a fixed 0–100 view box, scaled to the rendered width; the stroke is not scaled. */
const VIEW_WIDTH = 100;

export function Sparkline({
  points,
  height,
  color,
  baselineColor,
  yMax,
  label,
  format,
}: SparklineProps): ReactElement | null {
  if (points.length < 2) return null;
  const t0 = points[0][0];
  const t1 = points[points.length - 1][0];
  const finite = points.map((p) => p[1]).filter((v) => Number.isFinite(v));
  const top = yMax ?? Math.max(1, ...finite);
  const x = (t: number) => (t1 === t0 ? 0 : ((t - t0) / (t1 - t0)) * VIEW_WIDTH);
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
  const range = finite.length > 0 ? `, ${format(Math.min(...finite))} to ${format(Math.max(...finite))}` : '';
  return (
    <svg
      width="100%"
      height={height}
      viewBox={`0 0 ${VIEW_WIDTH} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
      style={{ display: 'block' }}
    >
      <title>{`${label}${range}`}</title>
      <line
        x1={0}
        x2={VIEW_WIDTH}
        y1={height - 0.5}
        y2={height - 0.5}
        stroke={baselineColor}
        strokeWidth={1}
        vectorEffect="non-scaling-stroke"
      />
      <path d={d.trim()} stroke={color} strokeWidth={1.5} fill="none" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
