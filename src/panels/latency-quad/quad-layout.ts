// How the tiles fit the panel: a single histogram arranges its tiles 1×N, 2×2 … N×1 to get the largest
// readable tiles; several histograms get one row each (label + N tiles) and collapse the rest into "+N more".

export interface QuadLayout {
  /** Tile grid of one histogram: columns × rows of tiles. */
  readonly columns: number;
  readonly tileRows: number;
  /** Histogram rows that fit (grouped mode); the rest are summarised as "+N more". */
  readonly visibleGroups: number;
  readonly tileHeight: number;
  readonly showSparkline: boolean;
  /** Font size of the value in px, scaled with the tile. */
  readonly valueFontSize: number;
}

/** The footer line (range mode, SLO, warnings). */
export const FOOTER_HEIGHT = 20;
/** Below this a grouped row would be unreadable (value + label on one 12 px line, with padding). */
export const MIN_GROUP_ROW_HEIGHT = 28;
const MIN_SPARKLINE_TILE_HEIGHT = 56;
const TILE_ASPECT = 1.8; // a tile reads best a bit wider than tall (label, value, sparkline stacked)

export function quadLayout(
  width: number,
  height: number,
  tiles: number,
  groups: number,
  maxRows: number | undefined,
): QuadLayout {
  const available = Math.max(height - FOOTER_HEIGHT, 0);
  const n = Math.max(tiles, 1);
  if (groups <= 1) {
    let best = { columns: n, tileRows: 1, size: -1 };
    for (let columns = n; columns >= 1; columns--) {
      const tileRows = Math.ceil(n / columns);
      // Skip shapes that leave a whole empty tile row (e.g. 3 columns for 4 tiles) unless nothing else fits.
      if (columns * tileRows - n >= columns && columns > 1) continue;
      const size = Math.min(width / columns / TILE_ASPECT, available / tileRows);
      if (size > best.size) best = { columns, tileRows, size };
    }
    const tileHeight = available / best.tileRows;
    return {
      columns: best.columns,
      tileRows: best.tileRows,
      visibleGroups: groups,
      tileHeight,
      showSparkline: tileHeight >= MIN_SPARKLINE_TILE_HEIGHT,
      valueFontSize: fontFor(tileHeight, width / best.columns),
    };
  }
  const fit = Math.max(1, Math.floor(available / MIN_GROUP_ROW_HEIGHT));
  const cap = Math.min(maxRows ?? Infinity, fit);
  // When some rows are hidden, one line goes to "+N more".
  const visibleGroups = groups <= cap ? groups : Math.max(1, Math.min(cap, fit - 1));
  const shown = visibleGroups + (visibleGroups < groups ? 1 : 0);
  const tileHeight = Math.max(MIN_GROUP_ROW_HEIGHT, available / shown);
  return {
    columns: n,
    tileRows: 1,
    visibleGroups,
    tileHeight,
    showSparkline: tileHeight >= MIN_SPARKLINE_TILE_HEIGHT,
    // Grouped rows share the width with a label column of about a quarter of the panel.
    valueFontSize: fontFor(tileHeight, (width * 0.75) / n),
  };
}

function fontFor(tileHeight: number, tileWidth: number): number {
  const byHeight = tileHeight * 0.38;
  const byWidth = tileWidth / 5; // about six characters ("123 ms") must fit
  return Math.round(Math.max(11, Math.min(byHeight, byWidth, 40)));
}
