// The over-time row: each enabled line with its caption, sharing the width equally. Running sits next to
// waiting, so the two halves of the queue (the seed's "Running/Waiting Over Time") read together.
import { Box, Typography } from '@mui/material';
import { Fragment, ReactElement } from 'react';

import { Point } from './series-reduce';
import { Sparkline } from './Sparkline';

export interface TrendLine {
  /** Short caption before the line. */
  caption: string;
  /** Accessible name of the line. */
  label: string;
  points: readonly Point[];
  color: string;
  yMax?: number;
  format: (value: number) => string;
}

export function SparklineRow({
  lines,
  height,
  baselineColor,
}: {
  lines: readonly TrendLine[];
  height: number;
  baselineColor: string;
}): ReactElement | null {
  if (lines.length === 0) return null;
  // A grid rather than flex: every line gets the same width, however long its caption.
  const columns = lines.map(() => 'max-content minmax(0, 1fr)').join(' ');
  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: columns, alignItems: 'center', columnGap: 0.5, minWidth: 0 }}
      data-testid="kv-queue-sparklines"
    >
      {lines.map((line, i) => (
        <Fragment key={line.caption}>
          <Typography variant="caption" color="text.secondary" noWrap sx={{ lineHeight: 1, pl: i === 0 ? 0 : 1 }}>
            {line.caption}
          </Typography>
          <Box sx={{ minWidth: 0 }}>
            <Sparkline
              points={line.points}
              height={height}
              color={line.color}
              baselineColor={baselineColor}
              yMax={line.yMax}
              label={line.label}
              format={line.format}
            />
          </Box>
        </Fragment>
      ))}
    </Box>
  );
}
