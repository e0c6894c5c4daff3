// A stand-in vLLM fleet for the local stack: serves OpenAI-style completions and exposes vLLM V1's real
// /metrics: every name, label and bucket layout comes from the catalogue in vllm-metrics.ts, which the tests'
// backfilled history (test/support/vllm-tsdb.ts) shares.
//
// Why it exists: the stack was meant to run `llm-d-inference-sim` v0.9.2, but the Go module proxy refuses that
// module version (403 "This module version is not available"), so issue 6's fallback applies: a project-written
// emitter with prom-client. It is not a replay of canned numbers: each engine runs a small scheduler (max_num_seqs
// slots, a waiting queue, paged KV blocks with preemption), and the metrics are observations of the requests the
// load generator actually sends, so latencies, queues and KV usage move with the load.
//
//   tsx percli-scripts/stack/vllm-emitter.ts --fleet fleet.json
// fleet.json: [{ "pod": "vllm-llama-0", "port": 18001, "model": "llama-3.1-8b-instruct", "engines": 2 }, …]; a pod
// may add "specDecode": { "tokens": 3 } (speculative decoding) and "lora": { "adapters": [...], "maxLoras": 1 }.
// The `pod` label is not emitted here: as in Kubernetes, Prometheus attaches it as a target label.

import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';

import { Counter, Gauge, Histogram, Registry } from 'prom-client';

import { Engine, EngineConfig, FinishedRequest } from './vllm-engine';
import {
  exportedFamilies,
  exposedName,
  familyLabels,
  familyNames,
  FINISHED_REASONS,
  histogramBounds,
  MetricFamily,
  MetricKey,
  VLLM_METRICS,
  VllmFeature,
  WAITING_REASONS,
} from './vllm-metrics';

export interface PodConfig {
  pod: string;
  port: number;
  model: string;
  engines: number;
  /** Speculative decoding: draft tokens per step (vLLM's num_speculative_tokens). */
  specDecode?: { tokens: number; acceptance?: number };
  /** LoRA adapters served beside the base model (listed by /v1/models, requested by name), and --max-loras. */
  lora?: { adapters: string[]; maxLoras: number };
}

type EngineLabels = { model_name: string; engine: string };
type PromMetric = Counter<string> | Gauge<string> | Histogram<string>;

function features(pod: PodConfig): VllmFeature[] {
  return [...(pod.specDecode ? ['specDecode' as const] : []), ...(pod.lora ? ['lora' as const] : [])];
}

/** One prom-client metric per family vLLM V1 exports with this pod's features, named as the catalogue says. */
function podMetrics(reg: Registry, pod: PodConfig, maxModelLen: number): Partial<Record<MetricKey, PromMetric>> {
  const out: Partial<Record<MetricKey, PromMetric>> = {};
  for (const key of exportedFamilies('vllm', features(pod))) {
    const family: MetricFamily = VLLM_METRICS[key];
    const [name] = familyNames('vllm', key);
    const config = { name: exposedName(family, name), help: family.help, labelNames: familyLabels('vllm', key) };
    out[key] =
      family.type === 'histogram'
        ? new Histogram({ ...config, buckets: [...histogramBounds(key, maxModelLen)], registers: [reg] })
        : family.type === 'counter'
          ? new Counter({ ...config, registers: [reg] })
          : new Gauge({ ...config, registers: [reg] });
  }
  return out;
}

/** Typed access to a pod's metrics; a family this pod does not export is a programming error, named. */
function metricsOf(all: Partial<Record<MetricKey, PromMetric>>) {
  const get = <T extends PromMetric>(key: MetricKey): T => {
    const m = all[key];
    if (!m) throw new Error(`this pod does not export ${VLLM_METRICS[key].name}`);
    return m as T;
  };
  return {
    histogram: (key: MetricKey) => get<Histogram<string>>(key),
    counter: (key: MetricKey) => get<Counter<string>>(key),
    gauge: (key: MetricKey) => get<Gauge<string>>(key),
  };
}
type PodMetrics = ReturnType<typeof metricsOf>;

function record(m: PodMetrics, labels: EngineLabels, r: FinishedRequest): void {
  m.histogram('e2e').observe(labels, r.e2e);
  m.histogram('queue').observe(labels, r.queueTime);
  m.histogram('prefill').observe(labels, r.prefillTime);
  m.histogram('decode').observe(labels, r.decodeTime);
  m.histogram('inference').observe(labels, r.prefillTime + r.decodeTime);
  m.histogram('ttft').observe(labels, r.ttft);
  for (const gap of r.interTokenGaps) m.histogram('itl').observe(labels, gap);
  m.histogram('requestTpot').observe(labels, r.outputTokens > 1 ? r.decodeTime / (r.outputTokens - 1) : 0);
  m.histogram('promptLength').observe(labels, r.promptTokens);
  m.histogram('generationLength').observe(labels, r.outputTokens);
  m.histogram('maxTokensParam').observe(labels, r.maxTokens);
  m.counter('promptTokens').inc(labels, r.promptTokens);
  m.counter('requestSuccess').inc({ ...labels, finished_reason: r.finishReason });
}

/**
 * vLLM's lora_requests_info: one series per (max_lora, running, waiting) combination, set to the current time
 * whenever the scheduler reports it; combinations seen before keep their last time, as prometheus_client keeps them.
 */
function reportLora(gauge: Gauge<string>, maxLoras: number, running: Set<string>, waiting: Set<string>): void {
  const list = (s: Set<string>) => [...s].sort().join(',');
  gauge.set(
    { max_lora: String(maxLoras), running_lora_adapters: list(running), waiting_lora_adapters: list(waiting) },
    Date.now() / 1000,
  );
}

/** Rough token count of a chat/completions body: ~4 characters per token, as a regex tokenizer would see it. */
function promptTokensOf(body: { messages?: Array<{ content?: unknown }>; prompt?: unknown }): number {
  const text = body.messages
    ? body.messages.map((msg) => String(msg.content ?? '')).join(' ')
    : String(body.prompt ?? '');
  return Math.max(1, Math.ceil(text.length / 4));
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      try {
        resolve(raw ? (JSON.parse(raw) as Record<string, unknown>) : {});
      } catch {
        reject(new Error('request body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export function startPod(pod: PodConfig, engineConfig: Partial<EngineConfig> = {}): () => Promise<void> {
  const reg = new Registry();
  const maxModelLen = engineConfig.maxModelLen ?? 4096;
  const metrics = metricsOf(podMetrics(reg, pod, maxModelLen));
  const adapterState = new Map<number, { running: ReadonlySet<string>; waiting: ReadonlySet<string> }>();
  const engines = Array.from({ length: pod.engines }, (_, i) => {
    const labels: EngineLabels = { model_name: pod.model, engine: String(i) };
    const engine = new Engine(
      {
        ...engineConfig,
        maxModelLen,
        ...(pod.specDecode
          ? { specTokens: pod.specDecode.tokens, specAcceptance: pod.specDecode.acceptance ?? 0.7 }
          : {}),
        ...(pod.lora ? { maxLoras: pod.lora.maxLoras } : {}),
      },
      {
        onStep: (s) => {
          metrics.gauge('running').set(labels, s.running);
          metrics.gauge('waiting').set(labels, s.waiting);
          metrics.gauge('waitingByReason').set({ ...labels, reason: 'capacity' }, s.waiting - s.deferred);
          metrics.gauge('waitingByReason').set({ ...labels, reason: 'deferred' }, s.deferred);
          metrics.gauge('kvUsage').set(labels, s.kvUsage);
          if (s.tokens > 0) metrics.histogram('iterationTokens').observe(labels, s.tokens);
          if (s.generated > 0) metrics.counter('generationTokens').inc(labels, s.generated);
          if (pod.lora) {
            adapterState.set(i, { running: s.runningAdapters, waiting: s.waitingAdapters });
            const union = (k: 'running' | 'waiting') => new Set([...adapterState.values()].flatMap((a) => [...a[k]]));
            reportLora(metrics.gauge('loraRequestsInfo'), pod.lora.maxLoras, union('running'), union('waiting'));
          }
        },
        onPreempt: () => metrics.counter('preemptions').inc(labels),
        onPrefixLookup: (queried, hit) => {
          metrics.counter('prefixCacheQueries').inc(labels, queried);
          metrics.counter('prefixCacheHits').inc(labels, hit);
        },
        onSpecDecode: (drafts, draftTokens, acceptedPerPosition) => {
          metrics.counter('specDecodeDrafts').inc(labels, drafts);
          metrics.counter('specDecodeDraftTokens').inc(labels, draftTokens);
          const accepted = acceptedPerPosition.reduce((a, b) => a + b, 0);
          metrics.counter('specDecodeAcceptedTokens').inc(labels, accepted);
          acceptedPerPosition.forEach((n, position) =>
            metrics.counter('specDecodeAcceptedPerPosition').inc({ ...labels, position: String(position) }, n),
          );
        },
      },
    );
    // Expose every series from the start, as vLLM does, so dashboards see zeros rather than "no data".
    metrics.gauge('running').set(labels, 0);
    metrics.gauge('waiting').set(labels, 0);
    for (const reason of WAITING_REASONS) metrics.gauge('waitingByReason').set({ ...labels, reason }, 0);
    metrics.gauge('kvUsage').set(labels, 0);
    metrics.counter('preemptions').inc(labels, 0);
    metrics.counter('prefixCacheQueries').inc(labels, 0);
    metrics.counter('prefixCacheHits').inc(labels, 0);
    for (const reason of FINISHED_REASONS)
      metrics.counter('requestSuccess').inc({ ...labels, finished_reason: reason }, 0);
    if (pod.specDecode) {
      for (const key of ['specDecodeDrafts', 'specDecodeDraftTokens', 'specDecodeAcceptedTokens'] as const)
        metrics.counter(key).inc(labels, 0);
      for (let position = 0; position < pod.specDecode.tokens; position++)
        metrics.counter('specDecodeAcceptedPerPosition').inc({ ...labels, position: String(position) }, 0);
    }
    return { engine, labels };
  });
  if (pod.lora) reportLora(metrics.gauge('loraRequestsInfo'), pod.lora.maxLoras, new Set(), new Set());
  let next = 0;

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (req.method === 'GET' && url === '/metrics') {
      reg.metrics().then(
        (text) => send(res, 200, text, reg.contentType),
        (e: Error) => send(res, 500, e.message, 'text/plain'),
      );
      return;
    }
    if (req.method === 'GET' && url === '/health') return send(res, 200, '', 'text/plain');
    if (req.method === 'GET' && url === '/v1/models') {
      // As vLLM lists them: the base model, then each LoRA adapter with the base as its parent.
      const adapters = (pod.lora?.adapters ?? []).map((id) => ({
        id,
        object: 'model',
        owned_by: 'vllm',
        parent: pod.model,
      }));
      return send(res, 200, {
        object: 'list',
        data: [{ id: pod.model, object: 'model', owned_by: 'vllm' }, ...adapters],
      });
    }
    if (req.method === 'POST' && (url === '/v1/chat/completions' || url === '/v1/completions')) {
      readJson(req).then(
        (body) => {
          const adapter = pod.lora?.adapters.includes(String(body.model)) ? String(body.model) : undefined;
          if (body.model !== pod.model && !adapter) {
            return send(res, 404, {
              error: { message: `The model \`${String(body.model)}\` does not exist.`, type: 'NotFoundError' },
            });
          }
          const promptTokens = promptTokensOf(body as never);
          const maxTokens = Math.max(1, Math.min(Number(body.max_tokens ?? 256) || 256, maxModelLen - promptTokens));
          if (promptTokens >= maxModelLen) {
            return send(res, 400, {
              error: {
                message: `prompt of ${promptTokens} tokens exceeds max_model_len ${maxModelLen}`,
                type: 'BadRequestError',
              },
            });
          }
          // Data-parallel engines behind one API server: round-robin, like vLLM's default DP load balancing.
          const target = engines[next++ % engines.length];
          target.engine.submit(promptTokens, maxTokens, adapter).then((done) => {
            record(metrics, target.labels, done);
            send(res, 200, {
              id: `cmpl-${Date.now().toString(36)}`,
              object: url.endsWith('chat/completions') ? 'chat.completion' : 'text_completion',
              model: String(body.model),
              choices: [
                {
                  index: 0,
                  finish_reason: done.finishReason,
                  message: { role: 'assistant', content: 'lorem '.repeat(Math.min(done.outputTokens, 64)).trim() },
                },
              ],
              usage: {
                prompt_tokens: done.promptTokens,
                completion_tokens: done.outputTokens,
                total_tokens: done.promptTokens + done.outputTokens,
              },
            });
          });
        },
        (e: Error) => send(res, 400, { error: { message: e.message, type: 'BadRequestError' } }),
      );
      return;
    }
    send(res, 404, { error: { message: `no route ${req.method} ${url}` } });
  });
  server.listen(pod.port, '127.0.0.1');
  return () =>
    new Promise<void>((resolve) => {
      engines.forEach((e) => e.engine.stop());
      server.close(() => resolve());
      server.closeAllConnections();
    });
}

function main(): void {
  const at = process.argv.indexOf('--fleet');
  if (at < 0 || !process.argv[at + 1]) {
    console.error('usage: tsx percli-scripts/stack/vllm-emitter.ts --fleet <fleet.json>');
    process.exit(2);
  }
  const fleet = JSON.parse(readFileSync(process.argv[at + 1], 'utf8')) as PodConfig[];
  const stops = fleet.map((pod) => startPod(pod));
  console.log(
    `vllm-emitter: ${fleet.map((p) => `${p.pod} (${p.model}, ${p.engines} engines) on 127.0.0.1:${p.port}`).join(', ')}`,
  );
  const shutdown = () => Promise.all(stops.map((s) => s())).then(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

if (process.argv[1] && /vllm-emitter\.ts$/.test(process.argv[1])) main();
