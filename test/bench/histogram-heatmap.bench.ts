// Benchmark (figures only, no pass/fail): the VllmHistogramHeatmap in real Chromium (Debian's, headless), drawn by
// ECharts on canvas. Two workloads: one histogram over 7 days at 1-minute steps × 22 buckets (10,080 steps,
// 221,760 cells), and 20 histograms as small multiples over a day (1,440 steps × 22 buckets each). For each: the
// first render (query results → view model → ECharts options → painted canvas), the median re-render with the
// same props (a dashboard re-render), and the median refresh with new data of the same shape.

import { openScenePage } from '../e2e/scene-page';

const REPEATS = Number(process.env.BENCH_RUNS ?? 5);
const SCENES = ['7 days × 22 buckets', '20 histograms × 1 day'];

interface Figures {
  first: number;
  rerender: number;
  refresh: number;
}

async function main(): Promise<void> {
  const { browser, page } = await openScenePage('heatmap', { viewport: { width: 1100, height: 900 }, hash: 'bench' });
  try {
    await page.waitForFunction(() => 'heatmapBench' in window);
    console.log(`VllmHistogramHeatmap in Chromium, ms (median of ${REPEATS} where repeated)`);
    console.log('| workload | first render | re-render (same props) | refresh (new data) |');
    console.log('|---|---:|---:|---:|');
    for (const name of SCENES) {
      const f = await page.evaluate(
        ([scene, repeats]) =>
          (window as unknown as { heatmapBench: (n: string, r: number) => Figures }).heatmapBench(
            scene as string,
            repeats as number,
          ),
        [name, REPEATS] as const,
      );
      console.log(`| ${name} | ${f.first.toFixed(0)} | ${f.rerender.toFixed(1)} | ${f.refresh.toFixed(0)} |`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
