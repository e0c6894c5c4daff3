// Page-load benchmark on the live stack (figures, never pass/fail). Run by `npm run bench` (tsx).
//
// 1. Time from navigation to every panel rendered, per dashboard: ours against a copy of the same dashboard
//    where each VllmLatencyQuad is replaced by official StatChart panels (one per statistic, quantiles computed by
//    Prometheus with histogram_quantile) and each VllmKvQueueGauge by StatCharts for KV max, running and waiting.
//    Each run opens a fresh browser profile (cold caches); the median of RUNS runs is shown.
// 2. Bytes our module adds to the page: every response under /plugins/VllmPanels/, from the network log, raw
//    and gzip-compressed.
// 3. Client-side quantile time against Prometheus's evaluation time: for each quad query the browser sent, our
//    engine (src/model) computing mean + p50/p90/p99 over the range from the bucket series, against Prometheus's
//    own evalTotalTime (stats=all) for the equivalent histogram_quantile queries.

import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

import { groupBucketSeries, rangeQuantile, totalPerStep } from '../../src/model/histogram';
import { dashboardUrl, openBrowser, prepareWait, PromRequest, waitForPanelsTimed, watchPage } from '../support/browser';
import { SentQuery, sentQueryFor, summedOverSteps } from '../support/reference';
import { promApi, rangeEndingOnAFilledMinute, Stack, startStack, waitForData } from '../support/stack';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const QUANTILES = [0.5, 0.9, 0.99];

type Json = Record<string, unknown>;
interface PanelSpec {
  kind: 'Panel';
  spec: {
    display: { name: string };
    plugin: { kind: string; spec: Json };
    queries?: Array<{ kind: string; spec: { plugin: { kind: string; spec: { query: string } } } }>;
  };
}
interface GridItem {
  x: number;
  y: number;
  width: number;
  height: number;
  content: { $ref: string };
}
interface Dashboard {
  kind: 'Dashboard';
  metadata: { name: string; project: string };
  spec: {
    panels: Record<string, PanelSpec>;
    layouts: Array<{ kind: string; spec: { items: GridItem[] } & Json } & Json>;
  } & Json;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function stat(name: string, query: string, unit: string): PanelSpec {
  return {
    kind: 'Panel',
    spec: {
      display: { name },
      plugin: { kind: 'StatChart', spec: { calculation: 'last-number', format: { unit } } },
      queries: [{ kind: 'TimeSeriesQuery', spec: { plugin: { kind: 'PrometheusTimeSeriesQuery', spec: { query } } } }],
    },
  };
}

/** `sum by (model_name, le) (rate(M_bucket{…}[…]))` → `M_bucket{…}` and the `by` labels without `le`. */
function bucketSelector(query: string): { selector: string; by: string } {
  const m = /sum by \(([^)]*)\)\s*\(rate\(([a-zA-Z_:][\w:]*_bucket\{[^}]*\})\[[^\]]*\]\)\)/.exec(query);
  if (!m) throw new Error(`cannot find the bucket selector in: ${query}`);
  return {
    selector: m[2],
    by: m[1]
      .split(',')
      .map((s) => s.trim())
      .filter((l) => l !== 'le')
      .join(', '),
  };
}

/** The same dashboard with our panels replaced by official StatCharts over the same data. */
function statVariant(d: Dashboard): Dashboard {
  const panels: Record<string, PanelSpec> = {};
  const replaced = new Map<string, string[]>();
  for (const [key, p] of Object.entries(d.spec.panels)) {
    const kind = p.spec.plugin.kind;
    const title = p.spec.display.name;
    if (kind === 'VllmLatencyQuad') {
      const { selector, by } = bucketSelector(p.spec.queries![0].spec.plugin.spec.query);
      const count = selector.replace(/_bucket\{/, '_count{');
      const sum = selector.replace(/_bucket\{/, '_sum{');
      const parts: Record<string, PanelSpec> = {
        [`${key}_mean`]: stat(
          `${title} mean`,
          `sum by (${by}) (increase(${sum}[$__range])) / sum by (${by}) (increase(${count}[$__range]))`,
          'seconds',
        ),
      };
      for (const q of QUANTILES) {
        parts[`${key}_p${q * 100}`] = stat(
          `${title} p${q * 100}`,
          `histogram_quantile(${q}, sum by (${by}, le) (increase(${selector}[$__range])))`,
          'seconds',
        );
      }
      Object.assign(panels, parts);
      replaced.set(key, Object.keys(parts));
    } else if (kind === 'VllmKvQueueGauge') {
      const roles = (p.spec.plugin.spec.queryRoles as string[] | undefined) ?? ['kv', 'running', 'waiting'];
      const parts: Record<string, PanelSpec> = {};
      roles.forEach((role, i) => {
        const query = p.spec.queries![i].spec.plugin.spec.query;
        if (role === 'kv') parts[`${key}_kv`] = stat(`${title} KV max`, `max(${query})`, 'percent-decimal');
        if (role === 'running' || role === 'waiting')
          parts[`${key}_${role}`] = stat(`${title} ${role}`, `sum(${query})`, 'decimal');
      });
      Object.assign(panels, parts);
      replaced.set(key, Object.keys(parts));
    } else {
      panels[key] = p;
    }
  }
  const layouts = d.spec.layouts.map((l) => ({
    ...l,
    spec: {
      ...l.spec,
      items: l.spec.items.flatMap((item) => {
        const key = item.content.$ref.split('/').pop()!;
        const parts = replaced.get(key);
        if (!parts) return [item];
        const w = Math.max(1, Math.floor(item.width / parts.length));
        return parts.map((part, i) => ({
          ...item,
          x: item.x + i * w,
          width: w,
          content: { $ref: `#/spec/panels/${part}` },
        }));
      }),
    },
  }));
  return { ...d, metadata: { ...d.metadata, name: `${d.metadata.name}-stat` }, spec: { ...d.spec, panels, layouts } };
}

async function persesJson<T>(stack: Stack, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${stack.perses}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Load {
  ms: number;
  panels: number;
  moduleBytes: number;
  moduleGzip: number;
  promRequests: PromRequest[];
}

async function loadOnce(url: string): Promise<Load> {
  const browser = await openBrowser();
  try {
    const page = await browser.context.newPage();
    const watch = watchPage(page);
    const bodies: Array<Promise<Buffer | undefined>> = [];
    page.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/plugins/VllmPanels/'))
        bodies.push(res.body().catch(() => undefined));
    });
    prepareWait(page);
    const t0 = performance.now();
    await page.goto(url);
    // Settled-at, not resolved-at: the 1.5 s stability check is not part of the page's load time.
    const { panels, settledAt } = await waitForPanelsTimed(page, 180_000);
    const elapsed = settledAt - t0;
    const files = (await Promise.all(bodies)).filter((b): b is Buffer => !!b);
    return {
      ms: elapsed,
      panels,
      moduleBytes: files.reduce((n, b) => n + b.length, 0),
      moduleGzip: files.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
      promRequests: watch.promRequests,
    };
  } finally {
    await browser.close();
  }
}

/** Prometheus's evalTotalTime (seconds) for an instant query, from its own stats. */
async function promEval(stack: Stack, query: string, time: number): Promise<number> {
  const data = await promApi<{ stats: { timings: { evalTotalTime: number } } }>(stack, '/api/v1/query', {
    query,
    time,
    stats: 'all',
  });
  return data.stats.timings.evalTotalTime;
}

/** Prometheus's evalTotalTime (seconds) for the panel's own range query (what the browser waits for anyway). */
async function promRangeEval(stack: Stack, sent: SentQuery): Promise<number> {
  const data = await promApi<{ stats: { timings: { evalTotalTime: number } } }>(stack, '/api/v1/query_range', {
    query: sent.query,
    start: sent.start,
    end: sent.end,
    step: sent.step,
    stats: 'all',
  });
  return data.stats.timings.evalTotalTime;
}

interface Matrix {
  result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }>;
}

/** Our engine on the bucket series of one quad query: mean + the quantiles over the range, per group (ms). */
async function clientQuantileMs(
  stack: Stack,
  sent: SentQuery,
): Promise<{ ms: number; groups: number; buckets: number; steps: number }> {
  const data = await promApi<Matrix>(stack, '/api/v1/query_range', {
    query: sent.query,
    start: sent.start,
    end: sent.end,
    step: sent.step,
  });
  const series = data.result.map((s) => ({
    labels: s.metric,
    values: s.values.map(([t, v]) => [t * 1000, Number(v)] as const),
  }));
  const compute = () => {
    const { groups } = groupBucketSeries(series);
    let sink = 0;
    for (const g of groups) {
      totalPerStep(g).forEach((v) => (sink += v));
      for (const q of QUANTILES) sink += rangeQuantile(g, q);
    }
    return sink;
  };
  for (let i = 0; i < 20; i++) compute(); // warm up the JIT
  const iterations = 200;
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) compute();
  const { groups } = groupBucketSeries(series);
  return {
    ms: (performance.now() - t0) / iterations,
    groups: groups.length,
    buckets: series.filter((s) => s.labels.le !== undefined).length,
    steps: groups[0]?.timestamps.length ?? 0,
  };
}

async function main(): Promise<void> {
  console.log('page-load bench: starting the stack (percli-scripts/start.sh, fast settings)…');
  const stack = await startStack({ dir: `${process.cwd()}/.data/stack/bench` });
  try {
    await waitForData(stack, 'sum by (model_name) (increase(vllm:e2e_request_latency_seconds_count[30s]))', 2, 180_000);
    // A few minutes of history so the 1-minute quad steps of the 5-minute window hold data.
    const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 150);
    console.log(`page-load bench: letting the fleet run ${warmup} s under load…`);
    await new Promise((r) => setTimeout(r, warmup * 1000));
    const { start, end } = await rangeEndingOnAFilledMinute(stack, 5 * 60_000);
    const ours = await persesJson<Dashboard[]>(stack, 'GET', `/api/v1/projects/${stack.project}/dashboards`);
    for (const d of ours)
      await persesJson(stack, 'POST', `/api/v1/projects/${stack.project}/dashboards`, statVariant(d));

    const rows: string[][] = [];
    const quadQueries: SentQuery[] = [];
    let moduleBytes = 0;
    let moduleGzip = 0;
    for (const d of ours) {
      const times: Record<'ours' | 'stat', number[]> = { ours: [], stat: [] };
      let panels = { ours: 0, stat: 0 };
      for (let run = 0; run < RUNS; run++) {
        // Alternate the order so neither variant always runs on a warmer machine.
        const order: Array<'ours' | 'stat'> = run % 2 === 0 ? ['ours', 'stat'] : ['stat', 'ours'];
        for (const variant of order) {
          const name = variant === 'ours' ? d.metadata.name : `${d.metadata.name}-stat`;
          const load = await loadOnce(dashboardUrl(stack.app, stack.project, name, start, end));
          times[variant].push(load.ms);
          panels = { ...panels, [variant]: load.panels };
          if (variant === 'ours' && run === 0) {
            moduleBytes = Math.max(moduleBytes, load.moduleBytes);
            moduleGzip = Math.max(moduleGzip, load.moduleGzip);
            for (const p of Object.values(d.spec.panels).filter((x) => x.spec.plugin.kind === 'VllmLatencyQuad')) {
              quadQueries.push(sentQueryFor(p.spec.queries![0].spec.plugin.spec.query, load.promRequests));
            }
          }
        }
      }
      const [o, s] = [median(times.ours), median(times.stat)];
      const [oMin, sMin] = [Math.min(...times.ours), Math.min(...times.stat)];
      rows.push([
        d.metadata.name,
        `${panels.ours} / ${panels.stat}`,
        `${ms(o)} (min ${ms(oMin)})`,
        `${ms(s)} (min ${ms(sMin)})`,
        `${(o / s).toFixed(2)}×`,
      ]);
    }

    console.log(
      `\nTime from navigation to every panel rendered (median and min of ${RUNS} cold loads each, alternating, 5-minute range)`,
    );
    console.table(
      rows.map(([dashboard, panels, o, s, ratio]) => ({
        dashboard,
        'panels (ours / stat)': panels,
        ours: o,
        'official stat panels': s,
        'ours ÷ stat (medians)': ratio,
      })),
    );

    console.log('\nBytes our module adds to the page (every response under /plugins/VllmPanels/)');
    console.table([{ raw: kib(moduleBytes), gzip: kib(moduleGzip) }]);

    const qrows = [];
    for (const sent of quadQueries) {
      const client = await clientQuantileMs(stack, sent);
      const reduced = summedOverSteps(sent);
      const by = [
        'le',
        ...(/sum by \(([^)]*)\)/.exec(sent.query)?.[1] ?? '')
          .split(',')
          .map((l) => l.trim())
          .filter((l) => l && l !== 'le'),
      ].join(', ');
      let promSeconds = 0;
      for (const q of QUANTILES)
        promSeconds += await promEval(stack, `histogram_quantile(${q}, sum by (${by}) (${reduced}))`, sent.end);
      const metric = /([a-zA-Z_:][\w:]*)_bucket/.exec(sent.query)?.[1] ?? sent.query.slice(0, 40);
      const rangeSeconds = await promRangeEval(stack, sent);
      qrows.push({
        histogram: metric,
        'groups × buckets × steps': `${client.groups} × ${client.buckets / Math.max(1, client.groups)} × ${client.steps}`,
        'panel query_range (Prometheus eval)': ms(rangeSeconds * 1000),
        'client (mean + 3 quantiles)': ms(client.ms),
        'Prometheus eval (3 × histogram_quantile)': ms(promSeconds * 1000),
        'client ÷ Prometheus': `${(client.ms / (promSeconds * 1000)).toFixed(2)}×`,
      });
    }
    console.log('\nClient-side quantiles (src/model engine, Node) vs Prometheus evaluation (stats=all evalTotalTime)');
    console.table(qrows);
  } finally {
    await stack.stop();
  }
}

main().catch((e: Error) => {
  console.error(`page-load bench failed: ${e.message}`);
  process.exit(1);
});
