// The over-time row: each enabled line with its caption, sharing the width equally. Running sits next to
// waiting, so the two halves of the queue (the seed's "Running/Waiting Over Time") read together.
import { Box, Typography } from '@mui/material';
import { Fragment, ReactElement, useMemo } from 'react';

import { Sparkline } from '../../components/Sparkline';
import { finiteExtent } from '../../shared/sparkline-path';
import { Point } from './series-reduce';

export interface TrendLine {
  /** Short caption before the line. */
  caption: string;
  /** Accessible name of the line. */
  label: string;
  points: readonly Point[];
  color: string;
  yMax?: number;
  format: (value: number) => string;
  /** Pixel columns the line gets (it keeps the min and max of each); unset = the Sparkline default. */
  columns?: number;
}

export function SparklineRow({
  lines,
  height,
  baselineColor,
  stacked = false,
}: {
  lines: readonly TrendLine[];
  height: number;
  baselineColor: string;
  /** One line per row, each across the panel's width (a tall, narrow panel). */
  stacked?: boolean;
}): ReactElement | null {
  if (lines.length === 0) return null;
  // A grid rather than flex: every line gets the same width, however long its caption.
  const columns = stacked ? 'max-content minmax(0, 1fr)' : lines.map(() => 'max-content minmax(0, 1fr)').join(' ');
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: columns,
        alignItems: 'center',
        columnGap: 0.5,
        rowGap: 0.5,
        minWidth: 0,
      }}
      data-testid="kv-queue-sparklines"
    >
      {lines.map((line, i) => (
        <Fragment key={line.caption}>
          <Typography
            variant="caption"
            color="text.secondary"
            noWrap
            sx={{ lineHeight: 1, pl: i === 0 || stacked ? 0 : 1 }}
          >
            {line.caption}
          </Typography>
          <Box sx={{ minWidth: 0 }}>
            <TrendSparkline line={line} height={height} baselineColor={baselineColor} />
          </Box>
        </Fragment>
      ))}
    </Box>
  );
}

/** One trend on its time axis, 0 to `yMax` (or the highest point, at least 1); the hover text gives the range. */
function TrendSparkline({
  line,
  height,
  baselineColor,
}: {
  line: TrendLine;
  height: number;
  baselineColor: string;
}): ReactElement {
  const { times, values } = useMemo(
    () => ({ times: Float64Array.from(line.points, (p) => p[0]), values: Float64Array.from(line.points, (p) => p[1]) }),
    [line.points],
  );
  const extent = useMemo(() => finiteExtent(values), [values]);
  const yMax = line.yMax ?? Math.max(1, extent?.[1] ?? 1);
  // A stable range object, so that a re-render with the same data reuses the memoised path.
  const yRange = useMemo(() => ({ min: 0, max: yMax }), [yMax]);
  const range = extent ? `, ${line.format(extent[0])} to ${line.format(extent[1])}` : '';
  return (
    <Sparkline
      values={values}
      times={times}
      yRange={yRange}
      columns={line.columns}
      padding={1}
      height={height}
      color={line.color}
      strokeWidth={1.5}
      baselineColor={baselineColor}
      label={line.label}
      title={`${line.label}${range}`}
    />
  );
}
