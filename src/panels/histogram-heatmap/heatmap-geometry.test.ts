import { equalRowPosition, linearRowExtent, rowLowerEdge } from './heatmap-geometry';

const BOUNDS = [0.1, 0.5, 2.5, Infinity];

test('a value is placed linearly inside its equal-height row', () => {
  expect(equalRowPosition(0.05, BOUNDS)).toBeCloseTo(0.5, 12);
  expect(equalRowPosition(0.3, BOUNDS)).toBeCloseTo(1.5, 12);
  expect(equalRowPosition(0.5, BOUNDS)).toBe(2);
  // The +Inf clamp (the highest finite bound) sits on top of the last finite row.
  expect(equalRowPosition(2.5, BOUNDS)).toBe(3);
  expect(Number.isNaN(equalRowPosition(NaN, BOUNDS))).toBe(true);
});

test('row edges: 0 below a positive first bound, a band above the highest finite bound for +Inf', () => {
  expect(rowLowerEdge(BOUNDS, 0)).toBe(0);
  expect(rowLowerEdge([-1, 0, Infinity], 0)).toBe(-1);
  expect(linearRowExtent(BOUNDS, 1)).toEqual([0.1, 0.5]);
  expect(linearRowExtent(BOUNDS, 3)).toEqual([2.5, 2.75]);
});
