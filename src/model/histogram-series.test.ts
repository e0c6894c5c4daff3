import {
  Bucket,
  groupBucketSeries,
  hasNonFiniteSample,
  highestFiniteBound,
  histogramAtStep,
  histogramQuantile,
  lastStepWithTraffic,
  quantileIsClamped,
  quantileOfHistogram,
  quantilesPerStep,
  rangeAttainment,
  rangeBuckets,
  rangeQuantile,
  SeriesLike,
  sloAttainment,
  totalOfHistogram,
  totalPerStep,
  wholeRangeHistogram,
} from './histogram';

type Point = [number, number | null];
const s = (labels: Record<string, string>, values: Point[]): SeriesLike => ({ labels, values });
const series = (le: string, values: Point[], extra: Record<string, string> = {}) => s({ ...extra, le }, values);

describe('quantilesPerStep', () => {
  it('equals histogramQuantile on each step’s buckets, for random histograms with gaps and NaN', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const les = ['0.1', '0.25', '0.5', '1', '1.0', '2.5', '5', '+Inf', 'inf', 'abc'];
    const qs = [-1, 0, 0.01, 0.5, 0.9, 0.99, 1, 2, NaN];
    for (let trial = 0; trial < 50; trial++) {
      const members = les.map((le) => {
        const values: Point[] = [];
        for (let t = 0; t < 40; t++) {
          const r = random();
          if (r < 0.1) continue;
          values.push([t * 1000, r < 0.13 ? NaN : r < 0.16 ? null : Math.floor(random() * 20)]);
        }
        return series(le, values);
      });
      const [g] = groupBucketSeries(members).groups;
      const perStep = quantilesPerStep(g, qs);
      g.timestamps.forEach((t, step) => {
        const buckets: Bucket[] = members.flatMap((m) =>
          m.values
            .filter(([ts, v]) => ts === t && v !== null)
            .map(([, v]) => ({ le: m.labels!.le, value: v as number })),
        );
        qs.forEach((q, k) => {
          const expected = histogramQuantile(q, buckets);
          const actual = perStep[k][step];
          if (Number.isNaN(expected)) expect(actual).toBeNaN();
          else expect(actual).toBeCloseTo(expected, 12);
        });
      });
    }
  });

  it('evaluates each step with only the buckets that have a sample there', () => {
    // At t=1 the 2-bucket is missing, so the rank 7 lies in (1, 4] instead of (2, 4].
    const [g] = groupBucketSeries([
      series('1', [
        [0, 2],
        [1, 2],
      ]),
      series('2', [[0, 5]]),
      series('4', [
        [0, 9],
        [1, 9],
      ]),
      series('+Inf', [
        [0, 10],
        [1, 10],
      ]),
    ]).groups;
    const [p70] = quantilesPerStep(g, [0.7]);
    expect(p70[0]).toBe(3);
    expect(p70[1]).toBeCloseTo(1 + 3 * (5 / 7), 12);
  });

  it('is NaN at a step where only unparseable le series have a sample, even for q < 0', () => {
    const [g] = groupBucketSeries([
      series('abc', [
        [0, 1],
        [1, 1],
      ]),
      series('1', [[1, 1]]),
      series('+Inf', [[1, 2]]),
    ]).groups;
    const [neg, mid] = quantilesPerStep(g, [-1, 0.5]);
    expect(neg[0]).toBeNaN();
    expect(mid[0]).toBeNaN();
    expect(neg[1]).toBe(-Infinity);
    expect(mid[1]).toBe(1);
  });

  it('is NaN at idle steps (zero total) and where +Inf is missing', () => {
    const [g] = groupBucketSeries([
      series('1', [
        [0, 0],
        [1, 1],
      ]),
      series('+Inf', [[0, 0]]),
    ]).groups;
    const [p50] = quantilesPerStep(g, [0.5]);
    expect(p50[0]).toBeNaN();
    expect(p50[1]).toBeNaN();
  });
});

describe('totalPerStep', () => {
  it('is the +Inf bucket per step, NaN where it has no sample', () => {
    const [g] = groupBucketSeries([
      series('1', [
        [0, 1],
        [1, 1],
      ]),
      series('+Inf', [[0, 4]]),
    ]).groups;
    expect([...totalPerStep(g)]).toEqual([4, NaN]);
  });
});

describe('rangeBuckets / rangeQuantile / rangeAttainment', () => {
  const [g] = groupBucketSeries([
    series('1', [
      [0, 1],
      [1, 1],
      [2, 0],
    ]),
    series('2', [
      [0, 2],
      [1, 3],
    ]),
    series('+Inf', [
      [0, 4],
      [1, 4],
      [2, 2],
    ]),
    series('5', [[2, 2]]),
  ]).groups;

  it('sums each bucket over the steps where it has a sample (sum_over_time)', () => {
    const { bounds, counts, n } = rangeBuckets(g);
    expect([...bounds.subarray(0, n)]).toEqual([1, 2, 5, Infinity]);
    expect([...counts.subarray(0, n)]).toEqual([2, 5, 2, 10]);
  });

  it('takes the quantile and attainment of the summed histogram (monotonic fix included)', () => {
    // Summed: [2, 5, 2→5, 10]; p50 → rank 5 = the 2-bound.
    expect(rangeQuantile(g, 0.5)).toBe(2);
    expect(rangeQuantile(g, 0.99)).toBe(5);
    expect(rangeAttainment(g, 2)).toBe(0.5);
    const flat: Bucket[] = [
      { le: '1', value: 2 },
      { le: '2', value: 5 },
      { le: '5', value: 2 },
      { le: '+Inf', value: 10 },
    ];
    expect(rangeAttainment(g, 3)).toBe(sloAttainment(3, flat));
  });

  it('is NaN for a group with no parseable bucket', () => {
    const [junk] = groupBucketSeries([series('abc', [[0, 1]])]).groups;
    expect(rangeQuantile(junk, 0.5)).toBeNaN();
    expect(rangeQuantile(junk, -1)).toBeNaN();
  });
});

describe('histogramAtStep / wholeRangeHistogram', () => {
  // Step 0: a dip (5 then 3) that the monotonic fix raises; step 1: the 2-bucket has no sample.
  const [g] = groupBucketSeries([
    series('1', [
      [0, 5],
      [1, 1],
    ]),
    series('2', [[0, 3]]),
    series('+Inf', [
      [0, 10],
      [1, 4],
    ]),
  ]).groups;

  it('holds only the buckets present at the step, made monotonic', () => {
    const at0 = histogramAtStep(g, 0);
    expect([...at0.bounds.subarray(0, at0.n)]).toEqual([1, 2, Infinity]);
    expect([...at0.counts.subarray(0, at0.n)]).toEqual([5, 5, 10]);
    const at1 = histogramAtStep(g, 1);
    expect([...at1.bounds.subarray(0, at1.n)]).toEqual([1, Infinity]);
    expect(totalOfHistogram(at1)).toBe(4);
  });

  it('sums the steps, then makes the counts monotonic', () => {
    const range = wholeRangeHistogram(g);
    expect([...range.counts.subarray(0, range.n)]).toEqual([6, 6, 14]);
    // p40: rank 5.6 lies in the first bucket, (0, 1].
    expect(quantileOfHistogram(range, 0.4)).toBeCloseTo(5.6 / 6, 12);
  });

  it('flags a quantile ranked in +Inf as clamped to the highest finite bound', () => {
    const range = wholeRangeHistogram(g);
    expect(quantileIsClamped(range, 0.99)).toBe(true);
    expect(quantileOfHistogram(range, 0.99)).toBe(highestFiniteBound(g));
    expect(quantileIsClamped(range, 0.3)).toBe(false);
  });
});

describe('lastStepWithTraffic', () => {
  it('skips trailing steps whose total is 0 or that have fewer than two buckets', () => {
    const [g] = groupBucketSeries([
      series('1', [
        [0, 1],
        [1, 0],
      ]),
      series('+Inf', [
        [0, 2],
        [1, 0],
        [2, 5],
      ]),
    ]).groups;
    expect(lastStepWithTraffic(g)).toBe(0);
    const [idle] = groupBucketSeries([series('1', [[0, 0]]), series('+Inf', [[0, 0]])]).groups;
    expect(lastStepWithTraffic(idle)).toBe(-1);
  });
});

describe('hasNonFiniteSample', () => {
  it('finds a NaN or ±Inf bucket sample, ignoring slots without a sample', () => {
    const [finite] = groupBucketSeries([series('1', [[0, 1]]), series('+Inf', [[1, 2]])]).groups;
    expect(hasNonFiniteSample(finite)).toBe(false);
    const [nan] = groupBucketSeries([series('1', [[0, NaN]]), series('+Inf', [[0, 2]])]).groups;
    expect(hasNonFiniteSample(nan)).toBe(true);
  });
});
