import { TimeSeries } from '@perses-dev/core';

import { histogramQuantile, sloAttainment } from '../../model/histogram';
import {
  FIXTURE_START_MS,
  histogramSeries,
  ITL_BOUNDS,
  REQUEST_LATENCY_BOUNDS,
  TTFT_BOUNDS,
} from './latency-quad-fixtures';
import { createInitialLatencyQuadOptions, LatencyQuadSpec } from './latency-quad-spec';
import { buildQuadViewModel, QuadViewModel } from './quad-view-model';

const spec = (patch: Partial<LatencyQuadSpec> = {}): LatencyQuadSpec => ({
  ...createInitialLatencyQuadOptions(),
  ...patch,
});
const results = (...series: TimeSeries[][]) => series.map((s) => ({ data: { series: s } }));

function rowsOf(model: QuadViewModel) {
  if (model.state !== 'rows') throw new Error(`expected rows, got ${model.state}: ${model.message}`);
  return model.rows;
}

/** The reference: buckets summed over all steps by `le` straight from the series, then histogram_quantile. */
function referenceRangeBuckets(series: TimeSeries[]) {
  return series
    .filter((s) => s.labels?.le !== undefined)
    .map((s) => ({ le: s.labels!.le, value: s.values.reduce((acc, [, v]) => acc + (v ?? 0), 0) }));
}

function bucketsAtStep(series: TimeSeries[], step: number) {
  return series
    .filter((s) => s.labels?.le !== undefined)
    .map((s) => ({ le: s.labels!.le, value: s.values[step][1] ?? 0 }));
}

const e2e = histogramSeries({
  bounds: REQUEST_LATENCY_BOUNDS,
  median: 3.2,
  sigma: 0.9,
  requestRate: 12,
  steps: 60,
  withSum: true,
});

describe('range statistics on vLLM bucket layouts', () => {
  it.each([
    ['e2e request latency', REQUEST_LATENCY_BOUNDS, 3.2, 0.9],
    ['time to first token', TTFT_BOUNDS, 0.18, 1.1],
    ['inter-token latency', ITL_BOUNDS, 0.035, 0.6],
  ])('%s: p50/p90/p99 tiles equal histogram_quantile of the whole-range buckets', (_, bounds, median, sigma) => {
    const series = histogramSeries({ bounds, median, sigma, requestRate: 8, steps: 120 });
    const [row] = rowsOf(buildQuadViewModel(results(series), spec()));
    const reference = referenceRangeBuckets(series);
    for (const q of [0.5, 0.9, 0.99]) {
      const tile = row.tiles.find((t) => t.statistic.kind === 'quantile' && t.statistic.quantile === q)!;
      expect(tile.value).toBeCloseTo(histogramQuantile(q, reference), 12);
    }
  });

  it('mean = Σ _sum rate / Σ +Inf bucket rate over the range', () => {
    const [row] = rowsOf(buildQuadViewModel(results(e2e), spec()));
    const sum = e2e.find((s) => s.labels?.le === undefined)!.values.reduce((a, [, v]) => a + (v ?? 0), 0);
    const count = e2e.find((s) => s.labels?.le === '+Inf')!.values.reduce((a, [, v]) => a + (v ?? 0), 0);
    expect(row.tiles[0].label).toBe('mean');
    expect(row.tiles[0].value).toBeCloseTo(sum / count, 12);
    // The fixture draws from a log-normal with median 3.2 s and σ 0.9, whose mean is 3.2·e^(σ²/2) ≈ 4.8 s.
    expect(row.tiles[0].value).toBeGreaterThan(4);
    expect(row.tiles[0].explanation).toContain('_sum rate');
  });

  it('a ready-made mean series is weighted by traffic, giving the same exact mean', () => {
    const readyMade = e2e.map((s) => {
      if (s.labels?.le !== undefined) return s;
      const inf = e2e.find((b) => b.labels?.le === '+Inf')!;
      return { ...s, values: s.values.map(([t, v], i) => [t, (v ?? 0) / (inf.values[i][1] ?? 1)] as [number, number]) };
    });
    const [fromSum] = rowsOf(buildQuadViewModel(results(e2e), spec()));
    const [fromMean] = rowsOf(buildQuadViewModel(results(readyMade), spec({ meanInput: 'mean' })));
    expect(fromMean.tiles[0].value).toBeCloseTo(fromSum.tiles[0].value, 12);
  });

  it('statistics follow the configured list and order', () => {
    const [row] = rowsOf(
      buildQuadViewModel(results(e2e), spec({ statistics: [{ kind: 'quantile', quantile: 0.999 }, { kind: 'mean' }] })),
    );
    expect(row.tiles.map((t) => t.label)).toEqual(['p99.9', 'mean']);
  });
});

describe('value over the range', () => {
  it('last = histogram_quantile at the last step', () => {
    const [row] = rowsOf(buildQuadViewModel(results(e2e), spec({ valueOverRange: 'last' })));
    const p90 = row.tiles[2];
    expect(p90.value).toBeCloseTo(histogramQuantile(0.9, bucketsAtStep(e2e, 59)), 12);
    expect(p90.explanation).toContain(new Date(FIXTURE_START_MS + 59 * 60_000).toISOString().replace('.000Z', 'Z'));
  });

  it('last skips trailing steps without traffic and says so', () => {
    const idle = histogramSeries({
      bounds: REQUEST_LATENCY_BOUNDS,
      median: 3,
      sigma: 0.8,
      requestRate: 5,
      steps: 30,
      idleSteps: new Set([28, 29]),
    });
    const [row] = rowsOf(buildQuadViewModel(results(idle), spec({ valueOverRange: 'last' })));
    expect(row.tiles[1].value).toBeCloseTo(histogramQuantile(0.5, bucketsAtStep(idle, 27)), 12);
    expect(row.tiles[1].explanation).toContain('2 later steps had none');
  });

  it('mean-of-steps averages the per-step quantiles and differs from the range quantile', () => {
    const [row] = rowsOf(buildQuadViewModel(results(e2e), spec({ valueOverRange: 'mean-of-steps' })));
    const perStep = Array.from({ length: 60 }, (_, i) => histogramQuantile(0.99, bucketsAtStep(e2e, i)));
    const expected = perStep.reduce((a, b) => a + b, 0) / perStep.length;
    expect(row.tiles[3].value).toBeCloseTo(expected, 10);
    const [rangeRow] = rowsOf(buildQuadViewModel(results(e2e), spec()));
    expect(Math.abs(row.tiles[3].value - rangeRow.tiles[3].value)).toBeGreaterThan(1e-6);
  });

  it('a rank in the +Inf bucket is flagged as clamped to the highest finite bound', () => {
    // ITL with a heavy tail: more than 1 % of observations above 80 s.
    const tail = histogramSeries({ bounds: ITL_BOUNDS, median: 20, sigma: 1.5, requestRate: 3, steps: 10 });
    const [row] = rowsOf(buildQuadViewModel(results(tail), spec()));
    const p99 = row.tiles[3];
    expect(p99.value).toBe(80);
    expect(p99.clamped).toBe(true);
    expect(p99.explanation).toContain('+Inf bucket');
    expect(row.tiles[1].clamped).toBe(false);
  });
});

describe('SLO attainment', () => {
  it('at a bucket bound equals the cumulative share from the same buckets', () => {
    const [row] = rowsOf(buildQuadViewModel(results(e2e), spec({ slo: { threshold: 10, target: 0.99 } })));
    const expected = sloAttainment(10, referenceRangeBuckets(e2e));
    expect(row.slo!.attainment).toBeCloseTo(expected, 12);
    expect(row.slo!.thresholdIsBound).toBe(true);
    expect(row.slo!.met).toBe(expected >= 0.99);
  });

  it('flags a threshold that is not a bucket bound', () => {
    const [row] = rowsOf(buildQuadViewModel(results(e2e), spec({ slo: { threshold: 7, target: 0.5 } })));
    expect(row.slo!.thresholdIsBound).toBe(false);
    expect(row.slo!.explanation).toContain('not a bucket bound');
    expect(row.slo!.met).toBe(true);
  });
});

describe('groups', () => {
  const byModel = [
    ...histogramSeries({
      bounds: TTFT_BOUNDS,
      labels: { model_name: 'llama-8b' },
      median: 0.08,
      sigma: 0.7,
      requestRate: 20,
      steps: 30,
      withSum: true,
    }),
    ...histogramSeries({
      bounds: TTFT_BOUNDS,
      labels: { model_name: 'qwen-72b' },
      median: 0.9,
      sigma: 0.7,
      requestRate: 4,
      steps: 30,
      withSum: true,
    }),
    ...histogramSeries({
      bounds: TTFT_BOUNDS,
      labels: { model_name: 'mistral-7b' },
      median: 0.2,
      sigma: 0.7,
      requestRate: 9,
      steps: 30,
      withSum: true,
    }),
  ];

  it('one row per group, named by nameFormat, sorted worst-first by the highest quantile', () => {
    const rows = rowsOf(buildQuadViewModel(results(byModel), spec({ groups: { nameFormat: '{{model_name}}' } })));
    expect(rows.map((r) => r.name)).toEqual(['qwen-72b', 'mistral-7b', 'llama-8b']);
    const qwen = byModel.filter((s) => s.labels?.model_name === 'qwen-72b');
    expect(rows[0].tiles[3].value).toBeCloseTo(histogramQuantile(0.99, referenceRangeBuckets(qwen)), 12);
    expect(rows.every((r) => Number.isFinite(r.tiles[0].value))).toBe(true);
  });

  it('default row names list the labels', () => {
    const rows = rowsOf(buildQuadViewModel(results(byModel), spec({ groups: { sortBy: 'mean' } })));
    expect(rows[0].name).toBe('model_name="qwen-72b"');
  });

  it('a group whose _sum series is missing gets an explained mean tile, not a number', () => {
    const withoutLlamaSum = byModel.filter((s) => !(s.labels?.le === undefined && s.labels?.model_name === 'llama-8b'));
    const rows = rowsOf(
      buildQuadViewModel(results(withoutLlamaSum), spec({ groups: { nameFormat: '{{model_name}}' } })),
    );
    const llama = rows.find((r) => r.name === 'llama-8b')!;
    expect(llama.tiles[0].value).toBeNaN();
    expect(llama.tiles[0].explanation).toContain('sum by (model_name) (rate(…_sum[$__rate_interval]))');
  });

  it('a plain series that matches no group is ignored with a warning', () => {
    const stray: TimeSeries = { name: 'x', labels: { pod: 'vllm-0' }, values: [[FIXTURE_START_MS, 1]] };
    const model = buildQuadViewModel(results([...e2e, stray]), spec());
    expect(model.state).toBe('rows');
    if (model.state === 'rows') expect(model.warnings.join(' ')).toContain('{pod="vllm-0"}');
  });

  it('two queries are never merged into one histogram', () => {
    const rows = rowsOf(buildQuadViewModel(results(e2e, e2e), spec()));
    expect(rows.map((r) => r.name)).toEqual(['query 1', 'query 2']);
  });
});

describe('states', () => {
  it('no series, or only empty series → no samples', () => {
    expect(buildQuadViewModel(results([]), spec()).state).toBe('no-data');
    const empty: TimeSeries = { name: 'x', labels: { le: '+Inf' }, values: [] };
    expect(buildQuadViewModel(results([empty]), spec())).toEqual({
      state: 'no-data',
      message: 'No samples in the selected time range.',
    });
  });

  it('a non-histogram query explains the contract', () => {
    const gauge: TimeSeries = {
      name: 'x',
      labels: { __name__: 'vllm:num_requests_running', model_name: 'm' },
      values: [[FIXTURE_START_MS, 3]],
    };
    const model = buildQuadViewModel(results([gauge]), spec());
    expect(model.state).toBe('not-histogram');
    if (model.state === 'not-histogram') {
      expect(model.message).toContain('no le label');
      expect(model.message).toContain('vllm:num_requests_running{model_name="m"}');
      expect(model.message).toContain('sum by (le)');
    }
  });

  it('buckets without +Inf give an explanation and no tiles', () => {
    const noInf = e2e.filter((s) => s.labels?.le !== '+Inf');
    const [row] = rowsOf(buildQuadViewModel(results(noInf), spec()));
    expect(row.tiles).toEqual([]);
    expect(row.problem).toContain('le="+Inf"');
  });

  it('a lone +Inf bucket gives an explanation and no tiles', () => {
    const onlyInf = e2e.filter((s) => s.labels?.le === '+Inf');
    const [row] = rowsOf(buildQuadViewModel(results(onlyInf), spec()));
    expect(row.problem).toContain('at least two bucket bounds');
  });

  it('NaN or ±Inf bucket samples give an explanation and no number', () => {
    const poisoned = e2e.map((s) =>
      s.labels?.le === '2.5'
        ? { ...s, values: s.values.map(([t, v], i) => [t, i === 7 ? NaN : v] as [number, number]) }
        : s,
    );
    const [row] = rowsOf(buildQuadViewModel(results(poisoned), spec()));
    expect(row.tiles).toEqual([]);
    expect(row.problem).toContain('NaN or ±Inf');
  });

  it('no traffic in the range → "no traffic", never 0', () => {
    const idle = histogramSeries({
      bounds: REQUEST_LATENCY_BOUNDS,
      median: 1,
      sigma: 1,
      requestRate: 1,
      steps: 5,
      idleSteps: new Set([0, 1, 2, 3, 4]),
      withSum: true,
    });
    const [row] = rowsOf(buildQuadViewModel(results(idle), spec()));
    expect(row.tiles.map((t) => t.reason)).toEqual(['no traffic', 'no traffic', 'no traffic', 'no traffic']);
    expect(row.tiles.every((t) => Number.isNaN(t.value))).toBe(true);
  });

  it('unreadable le values are reported', () => {
    const odd: TimeSeries = { name: 'x', labels: { le: 'fast' }, values: [[FIXTURE_START_MS, 1]] };
    const model = buildQuadViewModel(results([...e2e.filter((s) => s.labels?.le !== undefined), odd]), spec());
    expect(model.state === 'rows' && model.warnings.join(' ')).toContain('"fast"');
  });
});
