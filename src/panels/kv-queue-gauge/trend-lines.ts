// Which over-time lines the panel draws: worst KV usage and waiting with `sparklines`, running with
// `runningSparkline`, in the order KV, running, waiting (running beside waiting, like the seed's pair).
import { formatCount, formatKv } from './kv-queue-format';
import { KvQueueGaugeSpec } from './kv-queue-gauge-spec';
import { KvQueueView } from './kv-queue-view-model';
import { TrendLine } from './SparklineRow';

/** A line narrower than this still keeps this many columns: too few would flatten its shape. */
const MIN_COLUMNS = 16;

export function trendLines(
  spec: KvQueueGaugeSpec,
  view: KvQueueView,
  colors: { kv: string; running: string; waiting: string },
  decimals: number,
  /** Panel content width in px: each line is drawn with at most one (min, max) pair per pixel it gets. */
  width?: number,
): TrendLine[] {
  const countFormat = (v: number) => formatCount(v, 'mean');
  const lines: TrendLine[] = [];
  if (spec.sparklines) {
    lines.push({
      caption: 'KV',
      label: 'worst KV usage over time',
      points: view.kvTrend,
      color: colors.kv,
      yMax: 1,
      format: (v: number) => formatKv(v, decimals),
    });
  }
  if (spec.runningSparkline) {
    lines.push({
      caption: 'running',
      label: 'running requests over time',
      points: view.runningTrend,
      color: colors.running,
      format: countFormat,
    });
  }
  if (spec.sparklines) {
    lines.push({
      caption: 'waiting',
      label: 'waiting requests over time',
      points: view.waitingTrend,
      color: colors.waiting,
      format: countFormat,
    });
  }
  // A line needs two points; a role without data draws nothing rather than a line of zeros.
  const drawn = lines.filter((line) => line.points.length >= 2);
  // The lines share the row equally (their captions take some of it, so this is an upper bound).
  const columns = width === undefined ? undefined : Math.max(MIN_COLUMNS, Math.floor(width / drawn.length));
  return columns === undefined ? drawn : drawn.map((line) => ({ ...line, columns }));
}
