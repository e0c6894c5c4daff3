// Fleet-scale stand-ins for the local stack (`STACK_PODS=200 npm start`): hundreds of vLLM pods from ONE process
// on ONE port, each pod's /metrics at /pods/<pod>/metrics (Prometheus scrapes them as separate targets with `pod`
// attached). Metrics only: a pod runs no scheduler and serves no completions, because simulating hundreds of
// engines' requests would cost more CPU than the machine has. Each engine follows its own seeded load curve (a slow
// swell, a burst now and then, a few pods above capacity so that requests queue), and its gauges, counters and
// histograms are derived from that load, advanced on each scrape by the time since the last one. Every name, label
// and bucket layout comes from the catalogue in vllm-metrics.ts, as for the simulated pods.
//
//   tsx percli-scripts/stack/fleet-standins.ts --pods <standins.json> --port <port>
// standins.json: [{ "pod": "vllm-fleet-0003", "model": "llama-3.1-8b-instruct", "engines": 2 }, …]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

import { seededRandom } from './prng';
import {
  exportedFamilies,
  exposedName,
  familyNames,
  FINISHED_REASONS,
  histogramBounds,
  MetricFamily,
  MetricKey,
  VLLM_METRICS,
  WAITING_REASONS,
} from './vllm-metrics';

export interface StandinPod {
  pod: string;
  model: string;
  engines: number;
}

const MAX_NUM_SEQS = 64;
const MAX_MODEL_LEN = 4096;
/** At most this many observations per histogram per advance; their integer weights add up to the real count. */
const SAMPLES_PER_ADVANCE = 6;
/** The core families (no speculative decoding or LoRA: their metrics depend on a real scheduler's drafts). */
const FAMILIES = exportedFamilies('vllm', []);

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

class HistogramState {
  readonly counts: Float64Array;
  sum = 0;
  constructor(readonly bounds: readonly number[]) {
    this.counts = new Float64Array(bounds.length + 1);
  }
  observe(value: number, weight: number): void {
    let i = 0;
    while (i < this.bounds.length && value > this.bounds[i]) i++;
    this.counts[i] += weight;
    this.sum += value * weight;
  }
}

/** One engine's state: gauges as of the last advance, counters and histograms since start. */
export class StandinEngine {
  private readonly random: () => number;
  private readonly base: number;
  private readonly phase: number;
  private last = Date.now();
  private owed = 0;
  running = 0;
  waiting = 0;
  kv = 0;
  readonly counters = new Map<string, number>();
  readonly histograms = new Map<MetricKey, HistogramState>();

  constructor(seed: number) {
    this.random = seededRandom(seed);
    // Most engines comfortable, one in eight past its batch limit (queueing), a few idle-ish.
    this.base = this.random() < 0.125 ? 1.05 + 0.3 * this.random() : 0.1 + 0.8 * this.random();
    this.phase = 2 * Math.PI * this.random();
    for (const key of FAMILIES) {
      if (VLLM_METRICS[key].type === 'histogram')
        this.histograms.set(key, new HistogramState(histogramBounds(key, MAX_MODEL_LEN)));
    }
    this.advance(this.last);
  }

  private count(name: string, by: number): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + by);
  }

  private lognormal(median: number, sigma: number): number {
    const z = Math.sqrt(-2 * Math.log(1 - this.random())) * Math.cos(2 * Math.PI * this.random());
    return median * Math.exp(sigma * z);
  }

  /** Load at `now`: a 10-minute swell, a 15-second burst every 90 s (shifted per engine), a little noise. */
  private load(now: number): number {
    const seconds = now / 1000;
    const swell = 1 + 0.25 * Math.sin((2 * Math.PI * seconds) / 600 + this.phase);
    const burst = (seconds + this.phase * 14) % 90 < 15 ? 1.4 : 1;
    return Math.max(0, this.base * swell * burst + 0.03 * (this.random() - 0.5));
  }

  advance(now: number): void {
    const dt = Math.max(0, (now - this.last) / 1000);
    this.last = now;
    const load = this.load(now);
    this.running = Math.min(MAX_NUM_SEQS, Math.round(MAX_NUM_SEQS * Math.min(load, 1)));
    this.waiting = load > 1 ? Math.round((load - 1) * 60) : 0;
    const kv = 0.88 * (this.running / MAX_NUM_SEQS) + (this.waiting > 0 ? 0.1 : 0) + 0.02 * this.random();
    this.kv = Math.round(Math.min(1, kv) * 1e4) / 1e4;
    if (this.kv > 0.97 && this.random() < 0.3) this.count('preemptions', 1);

    // Little's law: finished requests per second = running / time in the batch.
    const e2eMedian = 2 * (1 + this.waiting / 20);
    this.owed += (this.running / e2eMedian) * dt;
    const finished = Math.floor(this.owed);
    this.owed -= finished;
    if (finished === 0) return;
    const samples = Math.min(finished, SAMPLES_PER_ADVANCE);
    for (let s = 0; s < samples; s++) {
      const weight = Math.floor(finished / samples) + (s < finished % samples ? 1 : 0);
      const prompt = Math.max(1, Math.min(3000, Math.round(this.lognormal(400, 0.8))));
      const output = Math.max(1, Math.min(1000, Math.round(this.lognormal(180, 0.7))));
      const queue = this.waiting > 0 ? this.lognormal(0.5 + this.waiting / 10, 0.5) : this.lognormal(0.01, 0.5);
      const prefill = this.lognormal(0.05 + prompt / 20000, 0.3);
      const tpot = this.lognormal(0.02 * (1 + load), 0.25);
      const decode = tpot * (output - 1);
      const observe = (key: MetricKey, value: number) => this.histograms.get(key)?.observe(value, weight);
      observe('e2e', queue + prefill + decode);
      observe('queue', queue);
      observe('prefill', prefill);
      observe('decode', decode);
      observe('inference', prefill + decode);
      observe('ttft', queue + prefill);
      observe('itl', tpot);
      observe('requestTpot', tpot);
      observe('promptLength', prompt);
      observe('generationLength', output);
      observe('maxTokensParam', Math.min(MAX_MODEL_LEN - prompt, 1024));
      observe('iterationTokens', Math.max(1, Math.round(this.running * (1 + this.random()))));
      this.count('promptTokens', prompt * weight);
      this.count('generationTokens', output * weight);
      this.count('prefixCacheQueries', prompt * weight);
      this.count('prefixCacheHits', Math.round(prompt * 0.3 * this.random()) * weight);
      this.count(`requestSuccess:${this.random() < 0.9 ? 'stop' : 'length'}`, weight);
    }
  }
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labelText = (labels: Record<string, string>) =>
  `{${Object.entries(labels)
    .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
    .join(',')}}`;

/** The Prometheus text exposition of one pod: every core family, one series set per engine. */
export function podExposition(pod: StandinPod, engines: readonly StandinEngine[]): string {
  const lines: string[] = [];
  for (const key of FAMILIES) {
    const family: MetricFamily = VLLM_METRICS[key];
    const name = exposedName(family, familyNames('vllm', key)[0]);
    lines.push(`# HELP ${name} ${family.help}`, `# TYPE ${name} ${family.type}`);
    engines.forEach((engine, i) => {
      const labels = { model_name: pod.model, engine: String(i) };
      const line = (suffix: string, extra: Record<string, string>, value: number) =>
        lines.push(`${name}${suffix}${labelText({ ...labels, ...extra })} ${value}`);
      if (family.type === 'histogram') {
        const h = engine.histograms.get(key)!;
        let cumulative = 0;
        h.bounds.forEach((bound, b) => line('_bucket', { le: String(bound) }, (cumulative += h.counts[b])));
        cumulative += h.counts[h.bounds.length];
        line('_bucket', { le: '+Inf' }, cumulative);
        line('_sum', {}, h.sum);
        line('_count', {}, cumulative);
      } else if (key === 'requestSuccess') {
        for (const reason of FINISHED_REASONS)
          line('', { finished_reason: reason }, engine.counters.get(`requestSuccess:${reason}`) ?? 0);
      } else if (key === 'waitingByReason') {
        for (const reason of WAITING_REASONS) line('', { reason }, reason === 'capacity' ? engine.waiting : 0);
      } else if (family.type === 'counter') {
        line('', {}, engine.counters.get(key) ?? 0);
      } else {
        line('', {}, key === 'running' ? engine.running : key === 'waiting' ? engine.waiting : engine.kv);
      }
    });
  }
  return `${lines.join('\n')}\n`;
}

function main(): void {
  const arg = (flag: string) => {
    const at = process.argv.indexOf(flag);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const podsFile = arg('--pods');
  const port = Number(arg('--port'));
  if (!podsFile || !Number.isInteger(port)) {
    console.error('usage: tsx percli-scripts/stack/fleet-standins.ts --pods <standins.json> --port <port>');
    process.exit(2);
  }
  const pods = new Map(
    (JSON.parse(readFileSync(podsFile, 'utf8')) as StandinPod[]).map((pod) => [
      pod.pod,
      { pod, engines: Array.from({ length: pod.engines }, (_, i) => new StandinEngine(hash(`${pod.pod}/${i}`))) },
    ]),
  );
  const server = createServer((req, res) => {
    const match = /^\/pods\/([^/]+)\/metrics$/.exec(req.url ?? '');
    const entry = match && req.method === 'GET' ? pods.get(decodeURIComponent(match[1])) : undefined;
    if (req.url === '/health') return void res.writeHead(200).end();
    if (!entry) return void res.writeHead(404, { 'content-type': 'text/plain' }).end(`no stand-in at ${req.url}\n`);
    const now = Date.now();
    for (const engine of entry.engines) engine.advance(now);
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
    res.end(podExposition(entry.pod, entry.engines));
  });
  server.listen(port, '127.0.0.1', () =>
    console.log(`fleet-standins: ${pods.size} metrics-only pods on 127.0.0.1:${port}/pods/<pod>/metrics`),
  );
  const shutdown = () => server.close(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

if (process.argv[1] && /fleet-standins\.ts$/.test(process.argv[1])) main();
