import { groupBucketSeries, histogramQuantile, quantilesPerStep, rangeQuantile, SeriesLike } from './histogram';

type Point = [number, number | null];
const s = (labels: Record<string, string>, values: Point[]): SeriesLike => ({ labels, values });
const series = (le: string, values: Point[], extra: Record<string, string> = {}) => s({ ...extra, le }, values);

describe('le="NaN" columns', () => {
  it('keeps the member series unmerged, in le label order, only when some le is NaN', () => {
    const [g] = groupBucketSeries([series('inf', [[0, 10]]), series('NaN', [[0, 5]]), series('1', [[0, 3]])]).groups;
    expect(g.byLabel && [...g.byLabel.bounds]).toEqual([1, NaN, Infinity]);
    expect([...g.bounds]).toEqual([1, Infinity, NaN]);
  });

  it('per step and over the range, answers as histogram_quantile on the buckets in label order', () => {
    const members = [series('0.5', [[0, 1]]), series('1', [[0, 3]]), series('NaN', [[0, 5]]), series('inf', [[0, 10]])];
    const [g] = groupBucketSeries(members).groups;
    const buckets = members.map((m) => ({ le: m.labels!.le, value: m.values[0][1] as number }));
    const expected = histogramQuantile(0.25, buckets);
    expect(expected).toBe(0.875);
    expect(quantilesPerStep(g, [0.25])[0][0]).toBe(expected);
    expect(rangeQuantile(g, 0.25)).toBe(expected);
  });

  it('leaves ordinary groups without columns', () => {
    const [g] = groupBucketSeries([series('1', [[0, 1]]), series('+Inf', [[0, 2]])]).groups;
    expect(g.byLabel).toBeUndefined();
  });
});
