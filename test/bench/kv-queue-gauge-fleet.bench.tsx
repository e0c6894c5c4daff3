// Benchmark (figures and ratios, never pass/fail): the VllmKvQueueGauge panel at fleet sizes, 200 and 2,000
// instances × 240 and 1,440 steps (three role queries: KV usage, running, waiting; sparklines on as in the bundled
// dashboards), rendered through the public plugin object by React's production build into jsdom in a 900 × 400
// panel. For each size: the view model alone, the first render (mount with fresh data), re-renders that keep the
// data (a resize, and an unrelated prop change), the heap one first render allocates and the heap the mounted panel
// keeps; and one plain pass over the samples, the floor. The baseline is the code before the fleet-scale work
// (test/bench/support/baseline.ts), measured in the same run on the same data.
// Target (issue 11): 2,000 × 1,440 first render ≤ 150 ms. BENCH_RUNS sets the runs per median (default 5; a
// figure whose runs take over 6 s in all stops at three).
import path from 'node:path';

import { baselineSrc } from './support/baseline';
import { FleetQueryResult, gaugeFleetResults } from './support/fleet-data';
import { installJsdom } from './support/jsdom';
import { allocatedBy, heapUsed, mb, medianTime, ms, speedup, table } from './support/measure';

const SIZES: ReadonlyArray<readonly [instances: number, steps: number]> = [
  [200, 240],
  [200, 1440],
  [2000, 240],
  [2000, 1440],
];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const RERENDERS = 21;
const WIDTH = 900;
const HEIGHT = 400;

interface GaugeCode {
  name: string;
  PanelComponent: (props: never) => unknown;
  viewModel: (results: FleetQueryResult[]) => unknown;
}

/** The panel plugin and the view-model entry points of one copy of `src/`. */
async function loadGauge(name: string, src: string): Promise<GaugeCode> {
  const gauge = path.join(src, 'panels/kv-queue-gauge');
  const { VllmKvQueueGauge } = await import(path.join(gauge, 'VllmKvQueueGauge'));
  const { buildKvQueueView } = await import(path.join(gauge, 'kv-queue-view-model'));
  const { assignQueryRoles } = await import(path.join(gauge, 'query-roles'));
  return {
    name,
    PanelComponent: VllmKvQueueGauge.PanelComponent,
    viewModel: (results) =>
      buildKvQueueView(
        assignQueryRoles(
          SPEC.queryRoles,
          results.map((r) => r.definition),
          results,
        ),
        { ...VllmKvQueueGauge.createInitialOptions(), ...SPEC },
      ),
  };
}

const SPEC = { queryRoles: ['kv', 'running', 'waiting'], sparklines: true, runningSparkline: true };

/** Reads every timestamp and value once; returns the sample count (and keeps the loop from being optimised away). */
function plainPass(results: FleetQueryResult[]): number {
  let samples = 0;
  let checksum = 0;
  for (const result of results) {
    for (const series of result.data.series) {
      const values = series.values;
      for (let i = 0; i < values.length; i++) {
        checksum += values[i][0] + values[i][1];
        samples++;
      }
    }
  }
  return Number.isNaN(checksum) ? -samples : samples;
}

interface Figures {
  viewModel: number;
  firstRender: number;
  resize: number;
  sameData: number;
  heap: number;
  allocated: number;
}

async function main(): Promise<void> {
  const container = installJsdom();
  // Imported after the DOM globals exist: react-dom and emotion read them at load time.
  const { createRoot, renderPanel } = await import('./support/render-panel');

  const codes: GaugeCode[] = [];
  const baseline = baselineSrc();
  if ('unavailable' in baseline) console.log(`(no baseline: ${baseline.unavailable})`);
  else codes.push(await loadGauge(`baseline ${baseline.ref}`, baseline.src));
  codes.push(await loadGauge('now', path.resolve(__dirname, '../../src')));

  type Root = ReturnType<typeof createRoot>;
  // The host keeps a panel's definition while the dashboard is unchanged: one object per data set.
  const definitions = new WeakMap<FleetQueryResult[], unknown>();
  const definitionOf = (results: FleetQueryResult[]) => {
    if (!definitions.has(results))
      definitions.set(results, { kind: 'Panel', spec: { queries: results.map((r) => r.definition) } });
    return definitions.get(results);
  };
  const render = (root: Root, code: GaugeCode, results: FleetQueryResult[], width: number, tick: number) =>
    renderPanel(root, code.PanelComponent, {
      spec: SPEC,
      queryResults: results,
      definition: definitionOf(results),
      contentDimensions: { width, height: HEIGHT },
      'data-tick': tick,
    });

  const measure = (code: GaugeCode, results: FleetQueryResult[]): Figures => {
    const viewModel = medianTime(RUNS, () => code.viewModel(results));
    let root: Root | undefined;
    const firstRender = medianTime(
      RUNS,
      () => render(root as Root, code, results, WIDTH, 0),
      () => {
        root?.unmount();
        root = createRoot(container);
      },
    );
    if (!document.querySelector('[data-testid="kv-queue-panel"]')) throw new Error(`${code.name}: no panel rendered`);
    const resize = medianTime(RERENDERS, (i) => render(root as Root, code, results, WIDTH + (i % 2 ? 40 : -40), i));
    const sameData = medianTime(RERENDERS, (i) => render(root as Root, code, results, WIDTH, 100 + i));
    root?.unmount();
    // What one first render allocates (garbage included), and what the mounted panel keeps beyond the query
    // results it was handed: its derived data and DOM.
    const before = heapUsed();
    root = createRoot(container);
    const allocated = allocatedBy(() => render(root as Root, code, results, WIDTH, 0));
    const heap = heapUsed() - before;
    root.unmount();
    return { viewModel, firstRender, resize, sameData, heap, allocated };
  };

  const rows: Array<{ size: string; figures: Figures[]; floor: number; samples: number }> = [];
  for (const [instances, steps] of SIZES) {
    const results = gaugeFleetResults({ instances, steps });
    const size = `${instances.toLocaleString('en')} × ${steps.toLocaleString('en')}`;
    let samples = 0;
    const floor = medianTime(RUNS, () => (samples = plainPass(results)));
    rows.push({ size, figures: codes.map((code) => measure(code, results)), floor, samples });
    console.log(`measured ${size}`);
  }

  console.log(
    `\nVllmKvQueueGauge at fleet sizes (instances × steps, 3 role queries, sparklines on), React 18 production ` +
      `build in jsdom, ${WIDTH} × ${HEIGHT} panel; medians of ${RUNS} (3 when slow; re-renders: of ${RERENDERS})`,
  );
  const figureRows: Array<[title: string, of: (f: Figures) => number, timed: boolean]> = [
    ['view model', (f) => f.viewModel, true],
    ['first render   (target: 2,000 × 1,440 ≤ 150 ms)', (f) => f.firstRender, true],
    ['re-render, resize ±40 px', (f) => f.resize, true],
    ['re-render, same data and size', (f) => f.sameData, true],
    ['heap allocated by one first render (garbage included)', (f) => f.allocated, false],
    ['heap kept by the mounted panel (after GC)', (f) => f.heap, false],
  ];
  console.log('\none plain pass reading every sample once (the least any exact view model of this data costs)');
  console.log(
    table(
      ['instances × steps', 'samples', 'plain pass'],
      rows.map(({ size, floor, samples }) => [size, samples.toLocaleString('en'), ms(floor)]),
    ),
  );
  for (const [title, of, timed] of figureRows) {
    const compare = (figures: Figures[]) =>
      timed ? speedup(of(figures[0]), of(figures[1])) : `${(of(figures[1]) / Math.max(1, of(figures[0]))).toFixed(2)}`;
    console.log(`\n${title}`);
    console.log(
      table(
        [
          'instances × steps',
          ...codes.map((c) => c.name),
          ...(codes.length > 1 ? [timed ? 'speed-up' : 'now/before'] : []),
        ],
        rows.map(({ size, figures }) => [
          size,
          ...figures.map((f) => (timed ? ms(of(f)) : mb(of(f)))),
          ...(figures.length > 1 ? [compare(figures)] : []),
        ]),
      ),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
