// Benchmark (figures and ratios, never pass/fail) of the histogram model behind the Latency Quad at fleet size,
// against the code before the fleet-scale work (test/bench/support/baseline.ts) in the same run:
//   - `groupBucketSeries` from Perses-shaped `TimeSeries` results: 2,300 and 23,000 series (100 and 1,000 groups ×
//     22 buckets + `_sum`) × 1,440 points, and the heap the grouped result keeps;
//   - the per-step quantile engine (p50/p90/p99 at every step) against one plain pass over the same numbers
//     (summing the groups' step matrices once).
//
//   tsx test/bench/quad-model.bench.ts        (part of `npm run bench`)
import os from 'node:os';
import path from 'node:path';

import { baselineSrc } from './support/baseline';
import { liveHeap, markdownTable, mb, median, ms, speedup, time } from './support/measure';
import { quadSeries } from './support/quad-data';

type Model = typeof import('../../src/model/histogram');

const STEPS = 1440;
const QS = [0.5, 0.9, 0.99];

async function main(): Promise<void> {
  const now: Model = await import('../../src/model/histogram');
  const baseline = baselineSrc();
  const before: Model | undefined =
    'unavailable' in baseline ? undefined : await import(path.join(baseline.src, 'model/histogram'));
  if ('unavailable' in baseline) console.log(`baseline unavailable: ${baseline.unavailable}; today's figures only`);
  const ref = 'unavailable' in baseline ? '' : baseline.ref;

  const groupingRows: string[][] = [];
  for (const groups of [100, 1000]) {
    const series = quadSeries({ groups, steps: STEPS });
    const runs = groups >= 1000 ? 3 : 5;
    // 'group': groupBucketSeries alone; 'headline': plus what every row needs whether on screen or not (the
    // whole-range histogram and the NaN/negative checks); 'matrix': plus every row's step matrix.
    const measure = (model: Model, mode: 'group' | 'headline' | 'matrix') => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        times.push(
          time(() => {
            const grouped = model.groupBucketSeries(series);
            for (const g of grouped.groups) {
              if (mode === 'headline') {
                if (model.hasNonFiniteSample(g) || model.hasNegativeSample(g)) throw new Error('unexpected');
                model.wholeRangeHistogram(g);
              }
              // Reading the step matrix: what the old code always built, the new one only for rows on screen.
              if (mode === 'matrix' && g.counts.length < 0) throw new Error('unreachable');
            }
          }),
        );
      }
      const start = liveHeap();
      const kept = model.groupBucketSeries(series);
      const heap = liveHeap() - start;
      if (kept.groups.length !== groups) throw new Error(`expected ${groups} groups, got ${kept.groups.length}`);
      return { time: median(times), heap };
    };
    // One untimed run each first (JIT warm-up), so neither side pays for compiling the other's order.
    if (before) before.groupBucketSeries(series);
    now.groupBucketSeries(series);
    const b = before && measure(before, 'group');
    const n = measure(now, 'group');
    const bh = before && measure(before, 'headline');
    const nh = measure(now, 'headline');
    const nm = measure(now, 'matrix');
    // The floor: reading every [t, v] pair once and adding the values, nothing else.
    const tupleTimes: number[] = [];
    let sink = 0;
    for (let i = 0; i < runs; i++) {
      tupleTimes.push(
        time(() => {
          for (const s of series) {
            const values = s.values;
            for (let j = 0; j < values.length; j++) if (values[j][0] > 0) sink += values[j][1] ?? 0;
          }
        }),
      );
    }
    if (Number.isNaN(sink)) console.log('  (checksum NaN)');
    const pair = (x: number | undefined, y: number, show: (v: number) => string) =>
      x === undefined ? show(y) : `${show(x)} → ${show(y)} (${speedup(x, y)})`;
    groupingRows.push([
      `${series.length.toLocaleString('en-US')} series (${groups.toLocaleString('en-US')} groups) × ${STEPS.toLocaleString('en-US')} points`,
      pair(b?.time, n.time, ms),
      pair(bh?.time, nh.time, ms),
      pair(b?.time, nm.time, ms),
      pair(b?.heap, n.heap, mb),
      `${ms(median(tupleTimes))} (now ÷ it: ${(n.time / median(tupleTimes)).toFixed(1)}×)`,
    ]);
  }

  // The engine on 100 groups' step matrices (3.3 million bucket-samples), both codes on the same groups' numbers.
  const series = quadSeries({ groups: 100, steps: STEPS });
  const engineRows: string[][] = [];
  const plainPass = (groups: ReadonlyArray<{ counts: Float64Array }>) => {
    let sink = 0;
    for (const g of groups) {
      const counts = g.counts;
      for (let i = 0; i < counts.length; i++) sink += counts[i];
    }
    return sink;
  };
  for (const [label, model] of [...(before ? [[`before (${ref})`, before] as const] : []), ['now', now] as const]) {
    const groups = model.groupBucketSeries(series).groups;
    const samples = groups.reduce((s, g) => s + g.counts.length, 0);
    let sink = 0;
    const engine = () => {
      for (const g of groups) sink += model.quantilesPerStep(g, QS)[2][700];
    };
    for (let i = 0; i < 3; i++) engine(); // JIT warm-up
    for (let i = 0; i < 3; i++) sink += plainPass(groups);
    const engineTimes: number[] = [];
    const plainTimes: number[] = [];
    for (let i = 0; i < 9; i++) {
      engineTimes.push(time(engine));
      plainTimes.push(time(() => (sink += plainPass(groups))));
    }
    if (!Number.isFinite(sink)) console.log('  (checksum not finite)');
    const e = median(engineTimes);
    const p = median(plainTimes);
    engineRows.push([
      label,
      `${(samples / 1e6).toFixed(1)} M`,
      ms(e),
      ms(p),
      `${(e / p).toFixed(2)}×`,
      `${((samples / e) * 1e-3).toFixed(0)} M/s`,
    ]);
  }

  console.log(
    `\ngroupBucketSeries from Perses TimeSeries ([ms, value] tuples), 22 buckets + _sum per group; before → now ` +
      `(before ÷ now), median of 5 (3 at 23,000 series); heap = what the grouped result keeps after a full GC; ` +
      `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores\n`,
  );
  console.log(
    markdownTable(
      [
        'input',
        'grouping',
        "grouping + every row's headline",
        'grouping + every step matrix',
        'heap kept',
        'one plain pass over the pairs',
      ],
      groupingRows,
    ),
  );
  console.log(
    `\nPer-step quantile engine: p50/p90/p99 at every step of 100 groups × 22 buckets × ${STEPS} steps, median of 9, ` +
      `against one plain pass summing the same step matrices once (target: engine ≤ 1.5× the plain pass)\n`,
  );
  console.log(
    markdownTable(['code', 'bucket-samples', 'engine', 'plain pass', 'engine ÷ plain pass', 'throughput'], engineRows),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
