// Combining several series step by step (across instances) and reducing one series over the time range: the
// definition of the panel's numbers, written for clarity. The panel computes them in one pass over typed arrays
// (role-scan.ts, role-values.ts), tested equal to these functions on random series.
// NaN is a real Prometheus value (e.g. a gauge the engine could not compute), so it is kept apart from
// "no sample" (null): a NaN is never silently turned into a number.
import { SeriesLike } from '../../model/series';
import { KvValueOverRange } from './kv-queue-gauge-spec';

export type Point = readonly [timestampMs: number, value: number];
export type CrossSeries = 'max' | 'mean' | 'sum';

/**
 * One value per timestamp across all series. NaN samples are ignored when another series has a number
 * at that step (the per-instance list still shows them); a step where every sample is NaN stays NaN.
 */
export function combinePerStep(series: readonly SeriesLike[], how: CrossSeries): Point[] {
  const byStep = new Map<number, number[]>();
  for (const s of series) {
    for (const [t, v] of s.values) {
      if (v === null || v === undefined) continue;
      const step = byStep.get(t);
      if (step) step.push(v);
      else byStep.set(t, [v]);
    }
  }
  return [...byStep.entries()].sort(([a], [b]) => a - b).map(([t, values]) => [t, combine(values, how)] as const);
}

function combine(values: readonly number[], how: CrossSeries): number {
  const numbers = values.filter((v) => !Number.isNaN(v));
  if (numbers.length === 0) return NaN;
  if (how === 'max') return Math.max(...numbers);
  const sum = numbers.reduce((a, b) => a + b, 0);
  return how === 'sum' ? sum : sum / numbers.length;
}

/**
 * One number for the whole range: `null` when there is no sample at all, NaN when the samples are NaN.
 * "last" is the latest sample as it is (a NaN there is shown, not replaced by an older number);
 * "max" and "mean" skip NaN samples and are NaN only when all samples are.
 */
export function reduceOverRange(
  values: ReadonlyArray<readonly [number, number | null]>,
  how: KvValueOverRange,
): number | null {
  const samples = values.filter((p): p is readonly [number, number] => p[1] !== null && p[1] !== undefined);
  if (samples.length === 0) return null;
  if (how === 'last') {
    let latest = samples[0];
    for (const p of samples) if (p[0] >= latest[0]) latest = p;
    return latest[1];
  }
  const numbers = samples.map((p) => p[1]).filter((v) => !Number.isNaN(v));
  if (numbers.length === 0) return NaN;
  if (how === 'max') return Math.max(...numbers);
  return numbers.reduce((a, b) => a + b, 0) / numbers.length;
}
