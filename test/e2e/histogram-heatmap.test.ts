// In a real browser (Debian's Chromium), the VllmHistogramHeatmap draws every scene of histogram-heatmap-scenes.ts
// in both themes, small and large: a canvas per histogram with the cells painted, idle steps left blank (the
// panel background shows through), quantile lines and markers present in the chart, bad input as a message, and
// no console error. Screenshots go to test-results/histogram-heatmap/.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { Browser, Page } from 'playwright-core';

import { buildHeatmapViewModel, HeatmapHistogram } from '../../src/panels/histogram-heatmap/heatmap-view-model';
import { createInitialHistogramHeatmapOptions } from '../../src/panels/histogram-heatmap/histogram-heatmap-spec';
import { HEATMAP_SCENES, IDLE_STEPS, ttft } from './histogram-heatmap-scenes';
import { openScenePage } from './scene-page';

const ARTIFACTS = join(__dirname, '..', '..', 'test-results', 'histogram-heatmap');
const THEMES = ['light', 'dark'] as const;

let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  ({ browser, page } = await openScenePage('heatmap', { viewport: { width: 1100, height: 900 }, errors }));
  await page.waitForFunction(
    (expected) => document.querySelectorAll('[data-testid="heatmap-histogram"] canvas').length >= expected,
    HEATMAP_SCENES.filter((s) => !s.message).length * 2,
  );
  // ECharts paints on the next animation frame after setOption.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  mkdirSync(ARTIFACTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

interface Painted {
  width: number;
  height: number;
  /** Distinct colours on the canvas (coarsely quantised). */
  colours: number;
}

async function canvasesOf(scene: string): Promise<Painted[]> {
  return page.$$eval(`[data-scene="${scene}"] canvas`, (canvases) =>
    canvases.map((c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 7)
        seen.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
      return { width: canvas.clientWidth, height: canvas.clientHeight, colours: seen.size };
    }),
  );
}

describe.each(THEMES)('%s theme', (theme) => {
  test.each(HEATMAP_SCENES.filter((s) => !s.message).map((s) => [s.name, s] as const))(
    '%s: every histogram is painted at the panel size',
    async (name, scene) => {
      const painted = await canvasesOf(`${theme}: ${name}`);
      const expected = name.startsWith('small multiples') ? 3 : 1;
      expect(painted).toHaveLength(expected);
      for (const p of painted) {
        expect(p.width).toBeGreaterThan(scene.width * 0.9);
        // A painted heatmap or bar chart has many colours (the sequential scale), not just axes on a background.
        expect(p.colours).toBeGreaterThan(8);
      }
      await page
        .locator(`[data-scene="${theme}: ${name}"]`)
        .screenshot({ path: join(ARTIFACTS, `${theme}-${name.replace(/[^a-z0-9]+/gi, '-')}.png`) });
    },
  );

  test('bad input shows its message, not a chart', async () => {
    for (const scene of HEATMAP_SCENES.filter((s) => s.message)) {
      const text = await page.locator(`[data-scene="${theme}: ${scene.name}"]`).innerText();
      expect(text).toMatch(scene.message!);
      expect(await canvasesOf(`${theme}: ${scene.name}`)).toEqual([]);
    }
  });

  test('idle steps are blank: the cell area shows the background, busy steps show cells', async () => {
    const scene = `${theme}: over time, large`;
    const result = await page.evaluate(
      ({ scene, idle, busy, stepMs, rows }) => {
        const echarts = (window as unknown as { echarts: typeof import('echarts') }).echarts;
        const dom = document.querySelector(`[data-scene="${scene}"] [data-testid="heatmap-histogram"] canvas`)!
          .parentElement!.parentElement as HTMLElement;
        const chart = echarts.getInstanceByDom(dom)!;
        const canvas = dom.querySelector('canvas')!;
        const ctx = canvas.getContext('2d')!;
        const ratio = canvas.width / canvas.clientWidth;
        const pixel = (t: number, row: number) => {
          const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [t + stepMs / 2, row + 0.5]) as number[];
          return Array.from(ctx.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data);
        };
        return {
          idle: rows.map((r) => pixel(idle, r)),
          busy: rows.map((r) => pixel(busy, r)),
          background: getComputedStyle(document.querySelector(`[data-scene="${scene}"]`)!.parentElement!.parentElement!)
            .backgroundColor,
        };
      },
      { scene, idle: ttft[0].values[IDLE_STEPS[2]][0], busy: ttft[0].values[5][0], stepMs: 60_000, rows: [0, 3, 6] },
    );
    const rgb = result.background.match(/\d+/g)!.slice(0, 3).map(Number);
    // Idle cells: transparent canvas (alpha 0) over the page background; busy cells: opaque paint.
    for (const p of result.idle) expect(p[3]).toBe(0);
    for (const p of result.busy) expect(p[3]).toBe(255);
    expect(rgb).toHaveLength(3);
  });

  test('the chart carries one line per quantile (over time) and one marker per quantile plus the SLO (distribution)', async () => {
    const counts = await page.evaluate((theme) => {
      const echarts = (window as unknown as { echarts: typeof import('echarts') }).echarts;
      const optionOf = (scene: string) => {
        const canvas = document.querySelector(`[data-scene="${theme}: ${scene}"] canvas`)!;
        return echarts.getInstanceByDom(canvas.parentElement!.parentElement as HTMLElement)!.getOption() as {
          series: Array<{ type: string; name: string; markLine?: { data: unknown[] } }>;
        };
      };
      const overTime = optionOf('over time, large');
      const distribution = optionOf('distribution, large, SLO');
      return {
        lines: overTime.series.filter((s) => s.type === 'line').map((s) => s.name),
        markers: distribution.series[0].markLine?.data.length,
      };
    }, theme);
    expect(counts).toEqual({ lines: ['p50', 'p90', 'p99'], markers: 4 });
  });
});

test('hovering a cell shows its bucket range, share and count, as the view model has them', async () => {
  const scene = 'light: over time, large';
  const [h] = (
    buildHeatmapViewModel([{ data: { series: ttft } }], createInitialHistogramHeatmapOptions()) as {
      histograms: HeatmapHistogram[];
    }
  ).histograms;
  const step = 5;
  const row = 8;
  await page.locator(`[data-scene="${scene}"]`).scrollIntoViewIfNeeded();
  const point = await page.evaluate(
    ({ scene, t, row }) => {
      const echarts = (window as unknown as { echarts: typeof import('echarts') }).echarts;
      const canvas = document.querySelector(`[data-scene="${scene}"] canvas`)!;
      const chart = echarts.getInstanceByDom(canvas.parentElement!.parentElement as HTMLElement)!;
      const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [t, row + 0.5]) as number[];
      const box = canvas.getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    },
    { scene, t: h.timestamps[step] + 30_000, row },
  );
  await page.mouse.move(point.x, point.y);
  const tooltip = page.locator(`[data-scene="${scene}"] [data-testid="heatmap-cell-tooltip"]`);
  const text = await tooltip.innerText();
  const share = h.shares[step * h.rows.length + row];
  expect(text).toContain(h.rows[row].range);
  expect(text).toContain(`share ${Number((share * 100).toPrecision(4))} %`);
  expect(text).toContain(`count ${Number(h.counts[step * h.rows.length + row].toPrecision(6))}`);
});

test('no console error or uncaught exception while rendering', () => {
  expect(errors).toEqual([]);
});
