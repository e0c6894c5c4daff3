// Small, obvious reference computations straight from the generated data, written apart from src/model so a
// mistake there is not repeated here. Prometheus's histogram_quantile (promql/quantile.go, bucketQuantile) for
// ascending cumulative buckets with positive bounds and a final +Inf bucket.

export function referenceQuantile(q: number, bounds: number[], cumulative: number[]): number {
  const total = cumulative[cumulative.length - 1];
  if (!(total > 0)) return NaN;
  const rank = q * total;
  let b = 0;
  while (b < cumulative.length - 1 && cumulative[b] < rank) b++;
  // Ranked into +Inf: Prometheus answers the highest finite bound.
  if (b === cumulative.length - 1) return bounds[bounds.length - 1];
  const start = b === 0 ? 0 : bounds[b - 1];
  const below = b === 0 ? 0 : cumulative[b - 1];
  return start + (bounds[b] - start) * ((rank - below) / (cumulative[b] - below));
}

/** Element-wise sum of the per-step cumulative counts: the whole-range histogram. */
export function sumOverSteps(cumulative: number[][]): number[] {
  return cumulative[0].map((_, b) => cumulative.reduce((acc, row) => acc + row[b], 0));
}

/** Σ _sum / Σ +Inf over the steps that have a _sum sample and traffic. */
export function referenceMean(sums: Array<number | null>, cumulative: number[][]): number {
  let sum = 0;
  let count = 0;
  sums.forEach((s, i) => {
    const total = cumulative[i][cumulative[i].length - 1];
    if (s === null || !(total > 0)) return;
    sum += s;
    count += total;
  });
  return count > 0 ? sum / count : NaN;
}

export const close = (a: number, b: number) =>
  (Number.isNaN(a) && Number.isNaN(b)) || a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
