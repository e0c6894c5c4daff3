// One histogram's row: its label (grouped mode), its tiles or the reason it has none, and its SLO.
// Split so that a resize only touches a plain <div> per row: geometry goes through inline style and a CSS
// variable, and the memoised content (MUI/emotion components, tooltips) re-renders only when data or options change.

import { memo, ReactElement } from 'react';
import { Box, Typography } from '@mui/material';
import { FormatOptions } from '@perses-dev/core';
import { useChartsTheme } from '@perses-dev/components';
import { LatencyQuadSpec } from './latency-quad-model';
import { QuadRow } from './quad-view-model';
import { QuadTile, VALUE_SIZE_VAR } from './QuadTile';
import { SloSummary } from './SloSummary';
import { thresholdColor } from './threshold-color';

export interface GroupRowProps extends RowContentProps {
  /** Fixed height in grouped mode; a single histogram fills the panel. */
  rowHeight?: number;
  fontSize: number;
}

export const GroupRow = memo(function GroupRow({ rowHeight, fontSize, ...content }: GroupRowProps): ReactElement {
  return (
    <div
      data-testid="quad-row"
      data-group={content.row.name}
      style={{
        [VALUE_SIZE_VAR as string]: `${fontSize}px`,
        display: 'flex',
        alignItems: 'stretch',
        gap: 8,
        minHeight: 0,
        flex: content.single ? 1 : 'none',
        height: rowHeight,
      }}
    >
      <RowContent {...content} />
    </div>
  );
});

interface RowContentProps {
  row: QuadRow;
  spec: LatencyQuadSpec;
  single: boolean;
  columns: number;
  tileRows: number;
  showSparkline: boolean;
}

const RowContent = memo(function RowContent({ row, spec, single, columns, tileRows, showSparkline }: RowContentProps): ReactElement {
  const chartsTheme = useChartsTheme();
  return (
    <>
      {!single && (
        <Typography variant="caption" noWrap title={row.name} sx={{ width: '22%', flexShrink: 0, alignSelf: 'center', px: 0.5 }}>
          {row.name || 'all series'}
        </Typography>
      )}
      {row.problem ? (
        <Typography data-testid="quad-row-problem" variant="body2" sx={{ color: 'warning.main', alignSelf: 'center', px: 0.5 }}>
          {row.problem}
        </Typography>
      ) : (
        <Box
          sx={{
            flex: 1,
            minWidth: 0,
            display: 'grid',
            gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${tileRows}, minmax(0, 1fr))`,
            gap: 0.5,
          }}
        >
          {row.tiles.map((tile) => (
            <QuadTile
              key={tile.label}
              tile={tile}
              format={spec.format as FormatOptions}
              color={thresholdColor(tile.value, tile.statistic.thresholds ?? spec.thresholds, chartsTheme.thresholds)}
              showSparkline={showSparkline}
              sparklineColor={chartsTheme.sparkline.color}
              sparklineWidth={chartsTheme.sparkline.width}
            />
          ))}
        </Box>
      )}
      {!single && row.slo && (
        <Box sx={{ flexShrink: 0, alignSelf: 'center', maxWidth: '30%', overflow: 'hidden' }}>
          <SloSummary slo={row.slo} format={spec.format} />
        </Box>
      )}
    </>
  );
});
