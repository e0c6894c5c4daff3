// The VllmLatencyQuad panel: query results → view model (memoised per data/spec change) → tiles.

import { Box, Tooltip, Typography } from '@mui/material';
import { useTimeZone } from '@perses-dev/components';
import { TimeSeriesData } from '@perses-dev/core';
import { PanelProps } from '@perses-dev/plugin-system';
import { ReactElement, useMemo } from 'react';

import { stepTimeFormat } from '../../shared/step-time';
import { GroupRow } from './GroupRow';
import { LatencyQuadSpec, LatencyValueOverRange, resolveLatencyQuadSpec } from './latency-quad-spec';
import { CAPTION_PX, FOOTER_HEIGHT, MORE_LINE, quadLayout, TILE_PADDING_X } from './quad-layout';
import { buildQuadViewModel, QuadRow } from './quad-view-model';
import { SloSummary } from './SloSummary';
import { shortenMiddle, textWidthEm } from './text-width';
import { quadText } from './tile-text';

const RANGE_CAPTION: Record<LatencyValueOverRange, string> = {
  range: 'whole range',
  last: 'at the last step',
  'mean-of-steps': 'mean of steps',
};

// Perses passes contentDimensions once the panel is measured; before that, lay out for a typical 6×8 panel.
const FALLBACK_SIZE = { width: 480, height: 180 };

export type LatencyQuadPanelProps = PanelProps<LatencyQuadSpec, TimeSeriesData>;

export function LatencyQuadPanel(props: LatencyQuadPanelProps): ReactElement {
  const spec = useMemo(() => resolveLatencyQuadSpec(props.spec), [props.spec]);
  // Tooltips give step times in the dashboard's time zone.
  const { timeZone } = useTimeZone();
  const model = useMemo(
    () => buildQuadViewModel(props.queryResults, spec, stepTimeFormat(timeZone)),
    [props.queryResults, spec, timeZone],
  );
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

  return <QuadRows rows={model.rows} warnings={model.warnings} spec={spec} width={width} height={height} />;
}

/** Below this (em) a footer name would be a stub; it is left out (the SLO and range caption need the room). */
const MIN_FOOTER_NAME_EM = 3;

/** Room for the single group's name in the footer (em of the caption font), beside the range caption and SLO. */
function footerNameEm(width: number, rangeCaption: string, sloEm: number): number {
  const gap = 12; // the footer's gap: 1.5
  const others = textWidthEm(rangeCaption) * CAPTION_PX + gap + (sloEm > 0 ? sloEm * CAPTION_PX + gap : 0);
  return (width - TILE_PADDING_X - others) / CAPTION_PX;
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
  // Formatted once per data/format change; the layout is sized from the widest value so none is ever cut.
  const text = useMemo(() => quadText(rows, spec.format), [rows, spec.format]);
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
  const model = { rows, warnings };
  const single = model.rows.length === 1;
  const visible = model.rows.slice(0, layout.visibleGroups);
  const hidden = model.rows.length - visible.length;
  const nameEm = footerNameEm(width, RANGE_CAPTION[spec.valueOverRange], single && visible[0]?.slo ? sloEm : 0);
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
      <Box sx={{ height: FOOTER_HEIGHT, display: 'flex', alignItems: 'center', gap: 1.5, px: 0.5, overflow: 'hidden' }}>
        {single && visible[0]?.name && nameEm >= MIN_FOOTER_NAME_EM && (
          <Typography
            data-testid="quad-group-name"
            variant="caption"
            title={visible[0].name}
            sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}
          >
            {shortenMiddle(visible[0].name, nameEm)}
          </Typography>
        )}
        <Typography
          data-testid="quad-range-mode"
          variant="caption"
          color="text.secondary"
          noWrap
          sx={{ flexShrink: 1, minWidth: 0 }}
        >
          {RANGE_CAPTION[spec.valueOverRange]}
        </Typography>
        {/* The SLO carries numbers: it keeps its width, the captions around it give way. */}
        {single && visible[0]?.slo && (
          <Box sx={{ flexShrink: 0, display: 'flex' }}>
            <SloSummary slo={visible[0].slo} format={spec.format} />
          </Box>
        )}
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
