// Perses-shaped query results for a fleet of vLLM engines, as the Prometheus plugin hands them to a panel: one
// `TimeSeries` per instance, a `[timestamp ms, value]` tuple of two numbers per step that has a sample (the plugin
// maps Prometheus's pairs with parseValueTuple and leaves out steps without one: no nulls). Seeded, so every run
// and every implementation measured side by side sees the same numbers.
import { seededRandom } from '../../../percli-scripts/stack/prng';

export const FLEET_T0 = 1_764_380_000_000;

export interface FleetShape {
  instances: number;
  steps: number;
  /** Query resolution; 60 s = a day in 1,440 steps. */
  stepMs?: number;
  seed?: number;
}

/** The part of Perses's `TimeSeries` panels read, plus `name` as the plugin sets it. */
export interface FleetSeries {
  name: string;
  labels: Record<string, string>;
  values: Array<[number, number]>;
}

export interface FleetQueryResult {
  definition: {
    kind: 'TimeSeriesQuery';
    spec: { plugin: { kind: 'PrometheusTimeSeriesQuery'; spec: { query: string } } };
  };
  data: { stepMs: number; timeRange: { start: Date; end: Date }; series: FleetSeries[] };
}

export function podName(i: number): string {
  return `vllm-fleet-${String(i).padStart(4, '0')}-7c9d5f`;
}

export function timeSeriesQuery(query: string): FleetQueryResult['definition'] {
  return { kind: 'TimeSeriesQuery', spec: { plugin: { kind: 'PrometheusTimeSeriesQuery', spec: { query } } } };
}

/** One series per instance, labelled `pod`, with `valueAt(instance, step)` at each step (null = no sample there). */
export function fleetResult(
  query: string,
  { instances, steps, stepMs = 60_000 }: FleetShape,
  valueAt: (instance: number, step: number) => number | null,
): FleetQueryResult {
  const series: FleetSeries[] = [];
  for (let i = 0; i < instances; i++) {
    const pod = podName(i);
    const values: Array<[number, number]> = [];
    for (let s = 0; s < steps; s++) {
      const value = valueAt(i, s);
      if (value !== null) values.push([FLEET_T0 + s * stepMs, value]);
    }
    series.push({ name: `{pod="${pod}"}`, labels: { pod }, values });
  }
  return {
    definition: timeSeriesQuery(query),
    data: {
      stepMs,
      timeRange: { start: new Date(FLEET_T0), end: new Date(FLEET_T0 + (steps - 1) * stepMs) },
      series,
    },
  };
}

/** The gauge's three default role queries as the bundled dashboards write them (one series per pod). */
export const GAUGE_QUERIES = {
  kv: 'max by (pod) (vllm:kv_cache_usage_perc)',
  running: 'sum by (pod) (vllm:num_requests_running)',
  waiting: 'sum by (pod) (vllm:num_requests_waiting)',
} as const;

/**
 * KV usage, running and waiting for a fleet under uneven load: each pod drifts around its own load level, a few
 * hot pods queue, and one pod in fifty has a scrape gap (steps without a sample) for a stretch of the range.
 */
export function gaugeFleetResults(shape: FleetShape): FleetQueryResult[] {
  const random = seededRandom(shape.seed ?? 11);
  const load = Float64Array.from({ length: shape.instances }, () => 0.2 + 0.75 * random());
  const noise = () => random() - 0.5;
  const gap = (i: number, s: number) => i % 50 === 7 && s > shape.steps / 3 && s < shape.steps / 2;
  const kv = fleetResult(GAUGE_QUERIES.kv, shape, (i, s) =>
    gap(i, s) ? null : Math.min(1, Math.max(0, load[i] + 0.05 * Math.sin(s / 30 + i) + 0.02 * noise())),
  );
  const running = fleetResult(GAUGE_QUERIES.running, shape, (i, s) =>
    gap(i, s) ? null : Math.round(256 * load[i] * (0.9 + 0.2 * random())),
  );
  const waiting = fleetResult(GAUGE_QUERIES.waiting, shape, (i, s) =>
    gap(i, s) ? null : load[i] > 0.9 ? Math.round(20 * (load[i] - 0.9) * 20 * random()) : 0,
  );
  return [kv, running, waiting];
}
