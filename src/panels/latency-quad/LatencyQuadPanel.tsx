// The VllmLatencyQuad panel: query results → view model (memoised per data/spec change) → tiles.

import { memo, ReactElement, useMemo } from 'react';
import { Box, Tooltip, Typography } from '@mui/material';
import { FormatOptions, TimeSeriesData } from '@perses-dev/core';
import { useChartsTheme } from '@perses-dev/components';
import { PanelProps } from '@perses-dev/plugin-system';
import { LatencyQuadSpec, resolveSpec, ValueOverRange } from './latency-quad-model';
import { buildQuadViewModel, QuadRow } from './quad-view-model';
import { FOOTER_HEIGHT, quadLayout, QuadLayout } from './quad-layout';
import { QuadTile } from './QuadTile';
import { SloSummary } from './SloSummary';
import { thresholdColor } from './threshold-color';

const RANGE_CAPTION: Record<ValueOverRange, string> = {
  range: 'over the whole range',
  last: 'at the last step',
  'mean-of-steps': 'mean of steps',
};

// Perses passes contentDimensions once the panel is measured; before that, lay out for a typical 6×8 panel.
const FALLBACK_SIZE = { width: 480, height: 180 };

export type LatencyQuadPanelProps = PanelProps<LatencyQuadSpec, TimeSeriesData>;

export function LatencyQuadPanel(props: LatencyQuadPanelProps): ReactElement {
  const spec = useMemo(() => resolveSpec(props.spec), [props.spec]);
  const model = useMemo(() => buildQuadViewModel(props.queryResults, spec), [props.queryResults, spec]);
  const { width, height } = props.contentDimensions ?? FALLBACK_SIZE;

  if (model.state !== 'rows') {
    return (
      <Box role="status" data-state={model.state} sx={{ p: 1, height, width, overflow: 'auto' }}>
        <Typography variant="body2" color={model.state === 'no-data' ? 'text.secondary' : 'warning.main'}>
          {model.message}
        </Typography>
      </Box>
    );
  }

  const tileCount = spec.statistics.length;
  const layout = quadLayout(width, height, tileCount, model.rows.length, spec.groups?.maxRows);
  const single = model.rows.length === 1;
  const visible = model.rows.slice(0, layout.visibleGroups);
  const hidden = model.rows.length - visible.length;
  return (
    <Box data-state="rows" sx={{ display: 'flex', flexDirection: 'column', width, height, overflow: 'hidden' }}>
      <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        {visible.map((row) => (
          <GroupRow key={row.key} row={row} spec={spec} layout={layout} single={single} />
        ))}
        {hidden > 0 && (
          <Typography data-testid="quad-more" variant="caption" color="text.secondary" sx={{ px: 0.5 }}>
            +{hidden} more
          </Typography>
        )}
      </Box>
      <Box sx={{ height: FOOTER_HEIGHT, display: 'flex', alignItems: 'center', gap: 1.5, px: 0.5, overflow: 'hidden' }}>
        <Typography data-testid="quad-range-mode" variant="caption" color="text.secondary" noWrap>
          {RANGE_CAPTION[spec.valueOverRange]}
        </Typography>
        {single && visible[0]?.slo && <SloSummary slo={visible[0].slo} format={spec.format} />}
        {model.warnings.length > 0 && (
          <Tooltip title={model.warnings.join(' ')}>
            <Typography data-testid="quad-warnings" variant="caption" sx={{ color: 'warning.main' }} noWrap>
              ⚠ {model.warnings.length === 1 ? model.warnings[0] : `${model.warnings.length} notes`}
            </Typography>
          </Tooltip>
        )}
      </Box>
    </Box>
  );
}

interface GroupRowProps {
  row: QuadRow;
  spec: LatencyQuadSpec;
  layout: QuadLayout;
  single: boolean;
}

// Memoised: a re-render with the same data (resize of another panel, hover elsewhere) redraws nothing here.
const GroupRow = memo(function GroupRow({ row, spec, layout, single }: GroupRowProps): ReactElement {
  const chartsTheme = useChartsTheme();
  const rowHeight = single ? undefined : layout.tileHeight;
  return (
    <Box
      data-testid="quad-row"
      data-group={row.name}
      sx={{ display: 'flex', alignItems: 'stretch', gap: 1, minHeight: 0, flex: single ? 1 : 'none', height: rowHeight }}
    >
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
            gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${layout.tileRows}, minmax(0, 1fr))`,
            gap: 0.5,
          }}
        >
          {row.tiles.map((tile) => (
            <QuadTile
              key={tile.label}
              tile={tile}
              format={spec.format as FormatOptions}
              color={thresholdColor(tile.value, tile.statistic.thresholds ?? spec.thresholds, chartsTheme.thresholds)}
              fontSize={layout.valueFontSize}
              showSparkline={spec.sparkline && layout.showSparkline}
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
    </Box>
  );
});
