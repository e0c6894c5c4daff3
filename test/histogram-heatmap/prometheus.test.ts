// The Histogram Heatmap's numbers against a real Prometheus over realistic vLLM history (test/support/vllm-tsdb.ts):
// per step, the quantile lines equal histogram_quantile and each cell's share equals the bucket difference over
// the +Inf bucket as Prometheus computes it; over the range, the bars, quantile markers and SLO attainment equal
// Prometheus over the same steps (the sum_over_time of the panel's query, i.e. its increase over the range sampled
// at the panel's steps — the rule the Latency Quad's `range` uses).
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { TimeSeries } from '@perses-dev/core';

import { buildHeatmapViewModel, HeatmapHistogram } from '../../src/panels/histogram-heatmap/heatmap-view-model';
import {
  createInitialHistogramHeatmapOptions,
  HistogramHeatmapSpec,
} from '../../src/panels/histogram-heatmap/histogram-heatmap-spec';
import { MatrixSeries, parsePromValue, PrometheusHandle, QueryData } from '../support/prometheus';
import { vllmPrometheusForThisFile } from '../support/vllm-prometheus';
import { TSDB_END, TSDB_START } from '../support/vllm-tsdb';

const STEP = 60;
const START = TSDB_START + 600;
const END = TSDB_END;
// Prometheus 2.x subquery windows are closed at both ends, so this holds exactly the steps START … END.
const SUBQUERY = `[${END - START}s:${STEP}s]`;

const FAMILIES = [
  { metric: 'vllm:time_to_first_token_seconds', format: { unit: 'seconds' as const } },
  { metric: 'vllm:e2e_request_latency_seconds', format: { unit: 'seconds' as const } },
  { metric: 'vllm:request_prompt_tokens', format: { unit: 'decimal' as const } },
];

const prom = vllmPrometheusForThisFile();

function toSeries(data: QueryData): TimeSeries[] {
  if (data.resultType !== 'matrix') throw new Error(`expected a matrix, got ${data.resultType}`);
  return data.result.map((s: MatrixSeries) => ({
    name: JSON.stringify(s.metric),
    labels: s.metric,
    values: s.values.map(([t, v]) => [t * 1000, parsePromValue(v)] as [number, number]),
  }));
}

/** A range query's single series as a map time (ms) → value. */
async function rangeValues(p: PrometheusHandle, expr: string): Promise<Map<number, number>> {
  const series = toSeries(await p.queryRange(expr, START, END, STEP));
  if (series.length !== 1) throw new Error(`${expr}: expected one series, got ${series.length}`);
  return new Map(series[0].values.map(([t, v]) => [t, v as number]));
}

async function instantByLe(p: PrometheusHandle, expr: string): Promise<Map<string, number>> {
  const data = await p.query(expr, END);
  if (data.resultType !== 'vector') throw new Error(`${expr}: expected a vector`);
  return new Map(data.result.map((s) => [s.metric.le ?? '', parsePromValue(s.value[1])]));
}

async function instant(p: PrometheusHandle, expr: string): Promise<number> {
  const data = await p.query(expr, END);
  if (data.resultType !== 'vector' || data.result.length !== 1) throw new Error(`${expr}: expected one sample`);
  return parsePromValue(data.result[0].value[1]);
}

/** Equal within a relative 1e-9, NaN with NaN; returns a description of the mismatch or ''. */
function mismatch(what: string, ours: number, theirs: number | undefined): string {
  const expected = theirs ?? NaN;
  if (Number.isNaN(ours) && Number.isNaN(expected)) return '';
  if (Math.abs(ours - expected) <= 1e-9 * Math.max(1, Math.abs(expected))) return '';
  return `${what}: ours ${ours}, Prometheus ${expected}\n`;
}

const bucketQuery = (metric: string) => `sum by (le) (rate(${metric}_bucket[1m]))`;

async function panelHistogram(
  metric: string,
  spec: Partial<HistogramHeatmapSpec>,
): Promise<{ h: HeatmapHistogram; les: string[] }> {
  const series = toSeries(await prom.queryRange(bucketQuery(metric), START, END, STEP));
  const model = buildHeatmapViewModel([{ data: { series } }], { ...createInitialHistogramHeatmapOptions(), ...spec });
  if (model.state !== 'histograms') throw new Error(`${metric}: ${model.message}`);
  expect(model.warnings).toEqual([]);
  expect(model.histograms).toHaveLength(1);
  const [h] = model.histograms;
  expect(h.problem).toBeUndefined();
  // `le` as Prometheus spells it, in the panel's row order.
  const les = series.map((s) => s.labels!.le);
  les.sort((a, b) => Number(a.replace('+Inf', 'Infinity')) - Number(b.replace('+Inf', 'Infinity')));
  return { h, les };
}

describe.each(FAMILIES.map((f) => [f.metric, f] as const))('%s', (metric, { format }) => {
  test('quantile lines equal histogram_quantile at every step', async () => {
    const quantiles = [0.5, 0.9, 0.99];
    const { h } = await panelHistogram(metric, { quantiles, format });
    let problems = '';
    let compared = 0;
    for (const [k, q] of quantiles.entries()) {
      const theirs = await rangeValues(prom, `histogram_quantile(${q}, ${bucketQuery(metric)})`);
      h.timestamps.forEach((t, step) => {
        problems += mismatch(`q=${q} at ${t}`, h.lines[k].values[step], theirs.get(t));
        if (Number.isFinite(h.lines[k].values[step])) compared++;
      });
    }
    expect(problems).toBe('');
    expect(compared).toBeGreaterThan(0.8 * h.timestamps.length * quantiles.length);
  });

  test('each cell share equals the bucket difference over the +Inf bucket, per step', async () => {
    const { h, les } = await panelHistogram(metric, { format });
    expect(h.rows).toHaveLength(les.length);
    const rate = (le: string) => `sum(rate(${metric}_bucket{le="${le}"}[1m]))`;
    const width = les.length;
    let problems = '';
    let compared = 0;
    for (const [row, le] of les.entries()) {
      const part = row === 0 ? rate(le) : `(${rate(le)} - ${rate(les[row - 1])})`;
      const theirs = await rangeValues(prom, `${part} / ${rate('+Inf')}`);
      h.timestamps.forEach((t, step) => {
        problems += mismatch(`le=${le} at ${t}`, h.shares[step * width + row], theirs.get(t));
        if (Number.isFinite(h.shares[step * width + row])) compared++;
      });
    }
    expect(problems).toBe('');
    expect(compared).toBeGreaterThan(0.8 * h.timestamps.length * width);
  });

  test('distribution: bars, cumulative line, quantile markers and SLO equal Prometheus over the same steps', async () => {
    const quantiles = [0.5, 0.9, 0.99];
    const { h, les } = await panelHistogram(metric, { quantiles, format, slo: { threshold: 1, target: 0.9 } });
    const d = h.distribution!;
    const overRange = `sum by (le) (sum_over_time((${bucketQuery(metric)})${SUBQUERY}))`;
    const cumulative = await instantByLe(prom, overRange);
    const total = cumulative.get('+Inf')!;
    let problems = '';
    for (const [row, le] of les.entries()) {
      const below = row === 0 ? 0 : cumulative.get(les[row - 1])!;
      const part = cumulative.get(le)! - below;
      problems += mismatch(`share le=${le}`, d.shares[row], part / total);
      // Observations in the bucket: the rate summed over the steps × the step length.
      problems += mismatch(`count le=${le}`, d.counts[row], part * STEP);
      problems += mismatch(`cumulative le=${le}`, d.cumulative[row], cumulative.get(le)! / total);
    }
    for (const marker of d.markers) {
      problems += mismatch(
        `p${marker.q}`,
        marker.value,
        await instant(prom, `histogram_quantile(${marker.q}, ${overRange})`),
      );
    }
    // le="1" is a bound of all three families, so the attainment is exact there.
    expect(d.slo?.thresholdIsBound).toBe(true);
    problems += mismatch('slo', d.slo!.attainment, cumulative.get('1')! / total);
    expect(problems).toBe('');
    expect(total).toBeGreaterThan(0);
  });
});

/** `| name | \`query\` | format |` rows of the README's VllmHistogramHeatmap recipe table. */
function readmeRecipes(): Array<{ name: string; query: string }> {
  const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const start = readme.indexOf('## VllmHistogramHeatmap');
  const section = readme.slice(readme.indexOf('### Recipes', start), readme.indexOf('### Options', start));
  return section
    .split('\n')
    .map((line) => /^\| (.+?) \| `([^`]+)` \|/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && m[2].includes('_bucket'))
    .map((m) => ({ name: m[1], query: m[2] }));
}

describe('README recipes', () => {
  const recipes = readmeRecipes();

  test('the README lists the recipes', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(6);
  });

  test.each(recipes.map((r) => [r.name, r.query] as const))(
    '%s draws with no problem and no warning',
    async (_, query) => {
      const concrete = query.replace(/\$model_name/g, '.*').replace(/\$__rate_interval/g, '1m');
      const series = toSeries(await prom.queryRange(concrete, START, END, STEP));
      const model = buildHeatmapViewModel([{ data: { series } }], createInitialHistogramHeatmapOptions());
      if (model.state !== 'histograms') throw new Error(model.message);
      expect(model.warnings).toEqual([]);
      expect(model.histograms.map((h) => h.problem)).toEqual(model.histograms.map(() => undefined));
      expect(model.histograms.length).toBe(query.includes('model_name)') ? 3 : 1);
    },
  );
});
