// Benchmark (figures and ratios, never pass/fail): the VllmLatencyQuad panel at fleet size — 20, 500 and 2,000
// histogram groups × 22 buckets × 1,440 one-minute steps (a day), and a week at the step Perses picks for a
// 900 px panel — against the code before the fleet-scale work (test/bench/support/baseline.ts) in the same run.
// Rendered through the public panel component by React 18's production build into jsdom, 900 × 400 px, like a
// half-width dashboard panel. Per size: the view model alone, the first render (query result → DOM), a re-render
// with unchanged data, a re-render on resize, and the heap the mounted panel keeps.
//
//   tsx test/bench/latency-quad-scale.bench.tsx        (part of `npm run bench`; BENCH_QUAD_GROUPS=20,500 to pick sizes)
import path from 'node:path';

import { baselineSrc } from './support/baseline';
import { installJsdom } from './support/jsdom';
import { liveHeap, markdownTable, mb, median, ms, speedup, time } from './support/measure';
import { defaultRangeSteps } from './support/perses-step';
import { quadQueryResults } from './support/quad-data';

const WIDTH = 900;
const HEIGHT = 400;
const RUNS = 5;
const RERENDERS = 20;

interface PanelCode {
  label: string;
  LatencyQuadPanel: (props: never) => unknown;
  buildQuadViewModel: (results: never, spec: never) => unknown;
  spec: unknown;
}

async function loadCode(label: string, src: string): Promise<PanelCode> {
  const panel = await import(path.join(src, 'panels/latency-quad/LatencyQuadPanel'));
  const model = await import(path.join(src, 'panels/latency-quad/quad-view-model'));
  const specs = await import(path.join(src, 'panels/latency-quad/latency-quad-spec'));
  const spec = { ...specs.createInitialLatencyQuadOptions(), groups: { nameFormat: '{{model_name}} · {{pod}}' } };
  return { label, LatencyQuadPanel: panel.LatencyQuadPanel, buildQuadViewModel: model.buildQuadViewModel, spec };
}

interface Figures {
  viewModel: number;
  first: number;
  same: number;
  resized: number;
  heap: number;
  runs: number;
}

async function main(): Promise<void> {
  const container = installJsdom();
  // Imported after the DOM globals exist: react-dom and emotion read them at load time.
  const { createRoot, renderPanel } = await import('./support/render-panel');
  const baseline = baselineSrc();
  const codes: PanelCode[] = [];
  if ('unavailable' in baseline)
    console.log(`baseline unavailable: ${baseline.unavailable}; printing today's figures only`);
  else codes.push(await loadCode(`before (${baseline.ref})`, baseline.src));
  codes.push(await loadCode('now', path.resolve(__dirname, '../../src')));

  const week = defaultRangeSteps(7 * 86_400, WIDTH);
  const sizes = (process.env.BENCH_QUAD_GROUPS ?? '20,500,2000').split(',').map(Number);
  const scenarios = [
    ...sizes.map((groups) => ({ groups, steps: 1440, stepMs: 60_000, what: 'a day at 1 m' })),
    {
      groups: 500,
      steps: week.steps,
      stepMs: week.stepSeconds * 1000,
      what: `7 d at Perses's ${week.stepSeconds / 60} m`,
    },
  ];

  const rows: string[][] = [];
  for (const scenario of scenarios) {
    const data = quadQueryResults(scenario);
    const figures: Figures[] = [];
    for (const code of codes) {
      // The slow baseline at 2,000 groups takes many seconds per run: fewer runs there.
      const runs = code.label === 'now' || scenario.groups < 2000 ? RUNS : 3;
      const render = (root: ReturnType<typeof createRoot>, width: number, tick: number) =>
        renderPanel(root, code.LatencyQuadPanel, {
          spec: code.spec,
          queryResults: data,
          contentDimensions: { width, height: HEIGHT },
          'data-tick': tick,
        });
      const viewModel: number[] = [];
      for (let i = 0; i < runs; i++)
        viewModel.push(time(() => code.buildQuadViewModel(data as never, code.spec as never)));
      const first: number[] = [];
      let heap = 0;
      for (let i = 0; i < runs; i++) {
        const before = liveHeap();
        const root = createRoot(container);
        first.push(time(() => render(root, WIDTH, 0)));
        heap = liveHeap() - before;
        if (i < runs - 1) root.unmount();
        else {
          const same: number[] = [];
          for (let k = 1; k <= RERENDERS; k++) same.push(time(() => render(root, WIDTH, k)));
          const resized: number[] = [];
          for (let k = 1; k <= RERENDERS; k++) resized.push(time(() => render(root, WIDTH + (k % 2 ? 40 : -40), k)));
          root.unmount();
          figures.push({
            viewModel: median(viewModel),
            first: median(first),
            same: median(same),
            resized: median(resized),
            heap,
            runs,
          });
        }
      }
    }
    const name = `${scenario.groups.toLocaleString('en-US')} groups × ${scenario.steps.toLocaleString('en-US')} steps (${scenario.what})`;
    const cell = (pick: (f: Figures) => number, show: (x: number) => string) =>
      figures.length === 2
        ? `${show(pick(figures[0]))} → ${show(pick(figures[1]))} (${speedup(pick(figures[0]), pick(figures[1]))})`
        : show(pick(figures[0]));
    rows.push([
      name,
      cell((f) => f.viewModel, ms),
      cell((f) => f.first, ms),
      cell((f) => f.same, ms),
      cell((f) => f.resized, ms),
      cell((f) => f.heap, mb),
    ]);
    console.log(`  ${name}: done`);
  }
  console.log(
    `\nVllmLatencyQuad at fleet size: ${WIDTH}×${HEIGHT} px, 4 tiles with sparklines, React 18 production build in jsdom; ` +
      `before → now (before ÷ now); medians of ${RUNS} (before at 2,000 groups: 3), re-renders median of ${RERENDERS}; ` +
      `heap = what the mounted panel keeps, after a full GC\n`,
  );
  console.log(
    markdownTable(
      ['data', 'view model', 'first render', 're-render, same data', 're-render, resized ±40 px', 'heap kept'],
      rows,
    ),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
