// How the KV & queue panel spends its height: which layout, how big the gauge, how many instance rows.
// Framework-free, so the height budget is tested directly. The pixel figures are the rendered heights of
// the pieces (MUI caption ≈ 20 px, list lines 18 px), checked in headless Chromium at 3, 6 and 12 grid rows.

/** Below this content height (≈ 4 grid rows) the panel switches to a single line. */
export const COMPACT_HEIGHT = 120;

const PADDING = 8; // p: 0.5 above and below
const GAP = 4; // gap between the stacked pieces
/** Verdict badge, fleet-average caption and worst-instance caption: the least height of the top row. */
const TEXT_BLOCK = 64;
const QUEUE_BAR = 28; // 8 px bar + its caption
const SPARKLINE_HEIGHT = 22;
/** Sparklines grow into height nothing else needs (a tall panel with few instances), up to this. */
const SPARKLINE_MAX_HEIGHT = 48;
/** Header, instance rows and the "+N more" line are all this tall. */
export const LIST_LINE = 18;
const MESSAGE_LINE = 16;
const GAUGE_MAX = 220;
const GAUGE_MIN_FULL = 72;
/** The verdict badge ("No traffic") and "fleet avg 100.0%" need this much beside the gauge. */
export const VERDICT_COLUMN_MIN_WIDTH = 80;
/** Padding, two column gaps, the verdict column and the numbers ("Running 847 / 1K"): kept free of the gauge. */
const TEXT_MIN_WIDTH = PADDING + 2 * 12 + VERDICT_COLUMN_MIN_WIDTH + 118;

export interface LayoutInput {
  width: number;
  height: number;
  /** A sparkline row is drawn. */
  sparklines: boolean;
  /** Warning lines at the bottom (missing roles, problems, notes). */
  messages: number;
  /** Instances the list could show (0 when the series carry no instance label). */
  instances: number;
  /** The `maxInstances` option; 0 hides the list. */
  maxInstances: number;
}

export interface KvQueueLayout {
  compact: boolean;
  /** Diameter of the gauge arc. */
  gaugeSize: number;
  sparklineHeight: number;
  /**
   * Instance rows to draw: `null` = no list at all (hidden by the option, no instances, or compact);
   * 0 = no room for a row, so only the line saying how many instances are hidden.
   */
  instanceRows: number | null;
}

/** Height of the list: header and rows, plus the "+N more" line when some are hidden. */
function listHeight(rows: number, instances: number): number {
  if (rows === 0) return GAP + LIST_LINE; // the "N not listed" line alone
  return GAP + LIST_LINE + rows * LIST_LINE + (instances > rows ? LIST_LINE : 0);
}

/**
 * The full layout stacks the top row (gauge, verdict, numbers), the queue bar, the sparklines, the list and
 * the messages. The top row needs TEXT_BLOCK; the list then gets as many rows as fit (up to maxInstances);
 * whatever is left grows the gauge. When not even one row fits, a single line still says how many instances
 * are not listed, so an instance is never dropped without a word.
 */
export function planLayout({
  width,
  height,
  sparklines,
  messages,
  instances,
  maxInstances,
}: LayoutInput): KvQueueLayout {
  if (height < COMPACT_HEIGHT) {
    const gaugeSize = Math.max(48, Math.min(2 * (height - 14), width * 0.22, 120));
    return { compact: true, gaugeSize, sparklineHeight: SPARKLINE_HEIGHT, instanceRows: null };
  }
  const fixed =
    PADDING +
    TEXT_BLOCK +
    GAP +
    QUEUE_BAR +
    (sparklines ? GAP + SPARKLINE_HEIGHT : 0) +
    (messages > 0 ? GAP + messages * MESSAGE_LINE : 0);
  const room = height - fixed;

  let instanceRows: number | null = null;
  let used = 0;
  if (instances > 0 && maxInstances > 0) {
    instanceRows = 0;
    for (let rows = Math.min(maxInstances, instances); rows > 0; rows--) {
      if (listHeight(rows, instances) <= room) {
        instanceRows = rows;
        break;
      }
    }
    used = listHeight(instanceRows, instances);
  }

  // The gauge's drawn height is size / 2 + 6 (GaugeArc); it grows into whatever the list leaves.
  const topRow = TEXT_BLOCK + Math.max(0, room - used);
  const gaugeSize = Math.max(
    GAUGE_MIN_FULL,
    Math.min(width * 0.42, width - TEXT_MIN_WIDTH, 2 * (topRow - 6), GAUGE_MAX),
  );
  const spare = topRow - Math.max(TEXT_BLOCK, gaugeSize / 2 + 6);
  const sparklineHeight = sparklines
    ? SPARKLINE_HEIGHT + Math.max(0, Math.min(spare, SPARKLINE_MAX_HEIGHT - SPARKLINE_HEIGHT))
    : SPARKLINE_HEIGHT;
  return { compact: false, gaugeSize, sparklineHeight, instanceRows };
}
