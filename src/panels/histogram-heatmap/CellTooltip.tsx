// The hover box of one heatmap cell, placed beside the pointer inside the chart.
import { Paper, Typography } from '@mui/material';
import { ReactElement } from 'react';

import { HoverBox } from './use-cell-hover';

export function CellTooltip({ x, y, lines }: HoverBox): ReactElement {
  return (
    <Paper
      data-testid="heatmap-cell-tooltip"
      elevation={4}
      sx={{ position: 'absolute', left: x + 12, top: y + 12, px: 1, py: 0.5, pointerEvents: 'none', zIndex: 2 }}
    >
      {lines.map((line) => (
        <Typography key={line} variant="caption" component="div" noWrap>
          {line}
        </Typography>
      ))}
    </Paper>
  );
}
