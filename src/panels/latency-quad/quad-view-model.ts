// Query results → what the Latency Quad shows: one row per histogram group (tiles + SLO), sorted worst-first,
// or one of the explained states (no samples, not a histogram). Pure and computed once per data/spec change.

import {
  groupBucketSeries,
  groupMean,
  hasNegativeSample,
  hasNonFiniteSample,
  HistogramGroup,
  SeriesLike,
  wholeRangeHistogram,
} from '../../model/histogram';
import { labelValue } from '../../model/series';
import { groupSlo, groupTiles, SloValue, StepTimeFormat, TileValue, utcStepTime } from './group-statistics';
import { LatencyQuadSpec, statisticKey } from './latency-quad-spec';
import {
  ignoredLe,
  ignoredPlainSeries,
  missingMean,
  negativeBucket,
  NO_SAMPLES,
  noInfBucket,
  nonFiniteSample,
  noReadableBound,
  notHistogram,
  onlyInfBucket,
} from './quad-messages';
import { formatRowName } from './row-name';

export interface QuadRow {
  readonly key: string;
  readonly name: string;
  readonly timestamps: Float64Array;
  /** Set when the buckets cannot give any number; the tiles are then omitted. */
  readonly problem?: string;
  readonly tiles: TileValue[];
  readonly slo?: SloValue;
}

export type QuadViewModel =
  | { readonly state: 'no-data'; readonly message: string }
  | { readonly state: 'not-histogram'; readonly message: string }
  | { readonly state: 'rows'; readonly rows: QuadRow[]; readonly warnings: string[] };

/** One entry of the panel's query results, reduced to what the Latency Quad reads. */
export interface LatencyQuadQueryResult {
  readonly data: { readonly series: ReadonlyArray<SeriesLike> };
}

/** Why a group's buckets give no number at all, or undefined when they are usable. */
function bucketProblem(group: HistogramGroup): string | undefined {
  if (group.bounds.length === 0) return noReadableBound(group.ignoredLe);
  if (group.bounds[group.bounds.length - 1] !== Infinity) return noInfBucket;
  if (group.bounds.length < 2) return onlyInfBucket;
  if (hasNonFiniteSample(group)) return nonFiniteSample;
  if (hasNegativeSample(group)) return negativeBucket;
  return undefined;
}

function hasSamples(series: SeriesLike): boolean {
  return series.values.some(([, v]) => v !== null);
}

export function buildQuadViewModel(
  results: ReadonlyArray<LatencyQuadQueryResult>,
  spec: LatencyQuadSpec,
  time: StepTimeFormat = utcStepTime,
): QuadViewModel {
  const warnings: string[] = [];
  const rows: QuadRow[] = [];
  let sawSamples = false;
  let sawBuckets = false;
  const plainWithoutMatch: SeriesLike[] = [];
  results.forEach((result, queryIndex) => {
    const series = result.data.series.filter(hasSamples);
    if (series.length === 0) return;
    sawSamples = true;
    // Grouped per query so two queries with the same labels are never merged into one histogram.
    const { groups, plain } = groupBucketSeries(series);
    if (groups.length > 0) sawBuckets = true;
    const meansByKey = new Map<string, SeriesLike[]>();
    for (const p of plain) {
      const key = groups.find((g) => sameLabels(g.labels, p.labels))?.key;
      if (key === undefined) plainWithoutMatch.push(p);
      else meansByKey.set(key, [...(meansByKey.get(key) ?? []), p]);
    }
    for (const group of groups) {
      const prefix = results.length > 1 ? `query ${queryIndex + 1}` : '';
      const labelName = formatRowName(group.labels, spec.groups?.nameFormat);
      const name = [prefix, labelName].filter(Boolean).join(' · ');
      if (group.ignoredLe.length > 0) {
        warnings.push(ignoredLe(name, group.ignoredLe));
      }
      const problem = bucketProblem(group);
      const key = `${queryIndex}|${group.key}`;
      if (problem) {
        rows.push({ key, name, timestamps: group.timestamps, problem, tiles: [] });
        continue;
      }
      const candidates = meansByKey.get(group.key) ?? [];
      const mean =
        candidates.length === 1
          ? groupMean(group, candidates[0], spec.meanInput)
          : { missing: missingMean(group.labels, candidates.length) };
      const range = wholeRangeHistogram(group);
      rows.push({
        key,
        name,
        timestamps: group.timestamps,
        tiles: groupTiles({ group, range, spec, mean, time }),
        slo: spec.slo
          ? groupSlo({ group, slo: spec.slo, mode: spec.valueOverRange, format: spec.format, range, time })
          : undefined,
      });
    }
  });
  if (!sawSamples) return { state: 'no-data', message: NO_SAMPLES };
  if (!sawBuckets) return { state: 'not-histogram', message: notHistogram(plainWithoutMatch) };
  for (const p of plainWithoutMatch) warnings.push(ignoredPlainSeries(p.labels));
  sortWorstFirst(rows, spec);
  return { state: 'rows', rows, warnings };
}

function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>> | undefined): boolean {
  const bNames = Object.keys(b ?? {}).filter((name) => name !== '__name__');
  const aNames = Object.keys(a);
  return aNames.length === bNames.length && aNames.every((name) => labelValue(b, name) === labelValue(a, name));
}

/** Default sort statistic: the highest quantile shown (the tail is what "worst" means for latency), else the mean. */
function sortKey(spec: LatencyQuadSpec): 'mean' | number {
  if (spec.groups?.sortBy !== undefined) return spec.groups.sortBy;
  const quantiles = spec.statistics.flatMap((s) => (s.kind === 'quantile' ? [s.quantile] : []));
  return quantiles.length > 0 ? Math.max(...quantiles) : 'mean';
}

function sortWorstFirst(rows: QuadRow[], spec: LatencyQuadSpec): void {
  const by = sortKey(spec);
  const valueOf = (row: QuadRow) => {
    const tile = row.tiles.find((t) => statisticKey(t.statistic) === by);
    return tile && Number.isFinite(tile.value) ? tile.value : -Infinity;
  };
  // Stable: equal values keep query order; rows without a number (problems, no traffic) go last.
  rows.sort((a, b) => valueOf(b) - valueOf(a) || (a.problem ? 1 : 0) - (b.problem ? 1 : 0));
}
