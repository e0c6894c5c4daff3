// Realistic vLLM /metrics history as OpenMetrics text, for backfilling a real Prometheus with promtool
// (test/support/prometheus.ts): one hour scraped every 15 s from a small fleet that mixes the three shapes a
// dashboard meets in the wild:
//   - `vllm`    current vLLM V1: `engine` label, `finished_reason`, `kv_cache_usage_perc`, `inter_token_latency_seconds`;
//   - `sim`     llm-d-inference-sim: no `engine`, `finish_reason`, still emits `time_per_output_token_seconds` too,
//               no `iteration_tokens_total` nor `num_preemptions`;
//   - `legacy`  vLLM ≤ 0.10: `gpu_cache_usage_perc` and `time_per_output_token_seconds` only (the renamed names).
// Kubernetes pods carry namespace/service/pod target labels; the legacy target is a bare local scrape without
// them, so "All" in the dashboards' variables must also match series that lack those labels.
// Which families each flavour exports, their names, labels and bucket bounds come from the catalogue the stand-in
// fleet of `npm start` also uses (percli-scripts/stack/vllm-metrics.ts). Optional features: speculative decoding
// on the vLLM model's pods, LoRA adapters on one simulator pod. Counters never reset; values are seeded, so the
// same text comes out every time.

import { seededRandom } from '../../percli-scripts/stack/prng';
import {
  exportedFamilies,
  familyLabels,
  familyNames,
  histogramBounds,
  MetricFamily,
  MetricKey,
  VLLM_METRICS,
  VllmFeature,
  VllmFlavour,
} from '../../percli-scripts/stack/vllm-metrics';

export type { VllmFeature, VllmFlavour };

export interface VllmTarget {
  readonly flavour: VllmFlavour;
  readonly model: string;
  readonly job: string;
  readonly instance: string;
  /** Kubernetes target labels (namespace, service, pod); absent for a bare local scrape. */
  readonly k8s?: { readonly namespace: string; readonly service: string; readonly pod: string };
  /** Mean request arrivals per second. */
  readonly requestsPerSecond: number;
  readonly features?: readonly VllmFeature[];
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
  pod('vllm', LLAMA, 'llm', 'vllm-llama', 'vllm-llama-7d9f-0', '10.0.0.11:8000', 1.6, ['specDecode']),
  pod('vllm', LLAMA, 'llm', 'vllm-llama', 'vllm-llama-7d9f-1', '10.0.0.12:8000', 1.2, ['specDecode']),
  pod('sim', QWEN, 'llm-d', 'vllm-qwen-sim', 'vllm-qwen-sim-5c4b-0', '10.0.1.21:8000', 2.5, ['lora']),
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
  features: VllmFeature[] = [],
): VllmTarget {
  return {
    flavour,
    model,
    job: service,
    instance,
    k8s: { namespace, service, pod: name },
    requestsPerSecond: rps,
    features,
  };
}

/** Speculative decoding on the vLLM pods: draft tokens per step, and the chance position 0 is accepted. */
export const SPEC_TOKENS = 3;
const SPEC_ACCEPTANCE = 0.7;
/** LoRA on the simulator pod: its adapters and --max-loras. */
export const LORA_ADAPTERS = ['sql-lora', 'support-lora', 'summarise-lora'] as const;
const MAX_LORAS = 2;
/** max_model_len of every target: token histograms end at 2000 (the 1-2-5 series below 4096). */
export const MAX_MODEL_LEN = 4096;

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

/** What one family shows at one scrape: a gauge or counter value, a histogram, or labelled samples. */
type Reading = number | Histogram | ReadonlyArray<{ labels: Record<string, string>; value: number }>;

interface State {
  hist: Record<HistogramKey, Histogram>;
  counters: Record<
    'prompt' | 'generation' | 'preemptions' | 'stop' | 'length' | 'abort' | 'prefixQueries' | 'prefixHits',
    number
  >;
  spec: { drafts: number; draftTokens: number; acceptedPerPosition: number[] };
  /** lora_requests_info: every (running, waiting) combination seen, with the time it was last reported. */
  lora: Map<string, { running: string; waiting: string; time: number }>;
  running: number;
  waiting: number;
  deferred: number;
  kv: number;
}

const HISTOGRAM_KEYS = [
  'e2e',
  'queue',
  'inference',
  'prefill',
  'decode',
  'ttft',
  'itl',
  'requestTpot',
  'promptLength',
  'generationLength',
  'maxTokensParam',
  'iterationTokens',
] as const satisfies readonly MetricKey[];
type HistogramKey = (typeof HISTOGRAM_KEYS)[number];

/** Simulates one target for the whole hour and returns its scrapes. */
function simulateTarget(target: VllmTarget, seed: number): Array<{ time: number; scrape: Sample[][] }> {
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
  const features = target.features ?? [];
  const families = exportedFamilies(target.flavour, features);
  const s: State = {
    hist: Object.fromEntries(
      HISTOGRAM_KEYS.map((k) => [k, new Histogram(histogramBounds(k, MAX_MODEL_LEN))]),
    ) as Record<HistogramKey, Histogram>,
    counters: {
      prompt: 0,
      generation: 0,
      preemptions: 0,
      stop: 0,
      length: 0,
      abort: 0,
      prefixQueries: 0,
      prefixHits: 0,
    },
    spec: { drafts: 0, draftTokens: 0, acceptedPerPosition: new Array<number>(SPEC_TOKENS).fill(0) },
    lora: new Map(),
    running: 0,
    waiting: 0,
    deferred: 0,
    kv: 0,
  };
  // Chance that a draft's position i is accepted: positions are accepted in order until the first rejection.
  const reach = Array.from({ length: SPEC_TOKENS }, (_, i) =>
    Array.from({ length: i + 1 }, (__, j) => SPEC_ACCEPTANCE * 0.9 ** j).reduce((a, b) => a * b, 1),
  );
  const meanAccepted = reach.reduce((a, b) => a + b, 0);
  const scrapes: Array<{ time: number; scrape: Sample[][] }> = [];
  const maxSeqs = 64;
  for (let time = TSDB_START; time <= TSDB_END; time += SCRAPE_SECONDS) {
    // Load swells and ebbs twice an hour, so queues and KV usage move and quantiles change over time.
    const phase = ((time - TSDB_START) / 1800) * 2 * Math.PI + seed;
    const load = target.requestsPerSecond * (1 + 0.6 * Math.sin(phase));
    const arrivals = time === TSDB_START ? 0 : poisson(load * SCRAPE_SECONDS);
    const congestion = Math.max(0, Math.sin(phase)); // queueing grows at the peaks
    for (let r = 0; r < arrivals; r++) {
      const promptTokens = Math.min(4000, Math.max(1, Math.round(lognormal(350, 0.9))));
      const maxTokens = Math.min(2048, Math.max(4, Math.round(lognormal(260, 0.7))));
      const generationTokens = Math.min(maxTokens, Math.max(1, Math.round(lognormal(180, 0.8))));
      const queue = lognormal(0.02 + 1.5 * congestion, 0.7);
      const prefill = lognormal(0.04 + promptTokens / 20000, 0.4);
      const perToken = lognormal(0.018 + 0.02 * congestion, 0.3);
      const decode = perToken * (generationTokens - 1);
      const ttft = queue + prefill;
      s.hist.queue.observe(queue);
      s.hist.prefill.observe(prefill);
      s.hist.decode.observe(decode);
      s.hist.inference.observe(prefill + decode);
      s.hist.e2e.observe(queue + prefill + decode);
      s.hist.ttft.observe(ttft);
      // One ITL observation per output token after the first, at the request's pace (weights keep this cheap).
      if (generationTokens > 1) s.hist.itl.observe(perToken, generationTokens - 1);
      s.hist.requestTpot.observe(generationTokens > 1 ? perToken : 0);
      s.hist.promptLength.observe(promptTokens);
      s.hist.generationLength.observe(generationTokens);
      s.hist.maxTokensParam.observe(maxTokens);
      s.hist.iterationTokens.observe(Math.min(16384, promptTokens + 1), 1);
      s.hist.iterationTokens.observe(8, Math.max(0, Math.round(generationTokens / 8)));
      s.counters.prompt += promptTokens;
      s.counters.generation += generationTokens;
      // Prefix cache: a share of each prompt is found cached (vLLM ≤ 0.10 counted 16-token blocks, not tokens).
      const hit = Math.floor(promptTokens * 0.5 * random());
      const unit = target.flavour === 'legacy' ? 16 : 1;
      s.counters.prefixQueries += Math.ceil(promptTokens / unit);
      s.counters.prefixHits += Math.floor(hit / unit);
      if (features.includes('specDecode') && generationTokens > 1) {
        // Each draft yields 1 + accepted tokens, so a request needs about that many fewer steps.
        const drafts = Math.max(1, Math.round((generationTokens - 1) / (1 + meanAccepted)));
        s.spec.drafts += drafts;
        s.spec.draftTokens += drafts * SPEC_TOKENS;
        reach.forEach((p, i) => {
          const n = Math.round(drafts * p * (1 + 0.05 * gauss()));
          // Monotone over positions: a token at i + 1 is accepted only after the one at i.
          s.spec.acceptedPerPosition[i] += Math.max(0, Math.min(n, i > 0 ? s.spec.acceptedPerPosition[i - 1] : n));
        });
      }
      const reason = random();
      if (reason < 0.85) s.counters.stop++;
      else if (reason < 0.97) s.counters.length++;
      else s.counters.abort++;
    }
    s.running = Math.min(maxSeqs, Math.round(load * 4 * (1 + congestion) + random() * 2));
    s.waiting = Math.max(0, Math.round(congestion * congestion * 20 * load - 4 + random() * 3));
    s.deferred = Math.round(s.waiting * 0.3 * random());
    s.kv = Math.min(1, 0.15 + 0.7 * (s.running / maxSeqs) + 0.2 * congestion + 0.03 * random());
    if (s.kv > 0.97) s.counters.preemptions += Math.round(random() * 3);
    if (features.includes('lora')) {
      // Busier periods run more adapters; at the peaks one waits for a slot.
      const running = LORA_ADAPTERS.slice(0, Math.max(1, Math.min(MAX_LORAS, Math.round(1 + congestion * 2))));
      const waiting = congestion > 0.7 ? LORA_ADAPTERS.slice(MAX_LORAS) : [];
      const key = `${running.join(',')}|${waiting.join(',')}`;
      s.lora.set(key, { running: running.join(','), waiting: waiting.join(','), time });
    }
    scrapes.push({
      time,
      scrape: families.flatMap((key) => exposition(target, key, reading(key, s), time === TSDB_START)),
    });
  }
  return scrapes;
}

/** What family `key` reads at this scrape, before naming and labelling. */
function reading(key: MetricKey, s: State): Reading {
  switch (key) {
    case 'running':
      return s.running;
    case 'waiting':
      return s.waiting;
    case 'waitingByReason':
      return [
        { labels: { reason: 'capacity' }, value: s.waiting - s.deferred },
        { labels: { reason: 'deferred' }, value: s.deferred },
      ];
    case 'kvUsage':
      return s.kv;
    case 'promptTokens':
      return s.counters.prompt;
    case 'generationTokens':
      return s.counters.generation;
    case 'requestSuccess':
      return (['stop', 'length', 'abort'] as const).map((r) => ({
        labels: { finished_reason: r },
        value: s.counters[r],
      }));
    case 'preemptions':
      return s.counters.preemptions;
    case 'prefixCacheQueries':
      return s.counters.prefixQueries;
    case 'prefixCacheHits':
      return s.counters.prefixHits;
    case 'specDecodeDrafts':
      return s.spec.drafts;
    case 'specDecodeDraftTokens':
      return s.spec.draftTokens;
    case 'specDecodeAcceptedTokens':
      return s.spec.acceptedPerPosition.reduce((a, b) => a + b, 0);
    case 'specDecodeAcceptedPerPosition':
      return s.spec.acceptedPerPosition.map((value, i) => ({ labels: { position: String(i) }, value }));
    case 'loraRequestsInfo':
      return [...s.lora.values()].map((l) => ({
        labels: { max_lora: String(MAX_LORAS), running_lora_adapters: l.running, waiting_lora_adapters: l.waiting },
        value: l.time,
      }));
    default:
      return s.hist[key];
  }
}

/** One family's samples at one scrape, with the names and labels the target's flavour writes. */
function exposition(target: VllmTarget, key: MetricKey, value: Reading, check: boolean): Sample[][] {
  const { flavour } = target;
  const family: MetricFamily = VLLM_METRICS[key];
  const engineLabels: Record<string, string> =
    family.scope === 'server'
      ? {}
      : flavour === 'sim'
        ? { model_name: target.model }
        : { model_name: target.model, engine: '0' };
  const base: Record<string, string> = {
    job: target.job,
    instance: target.instance,
    ...(target.k8s ?? {}),
    ...engineLabels,
  };
  const rename = (labels: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(labels).map(([k, v]) => [flavour === 'sim' && k === 'finished_reason' ? 'finish_reason' : k, v]),
    );
  const samples: Sample[] = [];
  if (value instanceof Histogram) {
    const cumulative = value.cumulative();
    value.bounds.forEach((b, i) =>
      samples.push({ labels: { ...base, le: String(b), __suffix: '_bucket' }, value: cumulative[i] }),
    );
    const count = cumulative[cumulative.length - 1];
    samples.push({ labels: { ...base, le: '+Inf', __suffix: '_bucket' }, value: count });
    samples.push({ labels: { ...base, __suffix: '_sum' }, value: value.sum });
    samples.push({ labels: { ...base, __suffix: '_count' }, value: count });
  } else if (typeof value === 'number') {
    samples.push({ labels: base, value });
  } else {
    for (const v of value) samples.push({ labels: { ...base, ...rename(v.labels) }, value: v.value });
  }
  // Every sample carries exactly the catalogue's labels for this flavour (plus target labels and `le`).
  if (check) {
    const expected = familyLabels(flavour, key).sort().join(',');
    for (const sample of samples) {
      const own = Object.keys(sample.labels).filter((l) => !TARGET_LABELS.has(l) && l !== 'le' && l !== '__suffix');
      if (own.sort().join(',') !== expected)
        throw new Error(`${family.name}: labels ${own.join(',')} differ from the catalogue's ${expected}`);
    }
  }
  return familyNames(flavour, key).map((name) =>
    samples.map((sample) => ({
      labels: { ...sample.labels, __family: name, __type: family.type },
      value: sample.value,
    })),
  );
}

const TARGET_LABELS = new Set(['job', 'instance', 'namespace', 'service', 'pod']);

/** Prometheus's own target health, with the target labels only. */
function upSeries(target: VllmTarget): Sample {
  return {
    labels: { job: target.job, instance: target.instance, ...(target.k8s ?? {}), __family: 'up', __type: 'gauge' },
    value: 1,
  };
}

function sampleName(labels: Readonly<Record<string, string>>): string {
  if (labels.__type === 'counter') return `${labels.__family}_total`;
  return labels.__family + (labels.__suffix ?? '');
}

function labelText(labels: Readonly<Record<string, string>>): string {
  let text = '';
  for (const k in labels) {
    if (k.startsWith('__')) continue;
    const v = labels[k];
    // Escaping is rare here (no label value holds \, " or a newline): only pay for it when needed.
    const escaped = /[\\"\n]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') : v;
    text += `${text ? ',' : ''}${k}="${escaped}"`;
  }
  return `{${text}}`;
}

/**
 * The whole fleet's history as OpenMetrics (ends with `# EOF`). Every family's samples are contiguous, each
 * series in time order, as `promtool tsdb create-blocks-from openmetrics` requires. A series may start late
 * (a new lora_requests_info combination); a series that stops being reported ends there.
 */
export function vllmOpenMetrics(fleet: readonly VllmTarget[] = DEFAULT_FLEET): string {
  // family → type and series (by their text) → samples in time order
  const families = new Map<string, { type: string; series: Map<string, string[]> }>();
  const add = (sample: Sample, time: number) => {
    const name = sample.labels.__family;
    const family = families.get(name) ?? { type: sample.labels.__type, series: new Map<string, string[]>() };
    families.set(name, family);
    const series = `${sampleName(sample.labels)}${labelText(sample.labels)}`;
    const lines = family.series.get(series) ?? [];
    family.series.set(series, lines);
    lines.push(`${series} ${formatValue(sample.value)} ${time}`);
  };
  fleet.forEach((target, i) => {
    for (const { time, scrape } of simulateTarget(target, 1000 + i * 7919)) {
      for (const samples of scrape) for (const sample of samples) add(sample, time);
      add(upSeries(target), time);
    }
  });
  const lines: string[] = [];
  for (const [name, { type, series }] of families) {
    lines.push(`# TYPE ${name} ${type}`);
    for (const samples of series.values()) lines.push(...samples);
  }
  lines.push('# EOF');
  return lines.join('\n') + '\n';
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(12);
}
