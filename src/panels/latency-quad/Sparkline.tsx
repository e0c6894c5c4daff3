// A plain-SVG sparkline: one <path> per tile. Twenty groups × four tiles would otherwise mean eighty ECharts
// canvases on one panel; SVG keeps re-renders cheap and follows the theme through currentColor.

import { memo, ReactElement, useMemo } from 'react';

import { sparklinePath } from './sparkline-path';

const VIEW_WIDTH = 200;
const VIEW_HEIGHT = 40;

export interface SparklineProps {
  values: Float64Array;
  color: string;
  strokeWidth: number;
}

export const Sparkline = memo(function Sparkline({ values, color, strokeWidth }: SparklineProps): ReactElement | null {
  const d = useMemo(() => sparklinePath(values, VIEW_WIDTH, VIEW_HEIGHT), [values]);
  if (d === '') return null;
  return (
    <svg
      viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`}
      preserveAspectRatio="none"
      width="100%"
      height="100%"
      role="img"
      aria-label="sparkline"
      style={{ display: 'block', overflow: 'visible' }}
    >
      <path d={d} fill="none" stroke={color} strokeWidth={strokeWidth} vectorEffect="non-scaling-stroke" />
    </svg>
  );
});
