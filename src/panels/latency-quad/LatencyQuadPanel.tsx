// The VllmLatencyQuad panel: query results → view model (memoised per data/spec change) → tiles.

import { Box, Typography } from '@mui/material';
import { useTimeZone } from '@perses-dev/components';
import { TimeSeriesData } from '@perses-dev/core';
import { PanelProps } from '@perses-dev/plugin-system';
import { ReactElement, useMemo } from 'react';

import { PanelErrorBoundary, PanelProblem } from '../../components/PanelErrorBoundary';
import { PanelStatus } from '../../components/PanelStatus';
import { stepTimeFormat } from '../../shared/step-time';
import { GroupRow } from './GroupRow';
import { LatencyQuadSpec, resolveLatencyQuadSpec } from './latency-quad-spec';
import { validateLatencyQuadSpec } from './latency-quad-validate';
import { groupsThatMayShow, MORE_LINE, quadLayout } from './quad-layout';
import { INVALID_SPEC } from './quad-messages';
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

function QuadRows({ rows, warnings, spec, width, height }: QuadRowsProps): ReactElement {
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
    <Box data-state="rows" sx={{ display: 'flex', flexDirection: 'column', width, height, overflow: 'hidden' }}>
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
            showSparkline={layout.showSparkline}
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
