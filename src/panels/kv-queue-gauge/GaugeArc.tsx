// The KV-usage gauge: a half-circle arc in plain SVG (no canvas, so it renders the same in jsdom,
// print and screenshots), with the threshold bands drawn as a thin outer ring.
import { ReactElement } from 'react';

import { KvStep, KvThresholds } from './kv-thresholds';

export interface GaugeArcProps {
  /** Fraction 0–1; null or NaN draws the empty track only. */
  fraction: number | null;
  size: number;
  valueColor: string;
  trackColor: string;
  thresholds: KvThresholds;
  /** Colour of a threshold band (the step's own, else the palette's; see kv-colors.ts). */
  colorOfStep: (step: KvStep) => string;
  defaultColor: string;
  label: string;
}

const START = Math.PI; // left end of the half circle
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

function arcPath(cx: number, cy: number, r: number, from: number, to: number): string {
  const a0 = START - Math.PI * clamp01(from);
  const a1 = START - Math.PI * clamp01(to);
  const x0 = cx + r * Math.cos(a0);
  const y0 = cy - r * Math.sin(a0);
  const x1 = cx + r * Math.cos(a1);
  const y1 = cy - r * Math.sin(a1);
  return `M ${x0.toFixed(2)} ${y0.toFixed(2)} A ${r} ${r} 0 0 1 ${x1.toFixed(2)} ${y1.toFixed(2)}`;
}

export function GaugeArc({
  fraction,
  size,
  valueColor,
  trackColor,
  thresholds,
  colorOfStep,
  defaultColor,
  label,
}: GaugeArcProps): ReactElement {
  const width = size;
  const height = size / 2 + 6;
  const cx = width / 2;
  const cy = size / 2;
  const stroke = Math.max(6, size * 0.12);
  const r = size / 2 - stroke / 2 - 5;
  const bandR = size / 2 - 2;
  const bands: Array<{ from: number; to: number; color: string }> = [];
  const edges = [0, ...thresholds.steps.map((s) => clamp01(s.fraction)), 1];
  for (let i = 0; i < edges.length - 1; i++) {
    const color = i === 0 ? defaultColor : colorOfStep(thresholds.steps[i - 1]);
    if (edges[i + 1] > edges[i]) bands.push({ from: edges[i], to: edges[i + 1], color });
  }
  const hasValue = fraction !== null && !Number.isNaN(fraction);
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {bands.map((b, i) => (
        <path
          key={i}
          d={arcPath(cx, cy, bandR, b.from, b.to)}
          stroke={b.color}
          strokeWidth={3}
          fill="none"
          data-testid="kv-threshold-band"
        />
      ))}
      <path d={arcPath(cx, cy, r, 0, 1)} stroke={trackColor} strokeWidth={stroke} fill="none" />
      {hasValue && fraction > 0 && (
        <path
          d={arcPath(cx, cy, r, 0, fraction)}
          stroke={valueColor}
          strokeWidth={stroke}
          fill="none"
          data-testid="kv-value-arc"
        />
      )}
    </svg>
  );
}
