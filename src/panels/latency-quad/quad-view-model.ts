// Query results → what the Latency Quad shows: one row per histogram group (tiles + SLO), sorted worst-first,
// or one of the explained states (no samples, not a histogram). Pure and computed once per data/spec change.

import {
  groupBucketSeries,
  groupKey,
  groupMean,
  hasNegativeSample,
  hasNonFiniteSample,
  HistogramGroup,
  SeriesLike,
  wholeRangeHistogram,
} from '../../model/histogram';
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
  // Groups of one result share their first and last step: each distinct time is formatted once, not per row.
  time = memoTime(time);
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
    // A plain series is a group's mean when it carries exactly the group's labels: the same canonical key.
    const groupKeys = new Set(groups.map((g) => g.key));
    const meansByKey = new Map<string, SeriesLike[]>();
    for (const p of plain) {
      const key = groupKey(p.labels);
      if (!groupKeys.has(key)) plainWithoutMatch.push(p);
      else {
        const list = meansByKey.get(key);
        if (list) list.push(p);
        else meansByKey.set(key, [p]);
      }
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

function memoTime(time: StepTimeFormat): StepTimeFormat {
  const seen = new Map<number, string>();
  return (ms) => {
    let text = seen.get(ms);
    if (text === undefined) seen.set(ms, (text = time(ms)));
    return text;
  };
}

/** Default sort statistic: the highest quantile shown (the tail is what "worst" means for latency), else the mean. */
function sortKey(spec: LatencyQuadSpec): 'mean' | number {
  if (spec.groups?.sortBy !== undefined) return spec.groups.sortBy;
  const quantiles = spec.statistics.flatMap((s) => (s.kind === 'quantile' ? [s.quantile] : []));
  return quantiles.length > 0 ? Math.max(...quantiles) : 'mean';
}

function sortWorstFirst(rows: QuadRow[], spec: LatencyQuadSpec): void {
  const by = sortKey(spec);
  const values = new Map<QuadRow, number>();
  for (const row of rows) {
    const tile = row.tiles.find((t) => statisticKey(t.statistic) === by);
    values.set(row, tile && Number.isFinite(tile.value) ? tile.value : -Infinity);
  }
  const valueOf = (row: QuadRow) => values.get(row)!;
  // Stable: equal values keep query order; rows without a number (problems, no traffic) go last.
  rows.sort((a, b) => valueOf(b) - valueOf(a) || (a.problem ? 1 : 0) - (b.problem ? 1 : 0));
}
