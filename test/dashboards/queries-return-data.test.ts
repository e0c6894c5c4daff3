// Every query of the bundled dashboards returns data from a real Prometheus holding an hour of realistic vLLM
// series (current vLLM, llm-d-inference-sim and pre-rename vLLM side by side, see test/support/vllm-tsdb.ts),
// and the variables, fallbacks and label unifications do what the dashboards promise.

import { BUCKETS, requestTokenBuckets } from '../../percli-scripts/stack/vllm-metrics';
import {
  DASHBOARD_FILES,
  dashboardQueries,
  DashboardQuery,
  DEFAULT_INTERPOLATION,
  FILTER_VARIABLES,
  interpolate,
  Interpolation,
  loadDashboard,
} from '../support/dashboard-files';
import { MatrixSeries, prometheusApi, VectorSample } from '../support/prometheus';
import { tableRows, TableTransform } from '../support/table-rows';
import { vllmPrometheusForThisFile } from '../support/vllm-prometheus';
import {
  DEFAULT_FLEET,
  LEGACY_MODEL,
  LLAMA,
  LORA_ADAPTERS,
  MAX_MODEL_LEN,
  QWEN,
  SPEC_TOKENS,
  TSDB_END,
  TSDB_START,
} from '../support/vllm-tsdb';

const STEP = DEFAULT_INTERPOLATION.stepSeconds;
// The dashboards' default range (1 h) would start at the first scrape, where rates have no history yet.
const START = TSDB_START + 600;
const END = TSDB_END;

const prom = vllmPrometheusForThisFile();

const panelQueries = DASHBOARD_FILES.flatMap((f) => dashboardQueries(f)).filter(
  (q) => !q.where.startsWith('variable:'),
);
const variableQueries = DASHBOARD_FILES.flatMap((f) => dashboardQueries(f)).filter((q) =>
  q.where.startsWith('variable:'),
);
const find = (dashboard: string, where: string): DashboardQuery[] =>
  panelQueries.filter((q) => q.dashboard.includes(dashboard) && q.where === where);
const label = (q: DashboardQuery) => `${q.dashboard.replace('dashboards/', '')} ${q.where}`;

/** Runs a panel query as the panel would: tables ask for an instant vector at the end, the others for a range. */
async function run(q: DashboardQuery, how: Interpolation = DEFAULT_INTERPOLATION): Promise<MatrixSeries[]> {
  const expr = interpolate(q.expr, how);
  if (q.panelKind === 'Table') {
    const data = await prom.query(expr, END);
    if (data.resultType !== 'vector') throw new Error(`expected a vector from ${expr}`);
    return (data.result as VectorSample[]).map((s) => ({ metric: s.metric, values: [s.value] }));
  }
  const data = await prom.queryRange(expr, START, END, STEP);
  if (data.resultType !== 'matrix') throw new Error(`expected a matrix from ${expr}`);
  return data.result;
}

/** A Table panel's query as it sends it: an instant query at the end of the range. */
async function instant(q: DashboardQuery): Promise<VectorSample[]> {
  const data = await prom.query(interpolate(q.expr), END);
  if (data.resultType !== 'vector') throw new Error(`expected a vector from ${q.expr}`);
  return data.result;
}
const vector = async (expr: string) => (await prom.query(expr, END)).result as VectorSample[];

interface TableSpec {
  columnSettings: Array<{ name: string; header?: string }>;
  transforms: TableTransform[];
}
const panelSpec = (dashboard: string, id: string): TableSpec => {
  const file = DASHBOARD_FILES.find((f) => f.includes(dashboard))!;
  return loadDashboard(file).spec.panels[id].spec.plugin.spec as unknown as TableSpec;
};

const finiteValues = (series: MatrixSeries[]) =>
  series.flatMap((s) => s.values.map(([, v]) => Number(v))).filter(Number.isFinite);
const withVariables = (
  values: Partial<Record<(typeof FILTER_VARIABLES)[number], string | string[]>>,
): Interpolation => ({
  ...DEFAULT_INTERPOLATION,
  variables: { ...DEFAULT_INTERPOLATION.variables, ...values },
});
const models = (series: MatrixSeries[]) => [...new Set(series.map((s) => s.metric.model_name))].sort();

describe('bundled dashboards against a real Prometheus with vLLM, simulator and legacy-vLLM series', () => {
  it.each(panelQueries.map((q) => [label(q), q] as const))('%s returns data', async (_, q) => {
    const series = await run(q);
    expect(series.length).toBeGreaterThan(0);
    expect(finiteValues(series).length).toBeGreaterThan(0);
  });

  it.each(panelQueries.filter((q) => q.panelKind === 'VllmLatencyQuad').map((q) => [label(q), q] as const))(
    '%s gives every model its buckets and its _sum series',
    async (_, q) => {
      const series = await run(q);
      const buckets = series.filter((s) => s.metric.le !== undefined);
      const sums = series.filter((s) => s.metric.le === undefined);
      expect(models(buckets)).toEqual([LLAMA, LEGACY_MODEL, QWEN].sort());
      expect(models(sums)).toEqual([LLAMA, LEGACY_MODEL, QWEN].sort());
      // One series per (model, le): the fallback never adds a second copy of a bucket.
      const keys = buckets.map((s) => `${s.metric.model_name}|${s.metric.le}`);
      expect(new Set(keys).size).toBe(keys.length);
    },
  );

  it('inter-token latency of the simulator, which exports both names, is counted once', async () => {
    const [itl] = find('performance', 'inter_token_latency');
    const series = await run(itl, withVariables({ model_name: QWEN }));
    const inf = series.find((s) => s.metric.le === '+Inf')!;
    const direct = await prom.queryRange(
      `sum by (model_name) (rate(vllm:inter_token_latency_seconds_count{model_name="${QWEN}"}[1m]))`,
      START,
      END,
      STEP,
    );
    expect(inf.values).toEqual((direct.result as MatrixSeries[])[0].values);
  });

  it('KV usage and the queue cover every target, pre-rename gpu_cache_usage_perc and no-pod-label ones included, each named', async () => {
    const [kv, running, waiting] = find('performance', 'saturation');
    for (const q of [kv, running, waiting]) {
      const series = await run(q);
      // Rows are named by `target`: the pod, or host:port where the scrape has no Kubernetes labels.
      expect(series.map((s) => s.metric.target).sort()).toEqual(
        DEFAULT_FLEET.map((t) => t.k8s?.pod ?? t.instance).sort(),
      );
    }
    for (const v of finiteValues(await run(kv))) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it('finished requests carry finished_reason for vLLM and for the simulator (whose label is finish_reason)', async () => {
    const [requests] = find('query', 'request_rate');
    const series = await run(requests);
    expect(series.every((s) => ['stop', 'length', 'abort'].includes(s.metric.finished_reason))).toBe(true);
    expect(
      series
        .filter((s) => s.metric.model_name === QWEN)
        .map((s) => s.metric.finished_reason)
        .sort(),
    ).toEqual(['abort', 'length', 'stop']);
  });

  it('the per-model summary is one row per model with every column, through the Table transforms', async () => {
    const summary = find('query', 'per_model_summary');
    const results = await Promise.all(summary.map((q) => instant(q)));
    const rows = tableRows(results, panelSpec('query', 'per_model_summary').transforms);
    expect(rows.map((r) => r.model_name).sort()).toEqual([LLAMA, LEGACY_MODEL, QWEN].sort());
    const column = (model: string, header: string) => {
      const settings = panelSpec('query', 'per_model_summary').columnSettings;
      const name = settings.find((c) => c.header === header)?.name;
      if (!name) throw new Error(`no column ${header}`);
      return rows.find((r) => r.model_name === model)?.[name] as number | undefined;
    };
    for (const model of [LLAMA, QWEN, LEGACY_MODEL]) {
      for (const header of ['Req/s', 'In tok/s', 'Out tok/s', 'Prompt mean', 'Prompt p50', 'Prompt p90', 'Prompt p99'])
        expect({ model, header, positive: Number(column(model, header)) > 0 }).toEqual({
          model,
          header,
          positive: true,
        });
      expect(column(model, 'Targets up')).toBe(DEFAULT_FLEET.filter((t) => t.model === model).length);
      // Error share = abort (the only error-like reason in this data) / all finished, from the raw counters.
      const reasonLabel = model === QWEN ? 'finish_reason' : 'finished_reason';
      const [errors] = await vector(
        `sum(increase(vllm:request_success_total{model_name="${model}",${reasonLabel}="abort"}[1h])) / sum(increase(vllm:request_success_total{model_name="${model}"}[1h]))`,
      );
      expect(column(model, 'Errors')).toBeCloseTo(Number(errors.value[1]), 12);
      const [peak] = await vector(
        `max(max_over_time({__name__=~"vllm:kv_cache_usage_perc|vllm:gpu_cache_usage_perc",model_name="${model}"}[1h]))`,
      );
      expect(column(model, 'Peak KV')).toBe(Number(peak.value[1]));
    }
    // Preemptions: not exported by the simulator, so its cell is empty (the table shows "n/a").
    expect(column(QWEN, 'Preemptions')).toBeUndefined();
    expect(Number.isInteger(column(LLAMA, 'Preemptions'))).toBe(true);
    // The mean prompt size lies between p50 and p99 for these right-skewed prompts.
    expect(column(LLAMA, 'Prompt mean')).toBeGreaterThan(column(LLAMA, 'Prompt p50')!);
    expect(column(LLAMA, 'Prompt mean')).toBeLessThan(column(LLAMA, 'Prompt p99')!);
  });

  it.each([
    ['query', 'prompt_length_distribution', requestTokenBuckets(MAX_MODEL_LEN)],
    ['query', 'generation_length_distribution', requestTokenBuckets(MAX_MODEL_LEN)],
    ['performance', 'ttft_heatmap', BUCKETS.ttft],
    ['performance', 'e2e_latency_heatmap', BUCKETS.requestLatency],
  ] as const)(
    '%s %s: one series per bucket bound (+Inf included) over the selected models, cumulative in numeric order',
    async (dashboard, where, bounds) => {
      const [heatmap] = find(dashboard, where);
      const series = await run(heatmap);
      // The heatmap orders its rows by the numeric bound itself; what it needs is every bound once, no other label.
      expect(series.map((s) => Object.keys(s.metric))).toEqual(series.map(() => ['le']));
      const bound = (s: MatrixSeries) => (s.metric.le === '+Inf' ? Infinity : Number(s.metric.le));
      const byBound = [...series].sort((a, b) => bound(a) - bound(b));
      expect(byBound.map(bound)).toEqual([...bounds, Infinity]);
      const at = (i: number, t: number) => Number(byBound[i].values.find(([time]) => time === t)?.[1]);
      const inf = byBound[byBound.length - 1];
      expect(inf.values.some(([, v]) => Number(v) > 0)).toBe(true);
      for (const [t] of inf.values)
        for (let i = 1; i < byBound.length; i++) expect(at(i, t)).toBeGreaterThanOrEqual(at(i - 1, t));
    },
  );

  it('the prefix-cache hit rate covers every model, pre-rename gpu_prefix_cache_* included, and equals hits / queries', async () => {
    const [hitRate] = find('performance', 'prefix_cache_hit_rate');
    const series = await run(hitRate);
    expect(models(series)).toEqual([LLAMA, LEGACY_MODEL, QWEN].sort());
    for (const v of finiteValues(series)) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThan(1);
    }
    const legacy = series.find((s) => s.metric.model_name === LEGACY_MODEL)!;
    const direct = await prom.queryRange(
      `sum(rate(vllm:gpu_prefix_cache_hits_total[1m])) / sum(rate(vllm:gpu_prefix_cache_queries_total[1m]))`,
      START,
      END,
      STEP,
    );
    expect(legacy.values).toEqual((direct.result as MatrixSeries[])[0].values);
  });

  it('preemptions and waiting reasons come from the engines that export them (not the simulator)', async () => {
    const [preemptions] = find('performance', 'preemptions');
    expect(models(await run(preemptions))).toEqual([LLAMA, LEGACY_MODEL].sort());
    const [byReason] = find('performance', 'waiting_by_reason');
    const reasons = await run(byReason);
    expect(reasons.map((s) => `${s.metric.model_name} · ${s.metric.reason}`).sort()).toEqual([
      `${LLAMA} · capacity`,
      `${LLAMA} · deferred`,
    ]);
    // The reasons add up to num_requests_waiting at every step.
    const total = await prom.queryRange(`sum(vllm:num_requests_waiting{model_name="${LLAMA}"})`, START, END, STEP);
    const summed = reasons[0].values.map(([t, v]) => [
      t,
      Number(v) + Number(reasons[1].values.find(([u]) => u === t)![1]),
    ]);
    expect(summed).toEqual((total.result as MatrixSeries[])[0].values.map(([t, v]) => [t, Number(v)]));
  });

  it('speculative decoding: figures for the model that runs it, "not enabled" rows for the others', async () => {
    const spec = find('performance', 'spec_decode_summary');
    const rows = tableRows(
      await Promise.all(spec.map((q) => instant(q))),
      panelSpec('performance', 'spec_decode_summary').transforms,
    );
    const row = (model: string) => rows.find((r) => r.model_name === model)!;
    expect(rows.map((r) => r.model_name).sort()).toEqual([LLAMA, LEGACY_MODEL, QWEN].sort());
    const acceptance = row(LLAMA)['value #2'] as number;
    const length = row(LLAMA)['value #3'] as number;
    expect(acceptance).toBeGreaterThan(0);
    expect(acceptance).toBeLessThan(1);
    // Mean acceptance length = 1 + accepted / drafts = 1 + acceptance × draft tokens per draft.
    expect(length).toBeCloseTo(1 + acceptance * SPEC_TOKENS, 12);
    for (const model of [QWEN, LEGACY_MODEL]) {
      expect(row(model)['value #1']).toBeGreaterThan(0);
      expect(row(model)['value #2']).toBeUndefined(); // shown as "not enabled" (cellSettings Misc null)
    }
    const [perPosition] = find('performance', 'spec_decode_acceptance');
    const positions = await run(perPosition);
    expect(positions.map((s) => `${s.metric.model_name}/${s.metric.position}`).sort()).toEqual(
      [0, 1, 2].map((p) => `${LLAMA}/${p}`),
    );
    const mean = (p: number) => {
      const v = finiteValues(positions.filter((s) => s.metric.position === String(p)));
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    expect(mean(0)).toBeGreaterThan(mean(1));
    expect(mean(1)).toBeGreaterThan(mean(2));
  });

  it("LoRA adapters: the latest lora_requests_info of the pod that serves adapters, and only that pod's", async () => {
    const [lora] = find('performance', 'lora_adapters');
    const rows = await instant(lora);
    const loraPods = DEFAULT_FLEET.filter((t) => t.features?.includes('lora'));
    expect(rows.map((r) => r.metric.pod)).toEqual(loraPods.map((t) => t.k8s!.pod));
    // The latest report: its value is the newest among the pod's series.
    const [latest] = await vector(`max(vllm:lora_requests_info{pod="${loraPods[0].k8s!.pod}"})`);
    expect(rows[0].value[1]).toBe(latest.value[1]);
    for (const label of ['max_lora', 'running_lora_adapters', 'waiting_lora_adapters'])
      expect(rows[0].metric[label]).toBeDefined();
    for (const label of ['running_lora_adapters', 'waiting_lora_adapters'])
      expect(
        rows[0].metric[label] === 'none' ||
          rows[0].metric[label].split(',').every((a) => LORA_ADAPTERS.includes(a as never)),
      ).toBe(true);
  });

  it.each(panelQueries.filter((q) => q.panelKind === 'TimeSeriesChart').map((q) => [label(q), q] as const))(
    '%s: every series has its own legend name',
    async (_, q) => {
      const names = (await run(q)).map((s) =>
        (q.seriesNameFormat ?? '').replace(/\{\{\s*(\w+)\s*\}\}/g, (__, l: string) => s.metric[l] ?? ''),
      );
      expect(new Set(names).size).toBe(names.length);
    },
  );

  it('a pod selection narrows every panel to that pod; All also keeps targets without k8s labels', async () => {
    const pod = DEFAULT_FLEET[0].k8s!.pod;
    for (const q of panelQueries) {
      const one = await run(q, withVariables({ pod: [pod] }));
      // LoRA is enabled on another pod only: its table is rightly empty here.
      if (q.where === 'lora_adapters') {
        expect({ where: label(q), rows: one.length, lora: DEFAULT_FLEET[0].features?.includes('lora') }).toEqual({
          where: label(q),
          rows: 0,
          lora: false,
        });
        continue;
      }
      expect(one.length).toBeGreaterThan(0);
      // Per-model panels keep only that pod's model; per-pod panels keep only that pod.
      const seen = one.map((s) => ({
        where: label(q),
        model: s.metric.model_name ?? DEFAULT_FLEET[0].model,
        pod: s.metric.pod ?? pod,
      }));
      expect(seen).toEqual(seen.map(() => ({ where: label(q), model: DEFAULT_FLEET[0].model, pod })));
    }
    const [kv] = find('performance', 'saturation');
    expect((await run(kv)).some((s) => s.metric.pod === undefined)).toBe(true);
    expect((await run(kv, withVariables({ namespace: ['llm-d'] }))).map((s) => s.metric.namespace)).toEqual([
      'llm-d',
      'llm-d',
    ]);
  });

  it('a model selection of two models keeps exactly those', async () => {
    const [e2e] = find('performance', 'e2e_latency');
    expect(models(await run(e2e, withVariables({ model_name: [LLAMA, QWEN] })))).toEqual([LLAMA, QWEN].sort());
  });

  it.each(variableQueries.map((q) => [label(q), q] as const))(
    '%s lists the label values (as /api/v1/label/…/values does)',
    async (_, q) => {
      const name = q.where.replace('variable:', '');
      const values = await prometheusApi<string[]>(
        prom.url,
        `/api/v1/label/${name}/values`,
        { 'match[]': interpolate(q.expr), start: START, end: END },
        'GET',
      );
      const expected = [
        ...new Set(
          DEFAULT_FLEET.map((t) => (name === 'model_name' ? t.model : t.k8s?.[name as 'pod'])).filter(Boolean),
        ),
      ].sort();
      expect(values.sort()).toEqual(expected);
    },
  );
});
