// The editor's one-line form of the statistics list: "mean, p50, p90, p99". Typing keeps order; per-statistic
// threshold overrides survive as long as the statistic stays in the list.

import { LatencyStatistic, statisticLabel } from './latency-quad-spec';

export function statisticsToText(statistics: readonly LatencyStatistic[]): string {
  return statistics.map(statisticLabel).join(', ');
}

export type ParsedStatistics = { ok: true; statistics: LatencyStatistic[] } | { ok: false; error: string };

/** Parses "mean, p50, p99.9"; keeps the thresholds of statistics already in `previous`. */
export function parseStatistics(text: string, previous: readonly LatencyStatistic[] = []): ParsedStatistics {
  const words = text
    .split(/[,\s]+/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  if (words.length === 0) return { ok: false, error: 'List at least one statistic, e.g. "mean, p50, p90, p99".' };
  const statistics: LatencyStatistic[] = [];
  const seen = new Set<string>();
  for (const word of words) {
    let next: LatencyStatistic;
    if (word === 'mean' || word === 'avg') next = { kind: 'mean' };
    else {
      const match = /^p(\d+(?:\.\d+)?)$/.exec(word);
      const percent = match ? Number(match[1]) : NaN;
      if (!(percent > 0 && percent < 100)) {
        return { ok: false, error: `"${word}" is not a statistic: use mean or pNN with 0 < NN < 100 (p50, p99.9).` };
      }
      next = { kind: 'quantile', quantile: Number((percent / 100).toPrecision(12)) };
    }
    const label = statisticLabel(next);
    if (seen.has(label)) return { ok: false, error: `${label} is listed twice.` };
    seen.add(label);
    const kept = previous.find((p) => statisticLabel(p) === label);
    statistics.push(kept?.thresholds ? { ...next, thresholds: kept.thresholds } : next);
  }
  return { ok: true, statistics };
}
