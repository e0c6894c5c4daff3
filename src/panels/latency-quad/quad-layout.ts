// How the tiles fit the panel. A number on an observability panel must never be cut ("72.8…" is unreadable), so
// the layout is chosen from the text it has to show: every arrangement below is sized in px from the widest
// formatted value, and the one that draws the values largest (never below MIN_VALUE_FONT) wins:
// - tile shape of one histogram: 1×N, 2×2 … N×1 columns;
// - statistic label beside the value ("p99 2.5s", one line) or above it (two lines, the value gets the width);
// - grouped rows: row name in a column beside the tiles, or on a line above them (the tiles get the width).
// Groups that do not fit in height collapse into "+N more".

export type StatLabelPlacement = 'inline' | 'stacked';
export type RowLabelPlacement = 'none' | 'side' | 'above';

export interface QuadContent {
  readonly tiles: number;
  readonly groups: number;
  readonly maxRows?: number;
  /** Widest formatted value in em of the value font (see text-width.ts). */
  readonly valueEm: number;
  /** Widest statistic label in em of the caption font. */
  readonly statLabelEm: number;
  /** Widest row name in em of the caption font (grouped mode). */
  readonly rowNameEm: number;
  /** Widest per-row SLO line in em of the caption font; 0 when there is none. */
  readonly sloEm: number;
  /** The spec asks for sparklines (they are drawn only where they leave the value its size). */
  readonly sparkline: boolean;
}

export interface QuadLayout {
  /** Tile grid of one histogram: columns × rows of tiles. */
  readonly columns: number;
  readonly tileRows: number;
  readonly statLabel: StatLabelPlacement;
  readonly rowLabel: RowLabelPlacement;
  /** Width of the row-name column (rowLabel 'side'), px. */
  readonly labelWidth: number;
  /** Room for a row name in em of the caption font; longer names are shortened in the middle. */
  readonly rowNameMaxEm: number;
  /** Histogram rows that fit (grouped mode); the rest are summarised as "+N more". */
  readonly visibleGroups: number;
  /** Height of one grouped row (header line included), px. */
  readonly rowHeight: number;
  readonly tileHeight: number;
  readonly tileWidth: number;
  /** Room for the value text inside a tile, px. */
  readonly valueWidth: number;
  readonly showSparkline: boolean;
  /** Height of the sparkline under the value, px: what the value leaves, at most a third of the tile's width (a
   * trend line taller than that reads as noise, not as a trend). 0 without a sparkline. */
  readonly sparklineHeight: number;
  /** Font size of the values in px: the widest value is at most `valueWidth` wide at this size. */
  readonly valueFontSize: number;
  /** False only when the panel is too small for any arrangement at MIN_VALUE_FONT; the font then shrinks below it. */
  readonly fits: boolean;
}

/** The footer line (range mode, SLO, warnings). */
export const FOOTER_HEIGHT = 20;
/** The smallest value font considered readable; arrangements that need less are not chosen while others fit. */
export const MIN_VALUE_FONT = 12;
/** The largest value font on a default-sized panel; bigger panels allow more (maxValueFont). */
const BASE_MAX_VALUE_FONT = 40;
/** The value font may grow to this share of the panel's geometric mean side (√(width × height)). */
const MAX_VALUE_FONT_SHARE = 1 / 16;
const HUGE_VALUE_FONT = 200;
/** A sparkline is at least this many times as wide as it is tall. */
const SPARKLINE_MIN_ASPECT = 3;
/** A sparkline may not push the value below this (or below what it would be without one, if smaller). */
const COMFORTABLE_VALUE_FONT = 16;
const LARGE_VALUE_FONT = 22;
const SPARKLINE_WORTH = 5;
const MIN_SPARKLINE_HEIGHT = 16;
export const VALUE_LINE_HEIGHT = 1.15;
/** MUI caption: 0.75rem. */
export const CAPTION_PX = 12;
export const CAPTION_LINE = 15;
export const HEADER_LINE = 16;
export const MORE_LINE = 18;
/** Horizontal padding inside a tile (both sides), the gap between tiles, beside the row name, beside the label. */
export const TILE_PADDING_X = 8;
export const TILE_GAP = 4;
export const SIDE_GAP = 8;
export const INLINE_GAP = 6;
const SPARKLINE_GAP = 4;
const MIN_SIDE_LABEL = 64;
const SIDE_LABEL_SHARE = 0.3;
const TILE_ASPECT = 1.8; // among equally large fonts, a tile a bit wider than tall reads best

interface Candidate {
  columns: number;
  statLabel: StatLabelPlacement;
  rowLabel: RowLabelPlacement;
}

interface Scored extends QuadLayout {
  readonly nameShortened: boolean;
  readonly shapeScore: number;
}

/**
 * The cap on the value font for a panel of this size: 40 px up to about a 640×400 panel, then growing with the
 * panel (≈ 84 px maximised at 1920×1080, ≈ 170 px at 3840×2160), so a maximised panel reads from across a room
 * instead of showing dashboard-sized numbers in a sea of space.
 */
export function maxValueFont(width: number, height: number): number {
  const side = Math.sqrt(Math.max(width, 0) * Math.max(height, 0));
  return Math.min(HUGE_VALUE_FONT, Math.max(BASE_MAX_VALUE_FONT, Math.floor(side * MAX_VALUE_FONT_SHARE)));
}

/** The shortest grouped row any arrangement draws: one line of tiles, labels inline, no header line. */
const MIN_ROW = Math.ceil(MIN_VALUE_FONT * VALUE_LINE_HEIGHT) + 2;

/**
 * At most how many groups `quadLayout` can show at this height, whatever the text: only these rows need their
 * text formatted and measured (at fleet size the rest are a "+N more" that costs nothing).
 */
export function groupsThatMayShow(height: number, groups: number, maxRows?: number): number {
  if (groups <= 1) return groups;
  const available = Math.max(height - FOOTER_HEIGHT, 0);
  return Math.min(groups, maxRows ?? Infinity, Math.max(1, Math.floor(available / MIN_ROW)));
}

export function quadLayout(width: number, height: number, content: QuadContent): QuadLayout {
  const maxFont = maxValueFont(width, height);
  const available = Math.max(height - FOOTER_HEIGHT, 0);
  const n = Math.max(content.tiles, 1);
  const grouped = content.groups > 1;
  const rowLabels: RowLabelPlacement[] = !grouped ? ['none'] : content.sloEm > 0 ? ['above'] : ['side', 'above'];
  let best: Scored | undefined;
  for (const rowLabel of rowLabels) {
    for (const columns of tileShapes(n, grouped)) {
      for (const statLabel of ['inline', 'stacked'] as const) {
        const scored = arrange(width, available, n, content, { columns, statLabel, rowLabel }, maxFont);
        if (!best || better(scored, best)) best = scored;
      }
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- strip the scoring fields from the result
  const { nameShortened, shapeScore, ...layout } = best!;
  return layout;
}

/** Column counts worth trying: all (1×N) down to one (N×1), skipping shapes that leave a whole tile row empty. */
function tileShapes(n: number, grouped: boolean): number[] {
  const shapes: number[] = [];
  for (let columns = n; columns >= 1; columns--) {
    const rows = Math.ceil(n / columns);
    if (columns > 1 && columns * rows - n >= columns) continue;
    // Grouped rows keep to 1×N, 2-up and N×1: other shapes of one row among many read as noise.
    if (grouped && columns !== n && columns !== Math.ceil(n / 2) && columns !== 1) continue;
    if (!shapes.includes(columns)) shapes.push(columns);
  }
  return shapes;
}

function better(a: Scored, b: Scored): boolean {
  if (a.fits !== b.fits) return a.fits;
  if (!a.fits) return a.valueFontSize > b.valueFontSize;
  if (a.visibleGroups !== b.visibleGroups) return a.visibleGroups > b.visibleGroups;
  // Past LARGE_VALUE_FONT a bigger number adds little, a sparkline adds the trend; a shortened row name costs a
  // little (a slightly smaller number with the full name reads better).
  const value = (s: Scored) =>
    Math.min(s.valueFontSize, LARGE_VALUE_FONT) + (s.showSparkline ? SPARKLINE_WORTH : 0) - (s.nameShortened ? 3 : 0);
  if (value(a) !== value(b)) return value(a) > value(b);
  if (a.valueFontSize !== b.valueFontSize) return a.valueFontSize > b.valueFontSize;
  return a.shapeScore > b.shapeScore;
}

function arrange(
  width: number,
  available: number,
  n: number,
  content: QuadContent,
  c: Candidate,
  maxFont: number,
): Scored {
  const tileRows = Math.ceil(n / c.columns);
  const namePx = content.rowNameEm * CAPTION_PX + TILE_PADDING_X;
  const labelWidth = c.rowLabel === 'side' ? Math.min(namePx, Math.max(MIN_SIDE_LABEL, width * SIDE_LABEL_SHARE)) : 0;
  const sloPx = content.sloEm > 0 ? content.sloEm * CAPTION_PX + SIDE_GAP : 0;
  const nameRoom = c.rowLabel === 'side' ? labelWidth : c.rowLabel === 'above' ? width - sloPx : width;
  const rowNameMaxEm = Math.max(0, (nameRoom - TILE_PADDING_X) / CAPTION_PX);
  const gridWidth = width - (c.rowLabel === 'side' ? labelWidth + SIDE_GAP : 0);
  const tileWidth = (gridWidth - TILE_GAP * (c.columns - 1)) / c.columns;
  const statPx = content.statLabelEm * CAPTION_PX;
  const valueWidth = tileWidth - TILE_PADDING_X - (c.statLabel === 'inline' ? statPx + INLINE_GAP : 0);
  const fontByWidth = valueWidth / Math.max(content.valueEm, 1);

  const header = c.rowLabel === 'above' ? HEADER_LINE : 0;
  const labelLine = c.statLabel === 'stacked' ? CAPTION_LINE : 0;
  const minTile = labelLine + Math.ceil(MIN_VALUE_FONT * VALUE_LINE_HEIGHT) + 2;
  const minRow = header + tileRows * minTile + TILE_GAP * (tileRows - 1);

  let visibleGroups = content.groups;
  let rowHeight = available;
  if (content.groups > 1) {
    const cap = Math.min(content.maxRows ?? Infinity, content.groups);
    const fitAll = Math.floor(available / minRow);
    visibleGroups =
      content.groups <= Math.min(cap, fitAll)
        ? content.groups
        : Math.max(1, Math.min(cap, Math.floor((available - MORE_LINE) / minRow)));
    const more = visibleGroups < content.groups ? MORE_LINE : 0;
    rowHeight = Math.max(minRow, (available - more) / visibleGroups);
  }
  const tileHeight = (rowHeight - header - TILE_GAP * (tileRows - 1)) / tileRows;
  const body = tileHeight - labelLine - 2;
  const fontAlone = Math.min(body / VALUE_LINE_HEIGHT, maxFont);
  const fontWithSparkline = Math.min(
    (body - MIN_SPARKLINE_HEIGHT - SPARKLINE_GAP) / VALUE_LINE_HEIGHT,
    body * 0.5,
    maxFont,
  );
  const showSparkline =
    content.sparkline &&
    Math.min(fontWithSparkline, fontByWidth) >= Math.min(fontAlone, fontByWidth, COMFORTABLE_VALUE_FONT);
  // Height never pushes the value below the minimum (a few px of a tall glyph may clip; the number is never cut
  // short); width always wins, so the widest value is never wider than its tile.
  const byHeight = Math.max(MIN_VALUE_FONT, showSparkline ? fontWithSparkline : fontAlone);
  const valueFontSize = Math.max(1, Math.floor(Math.min(fontByWidth, byHeight)));
  // The sparkline takes what the value leaves, up to its widest sensible aspect; the tile centres the rest.
  const sparklineHeight = showSparkline
    ? Math.max(
        MIN_SPARKLINE_HEIGHT,
        Math.floor(
          Math.min(
            body - valueFontSize * VALUE_LINE_HEIGHT - SPARKLINE_GAP,
            (tileWidth - TILE_PADDING_X) / SPARKLINE_MIN_ASPECT,
          ),
        ),
      )
    : 0;
  return {
    columns: c.columns,
    tileRows,
    statLabel: c.statLabel,
    rowLabel: c.rowLabel,
    labelWidth,
    rowNameMaxEm,
    visibleGroups,
    rowHeight,
    tileHeight,
    tileWidth,
    valueWidth,
    showSparkline,
    sparklineHeight,
    valueFontSize,
    fits:
      fontByWidth >= MIN_VALUE_FONT &&
      available >= visibleGroups * minRow + (visibleGroups < content.groups ? MORE_LINE : 0),
    nameShortened: content.groups > 1 && content.rowNameEm > rowNameMaxEm,
    shapeScore: Math.min(tileWidth / TILE_ASPECT, tileHeight),
  };
}
