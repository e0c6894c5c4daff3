// The heatmap's cells as one bitmap: one pixel column per step (repeated when there are few steps), rows stacked
// bottom-up at their drawn extent, coloured by the sequential scale, transparent where a cell is blank. ECharts
// then draws a single image instead of one element per cell (a week at 1-minute steps × 22 buckets is 221,760
// cells; one element each takes seconds to lay out).

import { HeatmapHistogram } from './heatmap-view-model';

/** Pixel columns at least this many, so a short range is not blurred when the image is scaled up. */
const MIN_WIDTH = 1024;

/** RGBA of `scale` (hex colours, low → high) at 256 evenly spaced points. */
export function colourRamp(scale: readonly string[]): Uint8ClampedArray {
  const stops = scale.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  const ramp = new Uint8ClampedArray(256 * 4);
  for (let k = 0; k < 256; k++) {
    const at = (k / 255) * (stops.length - 1);
    const i = Math.min(Math.floor(at), stops.length - 2);
    const f = at - i;
    for (let c = 0; c < 3; c++) ramp[k * 4 + c] = Math.round(stops[i][c] + (stops[i + 1][c] - stops[i][c]) * f);
    ramp[k * 4 + 3] = 255;
  }
  return ramp;
}

/** Index into the ramp of a cell value, on a linear scale from 0 to max. */
export function rampIndex(value: number, max: number): number {
  return Math.max(0, Math.min(255, Math.round((value / max) * 255)));
}

export interface CellsBitmap {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8ClampedArray<ArrayBuffer>;
}

/**
 * The cells' pixels. `rowPixels[i]` = [top, bottom) pixel rows of bucket row i in an image `height` tall (row 0
 * at the bottom of the chart, so at the bottom of the image).
 */
export function cellsBitmap(
  h: HeatmapHistogram,
  ramp: Uint8ClampedArray,
  rowPixels: ReadonlyArray<readonly [number, number]>,
  height: number,
  stepMs: number,
): CellsBitmap {
  const steps = h.timestamps.length;
  const rows = h.rows.length;
  // Columns by time, not by index: a step absent from every series leaves its column blank instead of shifting
  // the later ones.
  const columns = stepColumns(h.timestamps, stepMs);
  const repeat = Math.max(1, Math.ceil(MIN_WIDTH / columns.count));
  const width = columns.count * repeat;
  const pixels = new Uint8ClampedArray(width * height * 4);
  const max = h.maxCell > 0 ? h.maxCell : 1;
  for (let step = 0; step < steps; step++) {
    for (let row = 0; row < rows; row++) {
      const value = h.cells[step * rows + row];
      if (!Number.isFinite(value)) continue; // blank: stays transparent
      const k = rampIndex(value, max) * 4;
      const [top, bottom] = rowPixels[row];
      for (let y = top; y < bottom; y++) {
        let p = (y * width + columns.of[step] * repeat) * 4;
        for (let r = 0; r < repeat; r++, p += 4) {
          pixels[p] = ramp[k];
          pixels[p + 1] = ramp[k + 1];
          pixels[p + 2] = ramp[k + 2];
          pixels[p + 3] = 255;
        }
      }
    }
  }
  return { width, height, pixels };
}

/** Column of each step: (t − first) / step; and how many columns span first … last. */
export function stepColumns(timestamps: Float64Array, stepMs: number): { of: Int32Array; count: number } {
  const of = new Int32Array(timestamps.length);
  for (let i = 0; i < timestamps.length; i++) of[i] = Math.round((timestamps[i] - timestamps[0]) / stepMs);
  return { of, count: timestamps.length > 0 ? of[timestamps.length - 1] + 1 : 0 };
}

/** Pixel rows of each bucket row, from the rows' drawn extents (low edge, high edge) on an axis min … max. */
export function rowPixelsOf(
  extents: ReadonlyArray<readonly [number, number]>,
  min: number,
  max: number,
  height: number,
): Array<[number, number]> {
  const y = (v: number) => Math.round(height - ((v - min) / (max - min)) * height);
  return extents.map(([lo, hi]) => [y(hi), y(lo)]);
}

/** The bitmap as a canvas ECharts can draw (browser only). */
export function cellsCanvas(bitmap: CellsBitmap): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext('2d');
  context?.putImageData(new ImageData(bitmap.pixels, bitmap.width, bitmap.height), 0, 0);
  return canvas;
}
