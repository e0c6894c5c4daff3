// Every query of the bundled dashboards returns data from a real Prometheus holding an hour of realistic vLLM
// series (current vLLM, llm-d-inference-sim and pre-rename vLLM side by side, see test/support/vllm-tsdb.ts),
// and the variables, fallbacks and label unifications do what the dashboards promise.

import {
  DASHBOARD_FILES,
  dashboardQueries,
  DashboardQuery,
  DEFAULT_INTERPOLATION,
  FILTER_VARIABLES,
  interpolate,
  Interpolation,
} from '../support/dashboard-files';
import { MatrixSeries, prometheusApi, VectorSample } from '../support/prometheus';
import { vllmPrometheusForThisFile } from '../support/vllm-prometheus';
import { DEFAULT_FLEET, LEGACY_MODEL, LLAMA, QWEN, TSDB_END, TSDB_START } from '../support/vllm-tsdb';

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

  it('the per-model summary has every figure for every model, targets up included', async () => {
    const [summary] = find('query', 'per_model_summary');
    const series = await run(summary);
    const figures = (model: string) =>
      series
        .filter((s) => s.metric.model_name === model)
        .map((s) => s.metric.figure)
        .sort();
    const expected = [
      '1 requests/s',
      '2 input tokens/s',
      '3 output tokens/s',
      '4 prompt tokens, mean',
      '5 prompt tokens, p50',
      '6 prompt tokens, p90',
      '7 prompt tokens, p99',
      '8 vLLM targets up',
    ];
    for (const model of [LLAMA, QWEN, LEGACY_MODEL]) expect(figures(model)).toEqual(expected);
    const up = (model: string) =>
      Number(
        series.find((s) => s.metric.model_name === model && s.metric.figure === '8 vLLM targets up')!.values[0][1],
      );
    for (const model of [LLAMA, QWEN, LEGACY_MODEL])
      expect(up(model)).toBe(DEFAULT_FLEET.filter((t) => t.model === model).length);
    // The mean prompt size lies between p50 and p99 for these right-skewed prompts.
    const value = (figure: string) =>
      Number(series.find((s) => s.metric.model_name === LLAMA && s.metric.figure === figure)!.values[0][1]);
    expect(value('4 prompt tokens, mean')).toBeGreaterThan(value('5 prompt tokens, p50'));
    expect(value('4 prompt tokens, mean')).toBeLessThan(value('7 prompt tokens, p99'));
  });

  it('the prompt size distribution is a cumulative share that reaches 100 % at +Inf', async () => {
    const [distribution] = find('query', 'prompt_size_distribution');
    const series = await run(distribution);
    for (const model of [LLAMA, QWEN, LEGACY_MODEL]) {
      const inf = series.find((s) => s.metric.model_name === model && s.metric.le === '+Inf');
      expect(Number(inf?.values[0][1])).toBeCloseTo(1, 9);
    }
  });

  it('a pod selection narrows every panel to that pod; All also keeps targets without k8s labels', async () => {
    const pod = DEFAULT_FLEET[0].k8s!.pod;
    for (const q of panelQueries) {
      const one = await run(q, withVariables({ pod: [pod] }));
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
