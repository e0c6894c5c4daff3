// One statistic of one histogram: label, value coloured by thresholds, optional sparkline; the tooltip says
// exactly how the number was computed.

import { memo, ReactElement, useMemo } from 'react';
import { Box, Tooltip, Typography } from '@mui/material';
import { formatValue, FormatOptions } from '@perses-dev/core';
import { Sparkline } from './Sparkline';
import { TileValue } from './group-statistics';

export const VALUE_SIZE_VAR = '--quad-value-size';

export interface QuadTileProps {
  tile: TileValue;
  format: FormatOptions;
  color: string;
  showSparkline: boolean;
  sparklineColor: string;
  sparklineWidth: number;
}

export const QuadTile = memo(function QuadTile(props: QuadTileProps): ReactElement {
  const { tile, format, color, showSparkline, sparklineColor, sparklineWidth } = props;
  const hasValue = Number.isFinite(tile.value);
  // formatValue builds number formatters on each call; a tile only re-formats when its value or unit changes.
  // "≥" because a quantile ranked in +Inf is only known to be at least the highest finite bound.
  const text = useMemo(
    () => (hasValue ? `${tile.clamped ? '≥ ' : ''}${formatValue(tile.value, format)}` : tile.reason ?? 'no value'),
    [hasValue, tile, format],
  );
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
              // Set by the row (--quad-value-size) so a resize restyles tiles without re-rendering them.
              fontSize: hasValue ? `var(${VALUE_SIZE_VAR})` : `min(var(${VALUE_SIZE_VAR}), 13px)`,
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
