// Query results → what the Latency Quad shows: one row per histogram group (tiles + SLO), sorted worst-first,
// or one of the explained states (no samples, not a histogram). Pure and computed once per data/spec change.

import { groupBucketSeries, HistogramGroup } from '../../model/histogram';
import { groupSlo, groupTiles, rangeHistogram, SloValue, TileValue } from './group-statistics';
import { LatencyQuadSpec, statisticKey } from './latency-quad-model';
import { groupMean, PlainSeries } from './mean-series';
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

export interface QueryResultLike {
  readonly data: { readonly series: ReadonlyArray<PlainSeries> };
}

const EXAMPLE_QUERY =
  'sum by (le) (rate(vllm:e2e_request_latency_seconds_bucket[$__rate_interval])) or sum(rate(vllm:e2e_request_latency_seconds_sum[$__rate_interval]))';

// `metric{a="b"}` as Prometheus prints a series, so users recognise which one is meant.
const labelText = (labels: Readonly<Record<string, string>> | undefined) =>
  `${labels?.__name__ ?? ''}{${Object.entries(labels ?? {})
    .filter(([name]) => name !== '__name__')
    .map(([name, value]) => `${name}="${value}"`)
    .join(', ')}}`;

/** Why a group's buckets give no number at all, or undefined when they are usable. */
function bucketProblem(group: HistogramGroup): string | undefined {
  if (group.bounds.length === 0) {
    return `No bucket bound could be read (le = ${group.ignoredLe.map((le) => JSON.stringify(le)).join(', ')}); le must be a number or +Inf.`;
  }
  if (group.bounds[group.bounds.length - 1] !== Infinity) {
    return `The buckets have no le="+Inf": without the total count no quantile exists (Prometheus returns NaN). Keep all buckets in the query; do not filter on le.`;
  }
  if (group.bounds.length < 2) {
    return 'Only the +Inf bucket is present: a quantile needs at least two bucket bounds.';
  }
  for (let i = 0; i < group.counts.length; i++) {
    if (group.present[i] && !Number.isFinite(group.counts[i])) {
      return 'Some bucket samples are NaN or ±Inf (often a division in the query), so no number would be right. Query bucket rates directly: sum by (le) (rate(…_bucket[$__rate_interval])).';
    }
  }
  return undefined;
}

function hasSamples(series: PlainSeries): boolean {
  return series.values.some(([, v]) => v !== null);
}

export function buildQuadViewModel(results: ReadonlyArray<QueryResultLike>, spec: LatencyQuadSpec): QuadViewModel {
  const warnings: string[] = [];
  const rows: QuadRow[] = [];
  let sawSamples = false;
  let sawBuckets = false;
  const plainWithoutMatch: PlainSeries[] = [];
  results.forEach((result, queryIndex) => {
    const series = result.data.series.filter(hasSamples);
    if (series.length === 0) return;
    sawSamples = true;
    // Grouped per query so two queries with the same labels are never merged into one histogram.
    const { groups, plain } = groupBucketSeries(series);
    if (groups.length > 0) sawBuckets = true;
    const meansByKey = new Map<string, PlainSeries[]>();
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
        warnings.push(
          `${name || 'histogram'}: ignored buckets with unreadable le ${group.ignoredLe.map((le) => JSON.stringify(le)).join(', ')}.`,
        );
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
          : {
              missing:
                candidates.length === 0
                  ? `No series without le has the labels ${labelText(group.labels)}, so there is no mean. Add the _sum rate with the same grouping: … or sum${Object.keys(group.labels).length ? ` by (${Object.keys(group.labels).sort().join(', ')})` : ''} (rate(…_sum[$__rate_interval])).`
                  : `${candidates.length} series without le have the labels ${labelText(group.labels)}; the mean needs exactly one.`,
            };
      const range = rangeHistogram(group);
      rows.push({
        key,
        name,
        timestamps: group.timestamps,
        tiles: groupTiles({ group, range, spec, mean }),
        slo: spec.slo ? groupSlo(group, spec.slo, spec.valueOverRange, spec.format, range) : undefined,
      });
    }
  });
  if (!sawSamples) return { state: 'no-data', message: 'No samples in the selected time range.' };
  if (!sawBuckets) {
    const example = plainWithoutMatch
      .slice(0, 2)
      .map((s) => labelText(s.labels))
      .join(', ');
    return {
      state: 'not-histogram',
      message: `The query returned no le label (series ${example}${plainWithoutMatch.length > 2 ? ', …' : ''}). The Latency Quad needs histogram bucket rates grouped by le, optionally with the _sum rate for the mean, e.g. ${EXAMPLE_QUERY}`,
    };
  }
  for (const p of plainWithoutMatch) {
    warnings.push(
      `Ignored ${labelText(p.labels)}: it has no le and no histogram has the same labels, so it cannot be a mean. Group it by the same labels as the buckets.`,
    );
  }
  sortWorstFirst(rows, spec);
  return { state: 'rows', rows, warnings };
}

function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>> | undefined): boolean {
  const bNames = Object.keys(b ?? {}).filter((name) => name !== '__name__');
  const aNames = Object.keys(a);
  return aNames.length === bNames.length && aNames.every((name) => b?.[name] === a[name]);
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
