// The VllmLatencyQuad panel: query results → view model (memoised per data/spec change) → tiles.

import { Box, Typography } from '@mui/material';
import { useTimeZone } from '@perses-dev/components';
import { TimeSeriesData } from '@perses-dev/core';
import { PanelProps } from '@perses-dev/plugin-system';
import { ReactElement, useMemo } from 'react';

import { NoQueryHelp } from '../../components/NoQueryHelp';
import { PanelErrorBoundary, PanelProblem } from '../../components/PanelErrorBoundary';
import { PanelStatus } from '../../components/PanelStatus';
import { LARGE_TEXT_PX } from '../../shared/contrast';
import { panelScale } from '../../shared/panel-scale';
import { stepTimeFormat } from '../../shared/step-time';
import { GroupRow } from './GroupRow';
import { LatencyQuadSpec, resolveLatencyQuadSpec } from './latency-quad-spec';
import { validateLatencyQuadSpec } from './latency-quad-validate';
import { groupsThatMayShow, MORE_LINE, quadLayout } from './quad-layout';
import { INVALID_SPEC, NO_QUERY } from './quad-messages';
import { buildQuadViewModel, QuadRow } from './quad-view-model';
import { QuadFooter } from './QuadFooter';
import { quadText } from './tile-text';

// Perses passes contentDimensions once the panel is measured; before that, lay out for a typical 6×8 panel.
const FALLBACK_SIZE = { width: 480, height: 180 };

export type LatencyQuadPanelProps = PanelProps<LatencyQuadSpec, TimeSeriesData>;

/** The panel behind its two guards: a spec checked against the schema's rules, and an error boundary. */
export function LatencyQuadPanel(props: LatencyQuadPanelProps): ReactElement {
  const problems = useMemo(() => validateLatencyQuadSpec(props.spec), [props.spec]);
  return (
    <PanelErrorBoundary panel="Latency Quad" resetKeys={[props.spec, props.queryResults]}>
      {problems.length > 0 ? (
        <PanelProblem title={INVALID_SPEC} problems={problems} />
      ) : (
        <CheckedLatencyQuadPanel {...props} />
      )}
    </PanelErrorBoundary>
  );
}

function CheckedLatencyQuadPanel(props: LatencyQuadPanelProps): ReactElement {
  const spec = useMemo(() => resolveLatencyQuadSpec(props.spec), [props.spec]);
  // Tooltips give step times in the dashboard's time zone.
  const { timeZone } = useTimeZone();
  const model = useMemo(
    () => buildQuadViewModel(props.queryResults, spec, stepTimeFormat(timeZone)),
    [props.queryResults, spec, timeZone],
  );
  const { width, height } = props.contentDimensions ?? FALLBACK_SIZE;

  // Perses hands a panel an empty list only when it has no query at all (a new panel).
  if (props.queryResults.length === 0) return <NoQueryHelp help={NO_QUERY} width={width} height={height} />;
  if (model.state !== 'rows') {
    return <PanelStatus state={model.state} message={model.message} width={width} height={height} />;
  }

  return <QuadRows rows={model.rows} warnings={model.warnings} spec={spec} width={width} height={height} />;
}

interface QuadRowsProps {
  rows: QuadRow[];
  warnings: string[];
  spec: LatencyQuadSpec;
  width: number;
  height: number;
}

/** A large panel is laid out at its size divided by panelScale and drawn zoomed, so labels grow with the numbers. */
function QuadRows({ width: panelWidth, height: panelHeight, ...props }: QuadRowsProps): ReactElement {
  const scale = panelScale(panelWidth, panelHeight);
  return <ScaledQuadRows {...props} width={panelWidth / scale} height={panelHeight / scale} scale={scale} />;
}

function ScaledQuadRows({
  rows,
  warnings,
  spec,
  width,
  height,
  scale,
}: QuadRowsProps & { scale: number }): ReactElement {
  const groups = rows.length;
  const tileCount = spec.statistics.length;
  const maxRows = spec.groups?.maxRows;
  // Formatted once per data/format change, for the rows that can be on screen at this height; the layout is sized
  // from the widest of their values so none is ever cut.
  const mayShow = groupsThatMayShow(height, groups, maxRows);
  const text = useMemo(() => quadText(rows.slice(0, mayShow), spec.format), [rows, mayShow, spec.format]);
  const { valueEm, statLabelEm, rowNameEm, sloEm } = text;
  const sparkline = spec.sparkline;
  // Memoised on plain numbers so an unchanged layout keeps its identity and memoised rows skip re-rendering.
  const layout = useMemo(
    () =>
      quadLayout(width, height, {
        tiles: tileCount,
        groups,
        maxRows,
        valueEm,
        statLabelEm,
        rowNameEm,
        sloEm,
        sparkline,
      }),
    [width, height, tileCount, groups, maxRows, valueEm, statLabelEm, rowNameEm, sloEm, sparkline],
  );
  const single = rows.length === 1;
  const visible = rows.slice(0, layout.visibleGroups);
  const hidden = rows.length - visible.length;
  return (
    <Box
      data-state="rows"
      data-scale={scale}
      sx={{
        display: 'flex',
        flexDirection: 'column',
        width,
        height,
        overflow: 'hidden',
        zoom: scale > 1 ? scale : undefined,
      }}
    >
      <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        {visible.map((row, i) => (
          <GroupRow
            key={row.key}
            row={row}
            texts={text.tiles[i]}
            spec={spec}
            single={single}
            columns={layout.columns}
            tileRows={layout.tileRows}
            statLabel={layout.statLabel}
            rowLabel={layout.rowLabel}
            labelWidth={layout.labelWidth}
            rowNameMaxEm={layout.rowNameMaxEm}
            rowHeight={single ? undefined : layout.rowHeight}
            fontSize={layout.valueFontSize}
            sparklineHeight={layout.sparklineHeight}
            showSparkline={layout.showSparkline}
            largeValues={layout.valueFontSize * scale >= LARGE_TEXT_PX}
          />
        ))}
        {hidden > 0 && (
          <Typography
            data-testid="quad-more"
            variant="caption"
            color="text.secondary"
            sx={{ px: 0.5, lineHeight: `${MORE_LINE}px` }}
          >
            +{hidden} more
          </Typography>
        )}
      </Box>
      <QuadFooter
        single={single ? visible[0] : undefined}
        warnings={warnings}
        spec={spec}
        width={width}
        sloEm={sloEm}
      />
    </Box>
  );
}
