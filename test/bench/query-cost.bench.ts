// Query cost of one dashboard refresh, ours against vLLM's seed Perses dashboards, on the same Prometheus data:
// the number of PromQL requests and the evaluation time Prometheus itself reports (`stats=all`). A benchmark: it
// prints figures and ratios, never fails on them.
//
//   tsx test/bench/query-cost.bench.ts          (also run by `npm run bench`)
//
// Same data: one hour of realistic vLLM series (test/support/vllm-tsdb.ts) in a real Prometheus. Same refresh, as
// the Perses Prometheus plugin builds it for a 1 h range through dashboards/datasource.yaml (scrapeInterval 15s):
// min step = the query's minStep or else the datasource's scrape interval; step = max(min step, range / 10000)
// (panels are narrower than 3600 px, so the width-based suggestion never wins); $__interval = step;
// $__rate_interval = max(step + min step, 4 × min step). Tables send an instant query, other panels a range query.
// The seeds are made applicable by fixing only kind and project (test/bench/seed/README.md); their variables take
// the values that select the same data as ours.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import YAML from 'yaml';

import { DEFAULT_INTERPOLATION, interpolate, Interpolation, ROOT } from '../support/dashboard-files';
import { prometheusApi, PrometheusHandle, startPrometheus } from '../support/prometheus';
import { LEGACY_MODEL, LLAMA, QWEN, TSDB_END, vllmOpenMetrics } from '../support/vllm-tsdb';
import { printQuerySizes } from './support/query-size';

const RANGE_SECONDS = DEFAULT_INTERPOLATION.rangeSeconds;
const END = TSDB_END;
const START = END - RANGE_SECONDS;
const ROUNDS = 7;

interface Request {
  readonly panel: string;
  readonly expr: string;
  readonly mode: 'range' | 'instant';
  readonly step: number;
}

interface Side {
  readonly label: string;
  readonly requests: Request[];
  /** Queries as written in the file, before identical definitions are merged. */
  readonly written: number;
  /** Label-values look-ups the variables make on load (not PromQL evaluations; shown apart). */
  readonly variableLookups: number;
}

/** The seed as `percli apply` would need it: only kind and project change. */
function applicableSeed(text: string): Record<string, unknown> & { spec: DashboardSpec } {
  const seed = YAML.parse(text);
  return { ...seed, kind: 'Dashboard', metadata: { ...seed.metadata, project: 'vllm' } };
}

interface DashboardSpec {
  variables?: Array<{ spec: { name: string } }>;
  panels: Record<
    string,
    {
      spec: {
        plugin: { kind: string };
        queries?: Array<{ spec: { plugin: { spec: { query: string; seriesNameFormat?: string; minStep?: string } } } }>;
      };
    }
  >;
}

/** Seconds of a Perses duration such as 15s, 1m, 1h30m. */
function seconds(duration: string): number {
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  const parts = [...duration.matchAll(/(\d+)(ms|s|m|h|d|w)/g)];
  if (parts.length === 0) throw new Error(`unreadable duration ${JSON.stringify(duration)}`);
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * units[unit], 0);
}

/** The scrape interval Perses assumes for the project's datasource (its own default is 1m). */
function datasourceScrapeSeconds(): number {
  const ds = YAML.parse(readFileSync(join(ROOT, 'dashboards/datasource.yaml'), 'utf8'));
  return seconds(ds.spec.plugin.spec.scrapeInterval ?? '1m');
}

/**
 * The PromQL requests one refresh sends. Perses caches query results by their definition, so two panels with the
 * same query definition share one request: count each definition once.
 */
function refreshRequests(spec: DashboardSpec, variables: Interpolation['variables']): Request[] {
  const seen = new Map<string, Request>();
  for (const [id, panel] of Object.entries(spec.panels)) {
    const mode = panel.spec.plugin.kind === 'Table' ? 'instant' : 'range';
    for (const q of panel.spec.queries ?? []) {
      const { query, seriesNameFormat, minStep } = q.spec.plugin.spec;
      const key = JSON.stringify([mode, query, seriesNameFormat, minStep]);
      if (seen.has(key)) continue;
      const minStepSeconds = minStep ? seconds(minStep) : datasourceScrapeSeconds();
      const step = Math.max(minStepSeconds, Math.ceil(RANGE_SECONDS / 10_000));
      const how: Interpolation = {
        variables,
        stepSeconds: step,
        scrapeSeconds: minStepSeconds,
        rangeSeconds: RANGE_SECONDS,
      };
      seen.set(key, { panel: id, expr: interpolate(query, how), mode, step });
    }
  }
  return [...seen.values()];
}

function side(label: string, spec: DashboardSpec, variables: Interpolation['variables']): Side {
  const written = Object.values(spec.panels).reduce((n, p) => n + (p.spec.queries?.length ?? 0), 0);
  return { label, requests: refreshRequests(spec, variables), written, variableLookups: spec.variables?.length ?? 0 };
}

interface Stats {
  evalSeconds: number;
  samples: number;
}

async function evaluate(prom: PrometheusHandle, r: Request): Promise<Stats> {
  const params: Record<string, string> =
    r.mode === 'range'
      ? { query: r.expr, start: String(START), end: String(END), step: String(r.step), stats: 'all' }
      : { query: r.expr, time: String(END), stats: 'all' };
  const data = await prometheusApi<{
    stats?: { timings: { evalTotalTime: number }; samples?: { totalQueryableSamples: number } };
  }>(prom.url, `/api/v1/${r.mode === 'range' ? 'query_range' : 'query'}`, params).catch((e: Error) => {
    throw new Error(`${r.panel}: ${e.message} (${r.expr})`);
  });
  if (!data.stats) throw new Error(`${r.panel}: no stats (${r.expr})`);
  return {
    evalSeconds: data.stats.timings.evalTotalTime,
    samples: data.stats.samples?.totalQueryableSamples ?? 0,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median over rounds of each request's evaluation time, summed: one refresh's cost, robust to a noisy round. */
async function refreshCost(prom: PrometheusHandle, s: Side): Promise<Stats> {
  const perRequest: Stats[][] = s.requests.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, r] of s.requests.entries()) perRequest[i].push(await evaluate(prom, r));
  }
  return {
    evalSeconds: perRequest.reduce((sum, runs) => sum + median(runs.map((x) => x.evalSeconds)), 0),
    samples: perRequest.reduce((sum, runs) => sum + runs[0].samples, 0),
  };
}

const pct = (ours: number, seed: number) => `${((100 * ours) / seed).toFixed(0)} %`;

async function main(): Promise<void> {
  const ours = (file: string) => YAML.parse(readFileSync(join(ROOT, 'dashboards', file), 'utf8')).spec as DashboardSpec;
  const seed = (file: string) => applicableSeed(readFileSync(join(ROOT, 'test/bench/seed', file), 'utf8')).spec;
  const all = { namespace: '.*', service: '.*', pod: '.*', model_name: '.*' };
  // Perses resolves "All" without a customAllValue to the list of options, joined as a regex.
  const allModels = [LLAMA, QWEN, LEGACY_MODEL];
  const comparisons: Array<{ name: string; ours: Side; seed: Side }> = [
    {
      name: 'Performance Statistics',
      ours: side('ours', ours('performance_statistics.yaml'), all),
      seed: side('seed', seed('performance_statistics.yaml'), { Deployment_id: allModels }),
    },
    {
      // The seed's namespace and service are single-select: select the simulator's, and the same on ours.
      name: 'Query Statistics',
      ours: side('ours', ours('query_statistics.yaml'), { ...all, namespace: ['llm-d'], service: ['vllm-qwen-sim'] }),
      seed: side('seed', seed('query_statistics.yaml'), { NS: 'llm-d', SVC: 'vllm-qwen-sim', MODEL: [QWEN] }),
    },
  ];

  process.stdout.write('query-cost: backfilling one hour of vLLM, simulator and legacy-vLLM series into Prometheus…\n');
  const prom = await startPrometheus({ openMetrics: vllmOpenMetrics() });
  try {
    // Warm-up: the first evaluations pay for loading blocks into the page cache.
    for (const c of comparisons) for (const r of [...c.ours.requests, ...c.seed.requests]) await evaluate(prom, r);
    const rows: string[][] = [];
    const total = { ours: 0, seed: 0, oursSeconds: 0, seedSeconds: 0, oursSamples: 0, seedSamples: 0 };
    const row = (name: string, ours: number, seed: number, o: Stats, s: Stats, lookups: string, written = '') => {
      const timeRatio = o.evalSeconds / s.evalSeconds;
      return [
        name,
        `${ours} / ${seed}${written}`,
        pct(ours, seed),
        `${(o.evalSeconds * 1000).toFixed(1)} / ${(s.evalSeconds * 1000).toFixed(1)}`,
        pct(o.evalSeconds, s.evalSeconds),
        `${o.samples} / ${s.samples}`,
        lookups,
        `${ours <= seed ? 'met' : 'over'} / ${timeRatio <= 0.6 ? 'met' : 'MISSED'}`,
      ];
    };
    for (const c of comparisons) {
      const [o, s] = [await refreshCost(prom, c.ours), await refreshCost(prom, c.seed)];
      total.ours += c.ours.requests.length;
      total.seed += c.seed.requests.length;
      total.oursSeconds += o.evalSeconds;
      total.seedSeconds += s.evalSeconds;
      total.oursSamples += o.samples;
      total.seedSamples += s.samples;
      rows.push(
        row(
          c.name,
          c.ours.requests.length,
          c.seed.requests.length,
          o,
          s,
          `${c.ours.variableLookups} / ${c.seed.variableLookups}`,
          c.seed.written !== c.seed.requests.length ? ` (${c.seed.written} written)` : '',
        ),
      );
    }
    // The target is on both dashboards together: new panels may cost one dashboard more than its seed.
    rows.push(
      row(
        '**Both**',
        total.ours,
        total.seed,
        { evalSeconds: total.oursSeconds, samples: total.oursSamples },
        { evalSeconds: total.seedSeconds, samples: total.seedSamples },
        '',
      ),
    );
    const header = [
      'dashboard',
      'queries ours / seed',
      'ratio',
      'eval ms ours / seed',
      'ratio',
      'samples read ours / seed',
      'label look-ups',
      'queries ≤ seed / eval ≤ 60 %',
    ];
    const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
    process.stdout.write(
      `\nOne refresh, 1 h range, datasource scrape interval ${datasourceScrapeSeconds()}s, median of ${ROUNDS} rounds per query (Prometheus ${'`stats=all`'} evalTotalTime):\n\n${table}\n\n`,
    );
  } finally {
    await prom.stop();
  }
  // The same dashboards' quad and gauge queries at fleet size: how much data each range asks for.
  const pods = Number(process.env.BENCH_FLEET_PODS ?? 200);
  await printQuerySizes({ pods, engines: 2, models: 4 });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
