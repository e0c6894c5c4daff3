// NaN and odd values follow Prometheus or say why: never a finite number averaged over the other steps.
import { createInitialLatencyQuadOptions, LatencyQuadSpec, LatencyValueOverRange } from './latency-quad-spec';
import { buildQuadViewModel } from './quad-view-model';

const T = 1_764_380_000_000;
const STEP = 15_000;
const at = (values: Array<number | null>) => values.map((v, i) => [T + i * STEP, v] as [number, number | null]);

function model(sum: Array<number | null>, patch: Partial<LatencyQuadSpec> = {}, infBucket = [4, 4, 4]) {
  const series = [
    { labels: { le: '1' }, values: at([1, 1, 1]) },
    { labels: { le: '2' }, values: at([3, 3, 3]) },
    { labels: { le: '+Inf' }, values: at(infBucket) },
    { labels: {} as Record<string, string>, values: at(sum) },
  ];
  const m = buildQuadViewModel([{ data: { series } }], { ...createInitialLatencyQuadOptions(), ...patch });
  if (m.state !== 'rows') throw new Error(m.message);
  return m.rows[0];
}

describe('a NaN in the mean series', () => {
  test.each<LatencyValueOverRange>(['range', 'last', 'mean-of-steps'])(
    'makes the %s mean NaN with the reason, like Σ _sum in Prometheus',
    (valueOverRange) => {
      const tile = model([6, NaN, 6], { valueOverRange }).tiles[0];
      expect(tile.value).toBeNaN();
      expect(tile.reason).toBe('NaN in data');
      expect(tile.explanation).toMatch(/NaN or ±Inf sample at 1970|NaN or ±Inf sample at \d{4}-/);
    },
  );

  test('an +Inf sample too', () => {
    expect(model([6, Infinity, 6]).tiles[0].reason).toBe('NaN in data');
  });

  test('without one, the mean is Σ sum / Σ count over the range', () => {
    const tile = model([6, 2, 4]).tiles[0];
    expect(tile.value).toBe(12 / 12);
    expect(tile.reason).toBeUndefined();
  });
});

describe('quantiles outside (0, 1) from a spec that bypassed the schema', () => {
  test.each([0, 1, 1.5, -0.5, NaN])('quantile %p: tile and tooltip say why', (quantile) => {
    const row = model([6, 6, 6], {
      statistics: [
        { kind: 'quantile', quantile },
        { kind: 'quantile', quantile: 0.5 },
      ],
    });
    expect(row.tiles[0].value).toBeNaN();
    expect(row.tiles[0].reason).toBe('quantile outside (0, 1)');
    expect(row.tiles[0].explanation).toContain(`quantile ${quantile} is outside (0, 1)`);
    // The next tile still gets its own per-step series.
    expect(row.tiles[1].value).toBe(1.5);
  });
});

test('negative bucket samples are a row problem, not a quantile', () => {
  const row = model([6, 6, 6], {}, [4, -4, 4]);
  expect(row.tiles).toEqual([]);
  expect(row.problem).toMatch(/negative/);
});
