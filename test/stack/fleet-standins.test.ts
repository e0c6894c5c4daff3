// The fleet-scale stand-ins (STACK_PODS) write what a vLLM pod writes: the same sample names as the catalogue's
// history for vLLM without optional features, histograms that are cumulative with _count equal to the +Inf bucket,
// gauges in their ranges and counters that never go down.
import { standinPods } from '../../percli-scripts/stack/fleet';
import { podExposition, StandinEngine } from '../../percli-scripts/stack/fleet-standins';
import { vllmOpenMetrics } from '../support/vllm-tsdb';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function samples(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{([^}]*)\} (\S+)(?: \S+)?$/.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...m[2].matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    out.push({ name: m[1], labels, value: m[3] === '+Inf' ? Infinity : Number(m[3]) });
  }
  return out;
}

const pod = { pod: 'vllm-fleet-0000', model: 'llama-3.1-8b-instruct', engines: 2 };

test('stand-ins bring the fleet to the asked size, named in order, models taken in turn', () => {
  const fleet = [
    { pod: 'a', model: 'm1' },
    { pod: 'b', model: 'm1' },
    { pod: 'c', model: 'm2' },
  ];
  const pods = standinPods(fleet, 7, 3);
  expect(pods).toEqual([
    { pod: 'vllm-fleet-0000', model: 'm1', engines: 3 },
    { pod: 'vllm-fleet-0001', model: 'm2', engines: 3 },
    { pod: 'vllm-fleet-0002', model: 'm1', engines: 3 },
    { pod: 'vllm-fleet-0003', model: 'm2', engines: 3 },
  ]);
  expect(standinPods(fleet, 2, 1)).toEqual([]);
});

test('a stand-in pod exposes the sample names vLLM writes, per engine, with sound histograms and gauges', () => {
  const engines = [new StandinEngine(1), new StandinEngine(2)];
  const now = Date.now();
  for (const [i, engine] of engines.entries()) engine.advance(now + 30_000 * (i + 1));
  const first = samples(podExposition(pod, engines));

  const history = samples(
    vllmOpenMetrics([{ flavour: 'vllm', model: 'm', job: 'j', instance: 'h:1', requestsPerSecond: 1 }]),
  );
  const names = (list: Sample[]) => [...new Set(list.map((s) => s.name))].filter((n) => n !== 'up').sort();
  expect(names(first)).toEqual(names(history));

  for (const engine of ['0', '1']) {
    const of = (name: string) => first.filter((s) => s.name === name && s.labels.engine === engine);
    expect(of('vllm:kv_cache_usage_perc')[0].labels.model_name).toBe(pod.model);
    const [kv] = of('vllm:kv_cache_usage_perc').map((s) => s.value);
    const [running] = of('vllm:num_requests_running').map((s) => s.value);
    const [waiting] = of('vllm:num_requests_waiting').map((s) => s.value);
    expect(kv).toBeGreaterThanOrEqual(0);
    expect(kv).toBeLessThanOrEqual(1);
    expect(Number.isInteger(running) && running >= 0 && running <= 64).toBe(true);
    expect(Number.isInteger(waiting) && waiting >= 0).toBe(true);
    for (const bucketName of names(first).filter((n) => n.endsWith('_bucket'))) {
      const buckets = of(bucketName).map((s) => s.value);
      buckets.forEach((v, i) => i > 0 && expect(v).toBeGreaterThanOrEqual(buckets[i - 1]));
      expect(of(bucketName.replace(/_bucket$/, '_count'))[0].value).toBe(buckets[buckets.length - 1]);
    }
  }
  expect(first.find((s) => s.name === 'vllm:e2e_request_latency_seconds_count')!.value).toBeGreaterThan(0);

  // A minute later every counter and histogram count is at least what it was.
  for (const engine of engines) engine.advance(now + 90_000);
  const later = samples(podExposition(pod, engines));
  const key = (s: Sample) => `${s.name}${JSON.stringify(s.labels)}`;
  const before = new Map(first.map((s) => [key(s), s.value]));
  for (const s of later.filter((x) => /(_total|_bucket|_count|_sum)$/.test(x.name)))
    expect(s.value).toBeGreaterThanOrEqual(before.get(key(s)) ?? 0);
});
