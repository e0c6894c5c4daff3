// One histogram group → the numbers on its tiles: each statistic over the range (as chosen by
// `valueOverRange`), its per-step series for the sparkline, and a sentence saying how it was computed. Every
// number comes from src/model (the Prometheus-checked functions); this file only picks which one to show.

import { FormatOptions, formatValue } from '@perses-dev/core';

import {
  attainmentOfHistogram,
  GroupMean,
  highestFiniteBound,
  histogramAtStep,
  HistogramGroup,
  isBucketBound,
  lastStepWithTraffic,
  MonotonicHistogram,
  quantileIsClamped,
  quantileOfHistogram,
  quantilesPerStep,
  totalOfHistogram,
} from '../../model/histogram';
import type { StepTimeFormat } from '../../shared/step-time';
import {
  LatencyQuadSpec,
  LatencySlo,
  LatencyStatistic,
  LatencyValueOverRange,
  statisticLabel,
} from './latency-quad-spec';
import {
  explainClamped,
  explainLastStep,
  explainMeanOfSteps,
  explainMeanOverRange,
  explainNonFiniteMean,
  explainNoTraffic,
  explainOverRange,
  explainQuantileOutside,
  explainQuantileOverRange,
  explainSlo,
  explainSloWindowLast,
  explainSloWindowRange,
  explainUndefinedEverywhere,
} from './quad-messages';

export type { StepTimeFormat };

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

/** UTC, ISO 8601 to the second: the default outside a panel (the panel passes the dashboard's time zone). */
export const utcStepTime: StepTimeFormat = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

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

function spanOf(group: HistogramGroup, time: StepTimeFormat): string {
  const steps = group.timestamps.length;
  return steps > 0 ? `${time(group.timestamps[0])} – ${time(group.timestamps[steps - 1])}` : '';
}

export interface GroupStatisticsInput {
  readonly group: HistogramGroup;
  /** The group's whole-range histogram (computed once per group, shared with the SLO). */
  readonly range: MonotonicHistogram;
  readonly spec: LatencyQuadSpec;
  /** The group's mean series, or why it has none. */
  readonly mean: GroupMean | { missing: string };
  readonly time?: StepTimeFormat;
}

/** Tiles in the order of `spec.statistics`. */
export function groupTiles({ group, range, spec, mean, time = utcStepTime }: GroupStatisticsInput): TileValue[] {
  const quantiles = spec.statistics.flatMap((s) => (s.kind === 'quantile' ? [s.quantile] : []));
  // Per-step quantiles feed sparklines (and the value only in `last`/`mean` modes): computed, for all tiles at
  // once, the first time a tile asks — a row sorted off screen in `range` mode never does.
  let perStepCache: Float64Array[] | undefined;
  const perStepOf = (k: number) => () => (perStepCache ??= quantilesPerStep(group, quantiles))[k];
  const span = spanOf(group, time);
  const noTraffic = !(totalOfHistogram(range) > 0);
  const context = { group, span, noTraffic, time };
  let k = 0;
  return spec.statistics.map((statistic) => {
    const label = statisticLabel(statistic);
    if (statistic.kind === 'mean') {
      if ('missing' in mean) {
        return { statistic, label, value: NaN, clamped: false, reason: 'no mean series', explanation: mean.missing };
      }
      if (mean.nonFiniteAt !== undefined) {
        const explanation = explainNonFiniteMean(time(mean.nonFiniteAt));
        return { statistic, label, value: NaN, clamped: false, reason: 'NaN in data', explanation };
      }
      return pickValue(statistic, label, () => mean.perStep, mean.overRange, spec.valueOverRange, {
        ...context,
        rangeText: explainMeanOverRange(spec.meanInput, mean.usedSteps, span),
        clampedAt: () => false,
      });
    }
    const q = statistic.quantile;
    if (!(q > 0 && q < 1)) {
      k++;
      return {
        statistic,
        label,
        value: NaN,
        clamped: false,
        reason: 'quantile outside (0, 1)',
        explanation: explainQuantileOutside(q),
      };
    }
    return pickValue(statistic, label, perStepOf(k++), quantileOfHistogram(range, q), spec.valueOverRange, {
      ...context,
      rangeText: explainQuantileOverRange(q, group.timestamps.length, span),
      clampedAt: (step) => quantileIsClamped(step === undefined ? range : histogramAtStep(group, step), q),
    });
  });
}

interface PickContext {
  readonly group: HistogramGroup;
  readonly span: string;
  readonly noTraffic: boolean;
  readonly rangeText: string;
  readonly time: StepTimeFormat;
  /** Whether the value at `step` (undefined = whole range) is Prometheus's +Inf clamp. */
  readonly clampedAt: (step?: number) => boolean;
}

function pickValue(
  statistic: LatencyStatistic,
  label: string,
  perStepOf: () => Float64Array,
  overRange: number,
  mode: LatencyValueOverRange,
  ctx: PickContext,
): TileValue {
  return withPerStep(pickWithoutSeries(statistic, label, perStepOf, overRange, mode, ctx), perStepOf);
}

/** `tile.perStep`, computed on first read and kept. */
function withPerStep(tile: Omit<TileValue, 'perStep'>, perStepOf: () => Float64Array): TileValue {
  let cached: Float64Array | undefined;
  return Object.defineProperty(tile, 'perStep', { enumerable: true, get: () => (cached ??= perStepOf()) });
}

function pickWithoutSeries(
  statistic: LatencyStatistic,
  label: string,
  perStepOf: () => Float64Array,
  overRange: number,
  mode: LatencyValueOverRange,
  ctx: PickContext,
): Omit<TileValue, 'perStep'> {
  const base = { statistic, label };
  if (ctx.noTraffic) {
    return { ...base, value: NaN, clamped: false, reason: 'no traffic', explanation: explainNoTraffic(ctx.span) };
  }
  if (mode === 'range') {
    const clamped = ctx.clampedAt();
    const explanation = explainOverRange(label, ctx.rangeText) + clampNote(clamped, ctx.group);
    return { ...base, value: overRange, clamped, explanation };
  }
  const perStep = perStepOf();
  if (mode === 'last') {
    const step = lastFiniteStep(perStep);
    if (step < 0) {
      const explanation = explainUndefinedEverywhere(label, ctx.span);
      return { ...base, value: NaN, clamped: false, reason: 'no value', explanation };
    }
    const clamped = ctx.clampedAt(step);
    const skipped = perStep.length - 1 - step;
    const explanation =
      explainLastStep(label, ctx.time(ctx.group.timestamps[step]), skipped) + clampNote(clamped, ctx.group);
    return { ...base, value: perStep[step], clamped, explanation };
  }
  const { mean, used } = meanOfFinite(perStep);
  return {
    ...base,
    value: mean,
    clamped: false,
    reason: used === 0 ? 'no value' : undefined,
    explanation: explainMeanOfSteps(label, used, ctx.span, perStep.length - used),
  };
}

function clampNote(clamped: boolean, group: HistogramGroup): string {
  return clamped ? explainClamped(highestFiniteBound(group)) : '';
}

export interface GroupSloInput {
  readonly group: HistogramGroup;
  readonly slo: LatencySlo;
  readonly mode: LatencyValueOverRange;
  readonly format: FormatOptions;
  readonly range: MonotonicHistogram;
  readonly time?: StepTimeFormat;
}

/** SLO attainment over the same window as the tiles (the whole range, or the last step with traffic for `last`). */
export function groupSlo({ group, slo, mode, format, range, time = utcStepTime }: GroupSloInput): SloValue {
  const thresholdIsBound = isBucketBound(slo.threshold, group.bounds);
  let attainment: number;
  let window: string;
  if (mode === 'last') {
    const step = lastStepWithTraffic(group);
    attainment = step >= 0 ? attainmentOfHistogram(histogramAtStep(group, step), slo.threshold) : NaN;
    window = explainSloWindowLast(step >= 0 ? time(group.timestamps[step]) : undefined);
  } else {
    attainment = attainmentOfHistogram(range, slo.threshold);
    window = explainSloWindowRange(spanOf(group, time));
  }
  return {
    slo,
    attainment,
    met: attainment >= slo.target,
    thresholdIsBound,
    explanation: explainSlo(formatValue(slo.threshold, format), window, slo.threshold, thresholdIsBound, slo.target),
  };
}
