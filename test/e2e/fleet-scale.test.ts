// One scaled run of the whole chain (issue 11): the local stack with STACK_PODS=200 (the three simulated pods plus
// metrics-only stand-ins), the Query Statistics dashboard in a real browser, and the KV & queue gauge checked
// against Prometheus's own answers for the very queries the panel sent: the worst instance and its KV, running and
// waiting figures, the fleet's running and waiting counts, and how many instances the "+N more" line counts.
// Prints the time from the gauge's data arriving in the browser to the panel showing it (figures, not a pass/fail).
//
// Depends on the page only through the dashboard URL, Perses's panel element and our panel's own text and roles.
import { join } from 'node:path';

import { formatValue } from '@perses-dev/core';
import { Page } from 'playwright-core';

import { formatCount, formatKv } from '../../src/panels/kv-queue-gauge/kv-queue-format';
import {
  BrowserSession,
  dashboardUrl,
  openBrowser,
  PageWatch,
  prepareWait,
  waitForPanelsTimed,
  watchPage,
} from '../support/browser';
import { freePort, MatrixSeries, parsePromValue } from '../support/prometheus';
import { sentQueryFor } from '../support/reference';
import { instantQuery, promApi, ROOT, Stack, startStack } from '../support/stack';

const PODS = 200;
const DASHBOARD = 'vllm-query-statistics';
const GAUGE_TITLE = 'KV cache and scheduler queue';
const WINDOW_MS = 5 * 60_000;

let stack: Stack;
let browser: BrowserSession;

beforeAll(async () => {
  stack = await startStack({
    dir: join(ROOT, '.data', 'stack', 'e2e-fleet'),
    env: {
      STACK_PODS: String(PODS),
      // One engine per stand-in and 5 s scrapes keep 200 targets affordable on a loaded 2-core machine.
      STACK_POD_ENGINES: '1',
      STACK_SCRAPE_INTERVAL: '5s',
      STACK_FLEET_PORT: String(await freePort()),
    },
  });
  browser = await openBrowser();
}, 660_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 60_000);

interface GaugePanelSpec {
  spec: {
    display: { name: string };
    plugin: { kind: string; spec: { queryRoles?: string[]; instanceLabel?: string; decimalPlaces?: number } };
    queries: Array<{ spec: { plugin: { spec: { query: string } } } }>;
  };
}

async function gaugePanel(): Promise<GaugePanelSpec> {
  const res = await fetch(`${stack.perses}/api/v1/projects/${stack.project}/dashboards/${DASHBOARD}`);
  if (!res.ok) throw new Error(`GET dashboard ${DASHBOARD}: ${res.status}`);
  const { spec } = (await res.json()) as { spec: { panels: Record<string, GaugePanelSpec> } };
  const panel = Object.values(spec.panels).find((p) => p.spec.display.name === GAUGE_TITLE);
  if (!panel) throw new Error(`no panel "${GAUGE_TITLE}" in ${DASHBOARD}`);
  return panel;
}

/** Epoch ms of every DOM change inside our gauge, recorded in the page from the first moment. */
async function recordGaugeMutations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const times: number[] = [];
    (window as unknown as { __gaugeMutations: number[] }).__gaugeMutations = times;
    const inGauge = (node: Node) =>
      node instanceof Element &&
      (node.closest('[data-testid="kv-queue-panel"]') !== null ||
        node.querySelector('[data-testid="kv-queue-panel"]') !== null);
    new MutationObserver((records) => {
      if (records.some((r) => inGauge(r.target))) times.push(performance.timeOrigin + performance.now());
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

/** Epoch ms at which each query_range response finished arriving in the browser, by query text. */
function recordArrivals(page: Page): Map<string, number> {
  const arrivals = new Map<string, number>();
  page.on('requestfinished', (req) => {
    const url = new URL(req.url());
    if (!url.pathname.endsWith('/api/v1/query_range')) return;
    const params = req.method() === 'POST' ? new URLSearchParams(req.postData() ?? '') : url.searchParams;
    arrivals.set(params.get('query') ?? '', Date.now());
  });
  return arrivals;
}

interface Row {
  name: string;
  kv: number | null;
  running: number | null;
  waiting: number | null;
}

/** The panel's worst-first order, written out independently: KV, then waiting, then running; unknown last. */
function worstFirst(a: Row, b: Row): number {
  for (const key of ['kv', 'waiting', 'running'] as const) {
    const x = a[key] === null || Number.isNaN(a[key]) ? -Infinity : (a[key] as number);
    const y = b[key] === null || Number.isNaN(b[key]) ? -Infinity : (b[key] as number);
    if (x !== y) return y - x;
  }
  return a.name.localeCompare(b.name);
}

/** Prometheus's answer to the range query the browser sent, per instance (its latest sample) and for the fleet. */
async function reference(sent: ReturnType<typeof sentQueryFor>, label: string) {
  const { result } = await promApi<{ result: MatrixSeries[] }>(stack, '/api/v1/query_range', {
    query: sent.query,
    start: sent.start,
    end: sent.end,
    step: sent.step,
  });
  const perInstance = new Map<string, number>();
  let latest = -Infinity;
  for (const s of result) {
    const last = s.values[s.values.length - 1];
    if (!last) continue;
    perInstance.set(s.metric[label], parsePromValue(last[1]));
    latest = Math.max(latest, last[0]);
  }
  // The fleet's "last": the latest step with a sample, summed across the series that have one there.
  let fleet = 0;
  for (const s of result) {
    const at = s.values.find(([t]) => t === latest);
    if (at && !Number.isNaN(parsePromValue(at[1]))) fleet += parsePromValue(at[1]);
  }
  return { perInstance, fleet };
}

/**
 * An absolute range ending in the past (so the data under it no longer changes while the reference queries read it)
 * late enough that every pod has a sample 30 s before its end: the panel's last step, aligned down to the step,
 * then holds every pod. Waits for the stack's first scrapes to get there.
 */
async function rangeHoldingEveryPod(): Promise<{ start: number; end: number }> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const end = Math.floor((Date.now() - 5_000) / 1000) * 1000;
    const [sample] = await instantQuery(stack, 'count(count by (pod) (vllm:num_requests_running))', end / 1000 - 30);
    if (Number(sample?.value[1]) >= PODS) return { start: end - WINDOW_MS, end };
    if (Date.now() > deadline)
      throw new Error(`fewer than ${PODS} pods in Prometheus after 2 min: ${sample?.value[1]}`);
    await new Promise((r) => setTimeout(r, 2_000));
  }
}

async function openGauge(): Promise<{
  page: Page;
  watch: PageWatch;
  arrivals: Map<string, number>;
  panels: number;
  ms: number;
}> {
  const page = await browser.context.newPage();
  const watch = watchPage(page);
  const arrivals = recordArrivals(page);
  await recordGaugeMutations(page);
  prepareWait(page);
  const { start, end } = await rangeHoldingEveryPod();
  const started = performance.now();
  await page.goto(dashboardUrl(stack.app, stack.project, DASHBOARD, start, end));
  const { panels, settledAt } = await waitForPanelsTimed(page);
  return { page, watch, arrivals, panels, ms: settledAt - started };
}

test(`at ${PODS} pods the gauge shows Prometheus's worst instance and counts; time from data to panel printed`, async () => {
  const panel = await gaugePanel();
  const roles = panel.spec.plugin.spec.queryRoles ?? ['kv', 'running', 'waiting'];
  const label = panel.spec.plugin.spec.instanceLabel ?? 'pod';
  const decimals = panel.spec.plugin.spec.decimalPlaces ?? 1;
  const { page, watch, arrivals, panels, ms: pageMs } = await openGauge();
  expect(watch.pageErrors).toEqual([]);
  // Every panel of the open rows rendered (waitForPanelsTimed waited for that), the gauge among them.
  expect(panels).toBeGreaterThanOrEqual(2);

  const sent = Object.fromEntries(
    (['kv', 'running', 'waiting'] as const).map((role) => [
      role,
      sentQueryFor(panel.spec.queries[roles.indexOf(role)].spec.plugin.spec.query, watch.promRequests),
    ]),
  ) as Record<'kv' | 'running' | 'waiting', ReturnType<typeof sentQueryFor>>;
  const [kv, running, waiting] = await Promise.all(
    [sent.kv, sent.running, sent.waiting].map((s) => reference(s, label)),
  );
  const names = new Set([...kv.perInstance.keys(), ...running.perInstance.keys(), ...waiting.perInstance.keys()]);
  expect({ instances: names.size, query: sent.kv }).toEqual({ instances: PODS, query: sent.kv });
  const rows = [...names]
    .map((name) => ({
      name,
      kv: kv.perInstance.get(name) ?? null,
      running: running.perInstance.get(name) ?? null,
      waiting: waiting.perInstance.get(name) ?? null,
    }))
    .sort(worstFirst);

  const gauge = page.locator('[data-testid="panel"]', { has: page.getByText(GAUGE_TITLE, { exact: true }) });
  const table = gauge.getByRole('table', { name: `instances by ${label}, worst first` });
  const shown = await table
    .getByRole('row')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('[role="cell"]')].map((td) => (td.textContent ?? '').trim())),
    );
  const dataRows = shown.filter((cells) => cells.length > 0);
  expect(dataRows.length).toBeGreaterThan(0);
  const worst = rows[0];
  expect(dataRows[0]).toEqual([
    worst.name,
    formatKv(worst.kv, decimals),
    formatCount(worst.running, 'last'),
    formatCount(worst.waiting, 'last'),
  ]);
  // Every row on screen, in order, as Prometheus gives it.
  expect(dataRows).toEqual(
    rows
      .slice(0, dataRows.length)
      .map((r) => [r.name, formatKv(r.kv, decimals), formatCount(r.running, 'last'), formatCount(r.waiting, 'last')]),
  );
  await expect(gauge.getByText(`+${PODS - dataRows.length} more`, { exact: true }).count()).resolves.toBe(1);
  const count = (v: number) => formatValue(v, { unit: 'decimal', decimalPlaces: 0, shortValues: true });
  expect((await gauge.getByTestId('kv-queue-running').first().textContent())?.trim()).toBe(count(running.fleet));
  expect((await gauge.getByTestId('kv-queue-waiting').first().textContent())?.trim()).toBe(count(waiting.fleet));

  // Data arrival (the last of the gauge's three responses) → the first DOM change in the gauge after it.
  const arrived = Math.max(...[sent.kv, sent.running, sent.waiting].map((s) => arrivals.get(s.query) ?? NaN));
  const mutations = await page.evaluate(() => (window as unknown as { __gaugeMutations: number[] }).__gaugeMutations);
  const rendered = mutations.find((t) => t >= arrived);
  expect(Number.isFinite(arrived)).toBe(true);
  expect(rendered).toBeDefined();
  console.log(
    `fleet scale, ${PODS} pods (${sent.kv.step}s steps over ${WINDOW_MS / 60_000} min): gauge data arrival → ` +
      `rendered ${((rendered as number) - arrived).toFixed(0)} ms; whole dashboard (${panels} panels) ` +
      `settled ${(pageMs / 1000).toFixed(1)} s after navigation; worst ${worst.name} (KV ${formatKv(worst.kv, decimals)}), fleet running ` +
      `${count(running.fleet)}, waiting ${count(waiting.fleet)}`,
  );
  await page.close();
}, 240_000);
