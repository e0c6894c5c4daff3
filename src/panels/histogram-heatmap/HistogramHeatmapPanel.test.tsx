// jsdom render of the panel with Perses's EChart replaced by a stub that records the option (jsdom has no canvas;
// test/e2e/histogram-heatmap.test.ts draws the real charts in Chromium).
import { createTheme, ThemeProvider } from '@mui/material';
import { ChartsProvider, testChartsTheme } from '@perses-dev/components';
import { TimeSeries } from '@perses-dev/core';
import { render, screen } from '@testing-library/react';

import { renderInHost } from '../../shared/render-in-host';
import { histogramSeries, TTFT_BOUNDS } from '../latency-quad/latency-quad-fixtures';
import { heatmapPalette } from './heatmap-colors';
import { HistogramHeatmapSpec } from './histogram-heatmap-spec';
import { HistogramHeatmapPanel } from './HistogramHeatmapPanel';

const drawn: Array<Record<string, unknown>> = [];
jest.mock('@perses-dev/components', () => ({
  ...jest.requireActual('@perses-dev/components'),
  EChart: ({ option }: { option: Record<string, unknown> }) => {
    drawn.push(option);
    return <div data-testid="echart" />;
  },
}));

// jsdom has no 2D canvas: the cells bitmap is checked in heatmap-cells-image.test.ts and drawn in Chromium.
beforeAll(() => jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));

const series = histogramSeries({ bounds: TTFT_BOUNDS, median: 0.08, sigma: 1, requestRate: 5, steps: 10 });

function renderPanel(input: TimeSeries[], spec: Partial<HistogramHeatmapSpec> = {}, mode: 'light' | 'dark' = 'light') {
  drawn.length = 0;
  return render(
    <ThemeProvider theme={createTheme({ palette: { mode } })}>
      <ChartsProvider chartsTheme={testChartsTheme}>
        <HistogramHeatmapPanel
          spec={spec as HistogramHeatmapSpec}
          queryResults={[
            {
              definition: {
                kind: 'TimeSeriesQuery',
                spec: { plugin: { kind: 'PrometheusTimeSeriesQuery', spec: { query: '' } } },
              },
              data: { series: input },
            },
          ]}
          contentDimensions={{ width: 600, height: 300 }}
        />
      </ChartsProvider>
    </ThemeProvider>,
  );
}

type Series = { type: string; name: string; data: unknown[]; markLine?: { data: unknown[] } };

test('over time: the cells as one image, one line per quantile, theme colours', () => {
  renderPanel(series, {}, 'dark');
  expect(screen.getAllByTestId('echart')).toHaveLength(1);
  const option = drawn[drawn.length - 1] as { series: Series[]; visualMap: { inRange: { color: string[] } } };
  expect(option.series[0].data).toHaveLength(1);
  expect(option.series.slice(1).map((s) => s.name)).toEqual(['p50', 'p90', 'p99']);
  expect(option.visualMap.inRange.color).toEqual(heatmapPalette('dark').scale);
  expect(option.visualMap).toMatchObject({ show: true });
});

test('distribution: one bar per bucket, a cumulative line, a marker per quantile and the SLO', () => {
  renderPanel(series, { mode: 'distribution', slo: { threshold: 0.1, target: 0.9 } });
  const option = drawn[drawn.length - 1] as { series: Series[] };
  expect(option.series[0].data).toHaveLength(TTFT_BOUNDS.length + 1);
  expect(option.series[0].markLine!.data).toHaveLength(4);
  expect(option.series[1].name).toBe('cumulative');
});

test('small multiples: a chart per histogram, titled', () => {
  const two = ['a', 'b'].flatMap((model) =>
    histogramSeries({
      bounds: TTFT_BOUNDS,
      labels: { model_name: model },
      median: 0.1,
      sigma: 1,
      requestRate: 1,
      steps: 5,
    }),
  );
  renderPanel(two);
  expect(screen.getAllByTestId('echart')).toHaveLength(2);
  expect(screen.getByText('model_name="b"')).toBeInTheDocument();
  // 300 px shared by two charts: each is short, so the colour legend gives its room to the rows.
  expect(drawn.slice(-2).map((o) => (o.visualMap as { show: boolean }).show)).toEqual([false, false]);
});

test('bad input: the message, no chart', () => {
  renderPanel(series.filter((s) => s.labels?.le !== '+Inf'));
  expect(screen.queryByTestId('echart')).toBeNull();
  expect(screen.getByRole('status')).toHaveTextContent(/no le="\+Inf"/);
});

test('no samples: an explained state', () => {
  renderPanel([]);
  expect(screen.getByRole('status')).toHaveTextContent('No samples in the selected time range.');
});

test('a new heatmap without any query says which query it needs, with a recipe and the README section', () => {
  renderInHost(
    <HistogramHeatmapPanel
      spec={{} as HistogramHeatmapSpec}
      queryResults={[]}
      contentDimensions={{ width: 480, height: 240 }}
    />,
  );
  const status = screen.getByRole('status');
  expect(status).toHaveAttribute('data-state', 'no-query');
  expect(screen.getByTestId('no-query-recipe')).toHaveTextContent(
    /^sum by \(le\) \(rate\(vllm:time_to_first_token_seconds_bucket/,
  );
  expect(status).toHaveTextContent('VllmHistogramHeatmap › Recipes');
  expect(status).not.toHaveTextContent('No samples');
});
