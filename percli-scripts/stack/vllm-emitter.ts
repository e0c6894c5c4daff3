// A stand-in vLLM fleet for the local stack: serves OpenAI-style completions and exposes vLLM V1's real
// /metrics (names, `model_name`/`engine` labels, default bucket layouts from vllm/v1/metrics/buckets.py).
//
// Why it exists: the stack was meant to run `llm-d-inference-sim` v0.9.2, but the Go module proxy refuses that
// module version (403 "This module version is not available"), so issue 6's fallback applies: a project-written
// emitter with prom-client. It is not a replay of canned numbers: each engine runs a small scheduler (max_num_seqs
// slots, a waiting queue, paged KV blocks with preemption), and the metrics are observations of the requests the
// load generator actually sends, so latencies, queues and KV usage move with the load.
//
//   tsx percli-scripts/stack/vllm-emitter.ts --fleet fleet.json
// fleet.json: [{ "pod": "vllm-llama-0", "port": 18001, "model": "llama-3.1-8b-instruct", "engines": 2 }, …]
// The `pod` label is not emitted here: as in Kubernetes, Prometheus attaches it as a target label.

import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';

import { Counter, Gauge, Histogram, Registry } from 'prom-client';

import { Engine, EngineConfig, FinishedRequest } from './vllm-engine';

export interface PodConfig {
  pod: string;
  port: number;
  model: string;
  engines: number;
}

// vLLM's default bucket families (vllm/v1/metrics/buckets.py).
const REQUEST_LATENCY = [0.3, 0.5, 0.8, 1, 1.5, 2, 2.5, 5, 10, 15, 20, 30, 40, 50, 60, 120, 240, 480, 960, 1920, 7680];
const TTFT = [
  0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 20, 40, 80, 160, 640, 2560,
];
const ITL = [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 20, 40, 80];
const ITERATION_TOKENS = [1, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384];

/** vLLM's 1-2-5 token buckets, stopping at the first value above max_model_len (buckets.py build_1_2_5_buckets). */
export function tokenBuckets(maxModelLen: number): number[] {
  const out: number[] = [];
  for (let exp = 1; ; exp *= 10) {
    for (const m of [1, 2, 5]) {
      const v = m * exp;
      if (v > maxModelLen) return out;
      out.push(v);
    }
  }
}

function podMetrics(reg: Registry, maxModelLen: number) {
  const labelNames = ['model_name', 'engine'] as const;
  const h = (name: string, help: string, buckets: number[]) =>
    new Histogram({ name, help, labelNames, buckets, registers: [reg] });
  const c = (name: string, help: string, extra: string[] = []) =>
    new Counter({ name, help, labelNames: [...labelNames, ...extra], registers: [reg] });
  const g = (name: string, help: string) => new Gauge({ name, help, labelNames, registers: [reg] });
  const tokens = tokenBuckets(maxModelLen);
  return {
    running: g('vllm:num_requests_running', 'Number of requests in model execution batches.'),
    waiting: g('vllm:num_requests_waiting', 'Number of requests waiting to be processed.'),
    kvUsage: g('vllm:kv_cache_usage_perc', 'KV-cache usage. 1 means 100 percent usage.'),
    promptTokens: c('vllm:prompt_tokens_total', 'Number of prefill tokens processed.'),
    generationTokens: c('vllm:generation_tokens_total', 'Number of generation tokens processed.'),
    success: c('vllm:request_success_total', 'Count of successfully processed requests.', ['finished_reason']),
    preemptions: c('vllm:num_preemptions_total', 'Cumulative number of preemption from the engine.'),
    prefixQueries: c('vllm:prefix_cache_queries_total', 'Prefix cache queries, in terms of number of queried tokens.'),
    prefixHits: c('vllm:prefix_cache_hits_total', 'Prefix cache hits, in terms of number of cached tokens.'),
    e2e: h('vllm:e2e_request_latency_seconds', 'Histogram of e2e request latency in seconds.', REQUEST_LATENCY),
    queue: h(
      'vllm:request_queue_time_seconds',
      'Histogram of time spent in WAITING phase for request.',
      REQUEST_LATENCY,
    ),
    inference: h(
      'vllm:request_inference_time_seconds',
      'Histogram of time spent in RUNNING phase for request.',
      REQUEST_LATENCY,
    ),
    prefill: h(
      'vllm:request_prefill_time_seconds',
      'Histogram of time spent in PREFILL phase for request.',
      REQUEST_LATENCY,
    ),
    decode: h(
      'vllm:request_decode_time_seconds',
      'Histogram of time spent in DECODE phase for request.',
      REQUEST_LATENCY,
    ),
    ttft: h('vllm:time_to_first_token_seconds', 'Histogram of time to first token in seconds.', TTFT),
    itl: h('vllm:inter_token_latency_seconds', 'Histogram of inter-token latency in seconds.', ITL),
    tpot: h(
      'vllm:request_time_per_output_token_seconds',
      'Histogram of time_per_output_token_seconds per request.',
      ITL,
    ),
    promptLen: h('vllm:request_prompt_tokens', 'Number of prefill tokens processed.', tokens),
    genLen: h('vllm:request_generation_tokens', 'Number of generation tokens processed.', tokens),
    maxTokensParam: h('vllm:request_params_max_tokens', 'Histogram of the max_tokens request parameter.', tokens),
    iterationTokens: h(
      'vllm:iteration_tokens_total',
      'Histogram of number of tokens per engine_step.',
      ITERATION_TOKENS,
    ),
  };
}
type PodMetrics = ReturnType<typeof podMetrics>;

function record(m: PodMetrics, labels: { model_name: string; engine: string }, r: FinishedRequest): void {
  m.e2e.observe(labels, r.e2e);
  m.queue.observe(labels, r.queueTime);
  m.prefill.observe(labels, r.prefillTime);
  m.decode.observe(labels, r.decodeTime);
  m.inference.observe(labels, r.prefillTime + r.decodeTime);
  m.ttft.observe(labels, r.ttft);
  for (const gap of r.interTokenGaps) m.itl.observe(labels, gap);
  m.tpot.observe(labels, r.outputTokens > 1 ? r.decodeTime / (r.outputTokens - 1) : 0);
  m.promptLen.observe(labels, r.promptTokens);
  m.genLen.observe(labels, r.outputTokens);
  m.maxTokensParam.observe(labels, r.maxTokens);
  m.promptTokens.inc(labels, r.promptTokens);
  m.success.inc({ ...labels, finished_reason: r.finishReason });
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
  const metrics = podMetrics(reg, maxModelLen);
  const engines = Array.from({ length: pod.engines }, (_, i) => {
    const labels = { model_name: pod.model, engine: String(i) };
    const engine = new Engine(
      { ...engineConfig, maxModelLen },
      {
        onStep: (s) => {
          metrics.running.set(labels, s.running);
          metrics.waiting.set(labels, s.waiting);
          metrics.kvUsage.set(labels, s.kvUsage);
          if (s.tokens > 0) metrics.iterationTokens.observe(labels, s.tokens);
          if (s.generated > 0) metrics.generationTokens.inc(labels, s.generated);
        },
        onPreempt: () => metrics.preemptions.inc(labels),
        onPrefixLookup: (queried, hit) => {
          metrics.prefixQueries.inc(labels, queried);
          metrics.prefixHits.inc(labels, hit);
        },
      },
    );
    // Expose every series from the start, as vLLM does, so dashboards see zeros rather than "no data".
    metrics.running.set(labels, 0);
    metrics.waiting.set(labels, 0);
    metrics.kvUsage.set(labels, 0);
    metrics.preemptions.inc(labels, 0);
    return { engine, labels };
  });
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
      return send(res, 200, { object: 'list', data: [{ id: pod.model, object: 'model', owned_by: 'vllm' }] });
    }
    if (req.method === 'POST' && (url === '/v1/chat/completions' || url === '/v1/completions')) {
      readJson(req).then(
        (body) => {
          if (body.model !== pod.model) {
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
          target.engine.submit(promptTokens, maxTokens).then((done) => {
            record(metrics, target.labels, done);
            send(res, 200, {
              id: `cmpl-${Date.now().toString(36)}`,
              object: url.endsWith('chat/completions') ? 'chat.completion' : 'text_completion',
              model: pod.model,
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
