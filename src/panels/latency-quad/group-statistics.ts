// One histogram group → the numbers on its tiles: each statistic over the range (as chosen by
// `valueOverRange`), its per-step series for the sparkline, and a sentence saying how it was computed.

import { FormatOptions, formatValue } from '@perses-dev/core';

import {
  attainmentOfPrepared,
  HistogramGroup,
  isBucketBound,
  quantileOfPrepared,
  quantilesPerStep,
  rangeBuckets,
} from '../../model/histogram';
import { LatencyQuadSpec, LatencySlo, LatencyStatistic, statisticLabel, ValueOverRange } from './latency-quad-model';
import { GroupMean } from './mean-series';

export interface TileValue {
  readonly statistic: LatencyStatistic;
  readonly label: string;
  /** NaN when there is no number to show; `reason` then says why. */
  readonly value: number;
  /** The true quantile lies in the +Inf bucket: Prometheus reports the highest finite bound, a lower bound. */
  readonly clamped: boolean;
  readonly reason?: string;
  /** How the value was computed, for the tooltip. */
  readonly explanation: string;
  /** Per-step values for the sparkline (NaN = gap), on `timestamps` of the group. */
  readonly perStep?: Float64Array;
}

export interface SloValue {
  readonly slo: LatencySlo;
  /** Fraction of observations ≤ threshold; NaN when undefined. */
  readonly attainment: number;
  readonly met: boolean;
  readonly thresholdIsBound: boolean;
  readonly explanation: string;
}

/** The whole-range buckets, reduced to cumulative counts made monotonic (as Prometheus does). */
export interface RangeHistogram {
  readonly bounds: Float64Array;
  readonly counts: Float64Array;
  readonly n: number;
  readonly total: number;
}

export function rangeHistogram(group: HistogramGroup): RangeHistogram {
  const { bounds, counts, n } = rangeBuckets(group);
  for (let i = 1; i < n; i++) if (counts[i] < counts[i - 1]) counts[i] = counts[i - 1];
  const total = n > 0 && bounds[n - 1] === Infinity ? counts[n - 1] : NaN;
  return { bounds, counts, n, total };
}

/** Whether quantile q of these cumulative buckets ranks inside the +Inf bucket (Prometheus clamps it). */
function ranksInInf(q: number, bounds: ArrayLike<number>, counts: ArrayLike<number>, n: number): boolean {
  if (n < 2 || bounds[n - 1] !== Infinity) return false;
  return q * counts[n - 1] > counts[n - 2];
}

/** The last step of the group whose value is a finite number, or -1. */
function lastFiniteStep(values: Float64Array): number {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i])) return i;
  return -1;
}

function meanOfFinite(values: Float64Array): { mean: number; used: number } {
  let sum = 0;
  let used = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    sum += v;
    used++;
  }
  return { mean: used > 0 ? sum / used : NaN, used };
}

function stepCumulative(
  group: HistogramGroup,
  step: number,
): { bounds: Float64Array; counts: Float64Array; n: number } {
  const width = group.bounds.length;
  const bounds = new Float64Array(width);
  const counts = new Float64Array(width);
  let n = 0;
  for (let slot = 0; slot < width; slot++) {
    if (!group.present[step * width + slot]) continue;
    bounds[n] = group.bounds[slot];
    counts[n] = Math.max(group.counts[step * width + slot], n > 0 ? counts[n - 1] : -Infinity);
    n++;
  }
  return { bounds, counts, n };
}

const time = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export interface GroupStatisticsInput {
  readonly group: HistogramGroup;
  /** The group's whole-range buckets (computed once per group, shared with the SLO). */
  readonly range: RangeHistogram;
  readonly spec: LatencyQuadSpec;
  /** The group's mean series, or why it has none. */
  readonly mean: GroupMean | { missing: string };
}

/** Tiles in the order of `spec.statistics`. */
export function groupTiles({ group, range, spec, mean }: GroupStatisticsInput): TileValue[] {
  const quantiles = spec.statistics.flatMap((s) => (s.kind === 'quantile' ? [s.quantile] : []));
  const perStep = quantilesPerStep(group, quantiles);
  const steps = group.timestamps.length;
  const span = steps > 0 ? `${time(group.timestamps[0])} – ${time(group.timestamps[steps - 1])}` : '';
  const noTraffic = !(range.total > 0);
  let k = 0;
  return spec.statistics.map((statistic) => {
    const label = statisticLabel(statistic);
    if (statistic.kind === 'mean') {
      if ('missing' in mean) {
        return { statistic, label, value: NaN, clamped: false, reason: 'no mean series', explanation: mean.missing };
      }
      return pickValue(statistic, label, mean.perStep, mean.overRange, spec.valueOverRange, {
        group,
        span,
        noTraffic,
        rangeText: `Σ ${spec.meanInput === 'sum' ? '_sum rate' : '(mean × +Inf bucket rate)'} / Σ +Inf bucket rate over the ${mean.usedSteps} steps of ${span}`,
        clampedAt: () => false,
      });
    }
    const q = statistic.quantile;
    const series = perStep[k++];
    // Same as rangeQuantile(group, q), without summing the whole range again for every quantile.
    const overRange = quantileOfPrepared(q, range.bounds, range.counts.slice(), range.n);
    return pickValue(statistic, label, series, overRange, spec.valueOverRange, {
      group,
      span,
      noTraffic,
      rangeText: `histogram_quantile(${q}) of the bucket rates summed over all ${steps} steps of ${span} (as histogram_quantile(${q}, sum by (le) (increase(…[$__range]))))`,
      clampedAt: (step) => {
        if (step === undefined) return ranksInInf(q, range.bounds, range.counts, range.n);
        const at = stepCumulative(group, step);
        return ranksInInf(q, at.bounds, at.counts, at.n);
      },
    });
  });
}

interface PickContext {
  readonly group: HistogramGroup;
  readonly span: string;
  readonly noTraffic: boolean;
  readonly rangeText: string;
  /** Whether the value at `step` (undefined = whole range) is Prometheus's +Inf clamp. */
  readonly clampedAt: (step?: number) => boolean;
}

function pickValue(
  statistic: LatencyStatistic,
  label: string,
  perStep: Float64Array,
  overRange: number,
  mode: ValueOverRange,
  ctx: PickContext,
): TileValue {
  const base = { statistic, label, perStep };
  if (ctx.noTraffic) {
    return {
      ...base,
      value: NaN,
      clamped: false,
      reason: 'no traffic',
      explanation: `No observations in ${ctx.span}: the +Inf bucket rate is 0 at every step.`,
    };
  }
  if (mode === 'range') {
    const clamped = ctx.clampedAt();
    return {
      ...base,
      value: overRange,
      clamped,
      explanation: `${label} = ${ctx.rangeText}.${clampNote(clamped, ctx.group)}`,
    };
  }
  if (mode === 'last') {
    const step = lastFiniteStep(perStep);
    if (step < 0) {
      return {
        ...base,
        value: NaN,
        clamped: false,
        reason: 'no value',
        explanation: `${label} is undefined at every step of ${ctx.span}.`,
      };
    }
    const skipped = perStep.length - 1 - step;
    const clamped = ctx.clampedAt(step);
    const when = `at ${time(ctx.group.timestamps[step])}, the last step with a value${skipped > 0 ? ` (${skipped} later steps had none)` : ''}`;
    return { ...base, value: perStep[step], clamped, explanation: `${label} ${when}.${clampNote(clamped, ctx.group)}` };
  }
  const { mean, used } = meanOfFinite(perStep);
  const skipped = perStep.length - used;
  return {
    ...base,
    value: mean,
    clamped: false,
    reason: used === 0 ? 'no value' : undefined,
    explanation: `${label} = average of the ${used} per-step values over ${ctx.span}${skipped > 0 ? ` (${skipped} steps without a value skipped)` : ''}. Not a ${label} of the range: steps are weighted equally, whatever their traffic.`,
  };
}

function clampNote(clamped: boolean, group: HistogramGroup): string {
  if (!clamped) return '';
  const finite = group.bounds.filter((b) => Number.isFinite(b));
  const top = finite[finite.length - 1];
  return ` The rank falls in the +Inf bucket, so like Prometheus this shows the highest finite bound (${top}): the true value is at least that.`;
}

/** SLO attainment over the same window as the tiles (the whole range, or the last step for `last`). */
export function groupSlo(
  group: HistogramGroup,
  slo: LatencySlo,
  mode: ValueOverRange,
  format: FormatOptions,
  range: RangeHistogram = rangeHistogram(group),
): SloValue {
  const thresholdIsBound = isBucketBound(slo.threshold, group.bounds);
  let attainment: number;
  let window: string;
  const steps = group.timestamps.length;
  if (mode === 'last') {
    let step = steps - 1;
    let at = step >= 0 ? stepCumulative(group, step) : undefined;
    while (step >= 0 && at && !(at.n >= 2 && at.counts[at.n - 1] > 0)) {
      step--;
      at = step >= 0 ? stepCumulative(group, step) : undefined;
    }
    attainment = at && step >= 0 ? attainmentOfPrepared(slo.threshold, at.bounds, at.counts, at.n) : NaN;
    window = step >= 0 ? `at ${time(group.timestamps[step])} (last step with traffic)` : 'at the last step';
  } else {
    attainment = attainmentOfPrepared(slo.threshold, range.bounds, range.counts.slice(), range.n);
    window =
      steps > 0 ? `over ${time(group.timestamps[0])} – ${time(group.timestamps[steps - 1])} (whole-range buckets)` : '';
  }
  const thresholdText = formatValue(slo.threshold, format);
  const how = thresholdIsBound
    ? `cumulative count at le=${slo.threshold} / +Inf count`
    : `interpolated inside the bucket that holds ${slo.threshold} (not a bucket bound, so this is an estimate)`;
  return {
    slo,
    attainment,
    met: attainment >= slo.target,
    thresholdIsBound,
    explanation: `Share of observations ≤ ${thresholdText} ${window}: ${how}. Target ${Number((slo.target * 100).toPrecision(6))}%.`,
  };
}
