// Benchmark (figures only, no pass/fail): the VllmLatencyQuad panel with 20 model groups × 4 tiles, sparklines
// on, 1,440 steps each (a day at 1-minute resolution) on the real request-latency bucket layout, rendered by
// React 18 into jsdom. Prints the first render and the median of re-renders that do not change the data
// (a dashboard re-render / resize), plus a data refresh for context. Target: re-render ≤ 16 ms (one frame).
import { timeSeriesQuery } from './support/fleet-data';
import { installJsdom } from './support/jsdom';
import { median, time } from './support/measure';

const GROUPS = 20;
const STEPS = 1440;
const RERENDERS = 60;

async function main(): Promise<void> {
  const container = installJsdom();
  // Imported after the DOM globals exist: react-dom and emotion read them at load time.
  const { createRoot, renderPanel: render } = await import('./support/render-panel');
  const { LatencyQuadPanel } = await import('../../src/panels/latency-quad/LatencyQuadPanel');
  const { createInitialLatencyQuadOptions } = await import('../../src/panels/latency-quad/latency-quad-spec');
  const { buildQuadViewModel } = await import('../../src/panels/latency-quad/quad-view-model');
  const { histogramSeries, REQUEST_LATENCY_BOUNDS } =
    await import('../../src/panels/latency-quad/latency-quad-fixtures');

  const makeResults = (seed: number) => [
    {
      definition: timeSeriesQuery('bench'),
      data: {
        series: Array.from({ length: GROUPS }, (_, g) =>
          histogramSeries({
            bounds: REQUEST_LATENCY_BOUNDS,
            labels: { model_name: `model-${g}` },
            median: 1 + g * 0.3 + seed * 0.01,
            sigma: 0.8,
            requestRate: 5 + g,
            steps: STEPS,
            withSum: true,
          }),
        ).flat(),
      },
    },
  ];
  const spec = { ...createInitialLatencyQuadOptions(), groups: { nameFormat: '{{model_name}}' } };
  const root = createRoot(container);
  const renderPanel = (
    queryResults: ReturnType<typeof makeResults>,
    width: number,
    tick: number,
    height = 20 * 60 + 20,
  ) =>
    // Tall enough that all 20 rows (and their sparklines) are on screen.
    render(root, LatencyQuadPanel, {
      key: 'panel',
      spec,
      queryResults,
      contentDimensions: { width, height },
      'data-tick': tick,
    });

  const data = makeResults(0);
  const first = time(() => renderPanel(data, 1200, 0));
  const tiles = document.querySelectorAll('[data-testid="quad-tile"]').length;
  const sparklines = document.querySelectorAll('svg[aria-label="sparkline"]').length;

  const sameData: number[] = [];
  for (let i = 1; i <= RERENDERS; i++) sameData.push(time(() => renderPanel(data, 1200, i)));
  const resized: number[] = [];
  for (let i = 1; i <= RERENDERS; i++) resized.push(time(() => renderPanel(data, 1200 + (i % 2 ? 40 : -40), i)));
  // Every row changes height and value font size (sparklines stay on): the rows re-render, tiles restyle via CSS.
  const reshaped: number[] = [];
  for (let i = 1; i <= RERENDERS; i++) reshaped.push(time(() => renderPanel(data, 1200, i, i % 2 ? 1320 : 1220)));
  const viewModel: number[] = [];
  for (let i = 0; i < 10; i++) viewModel.push(time(() => buildQuadViewModel(data, spec)));
  const refreshes: number[] = [];
  for (let i = 1; i <= 10; i++) {
    const next = makeResults(i);
    refreshes.push(time(() => renderPanel(next, 1200, i)));
  }
  root.unmount();

  const ms = (x: number) => `${x.toFixed(2)} ms`;
  console.log(
    `VllmLatencyQuad: ${GROUPS} groups × 4 tiles = ${tiles} tiles, ${sparklines} sparklines, ${STEPS} steps, React 18 in jsdom`,
  );
  console.log(`  first render (grouping + quantiles + DOM)          ${ms(first)}`);
  console.log(`  re-render, same data (median of ${RERENDERS})             ${ms(median(sameData))}   target ≤ 16 ms`);
  console.log(`  re-render, resized ±40 px (median of ${RERENDERS})        ${ms(median(resized))}   target ≤ 16 ms`);
  console.log(
    `  re-render, rows and fonts resized (median of ${RERENDERS})     ${ms(median(reshaped))}   target ≤ 16 ms`,
  );
  console.log(
    `  data refresh, new query result (median of 10)       ${ms(median(refreshes))}   (for context, no target)`,
  );
  console.log(`    of which view model (grouping, quantiles, means)  ${ms(median(viewModel))}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
