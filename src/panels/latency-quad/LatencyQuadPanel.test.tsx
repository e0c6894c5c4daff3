import { createTheme, ThemeProvider } from '@mui/material';
import {
  ChartsProvider,
  generateChartsTheme,
  PersesChartsTheme,
  testChartsTheme,
  TimeZoneProvider,
} from '@perses-dev/components';
import { formatValue, QueryDefinition, TimeSeries } from '@perses-dev/core';
import { fireEvent, render, screen, within } from '@testing-library/react';

import { histogramQuantile } from '../../model/histogram';
import { contrastRatio, LARGE_TEXT_CONTRAST, parseColor } from '../../shared/contrast';
import { renderInHost } from '../../shared/render-in-host';
import {
  FIXTURE_START_MS,
  histogramSeries,
  ITL_BOUNDS,
  REQUEST_LATENCY_BOUNDS,
  TTFT_BOUNDS,
} from './latency-quad-fixtures';
import { LatencyQuadSpec, resolveLatencyQuadSpec } from './latency-quad-spec';
import { LatencyQuadLoading } from './LatencyQuadLoading';
import { LatencyQuadPanel } from './LatencyQuadPanel';
import { MIN_VALUE_FONT, quadLayout } from './quad-layout';
import { buildQuadViewModel } from './quad-view-model';
import { textWidthEm } from './text-width';
import { quadText } from './tile-text';

const QUERY: QueryDefinition = {
  kind: 'TimeSeriesQuery',
  spec: {
    plugin: {
      kind: 'PrometheusTimeSeriesQuery',
      spec: { query: 'sum by (le) (rate(vllm:time_to_first_token_seconds_bucket[5m]))' },
    },
  },
};

interface RenderOptions {
  spec?: Partial<LatencyQuadSpec>;
  size?: { width: number; height: number };
  chartsTheme?: PersesChartsTheme;
  mode?: 'light' | 'dark';
  /** The dashboard's time zone (Perses TimeZoneProvider); none = the browser's. */
  timeZone?: string;
}

function renderPanel(
  series: TimeSeries[],
  {
    spec = {},
    size = { width: 640, height: 160 },
    chartsTheme = testChartsTheme,
    mode = 'light',
    timeZone,
  }: RenderOptions = {},
) {
  return render(
    <ThemeProvider theme={createTheme({ palette: { mode } })}>
      <ChartsProvider chartsTheme={chartsTheme}>
        <TimeZoneProvider timeZone={timeZone}>
          <LatencyQuadPanel
            spec={spec as LatencyQuadSpec}
            queryResults={[{ definition: QUERY, data: { series } }]}
            contentDimensions={size}
          />
        </TimeZoneProvider>
      </ChartsProvider>
    </ThemeProvider>,
  );
}

const tileValue = (label: string) =>
  within(screen.getAllByTestId('quad-tile').find((t) => t.dataset.statistic === label)!).getByTestId('quad-tile-value');

// A fast TTFT: most first tokens in 1–10 ms, which must read as milliseconds.
const ttft = histogramSeries({
  bounds: TTFT_BOUNDS,
  median: 0.0042,
  sigma: 0.5,
  requestRate: 30,
  steps: 60,
  withSum: true,
});
const rangeBuckets = (series: TimeSeries[]) =>
  series
    .filter((s) => s.labels?.le !== undefined)
    .map((s) => ({ le: s.labels!.le, value: s.values.reduce((a, [, v]) => a + (v ?? 0), 0) }));

describe('LatencyQuadPanel', () => {
  it('renders mean, p50, p90, p99 from one bucket query, formatted in auto-scaled seconds', () => {
    renderPanel(ttft);
    expect(screen.getAllByTestId('quad-tile').map((t) => t.dataset.statistic)).toEqual(['mean', 'p50', 'p90', 'p99']);
    const p50 = histogramQuantile(0.5, rangeBuckets(ttft));
    // Perses formatValue prints 0.0042 s as "4.2ms"; the p50 of this distribution interpolates to a few ms.
    expect(p50).toBeGreaterThan(0.001);
    expect(p50).toBeLessThan(0.01);
    expect(tileValue('p50')).toHaveTextContent(/^\d(\.\d+)?ms$/);
    expect(tileValue('p50').textContent).toBe(`${Number((p50 * 1000).toPrecision(3))}ms`);
    expect(screen.getByTestId('quad-range-mode')).toHaveTextContent('whole range');
  });

  it('honours the unit and decimals', () => {
    renderPanel(ttft, {
      spec: { format: { unit: 'milliseconds', decimalPlaces: 0 }, statistics: [{ kind: 'quantile', quantile: 0.5 }] },
    });
    const p50ms = histogramQuantile(0.5, rangeBuckets(ttft));
    expect(tileValue('p50')).toHaveTextContent(`${Math.round(p50ms)}ms`);
  });

  it('colours tiles by the panel thresholds, and a per-statistic override colours only its tile', () => {
    const series = histogramSeries({
      bounds: REQUEST_LATENCY_BOUNDS,
      median: 3,
      sigma: 0.8,
      requestRate: 10,
      steps: 30,
      withSum: true,
    });
    renderPanel(series, {
      spec: {
        thresholds: { defaultColor: '#00aa00', steps: [{ value: 100, color: '#ffaa00' }] },
        statistics: [
          { kind: 'quantile', quantile: 0.5 },
          {
            kind: 'quantile',
            quantile: 0.99,
            thresholds: { defaultColor: '#00aa00', steps: [{ value: 2, color: '#ee0000' }] },
          },
        ],
      },
    });
    expect(tileValue('p50')).toHaveStyle({ color: '#00aa00' });
    expect(tileValue('p99')).toHaveStyle({ color: '#ee0000' });
  });

  it('steps without a colour take the theme threshold palette', () => {
    const series = histogramSeries({
      bounds: REQUEST_LATENCY_BOUNDS,
      median: 3,
      sigma: 0.8,
      requestRate: 10,
      steps: 30,
    });
    renderPanel(series, {
      spec: { statistics: [{ kind: 'quantile', quantile: 0.9 }], thresholds: { steps: [{ value: 1 }] } },
    });
    // The palette's yellow is too light for text on white: the same hue, darkened just enough to read.
    const yellow = testChartsTheme.thresholds.palette[0];
    const color = getComputedStyle(tileValue('p90')).color;
    expect(color).not.toBe(getComputedStyle(document.body).color);
    const drawn = parseColor(color)!;
    expect(contrastRatio(drawn, parseColor('#fff')!)).toBeGreaterThanOrEqual(LARGE_TEXT_CONTRAST);
    expect(contrastRatio(parseColor(yellow)!, parseColor('#fff')!)).toBeLessThan(LARGE_TEXT_CONTRAST);
    expect(drawn[0]).toBeGreaterThan(drawn[2] + 60); // still yellow-orange, not grey
  });

  it('without thresholds values are the theme\'s primary text colour (neutral, not "ok" green), in both themes', () => {
    const series = histogramSeries({
      bounds: REQUEST_LATENCY_BOUNDS,
      median: 24,
      sigma: 0.5,
      requestRate: 5,
      steps: 30,
    });
    for (const mode of ['light', 'dark'] as const) {
      const { unmount } = renderPanel(series, { mode });
      const primary = createTheme({ palette: { mode } }).palette.text.primary;
      const numbers = screen.getAllByTestId('quad-tile-value').filter((t) => t.dataset.value === 'number');
      expect(numbers.length).toBeGreaterThanOrEqual(3);
      for (const tile of numbers) {
        expect(tile).toHaveStyle({ color: primary });
        expect(tile).not.toHaveStyle({ color: testChartsTheme.thresholds.defaultColor });
      }
      unmount();
    }
  });

  it('a new panel without any query says which query it needs, with a recipe and the README section', () => {
    renderInHost(
      <LatencyQuadPanel
        spec={{} as LatencyQuadSpec}
        queryResults={[]}
        contentDimensions={{ width: 480, height: 240 }}
      />,
    );
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('data-state', 'no-query');
    expect(status).toHaveTextContent('Add a query');
    expect(screen.getByTestId('no-query-recipe').textContent).toMatch(
      /^sum by \(le\) \(rate\(vllm:time_to_first_token_seconds_bucket.* or sum\(rate\(vllm:time_to_first_token_seconds_sum/,
    );
    expect(status).toHaveTextContent('VllmLatencyQuad › Recipes (copy-paste PromQL)');
    expect(status).not.toHaveTextContent('No samples');
  });

  it('draws a sparkline per tile when there is room, none when the panel is 3 grid rows high', () => {
    const { unmount } = renderPanel(ttft, { size: { width: 800, height: 200 } });
    expect(screen.getAllByRole('img', { name: 'sparkline' })).toHaveLength(4);
    unmount();
    renderPanel(ttft, { size: { width: 800, height: 56 } });
    expect(screen.queryAllByRole('img', { name: 'sparkline' })).toHaveLength(0);
    expect(screen.getAllByTestId('quad-tile')).toHaveLength(4);
  });

  it.each([
    [{ width: 900, height: 120 }, 4],
    [{ width: 360, height: 320 }, 2],
    [{ width: 160, height: 480 }, 1],
  ])('lays out a single histogram to fit %o: %i columns', (size, columns) => {
    renderPanel(ttft, { size });
    const grid = screen.getAllByTestId('quad-tile')[0].parentElement!;
    expect(getComputedStyle(grid).gridTemplateColumns).toBe(`repeat(${columns}, minmax(0, 1fr))`);
  });

  it('shows SLO attainment coloured by whether the target is met', () => {
    const { unmount } = renderPanel(ttft, { spec: { slo: { threshold: 0.01, target: 0.9 } } });
    const met = screen.getByTestId('quad-slo');
    expect(met.dataset.met).toBe('true');
    expect(met.textContent).toMatch(/^\d+(\.\d)?% ≤ 10ms \(target 90%\)$/);
    expect(met).toHaveStyle({ color: createTheme().palette.success.main });
    unmount();
    renderPanel(ttft, { spec: { slo: { threshold: 0.005, target: 0.999 } } });
    const missed = screen.getByTestId('quad-slo');
    expect(missed.dataset.met).toBe('false');
    expect(missed).toHaveTextContent('(target 99.9%)');
    expect(missed).toHaveStyle({ color: createTheme().palette.error.main });
  });

  it('warns visibly when the SLO threshold is not a bucket bound', () => {
    renderPanel(ttft, { spec: { slo: { threshold: 0.007, target: 0.9 } } });
    expect(screen.getByTestId('quad-slo')).toHaveTextContent('not a bucket bound');
  });

  it('names a single group in the footer', () => {
    renderPanel(
      histogramSeries({
        bounds: TTFT_BOUNDS,
        labels: { model_name: 'llama-8b' },
        median: 0.1,
        sigma: 0.6,
        requestRate: 5,
        steps: 10,
      }),
      {
        spec: { groups: { nameFormat: '{{model_name}}' } },
      },
    );
    expect(screen.getByTestId('quad-group-name')).toHaveTextContent('llama-8b');
  });

  it('puts one labelled row per group, worst first, and folds the rest into "+N more"', () => {
    const models = Array.from({ length: 12 }, (_, i) =>
      histogramSeries({
        bounds: TTFT_BOUNDS,
        labels: { model_name: `model-${i}` },
        median: 0.05 * (i + 1),
        sigma: 0.6,
        requestRate: 5,
        steps: 20,
        withSum: true,
      }),
    ).flat();
    renderPanel(models, { spec: { groups: { nameFormat: '{{model_name}}' } }, size: { width: 700, height: 200 } });
    const rows = screen.getAllByTestId('quad-row');
    expect(rows[0].dataset.group).toBe('model-11');
    expect(rows[1].dataset.group).toBe('model-10');
    expect(screen.getByTestId('quad-more')).toHaveTextContent(`+${12 - rows.length} more`);
    expect(within(rows[0]).getAllByTestId('quad-tile')).toHaveLength(4);
  });

  it('maxRows caps the rows', () => {
    const models = ['a', 'b', 'c'].flatMap((m) =>
      histogramSeries({
        bounds: TTFT_BOUNDS,
        labels: { model_name: m },
        median: 0.1,
        sigma: 0.6,
        requestRate: 5,
        steps: 10,
      }),
    );
    renderPanel(models, { spec: { groups: { maxRows: 2 } }, size: { width: 700, height: 400 } });
    expect(screen.getAllByTestId('quad-row')).toHaveLength(2);
    expect(screen.getByTestId('quad-more')).toHaveTextContent('+1 more');
  });

  describe('numbers are never cut at the sizes dashboards give the panel', () => {
    // Two models' inter-token latency, as on the live stack where the tiles read "25.…" and "72.8…".
    const models = ['llama-3.1-8b-instruct', 'qwen2.5-7b-instruct'];
    const itl = models.flatMap((model_name, i) =>
      histogramSeries({
        bounds: ITL_BOUNDS,
        labels: { model_name },
        median: 0.023 + 0.001 * i,
        sigma: 0.45,
        requestRate: 4,
        steps: 10,
        withSum: true,
      }),
    );
    const spec = { groups: { nameFormat: '{{model_name}}' } };

    it.each([
      [470, 190], // a third of a 1500 px dashboard, 8 grid rows: the screenshot
      [330, 200], // a third of a 1000 px dashboard
      [500, 200],
      [1000, 150],
      [1000, 70], // 3 grid rows
    ])(
      '%i×%i: every value is whole, unellipsised, ≥ 12 px and within its tile by the sizing model',
      (width, height) => {
        renderPanel(itl, { spec, size: { width, height } });
        // The sizing model the panel used: the layout of these rows' formatted texts at this size.
        const model = buildQuadViewModel([{ data: { series: itl } }], resolveLatencyQuadSpec(spec));
        if (model.state !== 'rows') throw new Error(model.state);
        const text = quadText(model.rows, { unit: 'seconds' });
        const layout = quadLayout(width, height, { ...text, tiles: 4, groups: 2, sparkline: true });
        const room = layout.valueWidth;
        const rows = screen.getAllByTestId('quad-row');
        expect(rows).toHaveLength(2);
        for (const row of rows) {
          const font = parseFloat(row.style.getPropertyValue('--quad-value-size'));
          expect(font).toBe(layout.valueFontSize);
          expect(font).toBeGreaterThanOrEqual(MIN_VALUE_FONT);
          const groupSeries = itl.filter((s) => s.labels?.model_name === row.dataset.group);
          for (const value of within(row).getAllByTestId('quad-tile-value')) {
            const text = value.textContent ?? '';
            expect(getComputedStyle(value).textOverflow).not.toBe('ellipsis');
            expect(getComputedStyle(value).whiteSpace).toBe('nowrap');
            expect(text).not.toContain('…');
            expect(textWidthEm(text) * font).toBeLessThanOrEqual(room);
          }
          // The whole formatted number is in the DOM, not a prefix of it.
          const p99 = within(row)
            .getAllByTestId('quad-tile')
            .find((t) => t.dataset.statistic === 'p99')!;
          expect(within(p99).getByTestId('quad-tile-value').textContent).toBe(
            formatValue(histogramQuantile(0.99, rangeBuckets(groupSeries)), { unit: 'seconds' }),
          );
        }
      },
    );

    it('row names are whole where there is room, and shortened in the middle with the full name as title where not', () => {
      const { unmount } = renderPanel(itl, { spec, size: { width: 470, height: 190 } });
      expect(
        screen
          .getAllByTestId('quad-row-name')
          .map((n) => n.textContent)
          .sort(),
      ).toEqual([...models].sort());
      unmount();
      const long = itl.map((s) => ({
        ...s,
        labels: { ...s.labels, model_name: `meta-llama/${s.labels!.model_name}-with-a-long-suffix-q4` },
      }));
      renderPanel(long, { spec, size: { width: 200, height: 200 } });
      for (const name of screen.getAllByTestId('quad-row-name')) {
        expect(name.textContent).toMatch(/^meta-.+….+-q4$/);
        expect(name.getAttribute('title')).toMatch(/^meta-llama\/.+-with-a-long-suffix-q4$/);
      }
    });
  });

  it('explains how each value was computed in its tooltip', async () => {
    renderPanel(ttft);
    fireEvent.mouseOver(screen.getAllByTestId('quad-tile')[3]);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'histogram_quantile(0.99) of the bucket rates summed over all 60 steps',
    );
  });

  it('gives step times in the dashboard time zone', async () => {
    renderPanel(ttft, { spec: { valueOverRange: 'last' }, timeZone: 'America/New_York' });
    fireEvent.mouseOver(screen.getAllByTestId('quad-tile')[3]);
    // The last of 60 one-minute steps from 2026-01-01T00:00Z is 00:59Z, i.e. 19:59 the day before in New York.
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'p99 at 2025-12-31 19:59:00-05:00, the last step with a value',
    );
  });

  it('no samples in range: says so', () => {
    renderPanel([]);
    expect(screen.getByRole('status')).toHaveTextContent('No samples in the selected time range.');
  });

  it('a non-histogram query: explains the contract instead of a number', () => {
    renderPanel([
      { name: 'running', labels: { __name__: 'vllm:num_requests_running' }, values: [[FIXTURE_START_MS, 4]] },
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('needs histogram bucket rates grouped by le');
    expect(screen.queryByTestId('quad-tile')).toBeNull();
  });

  it('buckets without +Inf: explained, no number', () => {
    renderPanel(ttft.filter((s) => s.labels?.le !== '+Inf'));
    expect(screen.getByTestId('quad-row-problem')).toHaveTextContent('no le="+Inf"');
    expect(screen.queryByTestId('quad-tile')).toBeNull();
  });

  it('NaN samples: explained, no number', () => {
    renderPanel(
      ttft.map((s) =>
        s.labels?.le === '0.01' ? { ...s, values: s.values.map(([t]) => [t, NaN] as [number, number]) } : s,
      ),
    );
    expect(screen.getByTestId('quad-row-problem')).toHaveTextContent('NaN or ±Inf');
  });

  it('no traffic: tiles say so instead of 0', () => {
    const idle = histogramSeries({
      bounds: TTFT_BOUNDS,
      median: 0.1,
      sigma: 0.5,
      requestRate: 1,
      steps: 3,
      idleSteps: new Set([0, 1, 2]),
    });
    renderPanel(idle);
    expect(tileValue('p99')).toHaveTextContent('no traffic');
  });

  it('a mean tile without a _sum series points at the missing query part', () => {
    renderPanel(ttft.filter((s) => s.labels?.le !== undefined));
    expect(tileValue('mean')).toHaveTextContent('no mean series');
    expect(tileValue('p50').textContent).toMatch(/ms$/);
  });

  it('follows the dark theme: sparklines use the dark charts theme colour', () => {
    const dark = generateChartsTheme(createTheme({ palette: { mode: 'dark' } }), {});
    renderPanel(ttft, { chartsTheme: dark, mode: 'dark', size: { width: 800, height: 200 } });
    const path = screen.getAllByRole('img', { name: 'sparkline' })[0].querySelector('path')!;
    expect(path.getAttribute('stroke')).toBe(dark.sparkline.color);
  });

  it('the loading state shows one placeholder per statistic', () => {
    render(
      <LatencyQuadLoading
        spec={{ statistics: [{ kind: 'mean' }, { kind: 'quantile', quantile: 0.5 }] } as LatencyQuadSpec}
        queryResults={[]}
      />,
    );
    expect(screen.getByRole('progressbar', { name: 'Loading latency quantiles' }).children).toHaveLength(2);
  });
});
