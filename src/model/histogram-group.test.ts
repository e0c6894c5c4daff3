import { groupBucketSeries, groupKey, SeriesLike } from './histogram';

type Point = [number, number | null];
const s = (labels: Record<string, string>, values: Point[]): SeriesLike => ({ labels, values });
const series = (le: string, values: Point[], extra: Record<string, string> = {}) => s({ ...extra, le }, values);

describe('groupBucketSeries', () => {
  it('groups bucket series by their labels minus le and __name__, and keeps series without le apart', () => {
    const a = { model_name: 'a' };
    const b = { model_name: 'b' };
    const { groups, plain } = groupBucketSeries([
      series('1', [[0, 1]], { ...a, __name__: 'x_bucket' }),
      series('+Inf', [[0, 2]], a),
      series('+Inf', [[0, 3]], b),
      s({ model_name: 'a' }, [[0, 7]]),
    ]);
    expect(groups.map((g) => g.key)).toEqual([groupKey(a), groupKey(b)]);
    expect(groups[0].labels).toEqual(a);
    expect(plain).toHaveLength(1);
  });

  it('builds ascending distinct bounds, merging le spellings of one number', () => {
    const [g] = groupBucketSeries([
      series('+Inf', [[0, 10]]),
      series('2', [[0, 5]]),
      series('1.0', [[0, 1]]),
      series('1', [[0, 2]]),
    ]).groups;
    expect([...g.bounds]).toEqual([1, 2, Infinity]);
    expect([...g.counts]).toEqual([3, 5, 10]);
  });

  it('records unparseable le values and leaves them out of the bounds', () => {
    const [g] = groupBucketSeries([series('abc', [[0, 1]]), series(' 1', [[0, 1]]), series('+Inf', [[0, 1]])]).groups;
    expect(g.ignoredLe).toEqual(['abc', ' 1']);
    expect([...g.bounds]).toEqual([Infinity]);
    expect(g.byLabel).toBeUndefined();
  });

  it('takes the union of the members’ timestamps and marks which slots have a sample', () => {
    const [g] = groupBucketSeries([
      series('1', [
        [1000, 1],
        [3000, 1],
      ]),
      series('+Inf', [
        [2000, 2],
        [3000, 2],
      ]),
    ]).groups;
    expect([...g.timestamps]).toEqual([1000, 2000, 3000]);
    expect([...g.present]).toEqual([1, 0, 0, 1, 1, 1]);
  });

  it('treats a null value as no sample', () => {
    const [g] = groupBucketSeries([series('1', [[0, null]]), series('+Inf', [[0, 2]])]).groups;
    expect([...g.present]).toEqual([0, 1]);
  });
});
