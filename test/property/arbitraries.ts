// fast-check generators of Prometheus-shaped query results and of panel specs, valid and not. Label sets come
// from a pool that includes JavaScript built-in names and hostile strings; bucket layouts include duplicates,
// gaps, NaN, ±Inf, decreasing counts and a missing +Inf; steps have gaps; histograms mix with plain series.
import fc from 'fast-check';

/** Runs per property: a few seconds in CI; FC_RUNS=5000 for a longer hunt. */
export const RUNS = Number(process.env.FC_RUNS ?? 150);

export const T0 = 1_764_380_000_000;
export const STEP_MS = 15_000;

export const HOSTILE_STRINGS = [
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  '<img src=x onerror=alert(1)>',
  'שלום\u202Eabc',
  'a"b\\c',
  '',
  'x'.repeat(300),
];
const LABEL_NAMES = ['pod', 'model_name', 'engine', 'instance', ...HOSTILE_STRINGS.slice(0, 5)];

export const labelValueArb = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom('a', 'b', 'c'), fc.string());
/** A label set drawn from the pool, parsed from JSON like Perses does (so `__proto__` is an own property). */
export const labelsArb = fc
  .dictionary(fc.constantFrom(...LABEL_NAMES), labelValueArb, { maxKeys: 3 })
  .map((d) => JSON.parse(JSON.stringify(d)) as Record<string, string>);

export const oddNumber = fc.oneof(
  fc.double({ noNaN: true, min: -10, max: 1e6 }),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -1),
);

/** Timestamps with gaps: a subset of a fixed step grid. */
export const stepsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 11 }), { minLength: 1, maxLength: 8 })
  .map((idx) => idx.sort((a, b) => a - b).map((i) => T0 + i * STEP_MS));

const leArb = fc.oneof(
  fc.constantFrom('0.1', '0.5', '1', '2.5', '10', '+Inf', '+Inf', 'NaN', '-Inf', '1e0', '0x1p-1', 'abc', ''),
  fc.double({ min: 0, max: 100, noNaN: true }).map(String),
);

export interface Series {
  labels: Record<string, string>;
  values: Array<[number, number | null]>;
}

const valuesArb = (steps: number[], value: fc.Arbitrary<number>) =>
  fc
    .array(fc.option(value, { nil: null, freq: 6 }), { minLength: steps.length, maxLength: steps.length })
    .map((vs) => vs.map((v, i) => [steps[i], v] as [number, number | null]));

/** Anything a Prometheus query could return, histograms and plain series mixed, well-formed or not. */
export const hostileSeriesArb: fc.Arbitrary<Series[]> = stepsArb.chain((steps) =>
  fc.array(
    fc.oneof(
      fc.record({
        labels: fc.tuple(labelsArb, leArb).map(([l, le]) => ({ ...l, le })),
        values: valuesArb(steps, oddNumber),
      }),
      fc.record({ labels: labelsArb, values: valuesArb(steps, oddNumber) }),
    ),
    { maxLength: 12 },
  ),
);

export interface WellFormed {
  /** Ascending finite bounds; the +Inf bucket comes after them. */
  bounds: number[];
  /** Per step: cumulative counts, one per finite bound then +Inf. */
  cumulative: number[][];
  /** Per step: the `_sum` rate, or null for no sample. */
  sums: Array<number | null>;
  steps: number[];
}

/** A real histogram's bucket rates: non-negative increments, cumulative, with +Inf; steps with gaps. */
export const wellFormedArb: fc.Arbitrary<WellFormed> = fc
  .record({
    bounds: fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 6 }),
    steps: stepsArb,
  })
  .chain(({ bounds, steps }) =>
    fc.record({
      bounds: fc.constant(bounds.sort((a, b) => a - b).map((b) => b / 40)),
      steps: fc.constant(steps),
      cumulative: fc.array(
        fc
          .array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 50, noNaN: true })), {
            minLength: bounds.length + 1,
            maxLength: bounds.length + 1,
          })
          .map((inc) => inc.map((_, i) => inc.slice(0, i + 1).reduce((a, b) => a + b, 0))),
        { minLength: steps.length, maxLength: steps.length },
      ),
      sums: fc.array(fc.option(fc.double({ min: 0, max: 1e4, noNaN: true }), { nil: null, freq: 8 }), {
        minLength: steps.length,
        maxLength: steps.length,
      }),
    }),
  );

export function wellFormedSeries(h: WellFormed, labels: Record<string, string> = {}): Series[] {
  const les = [...h.bounds.map(String), '+Inf'];
  return [
    ...les.map((le, b) => ({
      labels: { ...labels, le },
      values: h.steps.map((t, s) => [t, h.cumulative[s][b]] as [number, number]),
    })),
    { labels: { ...labels }, values: h.steps.map((t, s) => [t, h.sums[s]] as [number, number | null]) },
  ];
}

/** Any JSON value, biased towards the shapes of the panels' options. */
export const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 99, NaN, 'mean', 'percent', '', 'constructor'),
  fc.double(),
  fc.string(),
  fc.array(fc.constantFrom('kv', 'running', 'waiting', 'capacity', 'bogus'), { maxLength: 4 }),
  fc.constant({ steps: [{ value: 0.8 }] }),
  fc.constant({ mode: 'percent', steps: [{ value: 80 }] }),
  fc.constant([{ kind: 'mean' }, { kind: 'quantile', quantile: 0.99 }]),
  fc.constant([{ kind: 'quantile', quantile: 1.5 }]),
  fc.constant({ threshold: 2, target: 0.9 }),
  fc.constant({ sortBy: 0.99, maxRows: 2, nameFormat: '{{constructor}}' }),
  fc.constant({ unit: 'seconds', decimalPlaces: 3 }),
);
