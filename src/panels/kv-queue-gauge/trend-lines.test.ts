import { createInitialKvQueueGaugeOptions, KvQueueGaugeSpec } from './kv-queue-gauge-spec';
import { KvQueueView } from './kv-queue-view-model';
import { resolveKvThresholds } from './kv-thresholds';
import { trendLines } from './trend-lines';

const twoPoints = [
  [0, 1],
  [1, 2],
] as const;
const view = {
  kvTrend: [
    [0, 0.5],
    [1, 0.7],
  ],
  runningTrend: twoPoints,
  waitingTrend: [[0, 3]],
  thresholds: resolveKvThresholds(undefined),
} as unknown as KvQueueView;
const colors = { kv: 'kv', running: 'run', waiting: 'wait' };
const spec = (patch: Partial<KvQueueGaugeSpec>) => ({ ...createInitialKvQueueGaugeOptions(), ...patch });

describe('trendLines', () => {
  it('draws KV and running in order, KV on a fixed 0–1 scale, and leaves out a line with fewer than two points', () => {
    const lines = trendLines(spec({ sparklines: true, runningSparkline: true }), view, colors, 1);
    expect(lines.map((l) => l.caption)).toEqual(['KV', 'running']);
    expect(lines[0]).toMatchObject({ color: 'kv', yMax: 1 });
    expect(lines[0].format(0.5)).toBe('50.0%');
    expect(lines[1].color).toBe('run');
    expect(lines[1].yMax).toBeUndefined();
  });

  it('draws nothing when both options are off', () => {
    expect(trendLines(spec({ sparklines: false, runningSparkline: false }), view, colors, 1)).toEqual([]);
  });

  it('gives each line one column per pixel of its share of the panel width', () => {
    const lines = trendLines(spec({ sparklines: true, runningSparkline: true }), view, colors, 1, 900);
    expect(lines.map((l) => l.columns)).toEqual([450, 450]);
    expect(trendLines(spec({ sparklines: true }), view, colors, 1, 10)[0].columns).toBe(16);
  });
});
