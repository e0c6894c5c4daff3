import { cellsBitmap, colourRamp, rampIndex, rowPixelsOf, stepColumns } from './heatmap-cells-image';
import { HeatmapHistogram } from './heatmap-view-model';

const RAMP = colourRamp(['#000000', '#ffffff']);

// Two rows, three steps; step 1 blank (no traffic), step 2 absent, step 3 at t0 + 3 min.
const histogram = {
  rows: [{}, {}],
  timestamps: Float64Array.from([0, 60_000, 180_000]),
  cells: Float64Array.from([0.25, 0.75, NaN, NaN, 1, 0]),
  maxCell: 1,
} as unknown as HeatmapHistogram;

const pixel = (b: ReturnType<typeof cellsBitmap>, x: number, y: number) =>
  Array.from(b.pixels.slice((y * b.width + x) * 4, (y * b.width + x) * 4 + 4));

test('the ramp runs from the first colour to the last', () => {
  expect(Array.from(RAMP.slice(0, 4))).toEqual([0, 0, 0, 255]);
  expect(Array.from(RAMP.slice(255 * 4))).toEqual([255, 255, 255, 255]);
  expect(rampIndex(0.5, 1)).toBe(128);
});

test('columns follow time: an absent step leaves a blank column', () => {
  expect(stepColumns(histogram.timestamps, 60_000)).toEqual({ of: Int32Array.from([0, 1, 3]), count: 4 });
});

test('cells are painted by value, row 0 at the bottom; blank cells and absent steps stay transparent', () => {
  // Row 0 covers pixel rows [1, 2), row 1 [0, 1) of a 2-pixel-high image.
  const rows = rowPixelsOf(
    [
      [0, 1],
      [1, 2],
    ],
    0,
    2,
    2,
  );
  expect(rows).toEqual([
    [1, 2],
    [0, 1],
  ]);
  const b = cellsBitmap(histogram, RAMP, rows, 2, 60_000);
  const repeat = b.width / 4;
  expect(pixel(b, 0, 1)).toEqual([64, 64, 64, 255]); // step 0, row 0: 0.25
  expect(pixel(b, 0, 0)).toEqual([191, 191, 191, 255]); // step 0, row 1: 0.75
  expect(pixel(b, repeat, 1)[3]).toBe(0); // step 1: no traffic
  expect(pixel(b, 2 * repeat, 0)[3]).toBe(0); // no step at t0 + 2 min
  expect(pixel(b, 3 * repeat, 1)).toEqual([255, 255, 255, 255]);
  expect(pixel(b, 3 * repeat, 0)).toEqual([0, 0, 0, 255]);
});
