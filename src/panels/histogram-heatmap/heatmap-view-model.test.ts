import { buildHeatmapViewModel, HeatmapHistogram } from './heatmap-view-model';
import { createInitialHistogramHeatmapOptions, HistogramHeatmapSpec } from './histogram-heatmap-spec';

type Point = [number, number | null];
const T0 = 1_700_000_000_000;
const series = (le: string | undefined, values: Array<number | null>, extra: Record<string, string> = {}) => ({
  labels: le === undefined ? { ...extra } : { le, ...extra },
  values: values.map((v, i) => [T0 + i * 60_000, v] as Point),
});

// Three steps of cumulative bucket rates: le 0.1, 0.5, +Inf. Step 1 has no traffic.
const BUCKETS = [series('0.1', [1, 0, 2]), series('0.5', [3, 0, 2]), series('+Inf', [4, 0, 8])];

function histograms(input = BUCKETS, spec: Partial<HistogramHeatmapSpec> = {}): HeatmapHistogram[] {
  const model = buildHeatmapViewModel([{ data: { series: input } }], {
    ...createInitialHistogramHeatmapOptions(),
    ...spec,
  });
  if (model.state !== 'histograms') throw new Error(model.message);
  return model.histograms;
}

describe('cells', () => {
  test('share = bucket difference / +Inf count, per step', () => {
    const [h] = histograms();
    expect(Array.from(h.shares.slice(0, 3))).toEqual([1 / 4, 2 / 4, 1 / 4]);
    expect(Array.from(h.shares.slice(6, 9))).toEqual([2 / 8, 0, 6 / 8]);
    expect(h.rows.map((r) => r.label)).toEqual(['≤ 100ms', '≤ 500ms', '> 500ms']);
  });

  test('a step without observations is blank (NaN), not zero', () => {
    const [h] = histograms();
    expect(Array.from(h.cells.slice(3, 6)).every(Number.isNaN)).toBe(true);
  });

  test('rate and count per step', () => {
    expect(Array.from(histograms(BUCKETS, { cellValue: 'rate' })[0].cells.slice(0, 3))).toEqual([1, 2, 1]);
    expect(Array.from(histograms(BUCKETS, { cellValue: 'count' })[0].cells.slice(0, 3))).toEqual([60, 120, 60]);
  });

  test('a step missing one bucket is blank rather than a row spanning two buckets', () => {
    const [h] = histograms([series('0.1', [1, 1]), series('0.5', [3, null]), series('+Inf', [4, 4])]);
    expect(Array.from(h.cells.slice(3, 6)).every(Number.isNaN)).toBe(true);
    expect(h.cells[0]).toBe(0.25);
  });
});

describe('quantile lines and distribution', () => {
  test('per-step quantile lines, NaN where there is no traffic', () => {
    const [h] = histograms();
    const p50 = h.lines[0];
    expect(p50.label).toBe('p50');
    // Step 0: rank 2 of 4 lies in (0.1, 0.5] at (2 − 1) / (3 − 1) of the way.
    expect(p50.values[0]).toBeCloseTo(0.1 + 0.4 * 0.5, 12);
    expect(Number.isNaN(p50.values[1])).toBe(true);
  });

  test('bars: parts of the bucket values summed over the range, over the total', () => {
    const [h] = histograms(BUCKETS, { slo: { threshold: 0.5, target: 0.5 } });
    const d = h.distribution!;
    expect(d.total).toBe(12);
    expect(Array.from(d.shares)).toEqual([3 / 12, 2 / 12, 7 / 12]);
    expect(Array.from(d.cumulative)).toEqual([3 / 12, 5 / 12, 1]);
    expect(d.slo).toMatchObject({ attainment: 5 / 12, met: false, thresholdIsBound: true });
    expect(d.markers.map((m) => m.clamped)).toEqual([true, true, true]);
  });
});

describe('bad input: a message, never a picture', () => {
  const problem = (input: ReturnType<typeof series>[]) => histograms(input)[0].problem;

  test('no +Inf bucket', () => {
    expect(problem([series('0.1', [1]), series('0.5', [2])])).toMatch(/no le="\+Inf"/);
  });
  test('only the +Inf bucket', () => {
    expect(problem([series('+Inf', [1])])).toMatch(/at least two bucket bounds/);
  });
  test('NaN samples', () => {
    expect(problem([series('0.1', [NaN]), series('+Inf', [1])])).toMatch(/NaN or ±Inf/);
  });
  test('le="NaN"', () => {
    expect(problem([series('NaN', [1]), series('0.1', [1]), series('+Inf', [1])])).toMatch(/le="NaN"/);
  });
  test('no traffic at all', () => {
    expect(problem([series('0.1', [0]), series('+Inf', [0])])).toMatch(/No observations/);
  });
  test('no le label at all', () => {
    const model = buildHeatmapViewModel([{ data: { series: [series(undefined, [1])] } }], {
      ...createInitialHistogramHeatmapOptions(),
    });
    expect(model).toMatchObject({ state: 'not-histogram', message: expect.stringMatching(/no le label/) });
  });
  test('no samples', () => {
    const model = buildHeatmapViewModel([{ data: { series: [] } }], createInitialHistogramHeatmapOptions());
    expect(model.state).toBe('no-data');
  });
});

test('small multiples: one histogram per label set', () => {
  const two = [
    ...BUCKETS.map((s) => ({ ...s, labels: { ...s.labels, model_name: 'a' } })),
    ...BUCKETS.map((s) => ({ ...s, labels: { ...s.labels, model_name: 'b' } })),
  ];
  expect(histograms(two).map((h) => h.name)).toEqual(['model_name="a"', 'model_name="b"']);
});
