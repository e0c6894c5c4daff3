// One description of vLLM's metrics for both places that write them: the stand-in pod of the local stack and the
// history the data-backed suites backfill. If either drifts from the catalogue (a name, a label, a bucket), the
// dashboards could work in the tests and not on `npm start`, or the other way round.

import { startPod } from '../../percli-scripts/stack/vllm-emitter';
import { BUCKETS, exportedFamilies, familyNames, requestTokenBuckets } from '../../percli-scripts/stack/vllm-metrics';
import { freePort } from '../support/prometheus';
import { vllmOpenMetrics } from '../support/vllm-tsdb';

/** Labels Prometheus attaches from the scrape target; not part of what vLLM writes. */
const TARGET_LABELS = new Set(['job', 'instance', 'namespace', 'service', 'pod']);

/** Per sample name: its label names (target labels and `le` left out) and, for buckets, the `le` bounds in order. */
function shape(text: string): Map<string, { labels: string; bounds?: string }> {
  const out = new Map<string, { labels: string; bounds?: string }>();
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{([^}]*)\}/.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...m[2].matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    const names = Object.keys(labels)
      .filter((l) => !TARGET_LABELS.has(l) && l !== 'le')
      .sort()
      .join(',');
    const entry = out.get(m[1]) ?? { labels: names };
    if (entry.labels !== names) throw new Error(`${m[1]}: label sets ${entry.labels} and ${names} in one family`);
    if (labels.le !== undefined) {
      // Bounds of the first series only: every series of a family has the same layout.
      const first = entry.bounds?.split(',') ?? [];
      if (!first.includes(labels.le)) entry.bounds = [...first, labels.le].join(',');
    }
    out.set(m[1], entry);
  }
  return out;
}

test("bucket layouts are vLLM's defaults (vllm/v1/metrics/buckets.py)", () => {
  expect(BUCKETS.requestLatency).toEqual([
    0.3, 0.5, 0.8, 1, 1.5, 2, 2.5, 5, 10, 15, 20, 30, 40, 50, 60, 120, 240, 480, 960, 1920, 7680,
  ]);
  expect(BUCKETS.ttft).toEqual([
    0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 20, 40, 80, 160, 640, 2560,
  ]);
  expect(BUCKETS.itl).toEqual([
    0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 20, 40, 80,
  ]);
  expect(BUCKETS.iterationTokens).toEqual([1, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384]);
  expect(requestTokenBuckets(4096)).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000]);
  expect(requestTokenBuckets(1024)).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
});

test('flavours: the simulator lacks preemptions, engine steps, waiting reasons and spec decode; legacy uses the old names', () => {
  const sim = exportedFamilies('sim', ['specDecode', 'lora']);
  for (const key of ['preemptions', 'iterationTokens', 'waitingByReason', 'specDecodeDrafts'] as const)
    expect(sim).not.toContain(key);
  expect(sim).toContain('loraRequestsInfo');
  expect(exportedFamilies('vllm')).not.toContain('specDecodeDrafts');
  expect(familyNames('sim', 'itl')).toEqual(['vllm:inter_token_latency_seconds', 'vllm:time_per_output_token_seconds']);
  expect(familyNames('legacy', 'kvUsage')).toEqual(['vllm:gpu_cache_usage_perc']);
  expect(familyNames('legacy', 'prefixCacheHits')).toEqual(['vllm:gpu_prefix_cache_hits']);
});

test('the stand-in pod and the backfilled vLLM history write the same samples, labels and buckets', async () => {
  const port = await freePort();
  const stop = startPod(
    {
      pod: 'p',
      port,
      model: 'm',
      engines: 1,
      specDecode: { tokens: 3 },
      lora: { adapters: ['sql-lora', 'support-lora', 'summarise-lora'], maxLoras: 2 },
    },
    { stepBase: 0.002, stepPerSeq: 0 },
  );
  let live: string;
  try {
    // Requests for the base model and an adapter, so every histogram has observations and is exposed.
    for (const model of ['m', 'sql-lora'])
      await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model, max_tokens: 8, messages: [{ role: 'user', content: 'x'.repeat(400) }] }),
      });
    live = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  } finally {
    await stop();
  }
  const history = vllmOpenMetrics([
    {
      flavour: 'vllm',
      model: 'm',
      job: 'j',
      instance: 'h:1',
      requestsPerSecond: 1,
      features: ['specDecode', 'lora'],
    },
  ]);
  const fromHistory = shape(history);
  fromHistory.delete('up'); // Prometheus's, not vLLM's
  expect(Object.fromEntries(shape(live))).toEqual(Object.fromEntries(fromHistory));
});
