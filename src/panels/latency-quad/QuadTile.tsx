// One statistic of one histogram: label, value coloured by thresholds, optional sparkline; the tooltip says
// exactly how the number was computed.

import { memo, ReactElement } from 'react';
import { Box, Tooltip, Typography } from '@mui/material';
import { formatValue, FormatOptions } from '@perses-dev/core';
import { Sparkline } from './Sparkline';
import { TileValue } from './group-statistics';

export interface QuadTileProps {
  tile: TileValue;
  format: FormatOptions;
  color: string;
  fontSize: number;
  showSparkline: boolean;
  sparklineColor: string;
  sparklineWidth: number;
}

export const QuadTile = memo(function QuadTile(props: QuadTileProps): ReactElement {
  const { tile, format, color, fontSize, showSparkline, sparklineColor, sparklineWidth } = props;
  const hasValue = Number.isFinite(tile.value);
  // "≥" because a quantile ranked in +Inf is only known to be at least the highest finite bound.
  const text = hasValue ? `${tile.clamped ? '≥ ' : ''}${formatValue(tile.value, format)}` : tile.reason ?? 'no value';
  return (
    <Tooltip title={tile.explanation} placement="top" arrow>
      <Box
        data-testid="quad-tile"
        data-statistic={tile.label}
        sx={{ display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, overflow: 'hidden', px: 0.5 }}
      >
        <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 0.75, minWidth: 0 }}>
          <Typography variant="caption" color="text.secondary" noWrap sx={{ flexShrink: 0, lineHeight: 1.2 }}>
            {tile.label}
          </Typography>
          <Typography
            data-testid="quad-tile-value"
            noWrap
            sx={{
              fontSize: hasValue ? fontSize : Math.min(fontSize, 13),
              fontWeight: hasValue ? 600 : 400,
              lineHeight: 1.15,
              color: hasValue ? color : 'text.secondary',
            }}
          >
            {text}
          </Typography>
        </Box>
        {showSparkline && tile.perStep && (
          <Box sx={{ flex: 1, minHeight: 0, pt: 0.5 }}>
            <Sparkline values={tile.perStep} color={sparklineColor} strokeWidth={sparklineWidth} />
          </Box>
        )}
      </Box>
    </Tooltip>
  );
});
