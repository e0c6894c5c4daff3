// The numbers the panel shows, read off a role scan (role-scan.ts): a fleet value over the range, the per-step
// line for a sparkline, and one instance's value. Each equals reduceOverRange(combinePerStep(…)) of series-reduce.ts.
import { KvValueOverRange } from './kv-queue-gauge-spec';
import { SeriesSummaries, StepTotals } from './role-scan';
import { CrossSeries, Point } from './series-reduce';

/** The combined value of step `j` (which holds a sample): NaN when every sample there is NaN. */
function stepValue(steps: StepTotals, j: number, how: CrossSeries): number {
  const numbers = steps.numbers[j];
  if (numbers === 0) return NaN;
  if (how === 'max') return steps.max[j];
  return how === 'sum' ? steps.sum[j] : steps.sum[j] / numbers;
}

/** One number for the range from the per-step values: null without any sample, NaN when all are NaN. */
export function reduceSteps(steps: StepTotals, how: CrossSeries, over: KvValueOverRange): number | null {
  const { sampled } = steps;
  if (over === 'last') {
    for (let j = sampled.length - 1; j >= 0; j--) if (sampled[j]) return stepValue(steps, j, how);
    return null;
  }
  let any = false;
  let numbers = 0;
  let highest = -Infinity;
  let total = 0;
  for (let j = 0; j < sampled.length; j++) {
    if (!sampled[j]) continue;
    any = true;
    const v = stepValue(steps, j, how);
    if (Number.isNaN(v)) continue;
    numbers++;
    if (over === 'max') highest = Math.max(highest, v);
    else total += v;
  }
  if (!any) return null;
  if (numbers === 0) return NaN;
  return over === 'max' ? highest : total / numbers;
}

/** The per-step line (steps with a sample only), for a sparkline. */
export function stepPoints(steps: StepTotals, how: CrossSeries): Point[] {
  const points: Point[] = [];
  for (let j = 0; j < steps.sampled.length; j++) {
    if (steps.sampled[j]) points.push([steps.times[j], stepValue(steps, j, how)]);
  }
  return points;
}

/**
 * One series on its own reduced over the range, from its summary: valid when the series' timestamps are strictly
 * ascending (each step then holds one sample, and combining it with itself is the sample, or 0 + it for sum/mean,
 * which only turns -0 into 0 as the definition's sum does).
 */
export function loneSeriesValue(
  summaries: SeriesSummaries,
  k: number,
  how: CrossSeries,
  over: KvValueOverRange,
): number | null {
  if (summaries.samples[k] === 0) return null;
  const combined = (v: number) => (how === 'max' ? v : 0 + v);
  if (over === 'last') return combined(summaries.last[k]);
  const numbers = summaries.numbers[k];
  if (numbers === 0) return NaN;
  return over === 'max' ? combined(summaries.max[k]) : summaries.sum[k] / numbers;
}
