// A vLLM fleet at scale as OpenMetrics, for the query-size benchmark: `pods` pods × `engines` engines serving a few
// models, one hour scraped every 30 s, with only the families the Latency Quad (E2E latency histogram) and the
// KV & queue gauge read — test/support/vllm-tsdb.ts simulates every family request by request, which at 200 pods
// would be gigabytes of text. Values are smooth and seeded; what the benchmark measures (series, points, bytes,
// evaluation time) depends on the fleet's shape, not on the exact numbers.
import { BUCKETS } from '../../../percli-scripts/stack/vllm-metrics';

export interface FleetShape {
  readonly pods: number;
  readonly engines: number;
  readonly models: number;
}

export const FLEET_START = 1_767_225_600; // 2026-01-01T00:00:00Z, as test/support/vllm-tsdb.ts
export const FLEET_SECONDS = 3600;
export const FLEET_SCRAPE_SECONDS = 30;

const LATENCY_BOUNDS = [...BUCKETS.requestLatency, Infinity];

function labelText(labels: Record<string, string>): string {
  return `{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}}`;
}

/** The fleet's hour as OpenMetrics (families contiguous, each series in time order, ending in `# EOF`). */
export function fleetOpenMetrics({ pods, engines, models }: FleetShape): string {
  const scrapes = FLEET_SECONDS / FLEET_SCRAPE_SECONDS + 1;
  const targets = Array.from({ length: pods }, (_, p) => ({
    namespace: 'llm',
    service: `vllm-model-${p % models}`,
    pod: `vllm-model-${p % models}-${p}`,
    instance: `10.${(p >> 8) & 255}.${p & 255}.1:8000`,
    job: 'vllm',
    model_name: `model-${p % models}`,
  }));
  const out: string[] = [];
  const family = (name: string, type: string, body: () => void) => {
    out.push(`# TYPE ${name} ${type}`);
    body();
  };
  const each = (fn: (labels: Record<string, string>, p: number, e: number) => void) =>
    targets.forEach((t, p) => {
      for (let e = 0; e < engines; e++) fn({ ...t, engine: String(e) }, p, e);
    });
  const time = (s: number) => FLEET_START + s * FLEET_SCRAPE_SECONDS;
  // Requests per scrape of one engine, and the share of them at or below each bound (a log-normal-ish shape).
  const rate = (p: number, e: number, s: number) => 3 + ((p * 7 + e) % 5) + 2 * Math.sin(s / 17 + p);
  const share = (bound: number, p: number) =>
    bound === Infinity ? 1 : 1 / (1 + Math.exp(-2.2 * (Math.log(bound) - Math.log(2 + (p % 9)))));
  family('vllm:e2e_request_latency_seconds', 'histogram', () =>
    each((labels, p, e) => {
      const le = (b: number) => (b === Infinity ? '+Inf' : String(b));
      const totals = new Float64Array(scrapes);
      for (let s = 1; s < scrapes; s++) totals[s] = totals[s - 1] + Math.round(rate(p, e, s) * FLEET_SCRAPE_SECONDS);
      for (const bound of LATENCY_BOUNDS) {
        const text = labelText({ ...labels, le: le(bound) });
        for (let s = 0; s < scrapes; s++)
          out.push(
            `vllm:e2e_request_latency_seconds_bucket${text} ${Math.round(totals[s] * share(bound, p))} ${time(s)}`,
          );
      }
      const text = labelText(labels);
      for (let s = 0; s < scrapes; s++)
        out.push(`vllm:e2e_request_latency_seconds_sum${text} ${(totals[s] * (3 + (p % 9))).toFixed(3)} ${time(s)}`);
      for (let s = 0; s < scrapes; s++)
        out.push(`vllm:e2e_request_latency_seconds_count${text} ${totals[s]} ${time(s)}`);
    }),
  );
  const gauge = (name: string, type: string, value: (p: number, e: number, s: number) => number) =>
    family(name, type, () =>
      each((labels, p, e) => {
        const text = labelText(labels);
        const metric = type === 'counter' ? `${name}_total` : name;
        for (let s = 0; s < scrapes; s++) out.push(`${metric}${text} ${value(p, e, s)} ${time(s)}`);
      }),
    );
  gauge('vllm:kv_cache_usage_perc', 'gauge', (p, e, s) => +(0.5 + 0.4 * Math.sin(s / 11 + p + e)).toFixed(4));
  gauge('vllm:num_requests_running', 'gauge', (p, e, s) => 8 + ((p + e + s) % 24));
  gauge('vllm:num_requests_waiting', 'gauge', (p, e, s) => Math.max(0, ((p * 3 + e + s) % 13) - 8));
  gauge('vllm:num_preemptions', 'counter', (p, e, s) => Math.floor((s * ((p + e) % 3)) / 7));
  out.push('# EOF');
  return out.join('\n') + '\n';
}
