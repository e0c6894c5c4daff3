// vLLM's Prometheus metrics as one catalogue: names, types, labels, bucket layouts and renames, for the two places
// that write vLLM /metrics in this repository: the stand-in fleet of the local stack (vllm-emitter.ts, live, with
// prom-client) and the hour of history the tests backfill into Prometheus (test/support/vllm-tsdb.ts, OpenMetrics
// for promtool). Both take every name, label and bound from here, so a panel that works on one works on the other.
//
// Sources: vLLM's vllm/v1/metrics/loggers.py and buckets.py, and llm-d-inference-sim's metrics.go, as summarised
// in the project's reference notes on vLLM metrics. Counters are named as vLLM defines them, without `_total`;
// prometheus_client appends it on output (`exposedName`).

/** The three shapes a dashboard meets: vLLM V1 today, llm-d-inference-sim, and vLLM before the renames (≤ 0.10). */
export type VllmFlavour = 'vllm' | 'sim' | 'legacy';

/** Optional engine features: their metrics exist only where the feature is enabled. */
export type VllmFeature = 'specDecode' | 'lora';

/** vLLM's default bucket bounds (vllm/v1/metrics/buckets.py); `requestTokens` depends on max_model_len. */
export const BUCKETS = {
  requestLatency: [0.3, 0.5, 0.8, 1, 1.5, 2, 2.5, 5, 10, 15, 20, 30, 40, 50, 60, 120, 240, 480, 960, 1920, 7680],
  ttft: [
    0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 20, 40, 80, 160, 640, 2560,
  ],
  itl: [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 20, 40, 80],
  iterationTokens: [1, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384],
} as const;

export type BucketLayout = keyof typeof BUCKETS | 'requestTokens';

/** vLLM's 1-2-5 token buckets, stopping at the first value above max_model_len (buckets.py build_1_2_5_buckets). */
export function requestTokenBuckets(maxModelLen: number): number[] {
  const out: number[] = [];
  for (let exp = 1; ; exp *= 10) {
    for (const m of [1, 2, 5]) {
      const v = m * exp;
      if (v > maxModelLen) return out;
      out.push(v);
    }
  }
}

export function bucketBounds(layout: BucketLayout, maxModelLen: number): readonly number[] {
  return layout === 'requestTokens' ? requestTokenBuckets(maxModelLen) : BUCKETS[layout];
}

/** Bucket bounds of a histogram family (without +Inf). */
export function histogramBounds(key: MetricKey, maxModelLen: number): readonly number[] {
  const { buckets } = VLLM_METRICS[key] as MetricFamily;
  if (!buckets) throw new Error(`${VLLM_METRICS[key].name} is not a histogram`);
  return bucketBounds(buckets, maxModelLen);
}

export interface MetricFamily {
  /** As vLLM defines it: counters without `_total`. */
  readonly name: string;
  readonly type: 'gauge' | 'counter' | 'histogram';
  readonly help: string;
  /** Labels besides the engine labels. */
  readonly labels?: readonly string[];
  /** `engine` metrics carry model_name (and engine on vLLM); `server` ones carry neither (lora_requests_info). */
  readonly scope?: 'engine' | 'server';
  readonly buckets?: BucketLayout;
  readonly feature?: VllmFeature;
}

const gauge = (name: string, help: string, more: Partial<MetricFamily> = {}): MetricFamily => ({
  name,
  type: 'gauge',
  help,
  ...more,
});
const counter = (name: string, help: string, more: Partial<MetricFamily> = {}): MetricFamily => ({
  name,
  type: 'counter',
  help,
  ...more,
});
const histogram = (name: string, help: string, buckets: BucketLayout): MetricFamily => ({
  name,
  type: 'histogram',
  help,
  buckets,
});

/** Every vLLM metric the dashboards read or the stand-ins write, keyed by what it measures. */
export const VLLM_METRICS = {
  running: gauge('vllm:num_requests_running', 'Number of requests in model execution batches.'),
  waiting: gauge('vllm:num_requests_waiting', 'Number of requests waiting to be processed.'),
  waitingByReason: gauge('vllm:num_requests_waiting_by_reason', 'Number of waiting requests by reason.', {
    labels: ['reason'],
  }),
  kvUsage: gauge('vllm:kv_cache_usage_perc', 'KV-cache usage. 1 means 100 percent usage.'),
  promptTokens: counter('vllm:prompt_tokens', 'Number of prefill tokens processed.'),
  generationTokens: counter('vllm:generation_tokens', 'Number of generation tokens processed.'),
  requestSuccess: counter('vllm:request_success', 'Count of successfully processed requests.', {
    labels: ['finished_reason'],
  }),
  preemptions: counter('vllm:num_preemptions', 'Cumulative number of preemption from the engine.'),
  prefixCacheQueries: counter(
    'vllm:prefix_cache_queries',
    'Prefix cache queries, in terms of number of queried tokens.',
  ),
  prefixCacheHits: counter('vllm:prefix_cache_hits', 'Prefix cache hits, in terms of number of cached tokens.'),
  specDecodeDrafts: counter('vllm:spec_decode_num_drafts', 'Number of spec decoding drafts.', {
    feature: 'specDecode',
  }),
  specDecodeDraftTokens: counter('vllm:spec_decode_num_draft_tokens', 'Number of draft tokens.', {
    feature: 'specDecode',
  }),
  specDecodeAcceptedTokens: counter('vllm:spec_decode_num_accepted_tokens', 'Number of accepted tokens.', {
    feature: 'specDecode',
  }),
  specDecodeAcceptedPerPosition: counter(
    'vllm:spec_decode_num_accepted_tokens_per_pos',
    'Accepted tokens per draft position.',
    { labels: ['position'], feature: 'specDecode' },
  ),
  loraRequestsInfo: gauge('vllm:lora_requests_info', 'Running stats on lora requests.', {
    labels: ['max_lora', 'running_lora_adapters', 'waiting_lora_adapters'],
    scope: 'server',
    feature: 'lora',
  }),
  e2e: histogram('vllm:e2e_request_latency_seconds', 'Histogram of e2e request latency in seconds.', 'requestLatency'),
  queue: histogram(
    'vllm:request_queue_time_seconds',
    'Histogram of time spent in WAITING phase for request.',
    'requestLatency',
  ),
  inference: histogram(
    'vllm:request_inference_time_seconds',
    'Histogram of time spent in RUNNING phase for request.',
    'requestLatency',
  ),
  prefill: histogram(
    'vllm:request_prefill_time_seconds',
    'Histogram of time spent in PREFILL phase for request.',
    'requestLatency',
  ),
  decode: histogram(
    'vllm:request_decode_time_seconds',
    'Histogram of time spent in DECODE phase for request.',
    'requestLatency',
  ),
  ttft: histogram('vllm:time_to_first_token_seconds', 'Histogram of time to first token in seconds.', 'ttft'),
  itl: histogram('vllm:inter_token_latency_seconds', 'Histogram of inter-token latency in seconds.', 'itl'),
  requestTpot: histogram(
    'vllm:request_time_per_output_token_seconds',
    'Histogram of time_per_output_token_seconds per request.',
    'itl',
  ),
  promptLength: histogram('vllm:request_prompt_tokens', 'Number of prefill tokens processed.', 'requestTokens'),
  generationLength: histogram(
    'vllm:request_generation_tokens',
    'Number of generation tokens processed.',
    'requestTokens',
  ),
  maxTokensParam: histogram(
    'vllm:request_params_max_tokens',
    'Histogram of the max_tokens request parameter.',
    'requestTokens',
  ),
  iterationTokens: histogram(
    'vllm:iteration_tokens_total',
    'Histogram of number of tokens per engine_step.',
    'iterationTokens',
  ),
} satisfies Record<string, MetricFamily>;

export type MetricKey = keyof typeof VLLM_METRICS;
export const METRIC_KEYS = Object.keys(VLLM_METRICS) as MetricKey[];

/** The names vLLM exported before a rename (and still exports on the legacy flavour); units noted where they changed. */
export const PRE_RENAME_NAMES: Partial<Record<MetricKey, string>> = {
  kvUsage: 'vllm:gpu_cache_usage_perc',
  // Counted KV blocks, not tokens, before the rename.
  prefixCacheQueries: 'vllm:gpu_prefix_cache_queries',
  prefixCacheHits: 'vllm:gpu_prefix_cache_hits',
  itl: 'vllm:time_per_output_token_seconds',
};

/** vLLM V1's finish reasons: it creates a request_success series for each at start-up, so all exist at 0. */
export const FINISHED_REASONS = ['stop', 'length', 'abort', 'error', 'repetition'] as const;

/** The `reason` values of num_requests_waiting_by_reason; they sum to num_requests_waiting. */
export const WAITING_REASONS = ['capacity', 'deferred'] as const;

/** What each flavour does not export (beyond features it has not enabled). */
const NOT_EXPORTED: Record<VllmFlavour, readonly MetricKey[]> = {
  vllm: [],
  // llm-d-inference-sim v0.9: no preemptions, engine steps, waiting reasons or speculative decoding.
  sim: [
    'preemptions',
    'iterationTokens',
    'waitingByReason',
    'specDecodeDrafts',
    'specDecodeDraftTokens',
    'specDecodeAcceptedTokens',
    'specDecodeAcceptedPerPosition',
  ],
  // vLLM ≤ 0.10 predates the waiting reasons and the per-request TPOT histogram.
  legacy: ['waitingByReason', 'requestTpot'],
};

/** The families a target of `flavour` with `features` exports, in catalogue order. */
export function exportedFamilies(flavour: VllmFlavour, features: readonly VllmFeature[] = []): MetricKey[] {
  return METRIC_KEYS.filter((key) => {
    const { feature } = VLLM_METRICS[key] as MetricFamily;
    return !NOT_EXPORTED[flavour].includes(key) && (!feature || features.includes(feature));
  });
}

/** Names a family is exported under (before `_total`): the simulator still writes both inter-token names. */
export function familyNames(flavour: VllmFlavour, key: MetricKey): string[] {
  const current = VLLM_METRICS[key].name;
  const old = PRE_RENAME_NAMES[key];
  if (!old || flavour === 'vllm') return [current];
  if (flavour === 'legacy') return [old];
  // The simulator renamed KV usage and the prefix cache but still exports time_per_output_token_seconds.
  return key === 'itl' ? [current, old] : [current];
}

/** The metric name on /metrics: prometheus_client appends `_total` to counters. */
export function exposedName(family: Pick<MetricFamily, 'type'>, name: string): string {
  return family.type === 'counter' ? `${name}_total` : name;
}

/** Label names a sample of `key` carries on `flavour`, besides `le` and the target labels Prometheus adds. */
export function familyLabels(flavour: VllmFlavour, key: MetricKey): string[] {
  const family: MetricFamily = VLLM_METRICS[key];
  const own = (family.labels ?? []).map((l) => (l === 'finished_reason' && flavour === 'sim' ? 'finish_reason' : l));
  if (family.scope === 'server') return own;
  // The simulator has no data-parallel engines, so no `engine` label.
  return [...(flavour === 'sim' ? ['model_name'] : ['model_name', 'engine']), ...own];
}
