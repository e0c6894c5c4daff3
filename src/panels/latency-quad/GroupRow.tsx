// One histogram's row: its name (grouped mode, beside the tiles or on a line above them), its tiles or the reason
// it has none, and its SLO. Split so that a resize only touches a plain <div> per row: geometry goes through
// inline style and a CSS variable, and the memoised content (MUI/emotion components, tooltips) re-renders only
// when data, options or the arrangement change.

import { Box, Typography } from '@mui/material';
import { useChartsTheme } from '@perses-dev/components';
import { ThresholdOptions } from '@perses-dev/core';
import { memo, ReactElement, useMemo } from 'react';

import { useLegibleText } from '../../components/use-legible-text';
import { thresholdColor } from '../../shared/threshold-color';
import { LatencyQuadSpec } from './latency-quad-spec';
import { HEADER_LINE, RowLabelPlacement, SIDE_GAP, StatLabelPlacement, TILE_GAP } from './quad-layout';
import { QuadRow } from './quad-view-model';
import { QuadTile, SPARKLINE_HEIGHT_VAR, VALUE_SIZE_VAR } from './QuadTile';
import { SloSummary } from './SloSummary';
import { shortenMiddle } from './text-width';

export interface GroupRowProps extends RowContentProps {
  /** Fixed height in grouped mode; a single histogram fills the panel. */
  rowHeight?: number;
  fontSize: number;
  sparklineHeight: number;
}

export const GroupRow = memo(function GroupRow({
  rowHeight,
  fontSize,
  sparklineHeight,
  ...content
}: GroupRowProps): ReactElement {
  return (
    <div
      data-testid="quad-row"
      data-group={content.row.name}
      data-row-label={content.rowLabel}
      style={{
        [VALUE_SIZE_VAR as string]: `${fontSize}px`,
        [SPARKLINE_HEIGHT_VAR as string]: `${sparklineHeight}px`,
        display: 'flex',
        flexDirection: content.rowLabel === 'above' ? 'column' : 'row',
        alignItems: 'stretch',
        gap: content.rowLabel === 'side' ? SIDE_GAP : 0,
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
  /** Formatted tile texts, in `row.tiles` order. */
  texts: readonly string[];
  spec: LatencyQuadSpec;
  single: boolean;
  columns: number;
  tileRows: number;
  statLabel: StatLabelPlacement;
  rowLabel: RowLabelPlacement;
  labelWidth: number;
  rowNameMaxEm: number;
  showSparkline: boolean;
  /** Values are drawn at ≥ 24 px: large text, whose colour needs 3:1 against the panel instead of 4.5:1. */
  largeValues: boolean;
}

/** Whether thresholds say anything: without steps or a default colour a value is neutral. */
function hasThresholds(t: ThresholdOptions | undefined): t is ThresholdOptions {
  return t !== undefined && ((t.steps?.length ?? 0) > 0 || t.defaultColor !== undefined);
}

const RowContent = memo(function RowContent(props: RowContentProps): ReactElement {
  const {
    row,
    texts,
    spec,
    single,
    columns,
    tileRows,
    statLabel,
    rowLabel,
    labelWidth,
    rowNameMaxEm,
    showSparkline,
    largeValues,
  } = props;
  const chartsTheme = useChartsTheme();
  const legible = useLegibleText();
  // Thresholds colour exactly as configured (darkened or lightened only as far as legibility needs); without
  // thresholds a value is neutral text: a 24 s p99 drawn in "ok" green would read as healthy.
  const valueColor = (tile: QuadRow['tiles'][number]) => {
    const thresholds = tile.statistic.thresholds ?? spec.thresholds;
    if (!hasThresholds(thresholds)) return legible.neutral;
    const color = thresholdColor(tile.value, thresholds, chartsTheme.thresholds);
    return largeValues ? legible.large(color) : legible.body(color);
  };
  const fullName = row.name || 'all series';
  const name = useMemo(() => shortenMiddle(fullName, rowNameMaxEm), [fullName, rowNameMaxEm]);
  // The full name is always one hover away, shortened or not.
  const nameText = (
    <Typography
      data-testid="quad-row-name"
      variant="caption"
      title={fullName}
      sx={{ whiteSpace: 'nowrap', overflow: 'hidden', lineHeight: `${HEADER_LINE}px` }}
    >
      {name}
    </Typography>
  );
  return (
    <>
      {!single && rowLabel === 'side' && (
        <Box sx={{ width: labelWidth, flexShrink: 0, alignSelf: 'center', px: 0.5, display: 'flex', minWidth: 0 }}>
          {nameText}
        </Box>
      )}
      {!single && rowLabel === 'above' && <HeaderLine name={nameText} row={row} spec={spec} />}
      {row.problem ? (
        <Typography
          data-testid="quad-row-problem"
          variant="body2"
          sx={{ color: legible.warning, alignSelf: 'center', px: 0.5 }}
        >
          {row.problem}
        </Typography>
      ) : (
        <Box
          sx={{
            flex: 1,
            minWidth: 0,
            minHeight: 0,
            display: 'grid',
            gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${tileRows}, minmax(0, 1fr))`,
            gap: `${TILE_GAP}px`,
          }}
        >
          {row.tiles.map((tile, i) => (
            <QuadTile
              key={tile.label}
              tile={tile}
              text={texts[i]}
              color={valueColor(tile)}
              statLabel={statLabel}
              showSparkline={showSparkline}
              sparklineColor={chartsTheme.sparkline.color}
              sparklineWidth={chartsTheme.sparkline.width}
            />
          ))}
        </Box>
      )}
    </>
  );
});

/** The row's own line above its tiles: its name, and its SLO at the right. */
function HeaderLine({ name, row, spec }: { name: ReactElement; row: QuadRow; spec: LatencyQuadSpec }): ReactElement {
  return (
    <Box
      sx={{ height: HEADER_LINE, flexShrink: 0, display: 'flex', alignItems: 'center', gap: 1, px: 0.5, minWidth: 0 }}
    >
      {name}
      {row.slo && (
        <Box sx={{ ml: 'auto', flexShrink: 0, display: 'flex' }}>
          <SloSummary slo={row.slo} format={spec.format} />
        </Box>
      )}
    </Box>
  );
}
