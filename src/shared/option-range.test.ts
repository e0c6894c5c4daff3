import { describeRange, inRange } from './option-range';

describe('inRange', () => {
  test('inclusive and exclusive bounds, integers, non-numbers', () => {
    const r = { min: 0, max: 1, minExclusive: true };
    expect([0, 0.5, 1, 1.01, NaN, Infinity, '0.5'].map((n) => inRange(r, n))).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect([0, 2, 2.5, 5].map((n) => inRange({ min: 0, max: 4, integer: true }, n))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(inRange({ min: 1, integer: true }, 1e9)).toBe(true);
  });

  test('describeRange says the bounds in words', () => {
    expect(describeRange({ min: 0, max: 4, integer: true })).toBe('a whole number from 0 to 4');
    expect(describeRange({ min: 0, max: 1, minExclusive: true })).toBe('a number above 0 and at most 1');
    expect(describeRange({ min: 1, integer: true })).toBe('a whole number at least 1');
  });
});
