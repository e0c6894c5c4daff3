// Realistic query results for the KV & queue tests: three vLLM pods of one deployment scraped every 15 s,
// shaped the way the Prometheus plugin hands them to a panel (labels without __name__ after `sum by (pod)`).
import { KvQueueRole } from './kv-queue-gauge-spec';

export const T0 = 1_764_380_000_000;
export const STEP_MS = 15_000;

export const PODS = [
  'vllm-llama3-8b-7c9d5f-2xkqp',
  'vllm-llama3-8b-7c9d5f-8hvzt',
  'vllm-llama3-8b-7c9d5f-m4wsn',
] as const;

export type Samples = Array<number | null>;

export function series(labels: Record<string, string>, samples: Samples) {
  return {
    name: JSON.stringify(labels),
    labels,
    values: samples.map((v, i) => [T0 + i * STEP_MS, v] as [number, number | null]),
  };
}

/** What the panel's queries look like in the dashboard, in role order. */
export const PROMQL: Record<KvQueueRole, string> = {
  kv: 'max by (pod) (vllm:kv_cache_usage_perc{model_name=~"$model_name"} or vllm:gpu_cache_usage_perc{model_name=~"$model_name"})',
  running: 'sum by (pod) (vllm:num_requests_running{model_name=~"$model_name"})',
  waiting: 'sum by (pod) (vllm:num_requests_waiting{model_name=~"$model_name"})',
  preemptions: 'sum by (pod) (rate(vllm:num_preemptions_total{model_name=~"$model_name"}[$__rate_interval]))',
  capacity: 'count by (pod) (vllm:num_requests_running{model_name=~"$model_name"}) * 256',
};

export function queryDefinition(query: string) {
  return { kind: 'TimeSeriesQuery', spec: { plugin: { kind: 'PrometheusTimeSeriesQuery', spec: { query } } } };
}

export function panelQueries(roles: readonly KvQueueRole[]) {
  return roles.map((role) => queryDefinition(PROMQL[role]));
}

/** A query result for one role, one series per pod with the given samples (pods named by `pods`). */
export function roleResult(role: KvQueueRole, perPod: readonly Samples[], pods: readonly string[] = PODS) {
  return {
    definition: queryDefinition(PROMQL[role]),
    data: { stepMs: STEP_MS, series: perPod.map((samples, i) => series({ pod: pods[i] }, samples)) },
  };
}

/** A busy fleet: pod 2 at 96.5 % KV with 7 queued requests, the others comfortable. */
export const SATURATED_FLEET = {
  kv: [
    [0.61, 0.64, 0.66, 0.62],
    [0.88, 0.93, 0.95, 0.965],
    [0.55, 0.57, 0.58, 0.6],
  ],
  running: [
    [38, 40, 41, 39],
    [64, 64, 64, 64],
    [31, 33, 35, 36],
  ],
  waiting: [
    [0, 0, 0, 0],
    [2, 4, 6, 7],
    [0, 0, 0, 0],
  ],
} satisfies Partial<Record<KvQueueRole, Samples[]>>;
