// One statistic of one histogram: label, value coloured by thresholds, optional sparkline; the tooltip says
// exactly how the number was computed. The value is never cut: its size comes from the layout (which sized it
// from the widest value), and as a safety net the tile is a CSS size container, so the font also shrinks to the
// tile's real width should a browser font run wider than the estimate.

import { Box, Tooltip, Typography } from '@mui/material';
import { memo, ReactElement, useMemo } from 'react';

import { Sparkline } from '../../components/Sparkline';
import { TileValue } from './group-statistics';
import { CAPTION_PX, INLINE_GAP, StatLabelPlacement, VALUE_LINE_HEIGHT } from './quad-layout';
import { textWidthEm } from './text-width';

export const VALUE_SIZE_VAR = '--quad-value-size';
export const SPARKLINE_HEIGHT_VAR = '--quad-sparkline-height';

export interface QuadTileProps {
  tile: TileValue;
  /** The formatted value (or the reason there is none), see tile-text.ts. */
  text: string;
  color: string;
  statLabel: StatLabelPlacement;
  showSparkline: boolean;
  sparklineColor: string;
  sparklineWidth: number;
}

export const QuadTile = memo(function QuadTile(props: QuadTileProps): ReactElement {
  const { tile, text, color, statLabel, showSparkline, sparklineColor, sparklineWidth } = props;
  const hasValue = Number.isFinite(tile.value);
  const fontSize = useMemo(() => {
    // Set by the row (--quad-value-size) so a resize restyles tiles without re-rendering them.
    if (!hasValue) return `min(var(${VALUE_SIZE_VAR}), 13px)`;
    const beside = statLabel === 'inline' ? textWidthEm(tile.label) * CAPTION_PX + INLINE_GAP : 0;
    // 100cqw = the tile's content width: the value at this size is exactly as wide as the room it has.
    return `min(var(${VALUE_SIZE_VAR}), calc((100cqw - ${beside.toFixed(1)}px) / ${textWidthEm(text).toFixed(3)}))`;
  }, [hasValue, statLabel, tile.label, text]);
  const inline = statLabel === 'inline';
  return (
    <Tooltip title={tile.explanation} placement="top" arrow>
      <Box
        data-testid="quad-tile"
        data-statistic={tile.label}
        sx={{
          display: 'flex',
          flexDirection: 'column',
          // What value and sparkline leave of a large tile is shared above and below, not left as a gap at the end.
          justifyContent: 'center',
          minWidth: 0,
          minHeight: 0,
          overflow: 'hidden',
          px: 0.5,
          containerType: 'inline-size',
        }}
      >
        <Box
          sx={{
            display: 'flex',
            flexDirection: inline ? 'row' : 'column',
            alignItems: inline ? 'baseline' : 'flex-start',
            columnGap: `${INLINE_GAP}px`,
            minWidth: 0,
          }}
        >
          <Typography
            variant="caption"
            color="text.secondary"
            sx={{ flexShrink: 0, lineHeight: 1.2, whiteSpace: 'nowrap' }}
          >
            {tile.label}
          </Typography>
          <Typography
            data-testid="quad-tile-value"
            data-value={hasValue ? 'number' : 'reason'}
            sx={{
              fontSize,
              fontWeight: hasValue ? 600 : 400,
              lineHeight: VALUE_LINE_HEIGHT,
              color: hasValue ? color : 'text.secondary',
              // Numbers never wrap and never get an ellipsis; a reason ("no mean series") may wrap instead.
              whiteSpace: hasValue ? 'nowrap' : 'normal',
              minWidth: 0,
            }}
          >
            {text}
          </Typography>
        </Box>
        {showSparkline && tile.perStep && (
          <Box sx={{ flex: 'none', height: `var(${SPARKLINE_HEIGHT_VAR})`, minHeight: 0, pt: 0.5 }}>
            <Sparkline values={tile.perStep} color={sparklineColor} strokeWidth={sparklineWidth} />
          </Box>
        )}
      </Box>
    </Tooltip>
  );
});
