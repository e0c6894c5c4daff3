// The whole-range figures gathered while grouping (`overRange`) must be exactly what the step matrix gives: the
// same sums bit for bit, the same flags and +Inf column, and the per-step quantiles unchanged by the in-place path.
import fc from 'fast-check';

import {
  groupBucketSeries,
  hasNegativeSample,
  hasNonFiniteSample,
  histogramAtStep,
  quantileOfHistogram,
  quantilesPerStep,
  rangeBuckets,
  SeriesLike,
  totalPerStep,
} from './histogram';
import { HistogramGroup } from './histogram-group';

/** The same group with its step matrix materialised and without the scan: the pre-scan code path. */
function viaMatrix(group: HistogramGroup): HistogramGroup {
  return { ...group, counts: group.counts.slice(), present: group.present.slice(), overRange: undefined };
}

const value = fc.oneof(
  { weight: 12, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom(-0, -1.5, NaN, Infinity, -Infinity, 1e308) },
);
const le = fc.constantFrom('0.1', '0.5', '1', '1.0', '2.5', '+Inf', 'Inf', 'x', '1e400');

const members = fc
  .record({
    steps: fc.integer({ min: 1, max: 12 }),
    les: fc.uniqueArray(le, { minLength: 1, maxLength: 6 }),
    seed: fc.array(value, { minLength: 72, maxLength: 72 }),
  })
  .map(({ steps, les, seed }): SeriesLike[] =>
    les.map((l, i) => ({
      labels: { model_name: 'm', le: l },
      values: Array.from({ length: steps }, (_, step) => [1000 * step, seed[(i * 12 + step) % seed.length]] as const),
    })),
  );

const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  expect(Array.from(a, (x) => (Object.is(x, 0) ? 'zero' : x))).toEqual(
    Array.from(b, (x) => (Object.is(x, 0) ? 'zero' : x)),
  );

describe('whole-range scan while grouping', () => {
  it('gives bit-for-bit the sums, flags and +Inf column of the step matrix', () => {
    fc.assert(
      fc.property(members, (series) => {
        for (const group of groupBucketSeries(series).groups) {
          const matrix = viaMatrix(group);
          const a = rangeBuckets(group);
          const b = rangeBuckets(matrix);
          expect(a.n).toBe(b.n);
          same(a.bounds.subarray(0, a.n), b.bounds.subarray(0, b.n));
          same(a.counts.subarray(0, a.n), b.counts.subarray(0, b.n));
          expect(hasNonFiniteSample(group)).toBe(hasNonFiniteSample(matrix));
          expect(hasNegativeSample(group)).toBe(hasNegativeSample(matrix));
          same(totalPerStep(group), totalPerStep(matrix));
          if (group.overRange) expect(group.overRange.complete).toBe(matrix.present.every((p) => p === 1));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is used for ordinary groups, and left out where members share a slot', () => {
    const point = (v: number) => [[0, v]] as const;
    const [plain] = groupBucketSeries([
      { labels: { le: '1' }, values: point(1) },
      { labels: { le: '+Inf' }, values: point(2) },
    ]).groups;
    expect(plain.overRange).toBeDefined();
    const [shared] = groupBucketSeries([
      { labels: { le: '1' }, values: point(1) },
      { labels: { le: '1.0' }, values: point(1) },
      { labels: { le: '+Inf' }, values: point(2) },
    ]).groups;
    expect(shared.overRange).toBeUndefined();
  });

  it("falls back to the step matrix when a member is off the first member's time axis", () => {
    const [group] = groupBucketSeries([
      {
        labels: { le: '1' },
        values: [
          [0, 1],
          [2000, 1],
        ],
      },
      {
        labels: { le: '+Inf' },
        values: [
          [0, 2],
          [1000, 2],
          [2000, 3],
        ],
      },
    ]).groups;
    expect([...group.timestamps]).toEqual([0, 1000, 2000]);
    expect(group.overRange).toBeUndefined();
  });
});

describe('per-step quantiles read ready rows in place', () => {
  it('equal the prepared-copy path at every step, for any order of q', () => {
    const q = fc.oneof(
      fc.constantFrom(0, 1, 0.5, 0.9, 0.99, -0.5, 1.5, NaN),
      fc.double({ min: 0, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(members, fc.array(q, { minLength: 1, maxLength: 4 }), (series, qs) => {
        for (const group of groupBucketSeries(series).groups) {
          const fast = quantilesPerStep(group, qs);
          qs.forEach((qk, k) => {
            // Reference: the copy-and-prepare path (`histogramAtStep`) at each step.
            const reference = Array.from(group.timestamps, (_, step) =>
              quantileOfHistogram(histogramAtStep(group, step), qk),
            );
            same(fast[k], reference);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("agree on cumulative (rising) rows, the in-place walk's usual input", () => {
    const bounds = ['0.005', '0.1', '0.5', '1', '2.5', '10', '+Inf'];
    const increments = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 50, noNaN: true })), {
      minLength: bounds.length * 8,
      maxLength: bounds.length * 8,
    });
    const q = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(increments, fc.array(q, { minLength: 1, maxLength: 4 }), (inc, qs) => {
        const steps = 8;
        const series = bounds.map((le, b) => ({
          labels: { le },
          values: Array.from({ length: steps }, (_, step) => {
            let cumulative = 0;
            for (let i = 0; i <= b; i++) cumulative += inc[step * bounds.length + i];
            return [step * 1000, cumulative] as const;
          }),
        }));
        const [group] = groupBucketSeries(series).groups;
        const fast = quantilesPerStep(group, qs);
        qs.forEach((qk, k) =>
          same(
            fast[k],
            Array.from(group.timestamps, (_, step) => quantileOfHistogram(histogramAtStep(group, step), qk)),
          ),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('take the in-place walk on ordinary rising rows (and it agrees there)', () => {
    const rising = [1, 3, 7, 7, 12];
    const [group] = groupBucketSeries(
      ['0.1', '0.5', '1', '2', '+Inf'].map((le, i) => ({ labels: { le }, values: [[0, rising[i]] as const] })),
    ).groups;
    const [p50, p99, p0] = quantilesPerStep(group, [0.5, 0.99, 0]);
    expect(p50[0]).toBeCloseTo(0.5 + 0.5 * ((6 - 3) / 4), 12);
    expect(p99[0]).toBe(2); // rank 11.88 lies in +Inf: the highest finite bound
    expect(p0[0]).toBe(0);
  });
});
