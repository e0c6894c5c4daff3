import {
  bucketPartsOverRange,
  bucketPartsPerStep,
  groupBucketSeries,
  SeriesLike,
  wholeRangeHistogram,
} from './histogram';

type Point = [number, number | null];
const series = (le: string, values: Point[]): SeriesLike => ({ labels: { le }, values });

// Step 2 is not monotonic (le=0.5 below le=0.1): Prometheus raises it to 3 before any quantile.
const group = () =>
  groupBucketSeries([
    series('0.1', [
      [0, 1],
      [60, 2],
      [120, 3],
    ]),
    series('0.5', [
      [0, 3],
      [60, 2],
      [120, 2],
    ]),
    series('+Inf', [
      [0, 4],
      [60, 5],
      [120, 6],
    ]),
  ]).groups[0];

describe('bucketPartsPerStep', () => {
  it('gives each bucket its own part after the monotonic fix, adding up to the +Inf count', () => {
    const { parts, totals } = bucketPartsPerStep(group());
    expect(Array.from(parts)).toEqual([1, 2, 1, 2, 0, 3, 3, 0, 3]);
    expect(Array.from(totals)).toEqual([4, 5, 6]);
  });

  it('leaves a step that lacks some bucket NaN rather than spanning two buckets', () => {
    const g = groupBucketSeries([
      series('0.1', [
        [0, 1],
        [60, 1],
      ]),
      series('0.5', [[0, 3]]),
      series('+Inf', [
        [0, 4],
        [60, 4],
      ]),
    ]).groups[0];
    const { parts, totals } = bucketPartsPerStep(g);
    expect(Array.from(parts.slice(3)).every(Number.isNaN)).toBe(true);
    expect(Number.isNaN(totals[1])).toBe(true);
  });
});

describe('bucketPartsOverRange', () => {
  it('is the parts of wholeRangeHistogram (bucket values summed over the steps, then made monotonic)', () => {
    const g = group();
    const { bounds, parts, total } = bucketPartsOverRange(g);
    const range = wholeRangeHistogram(g);
    expect(Array.from(bounds)).toEqual([0.1, 0.5, Infinity]);
    expect(Array.from(parts)).toEqual([6, 1, 8]);
    expect(total).toBe(range.counts[range.n - 1]);
  });

  it('has a NaN total without a +Inf bucket', () => {
    const g = groupBucketSeries([series('0.1', [[0, 1]]), series('0.5', [[0, 2]])]).groups[0];
    expect(Number.isNaN(bucketPartsOverRange(g).total)).toBe(true);
  });
});
