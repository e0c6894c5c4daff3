// How the KV & queue panel spends its room: which layout, how big the gauge, how many instance rows and columns,
// and how much the whole panel is scaled up. Framework-free, so the budget is tested directly. The pixel figures are
// the rendered heights of the pieces (MUI caption ≈ 20 px, list lines 18 px), checked in headless Chromium at 3, 6
// and 12 grid rows. They are "layout px": a large panel (maximised, a 4K screen) is laid out at its size divided by
// `scale` and drawn zoomed by `scale`, so text, gauge and list grow together instead of a dashboard-sized panel
// floating in a sea of space.

import { panelScale } from '../../shared/panel-scale';

/** Below this content height (≈ 4 grid rows) the panel switches to a single line. */
export const COMPACT_HEIGHT = 120;

const PADDING = 8; // p: 0.5 above and below
const GAP = 4; // gap between the stacked pieces
/** Verdict badge, fleet-average caption and worst-instance caption: the least height of the top row. */
const TEXT_BLOCK = 64;
const QUEUE_BAR = 28; // 8 px bar + its caption
const SPARKLINE_HEIGHT = 22;
/** Sparklines grow into height nothing else needs (a tall panel with few instances), up to a third of their width. */
const SPARKLINE_MIN_ASPECT = 3;
/** Room for a sparkline's caption ("running") before the line. */
const SPARKLINE_CAPTION = 48;
/** Header, instance rows and the "+N more" line are all this tall. */
export const LIST_LINE = 18;
const MESSAGE_LINE = 16;
/** The gauge's largest diameter (layout px). */
const GAUGE_MAX = 640;
const GAUGE_MIN_FULL = 72;
/** A column of the instance list needs this much width (name, KV, run, wait), and this gap to the next. */
const LIST_COLUMN_MIN_WIDTH = 280;
const LIST_COLUMN_GAP = 16;
/** Room above this (layout px) is shared: the gauge may reserve up to half of it before the list takes the rest. */
const LIST_FIRST_ROOM = 200;
/** Taller than wide by this factor (and not compact): the gauge sits above the text instead of beside it. */
const STACK_ASPECT = 1.2;
/** The verdict badge ("No traffic") and "fleet avg 100.0%" need this much beside the gauge. */
export const VERDICT_COLUMN_MIN_WIDTH = 80;
/** Padding, two column gaps, the verdict column and the numbers ("Running 847 / 1K"): kept free of the gauge. */
const TEXT_MIN_WIDTH = PADDING + 2 * 12 + VERDICT_COLUMN_MIN_WIDTH + 118;

export { panelScale };

export interface LayoutInput {
  width: number;
  height: number;
  /** A sparkline row is drawn. */
  sparklines: boolean;
  /** How many lines it has (default 2: KV and waiting). */
  sparklineCount?: number;
  /** Warning lines at the bottom (missing roles, problems, notes). */
  messages: number;
  /** Instances the list could show (0 when the series carry no instance label). */
  instances: number;
  /** The `maxInstances` option; 0 hides the list. */
  maxInstances: number;
}

export interface KvQueueLayout {
  compact: boolean;
  /** Diameter of the gauge arc (layout px). */
  gaugeSize: number;
  sparklineHeight: number;
  /**
   * Instance rows to draw (over all columns): `null` = no list at all (hidden by the option, no instances, or
   * compact); 0 = no room for a row, so only the line saying how many instances are hidden.
   */
  instanceRows: number | null;
  /** Columns the instance rows are spread over (1 unless the panel is wide enough for more). */
  instanceColumns: number;
  /** The gauge above the verdict and numbers (a tall, narrow panel) instead of beside them. */
  stacked: boolean;
  /** One sparkline per row across the width (a tall, narrow panel) instead of all in one row. */
  sparklinesStacked: boolean;
  /** Zoom of the whole panel: its size divided by this is what the figures above were planned for. */
  scale: number;
}

/** Height of the list: header and rows (per column), plus the "+N more" line when some are hidden. */
function listHeight(rows: number, hidden: boolean): number {
  if (rows === 0) return GAP + LIST_LINE; // the "N not listed" line alone
  return GAP + LIST_LINE + rows * LIST_LINE + (hidden ? LIST_LINE : 0);
}

/** Most instances that fit `room`: rows per column, columns, shown in all. */
function fitList(
  room: number,
  width: number,
  instances: number,
  maxInstances: number,
): { shown: number; columns: number; height: number } {
  const wanted = Math.min(maxInstances, instances);
  const maxColumns = Math.max(
    1,
    Math.floor((width - PADDING + LIST_COLUMN_GAP) / (LIST_COLUMN_MIN_WIDTH + LIST_COLUMN_GAP)),
  );
  // The most rows per column that fit; fewer rows would only spread the same instances over more columns.
  for (let rows = wanted; rows > 0; rows--) {
    const columns = Math.min(maxColumns, Math.ceil(wanted / rows));
    const shown = Math.min(wanted, rows * columns);
    const height = listHeight(Math.ceil(shown / columns), instances > shown);
    if (height <= room) return { shown, columns, height };
  }
  return { shown: 0, columns: 1, height: listHeight(0, true) };
}

/**
 * The full layout stacks the top row (gauge, verdict, numbers), the queue bar, the sparklines, the list and
 * the messages. The top row needs TEXT_BLOCK; on a large panel the gauge first reserves up to half of the room
 * past LIST_FIRST_ROOM; the list then gets as many rows (and columns) as fit, up to maxInstances; whatever is left
 * grows the gauge. When not even one row fits, a single line still says how many instances are not listed, so an
 * instance is never dropped without a word.
 */
export function planLayout(input: LayoutInput): KvQueueLayout {
  const scale = panelScale(input.width, input.height);
  const width = input.width / scale;
  const height = input.height / scale;
  const { sparklines, messages, instances, maxInstances } = input;
  if (height < COMPACT_HEIGHT) {
    const gaugeSize = Math.max(48, Math.min(2 * (height - 14), width * 0.22, 120));
    return {
      compact: true,
      gaugeSize,
      sparklineHeight: SPARKLINE_HEIGHT,
      instanceRows: null,
      instanceColumns: 1,
      stacked: false,
      sparklinesStacked: false,
      scale,
    };
  }
  const stacked = height >= width * STACK_ASPECT;
  // Stacked (a tall, narrow panel) each sparkline has its own row across the width; otherwise they share one row.
  // Either way a line grows into spare height up to a third of its width.
  const sparklinesStacked = stacked;
  const lines = sparklines ? (input.sparklineCount ?? 2) : 0;
  const sparklineRows = sparklinesStacked ? lines : Math.min(lines, 1);
  const lineWidth = (width - 2 * PADDING) / Math.max(1, sparklinesStacked ? 1 : lines) - SPARKLINE_CAPTION;
  const sparklineMax = Math.max(SPARKLINE_HEIGHT, Math.floor(lineWidth / SPARKLINE_MIN_ASPECT));
  const fixed =
    PADDING +
    TEXT_BLOCK +
    GAP +
    QUEUE_BAR +
    sparklineRows * (GAP + SPARKLINE_HEIGHT) +
    (messages > 0 ? GAP + messages * MESSAGE_LINE : 0);
  const room = height - fixed;

  // Stacked, the gauge's whole drawn height (size / 2 + 6, see GaugeArc) comes out of the room; beside the text,
  // only what it needs beyond TEXT_BLOCK.
  const gaugeWanted = stacked
    ? Math.min(width - 2 * PADDING, GAUGE_MAX)
    : Math.min(width * 0.42, width - TEXT_MIN_WIDTH, GAUGE_MAX);
  const gaugeBeyondText = Math.max(0, gaugeWanted / 2 + 6 - (stacked ? 0 : TEXT_BLOCK));
  const reserved = Math.min(gaugeBeyondText, Math.max(0, room - LIST_FIRST_ROOM) / 2);

  let instanceRows: number | null = null;
  let instanceColumns = 1;
  let used = 0;
  if (instances > 0 && maxInstances > 0) {
    const list = fitList(room - reserved, width, instances, maxInstances);
    instanceRows = list.shown;
    instanceColumns = list.columns;
    used = list.height;
  }

  const spareForGauge = Math.max(0, room - used);
  const gaugeSize = stacked
    ? Math.max(GAUGE_MIN_FULL, Math.min(gaugeWanted, 2 * (spareForGauge - 6)))
    : Math.max(GAUGE_MIN_FULL, Math.min(gaugeWanted, 2 * (TEXT_BLOCK + spareForGauge - 6)));
  const gaugeHeight = gaugeSize / 2 + 6;
  const spare = stacked ? spareForGauge - gaugeHeight : TEXT_BLOCK + spareForGauge - Math.max(TEXT_BLOCK, gaugeHeight);
  const sparklineHeight =
    sparklineRows > 0
      ? SPARKLINE_HEIGHT + Math.max(0, Math.min(spare / sparklineRows, sparklineMax - SPARKLINE_HEIGHT))
      : SPARKLINE_HEIGHT;
  return {
    compact: false,
    gaugeSize,
    sparklineHeight,
    instanceRows,
    instanceColumns,
    stacked,
    sparklinesStacked,
    scale,
  };
}
