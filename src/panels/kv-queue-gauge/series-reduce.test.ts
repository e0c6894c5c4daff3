import { series, STEP_MS, T0 } from './kv-queue-fixtures';
import { combinePerStep, reduceOverRange } from './series-reduce';

describe('combinePerStep', () => {
  const pods = [series({ pod: 'a' }, [0.5, 0.7, null]), series({ pod: 'b' }, [0.9, 0.2, 0.4])];

  test('max, mean and sum per timestamp across instances', () => {
    expect(combinePerStep(pods, 'max')).toEqual([
      [T0, 0.9],
      [T0 + STEP_MS, 0.7],
      [T0 + 2 * STEP_MS, 0.4],
    ]);
    expect(combinePerStep(pods, 'mean').map(([, v]) => v)).toEqual([0.7, 0.44999999999999996, 0.4]);
    expect(combinePerStep(pods, 'sum').map(([, v]) => v)).toEqual([1.4, 0.8999999999999999, 0.4]);
  });

  test('a NaN sample is ignored beside a number but a step of only NaN stays NaN', () => {
    const withNaN = [series({ pod: 'a' }, [NaN, NaN]), series({ pod: 'b' }, [3, null])];
    expect(combinePerStep(withNaN, 'sum').map(([, v]) => v)).toEqual([3, NaN]);
  });
});

describe('reduceOverRange', () => {
  const values = series({}, [0.4, 0.9, null, 0.6]).values;

  test('last is the latest sample, max the highest, mean the average of samples', () => {
    expect(reduceOverRange(values, 'last')).toBe(0.6);
    expect(reduceOverRange(values, 'max')).toBe(0.9);
    expect(reduceOverRange(values, 'mean')).toBeCloseTo(0.6333333, 6);
  });

  test('no samples at all is null (no data), not zero', () => {
    expect(reduceOverRange(series({}, [null, null]).values, 'last')).toBeNull();
    expect(reduceOverRange([], 'mean')).toBeNull();
  });

  test('a NaN as the latest sample is shown as NaN, never replaced by an older number', () => {
    expect(reduceOverRange(series({}, [0.5, NaN]).values, 'last')).toBeNaN();
  });

  test('max and mean skip NaN samples and are NaN only when every sample is', () => {
    expect(reduceOverRange(series({}, [0.5, NaN, 0.7]).values, 'max')).toBe(0.7);
    expect(reduceOverRange(series({}, [NaN, NaN]).values, 'mean')).toBeNaN();
  });
});
