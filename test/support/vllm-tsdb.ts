// Realistic vLLM /metrics history as OpenMetrics text, for backfilling a real Prometheus with promtool
// (test/support/prometheus.ts): one hour scraped every 15 s from a small fleet that mixes the three shapes a
// dashboard meets in the wild:
//   - `vllm`    current vLLM V1: `engine` label, `finished_reason`, `kv_cache_usage_perc`, `inter_token_latency_seconds`;
//   - `sim`     llm-d-inference-sim: no `engine`, `finish_reason`, still emits `time_per_output_token_seconds` too,
//               no `iteration_tokens_total` nor `num_preemptions`;
//   - `legacy`  vLLM ≤ 0.10: `gpu_cache_usage_perc` and `time_per_output_token_seconds` only (the renamed names).
// Kubernetes pods carry namespace/service/pod target labels; the legacy target is a bare local scrape without
// them, so "All" in the dashboards' variables must also match series that lack those labels.
// Bucket bounds are vLLM's defaults (vllm/v1/metrics/buckets.py); counters never reset; values are seeded, so the
// same text comes out every time.

import { seededRandom } from './prng';

export type VllmFlavour = 'vllm' | 'sim' | 'legacy';

export interface VllmTarget {
  readonly flavour: VllmFlavour;
  readonly model: string;
  readonly job: string;
  readonly instance: string;
  /** Kubernetes target labels (namespace, service, pod); absent for a bare local scrape. */
  readonly k8s?: { readonly namespace: string; readonly service: string; readonly pod: string };
  /** Mean request arrivals per second. */
  readonly requestsPerSecond: number;
}

/** 2026-01-01T00:00:00Z: hour-aligned and in the past, so queries at fixed instants are reproducible. */
export const TSDB_START = 1_767_225_600;
export const TSDB_END = TSDB_START + 3600;
export const SCRAPE_SECONDS = 15;

export const LLAMA = 'meta-llama/Llama-3.1-8B-Instruct';
export const QWEN = 'Qwen/Qwen2.5-0.5B-Instruct';
export const LEGACY_MODEL = 'mistralai/Mistral-7B-Instruct-v0.3';

/** 2 models × 2 pods (one model on real vLLM, one on the simulator) plus one legacy vLLM without k8s labels. */
export const DEFAULT_FLEET: readonly VllmTarget[] = [
  pod('vllm', LLAMA, 'llm', 'vllm-llama', 'vllm-llama-7d9f-0', '10.0.0.11:8000', 1.6),
  pod('vllm', LLAMA, 'llm', 'vllm-llama', 'vllm-llama-7d9f-1', '10.0.0.12:8000', 1.2),
  pod('sim', QWEN, 'llm-d', 'vllm-qwen-sim', 'vllm-qwen-sim-5c4b-0', '10.0.1.21:8000', 2.5),
  pod('sim', QWEN, 'llm-d', 'vllm-qwen-sim', 'vllm-qwen-sim-5c4b-1', '10.0.1.22:8000', 2.0),
  { flavour: 'legacy', model: LEGACY_MODEL, job: 'vllm-local', instance: 'localhost:8000', requestsPerSecond: 0.8 },
];

function pod(
  flavour: VllmFlavour,
  model: string,
  namespace: string,
  service: string,
  name: string,
  instance: string,
  rps: number,
): VllmTarget {
  return { flavour, model, job: service, instance, k8s: { namespace, service, pod: name }, requestsPerSecond: rps };
}

const REQUEST_LATENCY = [0.3, 0.5, 0.8, 1, 1.5, 2, 2.5, 5, 10, 15, 20, 30, 40, 50, 60, 120, 240, 480, 960, 1920, 7680];
const TTFT = [
  0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 20, 40, 80, 160, 640, 2560,
];
const ITL = [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 20, 40, 80];
/** 1-2-5 series up to max_model_len 4096, as vLLM builds it. */
const REQUEST_TOKENS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000];
const ITERATION_TOKENS = [1, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384];

class Histogram {
  readonly counts: number[];
  sum = 0;
  constructor(readonly bounds: readonly number[]) {
    this.counts = new Array(bounds.length + 1).fill(0);
  }
  observe(value: number, weight = 1): void {
    let i = this.bounds.findIndex((b) => value <= b);
    if (i < 0) i = this.bounds.length;
    this.counts[i] += weight;
    this.sum += value * weight;
  }
  /** Cumulative counts per bound, +Inf last. */
  cumulative(): number[] {
    let running = 0;
    return this.counts.map((c) => (running += c));
  }
}

interface Sample {
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** One scrape of one target: metric family name → samples, in exposition order. */
type Scrape = Map<string, { type: 'gauge' | 'counter' | 'histogram'; samples: Sample[] }>;

/** Simulates one target for the whole hour and returns its scrapes. */
function simulateTarget(target: VllmTarget, seed: number): Array<{ time: number; scrape: Scrape }> {
  const random = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const lognormal = (median: number, sigma: number) => median * Math.exp(sigma * gauss());
  const poisson = (mean: number) => {
    // Knuth for small means, normal approximation above (means here stay under ~60).
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gauss()));
    let k = 0;
    for (let p = random(); p > Math.exp(-mean); p *= random()) k++;
    return k;
  };
  const hist = {
    e2e: new Histogram(REQUEST_LATENCY),
    queue: new Histogram(REQUEST_LATENCY),
    inference: new Histogram(REQUEST_LATENCY),
    prefill: new Histogram(REQUEST_LATENCY),
    decode: new Histogram(REQUEST_LATENCY),
    ttft: new Histogram(TTFT),
    itl: new Histogram(ITL),
    tpot: new Histogram(ITL),
    prompt: new Histogram(REQUEST_TOKENS),
    generation: new Histogram(REQUEST_TOKENS),
    iteration: new Histogram(ITERATION_TOKENS),
  };
  const counters = { prompt: 0, generation: 0, preemptions: 0, stop: 0, length: 0, abort: 0 };
  const scrapes: Array<{ time: number; scrape: Scrape }> = [];
  const maxSeqs = 64;
  for (let time = TSDB_START; time <= TSDB_END; time += SCRAPE_SECONDS) {
    // Load swells and ebbs twice an hour, so queues and KV usage move and quantiles change over time.
    const phase = ((time - TSDB_START) / 1800) * 2 * Math.PI + seed;
    const load = target.requestsPerSecond * (1 + 0.6 * Math.sin(phase));
    const arrivals = time === TSDB_START ? 0 : poisson(load * SCRAPE_SECONDS);
    const congestion = Math.max(0, Math.sin(phase)); // queueing grows at the peaks
    for (let r = 0; r < arrivals; r++) {
      const promptTokens = Math.min(4000, Math.max(1, Math.round(lognormal(350, 0.9))));
      const generationTokens = Math.min(2000, Math.max(1, Math.round(lognormal(180, 0.8))));
      const queue = lognormal(0.02 + 1.5 * congestion, 0.7);
      const prefill = lognormal(0.04 + promptTokens / 20000, 0.4);
      const perToken = lognormal(0.018 + 0.02 * congestion, 0.3);
      const decode = perToken * (generationTokens - 1);
      const ttft = queue + prefill;
      hist.queue.observe(queue);
      hist.prefill.observe(prefill);
      hist.decode.observe(decode);
      hist.inference.observe(prefill + decode);
      hist.e2e.observe(queue + prefill + decode);
      hist.ttft.observe(ttft);
      // One ITL observation per output token after the first, at the request's pace (weights keep this cheap).
      if (generationTokens > 1) {
        hist.itl.observe(perToken, generationTokens - 1);
        hist.tpot.observe(perToken, generationTokens - 1);
      }
      hist.prompt.observe(promptTokens);
      hist.generation.observe(generationTokens);
      hist.iteration.observe(Math.min(16384, promptTokens + 1), 1);
      hist.iteration.observe(8, Math.max(0, Math.round(generationTokens / 8)));
      counters.prompt += promptTokens;
      counters.generation += generationTokens;
      const reason = random();
      if (reason < 0.85) counters.stop++;
      else if (reason < 0.97) counters.length++;
      else counters.abort++;
    }
    const running = Math.min(maxSeqs, Math.round(load * 4 * (1 + congestion) + random() * 2));
    const waiting = Math.max(0, Math.round(congestion * congestion * 20 * load - 4 + random() * 3));
    const kv = Math.min(1, 0.15 + 0.7 * (running / maxSeqs) + 0.2 * congestion + 0.03 * random());
    if (kv > 0.97) counters.preemptions += Math.round(random() * 3);
    scrapes.push({ time, scrape: exposition(target, { hist, counters, running, waiting, kv }) });
  }
  return scrapes;
}

interface State {
  hist: Record<
    | 'e2e'
    | 'queue'
    | 'inference'
    | 'prefill'
    | 'decode'
    | 'ttft'
    | 'itl'
    | 'tpot'
    | 'prompt'
    | 'generation'
    | 'iteration',
    Histogram
  >;
  counters: Record<'prompt' | 'generation' | 'preemptions' | 'stop' | 'length' | 'abort', number>;
  running: number;
  waiting: number;
  kv: number;
}

/** What the target's /metrics shows at one instant, names and labels as its flavour writes them. */
function exposition(target: VllmTarget, s: State): Scrape {
  const { flavour } = target;
  const base: Record<string, string> = {
    job: target.job,
    instance: target.instance,
    ...(target.k8s ?? {}),
    model_name: target.model,
  };
  if (flavour !== 'sim') base.engine = '0';
  const out: Scrape = new Map();
  const gauge = (name: string, value: number, extra: Record<string, string> = {}) =>
    push(out, name, 'gauge', { ...base, ...extra }, value);
  const counter = (name: string, value: number, extra: Record<string, string> = {}) =>
    push(out, name, 'counter', { ...base, ...extra }, value);
  const histogram = (name: string, h: Histogram) => {
    const family = out.get(name) ?? { type: 'histogram' as const, samples: [] };
    const cumulative = h.cumulative();
    h.bounds.forEach((b, i) =>
      family.samples.push({ labels: { ...base, le: String(b), __suffix: '_bucket' }, value: cumulative[i] }),
    );
    const count = cumulative[cumulative.length - 1];
    family.samples.push({ labels: { ...base, le: '+Inf', __suffix: '_bucket' }, value: count });
    family.samples.push({ labels: { ...base, __suffix: '_sum' }, value: h.sum });
    family.samples.push({ labels: { ...base, __suffix: '_count' }, value: count });
    out.set(name, family);
  };

  gauge('vllm:num_requests_running', s.running);
  gauge('vllm:num_requests_waiting', s.waiting);
  gauge(flavour === 'legacy' ? 'vllm:gpu_cache_usage_perc' : 'vllm:kv_cache_usage_perc', s.kv);
  counter('vllm:prompt_tokens', s.counters.prompt);
  counter('vllm:generation_tokens', s.counters.generation);
  const reasonLabel = flavour === 'sim' ? 'finish_reason' : 'finished_reason';
  for (const reason of ['stop', 'length', 'abort'] as const) {
    counter('vllm:request_success', s.counters[reason], { [reasonLabel]: reason });
  }
  if (flavour !== 'sim') counter('vllm:num_preemptions', s.counters.preemptions);
  histogram('vllm:e2e_request_latency_seconds', s.hist.e2e);
  histogram('vllm:request_queue_time_seconds', s.hist.queue);
  histogram('vllm:request_inference_time_seconds', s.hist.inference);
  histogram('vllm:request_prefill_time_seconds', s.hist.prefill);
  histogram('vllm:request_decode_time_seconds', s.hist.decode);
  histogram('vllm:time_to_first_token_seconds', s.hist.ttft);
  if (flavour !== 'legacy') histogram('vllm:inter_token_latency_seconds', s.hist.itl);
  if (flavour !== 'vllm') histogram('vllm:time_per_output_token_seconds', s.hist.tpot);
  histogram('vllm:request_prompt_tokens', s.hist.prompt);
  histogram('vllm:request_generation_tokens', s.hist.generation);
  if (flavour !== 'sim') histogram('vllm:iteration_tokens_total', s.hist.iteration);
  // Prometheus's own target health, with the target labels only.
  const up = { job: target.job, instance: target.instance, ...(target.k8s ?? {}) };
  push(out, 'up', 'gauge', up, 1);
  return out;
}

function push(
  out: Scrape,
  name: string,
  type: 'gauge' | 'counter',
  labels: Record<string, string>,
  value: number,
): void {
  const family = out.get(name) ?? { type, samples: [] };
  family.samples.push({ labels, value });
  out.set(name, family);
}

function sampleName(family: string, type: string, labels: Readonly<Record<string, string>>): string {
  if (type === 'counter') return `${family}_total`;
  return family + (labels.__suffix ?? '');
}

function labelText(labels: Readonly<Record<string, string>>): string {
  const parts = Object.entries(labels)
    .filter(([k]) => k !== '__suffix')
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return `{${parts.join(',')}}`;
}

/**
 * The whole fleet's history as OpenMetrics (ends with `# EOF`). Every family's samples are contiguous, each
 * series in time order, as `promtool tsdb create-blocks-from openmetrics` requires.
 */
export function vllmOpenMetrics(fleet: readonly VllmTarget[] = DEFAULT_FLEET): string {
  const histories = fleet.map((target, i) => simulateTarget(target, 1000 + i * 7919));
  const families = new Map<string, string>();
  for (const history of histories) for (const [name, f] of history[0].scrape) families.set(name, f.type);
  const lines: string[] = [];
  for (const [name, type] of families) {
    lines.push(`# TYPE ${name} ${type}`);
    for (const history of histories) {
      const first = history[0].scrape.get(name);
      if (!first) continue;
      // Series by series: sample k of every scrape is the same series.
      first.samples.forEach((sample, k) => {
        const series = `${sampleName(name, type, sample.labels)}${labelText(sample.labels)}`;
        for (const { time, scrape } of history) {
          lines.push(`${series} ${formatValue(scrape.get(name)!.samples[k].value)} ${time}`);
        }
      });
    }
  }
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(12);
}
