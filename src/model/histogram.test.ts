import { Bucket, histogramQuantile, isBucketBound, sloAttainment } from './histogram';

/** Buckets from `[le, value]` pairs. */
const h = (...pairs: Array<[string, number]>): Bucket[] => pairs.map(([le, value]) => ({ le, value }));

// A small, well-formed histogram: 10 observations, 2 ≤ 1, 5 ≤ 2, 9 ≤ 4.
const basic = h(['1', 2], ['2', 5], ['4', 9], ['+Inf', 10]);

describe('histogramQuantile', () => {
  it('interpolates linearly inside the bucket that holds the rank', () => {
    // rank 5 = the 2-bound exactly; rank 7 sits halfway through (2, 4].
    expect(histogramQuantile(0.5, basic)).toBe(2);
    expect(histogramQuantile(0.7, basic)).toBe(3);
  });

  it('uses 0 as the lower edge of a first bucket with a positive bound', () => {
    expect(histogramQuantile(0.1, basic)).toBe(0.5);
  });

  it('p99 falls back to the second-highest bound when the rank lands in +Inf', () => {
    expect(histogramQuantile(0.99, basic)).toBe(4);
    expect(histogramQuantile(1, basic)).toBe(4);
  });

  it('q below 0 is -Inf and q above 1 is +Inf, whatever the buckets', () => {
    expect(histogramQuantile(-0.5, basic)).toBe(-Infinity);
    expect(histogramQuantile(1.5, basic)).toBe(Infinity);
    expect(histogramQuantile(1.5, h(['1', 2]))).toBe(Infinity);
  });

  it('q NaN is NaN', () => {
    expect(histogramQuantile(NaN, basic)).toBeNaN();
  });

  it('q = 0 returns the lower edge, or NaN when the first bucket is empty (0/0)', () => {
    expect(histogramQuantile(0, basic)).toBe(0);
    expect(histogramQuantile(0, h(['1', 0], ['2', 5], ['+Inf', 5]))).toBeNaN();
  });

  it('does not depend on bucket order', () => {
    const shuffled = [basic[2], basic[0], basic[3], basic[1]];
    for (const q of [0.1, 0.5, 0.7, 0.99]) expect(histogramQuantile(q, shuffled)).toBe(histogramQuantile(q, basic));
  });

  it('sorts bounds numerically, not as the strings Prometheus returns them in', () => {
    expect(histogramQuantile(0.5, h(['+Inf', 10], ['10', 9], ['2', 5], ['1', 2]))).toBe(2);
  });

  it('merges buckets whose le spell the same number ("1", "1.0", "1e0")', () => {
    expect(histogramQuantile(0.5, h(['1', 1], ['1.0', 1], ['1e0', 1], ['2', 4], ['+Inf', 6]))).toBe(1);
  });

  it('merges +Inf spellings ("+Inf", "inf", "Infinity")', () => {
    expect(histogramQuantile(0.5, h(['1', 2], ['+Inf', 2], ['inf', 1], ['Infinity', 1]))).toBe(1);
  });

  it('skips buckets whose le does not parse (" 1", "abc", "1e400", "")', () => {
    const withJunk = [...basic, ...h([' 1', 100], ['abc', 100], ['1e400', 100], ['', 100])];
    expect(histogramQuantile(0.7, withJunk)).toBe(3);
  });

  it('returns NaN when no le parses at all (Prometheus returns no sample)', () => {
    expect(histogramQuantile(0.5, h(['abc', 1], ['', 2]))).toBeNaN();
    expect(histogramQuantile(0.5, [])).toBeNaN();
  });

  it('is NaN without a +Inf bucket', () => {
    expect(histogramQuantile(0.5, h(['1', 2], ['2', 5]))).toBeNaN();
    expect(histogramQuantile(0.5, h(['1', 2], ['-Inf', 0]))).toBeNaN();
  });

  it('is NaN with fewer than two buckets', () => {
    expect(histogramQuantile(0.5, h(['+Inf', 10]))).toBeNaN();
    expect(histogramQuantile(0.5, h(['+Inf', 3], ['inf', 4]))).toBeNaN();
  });

  it('is NaN when the total is zero', () => {
    expect(histogramQuantile(0.5, h(['1', 0], ['+Inf', 0]))).toBeNaN();
  });

  it('raises a lower count to the running maximum (non-monotonic counts)', () => {
    // [5, 3, 7, 10] becomes [5, 5, 7, 10]: rank 6 lies in (2, 4].
    expect(histogramQuantile(0.6, h(['1', 5], ['2', 3], ['4', 7], ['+Inf', 10]))).toBe(3);
  });

  it('raises a +Inf count lower than a finite bucket, so a zero total can become non-zero', () => {
    expect(histogramQuantile(0.5, h(['1', 2], ['2', 4], ['+Inf', 0]))).toBe(1);
  });

  it('a NaN first count stops the monotonic fix entirely (Prometheus 2.42 seeds the maximum with it)', () => {
    // +Inf stays 0 → total 0 → NaN; a numeric first count would have raised it to 9.
    expect(histogramQuantile(0.5, h(['0.5', NaN], ['1', 4], ['2', 9], ['+Inf', 0]))).toBeNaN();
    expect(histogramQuantile(0.5, h(['0.5', 1], ['1', 4], ['2', 9], ['+Inf', 0]))).toBe(1.1);
  });

  it('finds the rank with a binary search, as Go sort.Search does (NaN counts steer it)', () => {
    // A linear scan would stop at bucket 0 (count 2 ≥ 0); the binary search probes the NaN first and moves on.
    expect(histogramQuantile(0, h(['1', 2], ['2', NaN], ['4', 7], ['+Inf', 10]))).toBeNaN();
  });

  it('returns the first bound when it is ≤ 0 and holds the rank', () => {
    expect(histogramQuantile(0.1, h(['-1', 2], ['0', 5], ['1', 8], ['+Inf', 10]))).toBe(-1);
    expect(histogramQuantile(0.3, h(['0', 5], ['1', 7], ['+Inf', 10]))).toBe(0);
    expect(histogramQuantile(0.1, h(['-Inf', 1], ['0', 2], ['1', 5], ['+Inf', 8]))).toBe(-Infinity);
  });

  it('interpolates from a negative previous bound', () => {
    expect(histogramQuantile(0.35, h(['-1', 2], ['0', 5], ['1', 8], ['+Inf', 10]))).toBe(-0.5);
  });

  it('keeps le="NaN" and places it as Go insertion sort does: last, so no +Inf at the end → NaN', () => {
    expect(histogramQuantile(0.5, h(['+Inf', 4], ['1', 1], ['2', 2], ['NaN', 3]))).toBeNaN();
  });

  it('keeps le="NaN" in the middle when "inf" follows it in label order', () => {
    // Go order after sorting: 0.5, 1, NaN, inf; the rank 2.5 lies in (0.5, 1].
    expect(histogramQuantile(0.25, h(['0.5', 1], ['1', 3], ['NaN', 5], ['inf', 10]))).toBe(0.875);
  });
});

describe('sloAttainment', () => {
  it('is exact at a bucket bound: cum[le=T] / cum[+Inf]', () => {
    expect(sloAttainment(2, basic)).toBe(0.5);
    expect(sloAttainment(4, basic)).toBe(0.9);
  });

  it('interpolates linearly inside a bucket', () => {
    expect(sloAttainment(3, basic)).toBe(0.7);
    expect(sloAttainment(0.5, basic)).toBe(0.1);
  });

  it('counts the +Inf bucket as above any finite threshold past the last bound (a lower bound)', () => {
    expect(sloAttainment(100, basic)).toBe(0.9);
    expect(sloAttainment(Infinity, basic)).toBe(1);
  });

  it('is 0 below a first bound ≤ 0', () => {
    expect(sloAttainment(-5, h(['-1', 2], ['0', 5], ['+Inf', 10]))).toBe(0);
  });

  it('makes counts monotonic first', () => {
    expect(sloAttainment(2, h(['1', 5], ['2', 3], ['+Inf', 10]))).toBe(0.5);
  });

  it('is NaN without +Inf, without observations, or for a NaN threshold', () => {
    expect(sloAttainment(1, h(['1', 2], ['2', 5]))).toBeNaN();
    expect(sloAttainment(1, h(['1', 0], ['+Inf', 0]))).toBeNaN();
    expect(sloAttainment(NaN, basic)).toBeNaN();
  });
});

describe('isBucketBound', () => {
  it('recognises finite bounds only', () => {
    const bounds = Float64Array.of(0.5, 1, Infinity);
    expect(isBucketBound(1, bounds)).toBe(true);
    expect(isBucketBound(0.75, bounds)).toBe(false);
    expect(isBucketBound(Infinity, bounds)).toBe(false);
  });
});
