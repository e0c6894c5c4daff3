// Benchmark of the histogram engine's per-step path: p50/p90/p99 and the mean at every step for
// 100 histograms × 22 buckets × 1,440 steps (a day at 1-minute steps, vLLM request_latency layout), as the
// latency-quad panel computes them. Prints figures only (median of several runs), never pass/fail.
//
//   tsx test/bench/histogram.bench.ts            (part of `npm run bench`)
//
// Target (issue 2): ≥ 50 million bucket-samples per second on a 2-core machine.

import os from 'node:os';

import { seededRandom } from '../../percli-scripts/stack/prng';
import { BUCKETS } from '../../percli-scripts/stack/vllm-metrics';
import {
  groupBucketSeries,
  HistogramGroup,
  quantilesPerStep,
  SeriesLike,
  totalPerStep,
} from '../../src/model/histogram';

const HISTOGRAMS = 100;
const STEPS = 1440;
const STEP_MS = 60_000;
const START_MS = 1_704_067_200_000;
const BOUNDS = [...BUCKETS.requestLatency, Infinity];
const ITERATIONS = 15;

/** Bucket-rate series (`rate(X_bucket[5m])`-like, cumulative over le) and a `_sum` rate per histogram. */
function buildSeries(): SeriesLike[] {
  const random = seededRandom(1);
  const out: SeriesLike[] = [];
  for (let h = 0; h < HISTOGRAMS; h++) {
    const labels = { model_name: `model-${h % 10}`, engine: String(Math.floor(h / 10)), instance: `10.0.0.${h}:8000` };
    const median = 0.5 + 20 * random();
    const rows = BOUNDS.map(() => new Array<[number, number]>(STEPS));
    const sums = new Array<[number, number]>(STEPS);
    for (let step = 0; step < STEPS; step++) {
      const t = START_MS + step * STEP_MS;
      const rate = 5 * (1 + Math.sin(step / 200 + h)) * random();
      // Log-normal shares per bucket, cumulative.
      let cumulative = 0;
      let previousCdf = 0;
      BOUNDS.forEach((bound, i) => {
        const z = bound === Infinity ? Infinity : Math.log(bound / median) / 1.1;
        const cdf = z === Infinity ? 1 : 0.5 * (1 + Math.tanh(0.8 * z * (1 + 0.04 * z * z)));
        cumulative += rate * (cdf - previousCdf);
        previousCdf = cdf;
        rows[i][step] = [t, cumulative];
      });
      sums[step] = [t, rate * median * 1.3];
    }
    BOUNDS.forEach((bound, i) =>
      out.push({ labels: { ...labels, le: bound === Infinity ? '+Inf' : String(bound) }, values: rows[i] }),
    );
    out.push({ labels, values: sums });
  }
  return out;
}

/** Mean per step = rate(_sum) / +Inf bucket, the panel's `meanInput: sum` contract. */
function meanPerStep(group: HistogramGroup, sum: SeriesLike): Float64Array {
  const totals = totalPerStep(group);
  const out = new Float64Array(totals.length);
  for (let i = 0; i < totals.length; i++) {
    const v = sum.values[i][1];
    out[i] = v === null || !(totals[i] > 0) ? NaN : v / totals[i];
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall and CPU milliseconds of one call. */
function timed(f: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** The machine's speed right now: one plain pass summing as many doubles as there are bucket-samples. */
function calibrate(samples: number): { wall: number; cpu: number } {
  const data = new Float64Array(samples).map((_, i) => i % 17);
  let sink = 0;
  const runs: Array<{ wall: number; cpu: number }> = [];
  for (let r = 0; r < 9; r++) {
    runs.push(
      timed(() => {
        for (let i = 0; i < data.length; i++) sink += data[i];
      }),
    );
  }
  if (sink < 0) console.log(sink);
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) };
}

function main(): void {
  const series = buildSeries();
  const groupTimes: Array<{ wall: number; cpu: number }> = [];
  let grouped = groupBucketSeries(series);
  for (let i = 0; i < 5; i++) groupTimes.push(timed(() => (grouped = groupBucketSeries(series))));
  const { groups, plain } = grouped;
  const sumByKey = new Map(plain.map((s) => [groups.find((g) => g.labels.instance === s.labels?.instance)!.key, s]));
  const bucketSamples = groups.reduce((n, g) => n + g.timestamps.length * g.bounds.length, 0);

  const qs = [0.5, 0.9, 0.99];
  let checksum = 0;
  const run = () => {
    for (const g of groups) {
      const [p50, p90, p99] = quantilesPerStep(g, qs);
      const mean = meanPerStep(g, sumByKey.get(g.key)!);
      checksum += p50[7] + p90[700] + p99[1400] + mean[3];
    }
  };
  for (let i = 0; i < 3; i++) run(); // warm-up (JIT)
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
  }
  const ms = median(times);
  const cpuMs = median(cpuTimes);
  const rate = bucketSamples / (ms / 1000);
  const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
  console.log(
    `histogram engine: ${groups.length} histograms × ${groups[0].bounds.length} buckets × ${groups[0].timestamps.length} steps = ${fmt(bucketSamples)} bucket-samples`,
  );
  console.log(
    `  per-step p50/p90/p99 + mean: median ${fmt(ms)} ms over ${ITERATIONS} runs (min ${fmt(Math.min(...times))}, max ${fmt(Math.max(...times))})`,
  );
  console.log(`  throughput: ${fmt(rate / 1e6)} million bucket-samples/s wall-clock (target ≥ 50)`);
  // CPU time (user + system) of this process: the same work without the time other processes took the cores.
  console.log(
    `  CPU time: median ${fmt(cpuMs)} ms → ${fmt(bucketSamples / (cpuMs / 1000) / 1e6)} million bucket-samples per CPU-second; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
  );
  console.log(
    `  groupBucketSeries (once per query result, from ${fmt(series.length)} series of [t, v] tuples): median ${fmt(median(groupTimes.map((t) => t.wall)))} ms wall, ${fmt(median(groupTimes.map((t) => t.cpu)))} ms CPU`,
  );
  const base = calibrate(bucketSamples);
  console.log(
    `  machine now: a plain loop summing ${fmt(bucketSamples)} doubles takes ${fmt(base.wall)} ms wall, ${fmt(base.cpu)} ms CPU ` +
      `→ the per-step work costs ${fmt(cpuMs / base.cpu)}× one plain pass over its data`,
  );
  if (!Number.isFinite(checksum)) console.log('  (checksum not finite: some step had no traffic)');
}

main();
