// The whole chain in a real browser: vLLM fleet → Prometheus → Perses server (our archive loaded from its plugin
// folder) → the Perses web app it serves → our panels loaded by Module Federation. Numbers on screen are checked against
// Prometheus's own answers for the same query, range and step.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { formatValue } from '@perses-dev/core';
import { Page } from 'playwright-core';

import {
  BrowserSession,
  dashboardUrl,
  openBrowser,
  PageWatch,
  panelTitles,
  prepareWait,
  waitForPanels,
  watchPage,
} from '../support/browser';
import { addPanelTypes, closePanelEditor, enterEditMode, openEditorTab, openPanelEditor } from '../support/perses-app';
import { freePort } from '../support/prometheus';
import { parseSeconds, referenceMeans, referenceQuantiles, sentQueryFor, summedOverSteps } from '../support/reference';
import {
  instantQuery,
  promApi,
  rangeEndingOnAFilledMinute,
  ROOT,
  Stack,
  startStack,
  waitForData,
} from '../support/stack';

interface PanelSpec {
  kind: 'Panel';
  spec: {
    display: { name: string };
    plugin: { kind: string; spec: Record<string, unknown> };
    queries?: Array<{ spec: { plugin: { spec: { query: string } } } }>;
  };
}
interface Dashboard {
  metadata: { name: string; project: string };
  spec: {
    display?: { name: string };
    panels: Record<string, PanelSpec>;
    layouts: Array<{
      spec: {
        display?: { title?: string; collapse?: { open: boolean } };
        items: Array<{ content: { $ref: string } }>;
      };
    }>;
  };
}

const ARTIFACTS = join(ROOT, 'test-results', 'e2e');
/** A test that opens both dashboards may wait waitForPanels' 180 s for each, plus its own work. */
const BOTH_DASHBOARDS_MS = 2 * 180_000 + 60_000;
const WINDOW_MS = 5 * 60_000;

let stack: Stack;
let browser: BrowserSession;
let dashboards: Dashboard[];
/** One absolute range for every page, ending in the past so the data under it no longer changes. */
let range: { start: number; end: number };

async function persesGet<T>(path: string): Promise<T> {
  const res = await fetch(`${stack.perses}${path}`);
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Panels in rows that are open (Perses does not render the panels of a collapsed row). */
function visiblePanels(d: Dashboard): PanelSpec[] {
  return d.spec.layouts
    .filter((l) => l.spec.display?.collapse?.open !== false)
    .flatMap((l) => l.spec.items.map((i) => d.spec.panels[i.content.$ref.split('/').pop()!]))
    .filter(Boolean);
}

interface OpenedDashboard {
  page: Page;
  watch: PageWatch;
}

async function openDashboard(project: string, name: string): Promise<OpenedDashboard> {
  const page = await browser.context.newPage();
  const watch = watchPage(page);
  prepareWait(page);
  await page.goto(dashboardUrl(stack.app, project, name, range.start, range.end));
  await waitForPanels(page);
  return { page, watch };
}

/** Opens every collapsed row (Perses renders a collapsed row's panels only once it is opened) and waits for them. */
async function expandCollapsedRows(page: Page, d: Dashboard): Promise<string[]> {
  const titles = d.spec.layouts
    .filter((l) => l.spec.display?.collapse?.open === false)
    .map((l) => l.spec.display!.title!);
  if (titles.length === 0) return titles;
  // Perses renders a panel only once it is in view: a taller window keeps the opened rows in view too.
  await page.setViewportSize({ width: 1600, height: 3400 });
  for (const title of titles) await page.getByRole('button', { name: `expand group ${title}` }).click();
  await waitForPanels(page);
  return titles;
}

/** Legend and table cells whose text the browser cuts (CSS ellipsis: content wider than the cell), per panel. */
async function cutCells(page: Page, selector: string): Promise<Array<{ panel: string; text: string }>> {
  return page.$$eval(
    '[data-testid="panel"]',
    (panels, cellSelector) =>
      panels.flatMap((p) => {
        const id = p.getAttribute('aria-labelledby');
        const panel = ((id && document.getElementById(id)?.textContent) || '').trim();
        return [...p.querySelectorAll(cellSelector)]
          .map((cell) => cell.querySelector('#original-cell') ?? cell)
          .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
          .map((cell) => ({ panel, text: (cell.textContent ?? '').trim() }));
      }),
    selector,
  );
}

/** Table panels whose last column ends beyond the panel's right edge (a reader would have to scroll to see it). */
async function overflowingTables(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="panel"]', (panels) =>
    panels.flatMap((p) => {
      const headers = [...p.querySelectorAll('thead th')];
      const last = headers[headers.length - 1];
      if (!last || last.getBoundingClientRect().right <= p.getBoundingClientRect().right + 1) return [];
      const id = p.getAttribute('aria-labelledby');
      return [((id && document.getElementById(id)?.textContent) || '').trim()];
    }),
  );
}

/** Text of a Table panel, row by row (cells in column order), from the DOM. */
async function tableText(page: Page, title: string): Promise<string[][]> {
  const panel = page.locator('[data-testid="panel"]', { has: page.getByText(title, { exact: true }) }).first();
  return panel
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
}

/** Text of every tile, by panel title → row name → tiles in display order. */
async function quadTiles(page: Page): Promise<Record<string, Record<string, string[]>>> {
  return page.$$eval('[data-testid="panel"]', (panels) => {
    const out: Record<string, Record<string, string[]>> = {};
    for (const p of panels) {
      const id = p.getAttribute('aria-labelledby');
      const title = ((id && document.getElementById(id)?.textContent) || '').trim();
      const rows = [...p.querySelectorAll('[data-testid="quad-row"]')];
      if (rows.length === 0) continue;
      out[title] = Object.fromEntries(
        rows.map((r) => [
          r.getAttribute('data-group') ?? '',
          [...r.querySelectorAll('[data-testid="quad-tile-value"]')].map((t) => (t.textContent ?? '').trim()),
        ]),
      );
    }
    return out;
  });
}

interface HeatmapChart {
  mode: string | null;
  problems: string[];
  canvases: number;
  /** Distribution: the bucket axis labels and the bar shares, in drawing order. */
  labels: string[];
  shares: number[];
  /** Over time: each quantile line's name and its [time ms, quantile value (NaN: no number)] points. */
  lines: Array<{ name: string; points: Array<[number, number]> }>;
}

/**
 * What each VllmHistogramHeatmap chart of a panel draws. ECharts paints on a canvas, so the option the panel handed
 * Perses's EChart wrapper is read from the React props of that component, under the panel's chart box.
 */
async function heatmapCharts(page: Page, title: string): Promise<HeatmapChart[]> {
  const panel = page.locator('[data-testid="panel"]', { has: page.getByText(title, { exact: true }) }).first();
  return panel.locator('[data-testid="heatmap-histogram"]').evaluateAll((nodes) =>
    nodes.map((node) => {
      type Fiber = { child: Fiber | null; sibling: Fiber | null; memoizedProps?: { option?: unknown } };
      const key = Object.keys(node).find((k) => k.startsWith('__reactFiber$'))!;
      const pending: Array<Fiber | null> = [(node as unknown as Record<string, Fiber>)[key].child];
      let option: Record<string, unknown> | undefined;
      while (pending.length > 0 && !option) {
        const f = pending.pop();
        if (!f) continue;
        option = f.memoizedProps?.option as Record<string, unknown> | undefined;
        pending.push(f.child, f.sibling);
      }
      const axes = ([] as Array<{ type: string; data?: string[] }>).concat(
        (option?.xAxis ?? []) as never,
        (option?.yAxis ?? []) as never,
      );
      const series = (option?.series ?? []) as Array<{ type: string; name: string; data: unknown[][] }>;
      return {
        mode: node.closest('[data-mode]')?.getAttribute('data-mode') ?? null,
        problems: [...node.querySelectorAll('[role="status"]')].map((e) => e.textContent ?? ''),
        canvases: [...node.querySelectorAll('canvas')].filter((c) => c.clientWidth > 0 && c.clientHeight > 0).length,
        labels: axes.find((a) => a.type === 'category')?.data ?? [],
        shares: (series.find((x) => x.name === 'share')?.data ?? []).map((d) => d[1] as number),
        lines: series
          .filter((x) => x.type === 'line' && x.name !== 'cumulative')
          .map((x) => ({ name: x.name, points: x.data.map((d) => [d[0], d[2]] as [number, number]) })),
      };
    }),
  );
}

const SHORT_SCALE: Record<string, number> = { '': 1, K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

/** "≤ 500" → 500, "≤ 1K" → 1000, "> 2K" → Infinity: a bucket axis label's upper bound (NaN if unreadable). */
function labelBound(label: string): number {
  const m = /^(≤|>) ([\d,.]+)([KMBT]?)$/.exec(label);
  if (!m) return NaN;
  return m[1] === '>' ? Infinity : Number(m[2].replace(/,/g, '')) * SHORT_SCALE[m[3]];
}

beforeAll(async () => {
  stack = await startStack();
  // Both models must have finished requests and a few scrapes behind them before the window closes.
  await waitForData(stack, 'sum by (model_name) (increase(vllm:e2e_request_latency_seconds_count[30s]))', 2, 180_000);
  // The quads use 1-minute steps aligned on the minute, so the range must end on a minute whose rate window
  // already holds scrapes of finished requests; otherwise every quad would rightly show "No samples".
  range = await rangeEndingOnAFilledMinute(stack, WINDOW_MS);
  dashboards = await persesGet<Dashboard[]>(`/api/v1/projects/${stack.project}/dashboards`);
  browser = await openBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 60_000);

test('both bundled dashboards are served by the Perses server', () => {
  expect(dashboards.map((d) => d.metadata.name).sort()).toEqual([
    'vllm-performance-statistics',
    'vllm-query-statistics',
  ]);
});

test(
  'each dashboard renders every panel with no console error; screenshots saved',
  async () => {
    for (const d of dashboards) {
      const { page, watch } = await openDashboard(d.metadata.project, d.metadata.name);
      const titles = await panelTitles(page);
      for (const panel of visiblePanels(d)) expect(titles).toContain(panel.spec.display.name);
      const file = join(ARTIFACTS, `${d.metadata.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      expect({ dashboard: d.metadata.name, pageErrors: watch.pageErrors, consoleErrors: watch.consoleErrors }).toEqual({
        dashboard: d.metadata.name,
        pageErrors: [],
        consoleErrors: [],
      });
      await page.close();
    }
  },
  BOTH_DASHBOARDS_MS,
);

test(
  'legend values and table figures are never cut (no ellipsis) at the default sizes',
  async () => {
    const cut: Array<{ dashboard: string; panel: string; text: string }> = [];
    for (const d of dashboards) {
      const { page } = await openDashboard(d.metadata.project, d.metadata.name);
      await expandCollapsedRows(page, d);
      // Legend value columns (mean, last, max, …) of the official time-series charts, and every table cell but the
      // first (a legend's checkbox, a table's model), which a reader can widen.
      const legendValues = ['mean', 'last-number', 'max', 'min', 'sum'].map((v) => `[data-testid$="_${v}"]`).join(',');
      for (const c of await cutCells(page, legendValues)) cut.push({ dashboard: d.metadata.name, ...c });
      for (const c of await cutCells(page, 'tbody td:not(:first-child)'))
        cut.push({ dashboard: d.metadata.name, ...c });
      for (const panel of await overflowingTables(page))
        cut.push({ dashboard: d.metadata.name, panel, text: 'columns beyond the panel edge' });
      await page.close();
    }
    expect(cut).toEqual([]);
  },
  BOTH_DASHBOARDS_MS,
);

test(
  'the wide per-model summary, the length distributions, the latency heatmaps and the optional-feature rows read as intended',
  async () => {
    const query = dashboards.find((d) => d.metadata.name === 'vllm-query-statistics')!;
    const { page, watch } = await openDashboard(query.metadata.project, query.metadata.name);
    // One row per model of the stack, in the model column; no sorting prefixes; every figure has a header.
    const summary = page.locator('[data-testid="panel"]', {
      has: page.getByText('Per-model summary over the range', { exact: true }),
    });
    const headers = (await summary.locator('thead th').allTextContents()).map((h) => h.trim());
    expect(headers).toEqual([
      'Model',
      'Req/s',
      'In tok/s',
      'Out tok/s',
      'Prompt mean',
      'Prompt p50',
      'Prompt p90',
      'Prompt p99',
      'Errors',
      'Peak KV',
      'Preemptions',
      'Targets up',
    ]);
    const rows = await tableText(page, 'Per-model summary over the range');
    expect(rows.map((r) => r[0]).sort()).toEqual([...new Set(stack.fleet.map((p) => p.model))].sort());
    for (const row of rows)
      expect({ model: row[0], empty: row.filter((c) => c === '') }).toEqual({ model: row[0], empty: [] });
    // The distributions draw one bar per bucket, in numeric order up to +Inf, each the bucket's share of the
    // observations in the panel's steps as Prometheus sums them.
    for (const panel of visiblePanels(query).filter((p) => p.spec.plugin.kind === 'VllmHistogramHeatmap')) {
      const title = panel.spec.display.name;
      const charts = await heatmapCharts(page, title);
      expect(charts.map((c) => ({ title, mode: c.mode, problems: c.problems, canvases: c.canvases }))).toEqual([
        { title, mode: 'distribution', problems: [], canvases: 1 },
      ]);
      const [{ labels, shares }] = charts;
      const bounds = labels.map(labelBound);
      expect({ title, labels, ordered: bounds.every((b, i) => i === 0 || b > bounds[i - 1]) }).toEqual({
        title,
        labels,
        ordered: true,
      });
      expect(bounds.length).toBeGreaterThan(5);
      expect(bounds[bounds.length - 1]).toBe(Infinity);
      const sent = sentQueryFor(panel.spec.queries![0].spec.plugin.spec.query, watch.promRequests);
      const summed = new Map(
        (await instantQuery(stack, summedOverSteps(sent), sent.end)).map((x) => [
          x.metric.le === '+Inf' ? Infinity : Number(x.metric.le),
          Number(x.value[1]),
        ]),
      );
      const total = summed.get(Infinity)!;
      expect(total).toBeGreaterThan(0);
      const want = bounds.map((b, i) => (summed.get(b)! - (i > 0 ? summed.get(bounds[i - 1])! : 0)) / total);
      expect(shares).toHaveLength(want.length);
      shares.forEach((share, i) =>
        expect({ title, bucket: labels[i], share: Math.abs(share - want[i]) <= 1e-9 }).toEqual({
          title,
          bucket: labels[i],
          share: true,
        }),
      );
    }
    expect(watch.pageErrors).toEqual([]);
    await page.close();

    // Performance Statistics: the collapsed rows open and show the stand-in fleet's spec decode and LoRA pod.
    const perf = dashboards.find((d) => d.metadata.name === 'vllm-performance-statistics')!;
    const opened = await openDashboard(perf.metadata.project, perf.metadata.name);
    expect(await expandCollapsedRows(opened.page, perf)).toEqual([
      'Latency heatmaps',
      'Speculative decoding',
      'LoRA adapters',
    ]);
    // The latency heatmaps: one chart each over time, its p50/p90/p99 lines equal histogram_quantile per step.
    const heatmaps = perf.spec.layouts
      .find((l) => l.spec.display?.title === 'Latency heatmaps')!
      .spec.items.map((i) => perf.spec.panels[i.content.$ref.split('/').pop()!]);
    expect(heatmaps.map((p) => p.spec.plugin.kind)).toEqual(['VllmHistogramHeatmap', 'VllmHistogramHeatmap']);
    for (const panel of heatmaps) {
      const title = panel.spec.display.name;
      const charts = await heatmapCharts(opened.page, title);
      expect(charts.map((c) => ({ title, mode: c.mode, problems: c.problems, canvases: c.canvases }))).toEqual([
        { title, mode: 'over-time', problems: [], canvases: 1 },
      ]);
      const [{ lines }] = charts;
      expect(lines.map((l) => l.name)).toEqual(['p50', 'p90', 'p99']);
      const sent = sentQueryFor(panel.spec.queries![0].spec.plugin.spec.query, opened.watch.promRequests);
      let compared = 0;
      for (const line of lines) {
        const q = Number(line.name.slice(1)) / 100;
        const [reference] = (
          await promApi<{ result: Array<{ values: Array<[number, string]> }> }>(stack, '/api/v1/query_range', {
            query: `histogram_quantile(${q}, ${sent.query})`,
            start: sent.start,
            end: sent.end,
            step: sent.step,
          })
        ).result;
        const byTime = new Map(reference.values.map(([t, v]) => [t * 1000, Number(v)]));
        for (const [t, v] of line.points) {
          const want = byTime.get(t);
          // No number from Prometheus (no traffic in the step) → a gap in the line, not a value.
          if (want === undefined || !Number.isFinite(want)) {
            expect({ title, line: line.name, t, drawn: Number.isFinite(v) }).toEqual({
              title,
              line: line.name,
              t,
              drawn: false,
            });
            continue;
          }
          expect({ title, line: line.name, t, close: Math.abs(v - want) <= 1e-9 * Math.max(1, want) }).toEqual({
            title,
            line: line.name,
            t,
            close: true,
          });
          compared += 1;
        }
      }
      expect(compared).toBeGreaterThan(0);
    }
    const specModels = new Set(
      stack.fleet.filter((p) => (p as { specDecode?: unknown }).specDecode).map((p) => p.model),
    );
    const spec = await tableText(opened.page, 'Speculative decoding per model');
    expect(spec.map((r) => r[0]).sort()).toEqual([...new Set(stack.fleet.map((p) => p.model))].sort());
    for (const row of spec) {
      if (specModels.has(row[0]))
        expect({ row }).toEqual({
          row: [
            row[0],
            expect.stringMatching(/^\d+$/),
            expect.stringMatching(/%$/),
            expect.stringMatching(/^\d\.\d\d$/),
          ],
        });
      else expect({ row }).toEqual({ row: [row[0], expect.stringMatching(/^\d+$/), 'not enabled', 'not enabled'] });
    }
    await opened.page.screenshot({ path: join(ARTIFACTS, 'performance-statistics-expanded.png'), fullPage: true });
    const lora = await tableText(opened.page, 'LoRA adapters');
    const loraPods = stack.fleet.filter((p) => (p as { lora?: unknown }).lora).map((p) => p.pod);
    expect(lora.map((r) => r.find((c) => loraPods.includes(c)))).toEqual(loraPods);
    expect(opened.watch.pageErrors).toEqual([]);
    await opened.page.close();
  },
  BOTH_DASHBOARDS_MS,
);

test(
  'every VllmLatencyQuad tile equals Prometheus histogram_quantile (and Σ_sum/Σcount for the mean)',
  async () => {
    let compared = 0;
    // Every comparison, kept as a test artifact (test-results/e2e/quad-tiles.json) for the record.
    const record: Array<{ tile: string; shown: string; prometheus: number }> = [];
    for (const d of dashboards) {
      const quads = visiblePanels(d).filter((p) => p.spec.plugin.kind === 'VllmLatencyQuad');
      if (quads.length === 0) continue;
      const { page, watch } = await openDashboard(d.metadata.project, d.metadata.name);
      const shown = await quadTiles(page);
      for (const panel of quads) {
        const title = panel.spec.display.name;
        const spec = panel.spec.plugin.spec as {
          statistics?: Array<{ kind: 'mean' } | { kind: 'quantile'; quantile: number }>;
          valueOverRange?: string;
          meanInput?: string;
          groups?: { nameFormat?: string };
        };
        // The reference below is for the default range mode with `_sum` rates; other modes need another reference.
        expect({ title, mode: spec.valueOverRange ?? 'range', meanInput: spec.meanInput ?? 'sum' }).toEqual({
          title,
          mode: 'range',
          meanInput: 'sum',
        });
        const nameFormat = spec.groups?.nameFormat;
        if (!nameFormat) throw new Error(`${title}: the reference needs groups.nameFormat to name rows`);
        const statistics = spec.statistics ?? [
          { kind: 'mean' },
          { kind: 'quantile', quantile: 0.5 },
          { kind: 'quantile', quantile: 0.9 },
          { kind: 'quantile', quantile: 0.99 },
        ];
        const sent = sentQueryFor(panel.spec.queries![0].spec.plugin.spec.query, watch.promRequests);
        const rows = shown[title];
        if (!rows) {
          // No rows is right only when Prometheus saw no request in the panel's steps either.
          const series = (await instantQuery(stack, summedOverSteps(sent), sent.end)).map((x) =>
            JSON.stringify(x.metric),
          );
          const text = await page
            .locator('[data-testid="panel"]', { has: page.getByText(title, { exact: true }) })
            .first()
            .textContent();
          expect({ title, prometheusSeries: series, says: /No samples/.test(text ?? '') }).toEqual({
            title,
            prometheusSeries: [],
            says: true,
          });
          continue;
        }
        for (const [i, stat] of statistics.entries()) {
          const expected =
            stat.kind === 'mean'
              ? await referenceMeans(stack, sent, nameFormat)
              : await referenceQuantiles(stack, sent, stat.quantile, nameFormat);
          for (const [row, tiles] of Object.entries(rows)) {
            const want = expected.get(row);
            const text = tiles[i];
            const got = parseSeconds(text);
            const where = `${d.metadata.name} / ${title} / ${row} / ${stat.kind === 'mean' ? 'mean' : `p${stat.quantile * 100}`}`;
            if (want === undefined || !Number.isFinite(want)) {
              // No number from Prometheus → the tile must say so rather than show one.
              expect({ where, text, parsed: got }).toEqual({ where, text, parsed: undefined });
              continue;
            }
            if (!got) throw new Error(`${where}: tile shows "${text}", Prometheus says ${want}`);
            expect({
              where,
              text,
              withinDisplayPrecision: Math.abs(got.value - want) <= got.tolerance,
              prometheus: want,
            }).toEqual({
              where,
              text,
              withinDisplayPrecision: true,
              prometheus: want,
            });
            record.push({ tile: where, shown: text, prometheus: want });
            compared += 1;
          }
        }
      }
      await page.close();
    }
    writeFileSync(join(ARTIFACTS, 'quad-tiles.json'), JSON.stringify(record, null, 2));
    expect(compared).toBeGreaterThanOrEqual(8);
  },
  BOTH_DASHBOARDS_MS,
);

test(
  'the KV-cache/queue gauge shows the KV, running and waiting figures Prometheus gives',
  async () => {
    let compared = 0;
    for (const d of dashboards) {
      const gauges = visiblePanels(d).filter((p) => p.spec.plugin.kind === 'VllmKvQueueGauge');
      if (gauges.length === 0) continue;
      const { page, watch } = await openDashboard(d.metadata.project, d.metadata.name);
      for (const panel of gauges) {
        const title = panel.spec.display.name;
        const spec = panel.spec.plugin.spec as {
          queryRoles?: string[];
          valueOverRange?: string;
          kvScale?: string;
          decimalPlaces?: number;
        };
        expect({ title, valueOverRange: spec.valueOverRange ?? 'last', kvScale: spec.kvScale ?? 'fraction' }).toEqual({
          title,
          valueOverRange: 'last',
          kvScale: 'fraction',
        });
        const roles = spec.queryRoles ?? ['kv', 'running', 'waiting'];
        const root = page.locator('[data-testid="panel"]', { has: page.getByText(title, { exact: true }) });
        for (const [role, testId, reduce] of [
          ['kv', 'kv-queue-kv-max', 'max'],
          ['running', 'kv-queue-running', 'sum'],
          ['waiting', 'kv-queue-waiting', 'sum'],
        ] as const) {
          const index = roles.indexOf(role);
          if (index < 0) continue;
          // "last" = the value at the range query's last step, i.e. an instant query at its aligned end.
          const sent = sentQueryFor(panel.spec.queries![index].spec.plugin.spec.query, watch.promRequests);
          const [sample] = await instantQuery(stack, `${reduce}(${sent.query})`, sent.end);
          const want = Number(sample?.value[1]);
          const expected =
            role === 'kv'
              ? formatValue(want, { unit: 'percent-decimal', decimalPlaces: spec.decimalPlaces ?? 1 })
              : formatValue(want, { unit: 'decimal', decimalPlaces: 0, shortValues: true });
          const text = (await root.getByTestId(testId).first().textContent())?.trim();
          expect({ title, role, text }).toEqual({ title, role, text: expected });
          compared += 1;
        }
      }
      await page.close();
    }
    expect(compared).toBeGreaterThanOrEqual(3);
  },
  BOTH_DASHBOARDS_MS,
);

test('edit mode: our options editors open in the panel editor with the stored spec, and Add panel offers our panels', async () => {
  const query = dashboards.find((d) => d.metadata.name === 'vllm-query-statistics')!;
  const { page, watch } = await openDashboard(query.metadata.project, query.metadata.name);
  await enterEditMode(page);
  // Per panel: a value only its stored spec holds (so the editor is reading this panel's spec), and what its
  // preview in the drawer draws (so the plugin renders inside the editor too).
  const cases = [
    {
      kind: 'VllmLatencyQuad',
      value: (s: Record<string, unknown>) => (s.groups as { nameFormat: string }).nameFormat,
      drawn: 'quad-row',
    },
    {
      kind: 'VllmKvQueueGauge',
      value: (s: Record<string, unknown>) => s.instanceLabel as string,
      drawn: 'kv-queue-verdict',
    },
  ];
  for (const { kind, value, drawn } of cases) {
    const panel = visiblePanels(query).find((p) => p.spec.plugin.kind === kind)!;
    const title = panel.spec.display.name;
    const stored = value(panel.spec.plugin.spec);
    const drawer = await openPanelEditor(page, title);
    await drawer.getByTestId(drawn).first().waitFor({ timeout: 60_000 });
    const settings = await openEditorTab(drawer, 'Settings');
    const inputs = await settings.locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const labelled = await settings.locator('label').count();
    expect({ kind, showsStoredValue: inputs.includes(stored), manyControls: labelled >= 4 }).toEqual({
      kind,
      showsStoredValue: true,
      manyControls: true,
    });
    await page.screenshot({ path: join(ARTIFACTS, `editor-${kind}.png`) });
    await closePanelEditor(page);
  }
  // The add-panel picker lists every panel of our module by its display name (package.json "perses").
  const { perses } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    perses: { plugins: Array<{ kind: string; spec: { name: string; display: { name: string } } }> };
  };
  const ours = perses.plugins.filter((p) => p.kind === 'Panel');
  expect(ours.map((p) => p.spec.name).sort()).toEqual(['VllmHistogramHeatmap', 'VllmKvQueueGauge', 'VllmLatencyQuad']);
  const offered = await addPanelTypes(page);
  for (const p of ours)
    expect({ kind: p.spec.name, offered }).toEqual({
      kind: p.spec.name,
      offered: expect.arrayContaining([p.spec.display.name]),
    });
  expect({ pageErrors: watch.pageErrors, consoleErrors: watch.consoleErrors }).toEqual({
    pageErrors: [],
    consoleErrors: [],
  });
  await page.close();
}, 300_000);

test('the Perses server rejects a dashboard whose quad spec breaks the CUE schema, with the CUE message', async () => {
  const dashboard = {
    kind: 'Dashboard',
    metadata: { name: 'invalid-quad', project: stack.project },
    spec: {
      duration: '1h',
      panels: {
        bad: {
          kind: 'Panel',
          spec: {
            display: { name: 'bad' },
            plugin: { kind: 'VllmLatencyQuad', spec: { valueOverRange: 'median' } },
            queries: [
              {
                kind: 'TimeSeriesQuery',
                spec: { plugin: { kind: 'PrometheusTimeSeriesQuery', spec: { query: 'x_bucket' } } },
              },
            ],
          },
        },
      },
      layouts: [
        {
          kind: 'Grid',
          spec: { items: [{ x: 0, y: 0, width: 12, height: 6, content: { $ref: '#/spec/panels/bad' } }] },
        },
      ],
    },
  };
  const res = await fetch(`${stack.perses}/api/v1/projects/${stack.project}/dashboards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(dashboard),
  });
  const { message } = (await res.json()) as { message: string };
  expect(res.status).toBe(400);
  // The server's wrapper around CUE's own error, pointing into our schema file inside the loaded archive.
  expect(message).toMatch(/^bad request: invalid panel bad: spec\.valueOverRange: 3 errors in empty disjunction/);
  expect(message).toContain('spec.valueOverRange: conflicting values "range" and "median"');
  expect(message).toMatch(/VllmPanels-[\d.]+\/schemas\/vllm-latency-quad\/vllm-latency-quad\.cue:\d+:\d+/);
  const stored = await fetch(`${stack.perses}/api/v1/projects/${stack.project}/dashboards/invalid-quad`);
  expect(stored.status).toBe(404);
});

test('with Prometheus unreachable the panels show an error and the page keeps working', async () => {
  // A second project whose datasource points at a closed port, applied by the same script users run.
  const project = 'vllm-unreachable';
  const closed = await freePort();
  const apply = spawnSync(join(ROOT, 'percli-scripts', 'apply.sh'), [], {
    cwd: ROOT,
    env: {
      ...process.env,
      PERSES_URL: stack.perses,
      PERSES_PROJECT: project,
      PROMETHEUS_URL: `http://127.0.0.1:${closed}`,
    },
    encoding: 'utf8',
  });
  expect({ status: apply.status, stderr: apply.status === 0 ? '' : apply.stderr }).toEqual({ status: 0, stderr: '' });

  const page = await browser.context.newPage();
  const watch = watchPage(page);
  prepareWait(page);
  await page.goto(dashboardUrl(stack.app, project, 'vllm-performance-statistics', range.start, range.end));
  await waitForPanels(page);
  const perPanel = await page.$$eval('[data-testid="panel"]', (panels) =>
    panels.map((p) => ({
      errorIcon: p.querySelector('[aria-label="panel errors"]') !== null,
      text: (p.textContent ?? '').toLowerCase(),
    })),
  );
  // Every panel says something went wrong (Perses's error icon or the plugin's own error text) …
  for (const p of perPanel)
    expect({ shown: p.errorIcon || /error|unavailable|bad gateway|502|failed/.test(p.text) }).toEqual({ shown: true });
  // … no quad or gauge invents a number …
  const quadNumbers = await page.$$eval('[data-testid="quad-tile-value"]', (tiles) =>
    tiles.map((t) => t.textContent ?? '').filter((t) => /\d/.test(t)),
  );
  expect(quadNumbers).toEqual([]);
  // … and the page itself is intact: no uncaught exception, toolbar still there and usable.
  expect(watch.pageErrors).toEqual([]);
  await page
    .getByRole('button', { name: /refresh/i })
    .first()
    .click();
  await waitForPanels(page);
  expect(watch.pageErrors).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, 'unreachable-prometheus.png'), fullPage: true });
  await page.close();
}, 300_000);
