// The VllmHistogramHeatmap panel: query results → view model (memoised per data/spec change) → one chart per
// histogram (small multiples stacked), drawn by ECharts through Perses's EChart wrapper and the host's echarts.

import { Box, Typography, useTheme } from '@mui/material';
import { EChart, useChartsTheme } from '@perses-dev/components';
import { TimeSeriesData } from '@perses-dev/core';
import { PanelProps } from '@perses-dev/plugin-system';
import { ReactElement, useMemo } from 'react';

import { NoQueryHelp } from '../../components/NoQueryHelp';
import { PanelStatus } from '../../components/PanelStatus';
import { useLegibleText } from '../../components/use-legible-text';
import { CellTooltip } from './CellTooltip';
import { cellsBitmap, cellsCanvas, colourRamp, rowPixelsOf } from './heatmap-cells-image';
import { ChartTheme, distributionOption, overTimeOption, rowGeometry, stepMsOf } from './heatmap-chart-option';
import { heatmapPalette } from './heatmap-colors';
import { NO_QUERY } from './heatmap-messages';
import { buildHeatmapViewModel, HeatmapHistogram } from './heatmap-view-model';
import { HistogramHeatmapSpec, resolveHistogramHeatmapSpec } from './histogram-heatmap-spec';
import { registerHeatmapCharts } from './register-charts';
import { useCellHover } from './use-cell-hover';

registerHeatmapCharts();

const FALLBACK_SIZE = { width: 480, height: 240 };
// Below this a chart cannot show its rows legibly: small multiples scroll instead.
const MIN_CHART_HEIGHT = 120;
const TITLE_HEIGHT = 18;
// Shorter charts drop the colour legend (the hover box still gives each cell's numbers).
const COMPACT_BELOW = 200;

export type HistogramHeatmapPanelProps = PanelProps<HistogramHeatmapSpec, TimeSeriesData>;

export function HistogramHeatmapPanel(props: HistogramHeatmapPanelProps): ReactElement {
  const spec = useMemo(() => resolveHistogramHeatmapSpec(props.spec), [props.spec]);
  const model = useMemo(() => buildHeatmapViewModel(props.queryResults, spec), [props.queryResults, spec]);
  const { width, height } = props.contentDimensions ?? FALLBACK_SIZE;
  const muiTheme = useTheme();
  const chartsTheme = useChartsTheme();
  const legible = useLegibleText();
  const theme: ChartTheme = useMemo(
    () => ({
      palette: heatmapPalette(muiTheme.palette.mode),
      text: muiTheme.palette.text.secondary,
      grid: muiTheme.palette.divider,
    }),
    [muiTheme],
  );

  // Perses hands a panel an empty list only when it has no query at all (a new panel).
  if (props.queryResults.length === 0) return <NoQueryHelp help={NO_QUERY} width={width} height={height} />;
  if (model.state !== 'histograms') {
    return <PanelStatus state={model.state} message={model.message} width={width} height={height} />;
  }
  const { histograms, warnings } = model;
  const warningHeight = warnings.length > 0 ? TITLE_HEIGHT : 0;
  const titled = histograms.length > 1;
  const each = Math.max(MIN_CHART_HEIGHT, (height - warningHeight) / histograms.length);
  return (
    <Box data-state="histograms" data-mode={spec.mode} sx={{ width, height, overflowY: 'auto', overflowX: 'hidden' }}>
      {histograms.map((h) => (
        <Box
          key={h.key}
          data-testid="heatmap-histogram"
          sx={{ height: each, display: 'flex', flexDirection: 'column' }}
        >
          {titled && (
            <Typography variant="caption" noWrap title={h.name} sx={{ lineHeight: `${TITLE_HEIGHT}px`, px: 0.5 }}>
              {h.name}
            </Typography>
          )}
          <Box sx={{ flex: 1, minHeight: 0 }}>
            <HistogramChart
              histogram={h}
              spec={spec}
              theme={theme}
              echartsTheme={chartsTheme.echartsTheme}
              compact={each < COMPACT_BELOW}
            />
          </Box>
        </Box>
      ))}
      {warnings.length > 0 && (
        <Typography variant="caption" sx={{ color: legible.warning, px: 0.5 }} noWrap title={warnings.join('\n')}>
          {warnings.join(' ')}
        </Typography>
      )}
    </Box>
  );
}

interface HistogramChartProps {
  histogram: HeatmapHistogram;
  spec: HistogramHeatmapSpec;
  theme: ChartTheme;
  echartsTheme: ReturnType<typeof useChartsTheme>['echartsTheme'];
  compact: boolean;
}

// One object for every render: Perses's EChart resizes the chart whenever its `sx` changes identity.
const FILL = { width: '100%', height: '100%' };

/** Height of the cells bitmap: enough pixel rows that each bucket row keeps crisp edges when scaled. */
const BITMAP_HEIGHT = 512;

function HistogramChart({ histogram, spec, theme, echartsTheme, compact }: HistogramChartProps): ReactElement {
  const option = useMemo(() => {
    if (histogram.problem) return undefined;
    if (spec.mode === 'distribution') return distributionOption(histogram, spec, theme);
    const { extents, min, max } = rowGeometry(histogram, spec);
    const bitmap = cellsBitmap(
      histogram,
      colourRamp(theme.palette.scale),
      rowPixelsOf(extents, min, max, BITMAP_HEIGHT),
      BITMAP_HEIGHT,
      stepMsOf(histogram),
    );
    return overTimeOption(histogram, spec, theme, cellsCanvas(bitmap), compact);
  }, [histogram, spec, theme, compact]);
  const hover = useCellHover(histogram, spec);
  const legible = useLegibleText();
  if (!option) {
    return (
      <Typography role="status" data-state="problem" variant="body2" sx={{ color: legible.warning, p: 1 }}>
        {histogram.problem}
      </Typography>
    );
  }
  return (
    <Box sx={{ position: 'relative', width: '100%', height: '100%' }} onMouseLeave={hover.clear}>
      <EChart
        sx={FILL}
        option={option}
        theme={echartsTheme}
        onChartInitialized={spec.mode === 'over-time' ? hover.attach : undefined}
      />
      {hover.box && <CellTooltip {...hover.box} />}
    </Box>
  );
}
