import { Bucket, ensureMonotonic, prepareBuckets, ranksInInfBucket } from './bucket-quantile';

const h = (...pairs: Array<[string, number]>): Bucket[] => pairs.map(([le, value]) => ({ le, value }));

describe('prepareBuckets', () => {
  it('returns ascending distinct bounds with merged counts', () => {
    const { bounds, counts } = prepareBuckets(h(['+Inf', 10], ['2', 5], ['1.0', 1], ['1', 1], ['x', 3]));
    expect([...bounds]).toEqual([1, 2, Infinity]);
    expect([...counts]).toEqual([2, 5, 10]);
  });
});

describe('ensureMonotonic', () => {
  it('raises a dip to the running maximum, which starts at the first count', () => {
    const counts = Float64Array.from([5, 3, 7, 6]);
    ensureMonotonic(counts, 4);
    expect([...counts]).toEqual([5, 5, 7, 7]);
  });

  it('raises nothing after a NaN first count (the maximum stays NaN), and NaN is never raised', () => {
    const afterNaN = Float64Array.from([NaN, 6, 3, 10]);
    ensureMonotonic(afterNaN, 4);
    expect([...afterNaN]).toEqual([NaN, 6, 3, 10]);
    const middle = Float64Array.from([2, NaN, 1, 5]);
    ensureMonotonic(middle, 4);
    expect([...middle]).toEqual([2, NaN, 2, 5]);
  });
});

describe('ranksInInfBucket', () => {
  const bounds = [1, 2, Infinity];
  it('is true only when the rank lies above the highest finite bucket', () => {
    expect(ranksInInfBucket(0.99, bounds, [5, 8, 10], 3)).toBe(true);
    expect(ranksInInfBucket(0.8, bounds, [5, 8, 10], 3)).toBe(false);
  });

  it('is false without traffic, without +Inf and for q outside [0, 1]', () => {
    expect(ranksInInfBucket(0.99, bounds, [0, 0, 0], 3)).toBe(false);
    expect(ranksInInfBucket(0.99, [1, 2], [5, 8], 2)).toBe(false);
    expect(ranksInInfBucket(1.5, bounds, [5, 8, 10], 3)).toBe(false);
    expect(ranksInInfBucket(NaN, bounds, [5, 8, 10], 3)).toBe(false);
  });
});
