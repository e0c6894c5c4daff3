// Realistic vLLM histogram query results for tests and the benchmark: bucket rates on the real default bucket
// layouts (vllm/v1/metrics/buckets.py), from a log-normal latency distribution and a request rate that moves
// over the range, shaped exactly like Perses TimeSeriesData from a PrometheusTimeSeriesQuery.

import { TimeSeries, TimeSeriesData } from '@perses-dev/core';

// The one catalogue of vLLM's metrics (bucket layouts included) that the stand-in fleet and the test history use.
import { BUCKETS } from '../../../percli-scripts/stack/vllm-metrics';

/** `request_latency` family: e2e, queue, prefill, decode and inference time (seconds). */
export const REQUEST_LATENCY_BOUNDS: readonly number[] = BUCKETS.requestLatency;
/** `ttft` family: vllm:time_to_first_token_seconds. */
export const TTFT_BOUNDS: readonly number[] = BUCKETS.ttft;
/** `itl` family: vllm:inter_token_latency_seconds. */
export const ITL_BOUNDS: readonly number[] = BUCKETS.itl;

export interface HistogramFixture {
  bounds: readonly number[];
  labels?: Record<string, string>;
  /** Median latency and log-normal spread. */
  median: number;
  sigma: number;
  /** Requests per second on average; varies ±30 % over the range. */
  requestRate: number;
  steps: number;
  startMs?: number;
  stepMs?: number;
  /** Also emit the `_sum` rate series (labels without le), as `… or sum(rate(X_sum[…]))` does. */
  withSum?: boolean;
  /** Steps (indices) at which there is no traffic: every bucket rate is 0 and the _sum rate too. */
  idleSteps?: ReadonlySet<number>;
}

// Abramowitz–Stegun 7.1.26; 1.5e-7 absolute error is far below what the tests compare.
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return sign * y;
}

export function lognormalCdf(x: number, median: number, sigma: number): number {
  return 0.5 * (1 + erf(Math.log(x / median) / (sigma * Math.SQRT2)));
}

/** Go's FormatFloat(b, 'f', -1) for the bounds used here, i.e. how Prometheus prints `le`. */
const leText = (bound: number) => (bound === Infinity ? '+Inf' : String(bound));

export const FIXTURE_START_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

export function histogramSeries(f: HistogramFixture): TimeSeries[] {
  const startMs = f.startMs ?? FIXTURE_START_MS;
  const stepMs = f.stepMs ?? 60_000;
  const bounds = [...f.bounds, Infinity];
  const rates = Array.from({ length: f.steps }, (_, i) =>
    f.idleSteps?.has(i) ? 0 : f.requestRate * (1 + 0.3 * Math.sin((2 * Math.PI * i) / Math.max(f.steps, 2))),
  );
  // The median drifts a little with load, as queueing does, so per-step quantiles differ from the range one.
  const medianAt = (i: number) => f.median * (1 + 0.2 * Math.sin((2 * Math.PI * i) / Math.max(f.steps, 2)));
  const labels = f.labels ?? {};
  const series: TimeSeries[] = bounds.map((bound) => ({
    name: `${JSON.stringify({ ...labels, le: leText(bound) })}`,
    labels: { ...labels, le: leText(bound) },
    values: rates.map((r, i) => [
      startMs + i * stepMs,
      bound === Infinity ? r : r * lognormalCdf(bound, medianAt(i), f.sigma),
    ]),
  }));
  if (f.withSum) {
    series.push({
      name: JSON.stringify(labels),
      labels: { ...labels },
      values: rates.map((r, i) => [startMs + i * stepMs, r * medianAt(i) * Math.exp((f.sigma * f.sigma) / 2)]),
    });
  }
  return series;
}

export function timeSeriesData(series: TimeSeries[], stepMs = 60_000): TimeSeriesData {
  return { stepMs, series };
}
