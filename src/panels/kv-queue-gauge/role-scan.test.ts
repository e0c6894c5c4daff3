// The one-pass scan and the values read off it equal the definition (combinePerStep + reduceOverRange) exactly, on
// random series: nulls, NaN, ±0, infinities, series on different grids, repeated and unordered timestamps.
import fc from 'fast-check';

import { SeriesLike } from '../../model/series';
import { KV_VALUES_OVER_RANGE } from './kv-queue-gauge-spec';
import { scanRole } from './role-scan';
import { loneSeriesValue, reduceSteps, stepPoints } from './role-values';
import { combinePerStep, CrossSeries, reduceOverRange } from './series-reduce';

const HOW: readonly CrossSeries[] = ['max', 'mean', 'sum'];

const sample = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -5, max: 300, noNaN: true }) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, 0, -0, Infinity, -Infinity, 0.1, 0.2, 0.3) },
);

/** Series on one step grid with steps left out anywhere (as Perses hands them over) … */
const gridSeries = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 5 })).chain(([steps, count]) =>
  fc.array(
    fc.array(fc.option(sample, { nil: undefined, freq: 4 }), { minLength: steps, maxLength: steps }).map((values) => ({
      values: values
        .map((v, i) => [1000 + i * 15, v] as [number, number | null | undefined])
        .filter((p): p is [number, number | null] => p[1] !== undefined),
    })),
    { minLength: count, maxLength: count },
  ),
);
/** … and series with any timestamps at all, repeated or out of order. */
const anySeries = fc.array(
  fc.record({ values: fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), sample), { maxLength: 10 }) }),
  { minLength: 1, maxLength: 4 },
);
const seriesArb = fc.oneof(gridSeries, anySeries);

const scaled = (series: SeriesLike[], divisor: number): SeriesLike[] =>
  series.map((s) => ({ values: s.values.map(([t, v]) => [t, v === null ? null : v / divisor] as const) }));

test('per-step lines and fleet values equal combinePerStep and reduceOverRange', () => {
  fc.assert(
    fc.property(seriesArb, fc.constantFrom(1, 100), (series, divisor) => {
      const { steps } = scanRole(series, divisor);
      for (const how of HOW) {
        const definition = combinePerStep(scaled(series, divisor), how);
        expect(stepPoints(steps, how)).toEqual(definition);
        for (const over of KV_VALUES_OVER_RANGE) {
          expect(reduceSteps(steps, how, over)).toEqual(reduceOverRange(definition, over));
        }
      }
    }),
    { numRuns: 500 },
  );
});

test('a lone ascending series reduced from its summary equals the definition; the lowest and highest are the raw ones', () => {
  fc.assert(
    fc.property(seriesArb, fc.constantFrom(1, 100), (series, divisor) => {
      const scan = scanRole(series, divisor);
      series.forEach((s, k) => {
        const ts = s.values.map(([t]) => t);
        expect(scan.series.ascending[k] === 1).toBe(ts.every((t, i) => i === 0 || t > ts[i - 1]));
        if (!scan.series.ascending[k]) return;
        for (const how of HOW) {
          const definition = combinePerStep(scaled([s], divisor), how);
          for (const over of KV_VALUES_OVER_RANGE) {
            expect(loneSeriesValue(scan.series, k, how, over)).toEqual(reduceOverRange(definition, over));
          }
        }
      });
      const numbers = series
        .flatMap((s) => s.values.map(([, v]) => v))
        .filter((v): v is number => v !== null && !Number.isNaN(v));
      expect(scan.lowest).toBe(numbers.length ? Math.min(...numbers) : Infinity);
      expect(scan.highest).toBe(numbers.length ? Math.max(...numbers) : -Infinity);
    }),
    { numRuns: 500 },
  );
});

test('summed steps add the samples in series order, as the definition does (no reordering of float sums)', () => {
  const series = [0.1, 0.2, 0.3].map((v) => ({ values: [[0, v] as [number, number]] }));
  expect(stepPoints(scanRole(series).steps, 'sum')).toEqual([[0, 0.1 + 0.2 + 0.3]]);
  expect(stepPoints(scanRole([...series].reverse()).steps, 'sum')).toEqual([[0, 0.3 + 0.2 + 0.1]]);
});

test('a series off the longest series grid still lands on its own step', () => {
  const series = [
    {
      values: [
        [0, 1],
        [30, 2],
        [60, 3],
      ] as Array<[number, number]>,
    },
    { values: [[45, 5]] as Array<[number, number]> },
  ];
  expect(stepPoints(scanRole(series).steps, 'sum')).toEqual([
    [0, 1],
    [30, 2],
    [45, 5],
    [60, 3],
  ]);
});
