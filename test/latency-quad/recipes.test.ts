// The README's VllmLatencyQuad PromQL recipes, run on a real Prometheus over realistic vLLM history
// (test/support/vllm-tsdb.ts: current vLLM, llm-d-inference-sim and pre-rename vLLM side by side): each recipe
// must fit the panel's input contract, and the panel's `range` values must equal what Prometheus itself computes
// with histogram_quantile over the same steps. The recipes are read from README.md, so the docs cannot drift.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { TimeSeries } from '@perses-dev/core';

import { createInitialLatencyQuadOptions, LatencyQuadSpec } from '../../src/panels/latency-quad/latency-quad-spec';
import { buildQuadViewModel, QuadRow } from '../../src/panels/latency-quad/quad-view-model';
import { MatrixSeries, parsePromValue, PrometheusHandle, QueryData } from '../support/prometheus';
import { vllmPrometheusForThisFile } from '../support/vllm-prometheus';
import { LEGACY_MODEL, QWEN, TSDB_END, TSDB_START } from '../support/vllm-tsdb';

const ROOT = path.resolve(__dirname, '../..');
const STEP = 60;
const START = TSDB_START + 600;
const END = TSDB_END;
// A subquery window that holds exactly the range query's steps START … END. Prometheus 2.x windows are closed at
// both ends ([END - range, END]), so the range is END - START, not one step more.
const SUBQUERY = `[${END - START}s:${STEP}s]`;

/** `| family | \`query\` |` rows of the README's recipe table. */
function readmeRecipes(): Array<{ family: string; query: string }> {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## VllmLatencyQuad'), readme.indexOf('### Options (`spec`)'));
  return section
    .split('\n')
    .map((line) => /^\| (.+?) \| `([^`]+)` \|\s*$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && m[2].includes('_bucket'))
    .map((m) => ({ family: m[1], query: m[2] }));
}

// What Perses substitutes at run time, with every model selected.
const concrete = (query: string, model = '.*') =>
  query.replace(/\$model_name/g, model).replace(/\$__rate_interval/g, '1m');

function toSeries(data: QueryData): TimeSeries[] {
  if (data.resultType !== 'matrix') throw new Error(`expected a matrix, got ${data.resultType}`);
  return data.result.map((s: MatrixSeries) => ({
    name: JSON.stringify(s.metric),
    labels: s.metric,
    values: s.values.map(([t, v]) => [t * 1000, parsePromValue(v)] as [number, number]),
  }));
}

async function instant(prom: PrometheusHandle, expr: string): Promise<number> {
  const data = await prom.query(expr, END);
  if (data.resultType !== 'vector' || data.result.length !== 1)
    throw new Error(`${expr}: expected one sample, got ${JSON.stringify(data)}`);
  return parsePromValue(data.result[0].value[1]);
}

async function panelRows(
  prom: PrometheusHandle,
  query: string,
  spec: Partial<LatencyQuadSpec> = {},
): Promise<{ rows: QuadRow[]; warnings: string[] }> {
  const series = toSeries(await prom.queryRange(query, START, END, STEP));
  const model = buildQuadViewModel([{ data: { series } }], { ...createInitialLatencyQuadOptions(), ...spec });
  if (model.state !== 'rows') throw new Error(`${query}: ${model.state}: ${model.message}`);
  return model;
}

const prom = vllmPrometheusForThisFile();

const recipes = readmeRecipes();

test('the README has a recipe for every latency family and both token histograms', () => {
  const metrics = recipes.map((r) => /vllm:(\w+?)_bucket/.exec(r.query)?.[1]);
  expect(metrics).toEqual([
    'e2e_request_latency_seconds',
    'time_to_first_token_seconds',
    'inter_token_latency_seconds',
    'request_queue_time_seconds',
    'request_prefill_time_seconds',
    'request_decode_time_seconds',
    'request_inference_time_seconds',
    'request_prompt_tokens',
    'request_generation_tokens',
  ]);
});

describe.each(recipes.map((r) => [r.family, r.query] as const))('%s', (_, query) => {
  test('fits the input contract: one histogram with its mean, no warning', async () => {
    const { rows, warnings } = await panelRows(prom, concrete(query));
    expect(warnings).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0].problem).toBeUndefined();
    expect(rows[0].tiles.map((t) => Number.isFinite(t.value))).toEqual([true, true, true, true]);
  });

  test('range p50/p90/p99 and the mean equal Prometheus over the same steps', async () => {
    const [row] = (await panelRows(prom, concrete(query))).rows;
    // The bucket part of the recipe is everything before the first `or sum(` (the _sum terms).
    const buckets = concrete(query).split(/ or sum\(/)[0];
    for (const [index, q] of [
      [1, 0.5],
      [2, 0.9],
      [3, 0.99],
    ] as const) {
      const expected = await instant(
        prom,
        `histogram_quantile(${q}, sum by (le) (sum_over_time((${buckets})${SUBQUERY})))`,
      );
      expect({ q, value: row.tiles[index].value }).toEqual({ q, value: expect.closeTo(expected, 9) });
    }
    const metric = /vllm:(\w+?)_bucket/.exec(query)![1];
    const mean = await instant(
      prom,
      `sum(sum_over_time(sum(rate(vllm:${metric}_sum[1m]))${SUBQUERY})) / sum(sum_over_time(sum(rate(vllm:${metric}_count[1m]))${SUBQUERY}))`,
    );
    expect(row.tiles[0].value).toBeCloseTo(mean, 9);
  });
});

describe('inter-token latency fallback', () => {
  const itl = recipes.find((r) => r.query.includes('inter_token_latency_seconds_bucket'))!.query;

  test('pre-rename vLLM (time_per_output_token_seconds only) still gets a quad', async () => {
    const { rows } = await panelRows(prom, concrete(itl, LEGACY_MODEL));
    const expected = await instant(
      prom,
      `histogram_quantile(0.9, sum by (le) (sum_over_time((sum by (le) (rate(vllm:time_per_output_token_seconds_bucket{model_name="${LEGACY_MODEL}"}[1m])))${SUBQUERY})))`,
    );
    expect(rows[0].tiles[2].value).toBeCloseTo(expected, 9);
  });

  test('when both names exist (llm-d-inference-sim) each bucket comes once, from the current metric', async () => {
    const series = toSeries(await prom.queryRange(concrete(itl, QWEN), START, END, STEP));
    const les = series.filter((x) => x.labels?.le !== undefined).map((x) => x.labels!.le);
    expect(new Set(les).size).toBe(les.length);
    expect(series.filter((x) => x.labels?.le === undefined)).toHaveLength(1);
    const inf = series.find((x) => x.labels?.le === '+Inf')!;
    const count = await instant(prom, `sum(rate(vllm:inter_token_latency_seconds_count{model_name="${QWEN}"}[1m]))`);
    expect(inf.values[inf.values.length - 1][1]).toBeCloseTo(count, 12);
  });
});

test('grouped by model_name: one row per model, labelled, worst p99 first', async () => {
  const e2e = recipes[0].query
    .replace('sum by (le)', 'sum by (le, model_name)')
    .replace(' or sum(', ' or sum by (model_name) (');
  const { rows, warnings } = await panelRows(prom, concrete(e2e), { groups: { nameFormat: '{{model_name}}' } });
  expect(warnings).toEqual([]);
  expect(rows.length).toBe(3);
  const p99s = rows.map((r) => r.tiles[3].value);
  expect([...p99s].sort((a, b) => b - a)).toEqual(p99s);
  expect(rows.every((r) => Number.isFinite(r.tiles[0].value))).toBe(true);
  expect(rows.map((r) => r.name).sort()).toEqual(
    [LEGACY_MODEL, 'Qwen/Qwen2.5-0.5B-Instruct', 'meta-llama/Llama-3.1-8B-Instruct'].sort(),
  );
});
