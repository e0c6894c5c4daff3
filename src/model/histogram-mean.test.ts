import { groupBucketSeries, groupMean, SeriesLike } from './histogram';

type Point = [number, number | null];
const s = (labels: Record<string, string>, values: Point[]): SeriesLike => ({ labels, values });

// Two steps: 10 requests then 30 (the +Inf bucket), taking 20 s then 30 s in total.
const [group] = groupBucketSeries([
  s({ le: '1' }, [
    [0, 4],
    [1, 9],
  ]),
  s({ le: '+Inf' }, [
    [0, 10],
    [1, 30],
  ]),
]).groups;

describe('groupMean', () => {
  it('with the _sum rate: Σ sum / Σ +Inf over the range, sum / +Inf per step', () => {
    const mean = groupMean(
      group,
      s({}, [
        [0, 20],
        [1, 30],
      ]),
      'sum',
    );
    expect([...mean.perStep]).toEqual([2, 1]);
    expect(mean.overRange).toBe(50 / 40);
    expect(mean.usedSteps).toBe(2);
  });

  it('with a ready-made mean: weighted by the +Inf bucket, which gives the same exact mean', () => {
    const mean = groupMean(
      group,
      s({}, [
        [0, 2],
        [1, 1],
      ]),
      'mean',
    );
    expect(mean.overRange).toBe(50 / 40);
  });

  it('skips steps without traffic or without a mean sample', () => {
    const mean = groupMean(
      group,
      s({}, [
        [0, null],
        [1, 30],
        [5, 99],
      ]),
      'sum',
    );
    expect(mean.perStep[0]).toBeNaN();
    expect(mean.usedSteps).toBe(1);
  });
});
