// Query results → what the Histogram Heatmap draws: one histogram per label set (small multiples), each with its
// bucket rows, per-step cells, quantile lines, and the whole-range distribution; or an explained state. Every
// number comes from src/model (the Prometheus-checked functions); this file picks and labels them.

import { FormatOptions, formatValue } from '@perses-dev/core';

import {
  attainmentOfHistogram,
  bucketPartsOverRange,
  bucketPartsPerStep,
  groupBucketSeries,
  hasNonFiniteSample,
  HistogramGroup,
  isBucketBound,
  quantileIsClamped,
  quantileOfHistogram,
  quantilesPerStep,
  SeriesLike,
  wholeRangeHistogram,
} from '../../model/histogram';
import {
  ignoredLe,
  ignoredPlain,
  nanBound,
  NO_SAMPLES,
  noInfBucket,
  nonFiniteSample,
  noReadableBound,
  notHistogram,
  noTraffic,
  onlyInfBucket,
} from './heatmap-messages';
import { HeatmapSlo, HistogramHeatmapSpec, quantileLabel } from './histogram-heatmap-spec';

export interface BucketRow {
  /** The bucket's upper bound (+Inf for the last row). */
  readonly upper: number;
  /** "≤ 0.5 s", or "> 10 s" for the +Inf bucket. */
  readonly label: string;
  /** "0.25 s – 0.5 s": the bucket's range, for tooltips. */
  readonly range: string;
}

export interface QuantileLine {
  readonly q: number;
  readonly label: string;
  /** histogram_quantile(q) per step, NaN where Prometheus has no number. */
  readonly values: Float64Array;
}

export interface QuantileMarker {
  readonly q: number;
  readonly label: string;
  readonly value: number;
  /** Ranked in the +Inf bucket: Prometheus shows the highest finite bound, a lower bound. */
  readonly clamped: boolean;
}

export interface SloMarker {
  readonly slo: HeatmapSlo;
  /** Share of the range's observations ≤ threshold (NaN when undefined). */
  readonly attainment: number;
  readonly met: boolean;
  readonly thresholdIsBound: boolean;
}

export interface Distribution {
  /** Each bucket's share of the range's observations, in row order. */
  readonly shares: Float64Array;
  /** Running sum of `shares` (the cumulative line). */
  readonly cumulative: Float64Array;
  /** Observations per bucket over the range: bucket values summed over steps × step length. */
  readonly counts: Float64Array;
  readonly total: number;
  readonly markers: QuantileMarker[];
  readonly slo?: SloMarker;
}

export interface HeatmapHistogram {
  readonly key: string;
  readonly name: string;
  /** Set when the buckets cannot be drawn; nothing else is then filled in. */
  readonly problem?: string;
  readonly bounds: Float64Array;
  readonly rows: BucketRow[];
  readonly timestamps: Float64Array;
  /** Seconds between steps (NaN with a single step). */
  readonly stepSeconds: number;
  /** Row-major steps × rows, per `spec.cellValue`; NaN = blank (a step without all buckets or without traffic). */
  readonly cells: Float64Array;
  readonly shares: Float64Array;
  /** Observations per step in each bucket (the part × step length). */
  readonly counts: Float64Array;
  /** Largest finite cell (the colour scale's top). */
  readonly maxCell: number;
  readonly lines: QuantileLine[];
  readonly distribution?: Distribution;
}

export type HeatmapViewModel =
  | { readonly state: 'no-data' | 'not-histogram'; readonly message: string }
  | { readonly state: 'histograms'; readonly histograms: HeatmapHistogram[]; readonly warnings: string[] };

export interface HeatmapQueryResult {
  readonly data: { readonly series: ReadonlyArray<SeriesLike> };
}

function bucketProblem(group: HistogramGroup): string | undefined {
  if (group.bounds.length === 0) return noReadableBound(group.ignoredLe);
  if (group.byLabel || group.bounds.some((b) => Number.isNaN(b))) return nanBound;
  if (group.bounds[group.bounds.length - 1] !== Infinity) return noInfBucket;
  if (group.bounds.length < 2) return onlyInfBucket;
  if (hasNonFiniteSample(group)) return nonFiniteSample;
  return undefined;
}

function groupName(labels: Readonly<Record<string, string>>): string {
  return Object.keys(labels)
    .sort()
    .map((name) => `${name}="${labels[name]}"`)
    .join(', ');
}

/** The shortest gap between consecutive steps, in seconds (the query's step). */
function stepSecondsOf(timestamps: Float64Array): number {
  let step = Infinity;
  for (let i = 1; i < timestamps.length; i++) step = Math.min(step, timestamps[i] - timestamps[i - 1]);
  return Number.isFinite(step) && step > 0 ? step / 1000 : NaN;
}

export function bucketRows(bounds: Float64Array, format: FormatOptions): BucketRow[] {
  const text = (v: number) => formatValue(v, format);
  const rows: BucketRow[] = [];
  for (let i = 0; i < bounds.length; i++) {
    const upper = bounds[i];
    const lower = i > 0 ? bounds[i - 1] : undefined;
    if (upper === Infinity) {
      const top = text(bounds[i - 1]);
      rows.push({ upper, label: `> ${top}`, range: `> ${top}` });
    } else {
      rows.push({
        upper,
        label: `≤ ${text(upper)}`,
        range: lower === undefined ? `≤ ${text(upper)}` : `${text(lower)} – ${text(upper)}`,
      });
    }
  }
  return rows;
}

function distributionOf(group: HistogramGroup, spec: HistogramHeatmapSpec, stepSeconds: number): Distribution {
  const { parts, total } = bucketPartsOverRange(group);
  const shares = parts.map((p) => (total > 0 ? p / total : NaN));
  // Cumulative count over the total (not a sum of rounded shares), so the line ends at exactly 100 %.
  const cumulative = new Float64Array(parts.length);
  let below = 0;
  for (let i = 0; i < parts.length; i++) {
    below += parts[i];
    cumulative[i] = total > 0 ? below / total : NaN;
  }
  const range = wholeRangeHistogram(group);
  const markers = spec.quantiles.map((q) => ({
    q,
    label: quantileLabel(q),
    value: quantileOfHistogram(range, q),
    clamped: quantileIsClamped(range, q),
  }));
  let slo: SloMarker | undefined;
  if (spec.slo) {
    const attainment = attainmentOfHistogram(range, spec.slo.threshold);
    slo = {
      slo: spec.slo,
      attainment,
      met: attainment >= spec.slo.target,
      thresholdIsBound: isBucketBound(spec.slo.threshold, range.bounds.subarray(0, range.n)),
    };
  }
  return { shares, cumulative, counts: parts.map((p) => p * stepSeconds), total, markers, slo };
}

function histogramOf(key: string, name: string, group: HistogramGroup, spec: HistogramHeatmapSpec): HeatmapHistogram {
  const { bounds, timestamps } = group;
  const stepSeconds = stepSecondsOf(timestamps);
  const { parts, totals } = bucketPartsPerStep(group);
  const width = bounds.length;
  const shares = new Float64Array(parts.length).fill(NaN);
  const counts = new Float64Array(parts.length).fill(NaN);
  const cells = new Float64Array(parts.length).fill(NaN);
  let maxCell = 0;
  for (let step = 0, base = 0; step < timestamps.length; step++, base += width) {
    // A step without observations is blank, not zero: there is no distribution to show there.
    if (!(totals[step] > 0)) continue;
    for (let slot = 0; slot < width; slot++) {
      const cell = base + slot;
      shares[cell] = parts[cell] / totals[step];
      counts[cell] = parts[cell] * stepSeconds;
      cells[cell] = spec.cellValue === 'share' ? shares[cell] : spec.cellValue === 'rate' ? parts[cell] : counts[cell];
      if (cells[cell] > maxCell) maxCell = cells[cell];
    }
  }
  const perStep = quantilesPerStep(group, spec.quantiles);
  const lines = spec.quantiles.map((q, k) => ({ q, label: quantileLabel(q), values: perStep[k] }));
  return {
    key,
    name,
    bounds,
    rows: bucketRows(bounds, spec.format),
    timestamps,
    stepSeconds,
    cells,
    shares,
    counts,
    maxCell,
    lines,
    distribution: distributionOf(group, spec, stepSeconds),
  };
}

function problemOnly(key: string, name: string, problem: string): HeatmapHistogram {
  const empty = new Float64Array(0);
  return {
    key,
    name,
    problem,
    bounds: empty,
    rows: [],
    timestamps: empty,
    stepSeconds: NaN,
    cells: empty,
    shares: empty,
    counts: empty,
    maxCell: 0,
    lines: [],
  };
}

function hasSamples(series: SeriesLike): boolean {
  return series.values.some(([, v]) => v !== null);
}

export function buildHeatmapViewModel(
  results: ReadonlyArray<HeatmapQueryResult>,
  spec: HistogramHeatmapSpec,
): HeatmapViewModel {
  const warnings: string[] = [];
  const histograms: HeatmapHistogram[] = [];
  const plain: SeriesLike[] = [];
  let sawSamples = false;
  results.forEach((result, queryIndex) => {
    const series = result.data.series.filter(hasSamples);
    if (series.length === 0) return;
    sawSamples = true;
    // Grouped per query so two queries with the same labels are never merged into one histogram.
    const grouped = groupBucketSeries(series);
    plain.push(...grouped.plain);
    for (const group of grouped.groups) {
      const prefix = results.length > 1 ? `query ${queryIndex + 1}` : '';
      const name = [prefix, groupName(group.labels)].filter(Boolean).join(' · ');
      const key = `${queryIndex}|${group.key}`;
      if (group.ignoredLe.length > 0) warnings.push(ignoredLe(name, group.ignoredLe));
      const problem = bucketProblem(group);
      if (problem) {
        histograms.push(problemOnly(key, name, problem));
        continue;
      }
      const histogram = histogramOf(key, name, group, spec);
      histograms.push(
        histogram.distribution && histogram.distribution.total > 0 ? histogram : problemOnly(key, name, noTraffic),
      );
    }
  });
  if (!sawSamples) return { state: 'no-data', message: NO_SAMPLES };
  if (histograms.length === 0) {
    const example = plain
      .slice(0, 2)
      .map((s) => JSON.stringify(s.labels ?? {}))
      .join(', ');
    return { state: 'not-histogram', message: notHistogram(example) };
  }
  if (plain.length > 0) warnings.push(ignoredPlain(plain.length));
  return { state: 'histograms', histograms, warnings };
}
