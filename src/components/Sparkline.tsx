// The one sparkline both panels draw: a plain-SVG <path> (twenty groups × four tiles would otherwise mean eighty
// ECharts canvases on one panel). It stretches to the width its container gives it; the stroke is not scaled.
// Gaps (non-finite values) break the line instead of being drawn as zero.

import { memo, ReactElement, useMemo } from 'react';

import { sparklinePath, SparklineScale } from '../shared/sparkline-path';

/** x runs over a fixed view box, scaled to the rendered width. */
const VIEW_WIDTH = 100;
/** View-box height when the line fills its container's height. */
const FILL_VIEW_HEIGHT = 40;

export interface SparklineProps extends SparklineScale {
  values: ArrayLike<number>;
  color: string;
  strokeWidth: number;
  /** Height in px; without it the line fills its container's height. */
  height?: number;
  /** Accessible name. */
  label?: string;
  /** Hover text (a sparkline has no axis), e.g. the name with the range of the values. */
  title?: string;
  /** A zero line at the bottom: without an axis it shows whether a flat line sits at zero or near the top. */
  baselineColor?: string;
}

export const Sparkline = memo(function Sparkline(props: SparklineProps): ReactElement | null {
  const { values, times, yRange, padding, columns, color, strokeWidth, height, label, title, baselineColor } = props;
  const viewHeight = height ?? FILL_VIEW_HEIGHT;
  const d = useMemo(
    () => sparklinePath(values, VIEW_WIDTH, viewHeight, { times, yRange, padding, columns }),
    [values, times, yRange, padding, columns, viewHeight],
  );
  if (d === '') return null;
  return (
    <svg
      viewBox={`0 0 ${VIEW_WIDTH} ${viewHeight}`}
      preserveAspectRatio="none"
      width="100%"
      height={height ?? '100%'}
      role="img"
      aria-label={label ?? 'sparkline'}
      style={{ display: 'block', overflow: 'visible' }}
    >
      {title !== undefined && <title>{title}</title>}
      {baselineColor !== undefined && (
        <line
          x1={0}
          x2={VIEW_WIDTH}
          y1={viewHeight - 0.5}
          y2={viewHeight - 0.5}
          stroke={baselineColor}
          strokeWidth={1}
          vectorEffect="non-scaling-stroke"
        />
      )}
      <path d={d} fill="none" stroke={color} strokeWidth={strokeWidth} vectorEffect="non-scaling-stroke" />
    </svg>
  );
});
