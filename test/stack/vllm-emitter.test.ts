// The stack's stand-in vLLM pod: real metric names, labels and bucket layouts, and numbers that are
// observations of the requests it served. Plus the load generator's guard rails.

import { currentRate, parseArgs, pickModel } from '../../percli-scripts/stack/loadgen';
import { startPod } from '../../percli-scripts/stack/vllm-emitter';
import { BUCKETS } from '../../percli-scripts/stack/vllm-metrics';
import { freePort } from '../support/prometheus';

const TTFT = [...BUCKETS.ttft, '+Inf'].join(',');
const REQUEST_LATENCY = [...BUCKETS.requestLatency, '+Inf'].join(',');

/** `le` values of one histogram's buckets for one label set, in exposition order. */
function bucketBounds(text: string, metric: string, engine: string): string {
  return [...text.matchAll(new RegExp(`^${metric}_bucket\\{le="([^"]+)",model_name="m",engine="${engine}"\\} `, 'gm'))]
    .map((m) => m[1])
    .join(',');
}

function value(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (!line) throw new Error(`no series ${series}`);
  return Number(line.slice(series.length + 1));
}

test('a pod serves completions and its /metrics observe exactly those requests', async () => {
  const port = await freePort();
  const stop = startPod({ pod: 'p', port, model: 'm', engines: 2 }, { stepBase: 0.002, stepPerSeq: 0 });
  try {
    const url = `http://127.0.0.1:${port}`;
    const ask = (body: object) =>
      fetch(`${url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const answers = await Promise.all(
      [4, 8, 16, 32].map((maxTokens) =>
        ask({ model: 'm', max_tokens: maxTokens, messages: [{ role: 'user', content: 'x'.repeat(400) }] }).then((r) =>
          r.json(),
        ),
      ),
    );
    const generated = answers.reduce((n, a) => n + a.usage.completion_tokens, 0);
    for (const a of answers) expect(a.usage.prompt_tokens).toBe(100);

    const wrongModel = await ask({ model: 'other', messages: [] });
    expect(wrongModel.status).toBe(404);

    const text = await (await fetch(`${url}/metrics`)).text();
    // Round-robin over the two engines: two requests each, labelled like vLLM V1 (model_name, engine).
    for (const engine of ['0', '1']) {
      expect(value(text, `vllm:e2e_request_latency_seconds_count{model_name="m",engine="${engine}"}`)).toBe(2);
      expect(bucketBounds(text, 'vllm:time_to_first_token_seconds', engine)).toBe(TTFT);
      expect(bucketBounds(text, 'vllm:e2e_request_latency_seconds', engine)).toBe(REQUEST_LATENCY);
      expect(value(text, `vllm:num_requests_running{model_name="m",engine="${engine}"}`)).toBe(0);
    }
    const promptTokens = ['0', '1'].reduce(
      (n, e) => n + value(text, `vllm:prompt_tokens_total{model_name="m",engine="${e}"}`),
      0,
    );
    expect(promptTokens).toBe(400);
    const generationTokens = ['0', '1'].reduce(
      (n, e) => n + value(text, `vllm:generation_tokens_total{model_name="m",engine="${e}"}`),
      0,
    );
    expect(generationTokens).toBe(generated);
    // One inter-token gap per output token after the first.
    const itl = ['0', '1'].reduce(
      (n, e) => n + value(text, `vllm:inter_token_latency_seconds_count{model_name="m",engine="${e}"}`),
      0,
    );
    expect(itl).toBe(generated - answers.length);
  } finally {
    await stop();
  }
});

test('the load generator only targets loopback and bursts on schedule', () => {
  const exit = jest.spyOn(process, 'exit').mockImplementation(((code: number) => {
    throw new Error(`exit ${code}`);
  }) as never);
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    expect(() => parseArgs(['--target', 'http://10.0.0.1:8000=m'])).toThrow('exit 2');
    expect(error.mock.calls[0][0]).toMatch(/only loopback targets are allowed/);
    expect(() => parseArgs(['--rate', '-1', '--target', 'http://127.0.0.1:1=m'])).toThrow('exit 2');
  } finally {
    exit.mockRestore();
    error.mockRestore();
  }
  const opts = parseArgs([
    '--target',
    'http://127.0.0.1:8000=m',
    '--rate',
    '2',
    '--burst-every',
    '90',
    '--burst-seconds',
    '15',
    '--burst-factor',
    '4',
  ]);
  expect(opts.targets).toEqual([
    { url: 'http://127.0.0.1:8000', model: 'm', adapters: [], inflight: 0, sent: 0, failed: 0 },
  ]);
  expect(currentRate(opts, 0)).toBeCloseTo(2);
  expect(currentRate(opts, 80)).toBeCloseTo(4 * 2 * (1 + 0.5 * Math.sin((2 * Math.PI * 80) / 600)));
});

test('the load generator sends a share of its requests to the LoRA adapters a target lists', () => {
  const draws = [0.1, 0.5, 0.9, 0.39, 0.2];
  let i = 0;
  const random = () => draws[i++ % draws.length];
  const target = { model: 'base', adapters: ['a', 'b'] };
  // 0.1 < share → an adapter (index ⌊2 × 0.5²⌋ = 0); 0.9 ≥ share → the base model; 0.39 → adapter ⌊2 × 0.2²⌋ = 0.
  expect([pickModel(target, random), pickModel(target, random), pickModel(target, random)]).toEqual(['a', 'base', 'a']);
  expect(pickModel({ model: 'base', adapters: [] }, () => 0)).toBe('base');
});

/** Asks a pod for `n` completions of a 100-token prompt, `maxTokens` each, for `model`. */
async function complete(port: number, model: string, n: number, maxTokens: number) {
  return Promise.all(
    Array.from({ length: n }, () =>
      fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model, max_tokens: maxTokens, messages: [{ role: 'user', content: 'x'.repeat(400) }] }),
      }).then((r) => r.json() as Promise<{ model: string; usage: { completion_tokens: number } }>),
    ),
  );
}

test('speculative decoding: accepted tokens are counted per draft position and never exceed the drafts', async () => {
  const port = await freePort();
  const stop = startPod(
    { pod: 'p', port, model: 'm', engines: 1, specDecode: { tokens: 3 } },
    { stepBase: 0.002, stepPerSeq: 0 },
  );
  try {
    const answers = await complete(port, 'm', 4, 64);
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const labels = 'model_name="m",engine="0"';
    const drafts = value(text, `vllm:spec_decode_num_drafts_total{${labels}}`);
    const draftTokens = value(text, `vllm:spec_decode_num_draft_tokens_total{${labels}}`);
    const accepted = value(text, `vllm:spec_decode_num_accepted_tokens_total{${labels}}`);
    const perPosition = [0, 1, 2].map((p) =>
      value(text, `vllm:spec_decode_num_accepted_tokens_per_pos_total{${labels},position="${p}"}`),
    );
    expect(draftTokens).toBe(3 * drafts);
    expect(perPosition.reduce((a, b) => a + b, 0)).toBe(accepted);
    expect(perPosition[1]).toBeLessThanOrEqual(perPosition[0]);
    expect(perPosition[2]).toBeLessThanOrEqual(perPosition[1]);
    expect(accepted).toBeGreaterThan(0);
    // Each step streams 1 + accepted tokens: fewer inter-token observations than tokens after the first.
    const generated = answers.reduce((n, a) => n + a.usage.completion_tokens, 0);
    expect(value(text, `vllm:generation_tokens_total{${labels}}`)).toBe(generated);
    const itl = value(text, `vllm:inter_token_latency_seconds_count{${labels}}`);
    expect(itl).toBeLessThan(generated - answers.length);
  } finally {
    await stop();
  }
});

test('LoRA: the pod lists its adapters, serves them, and reports lora_requests_info and waiting reasons', async () => {
  const port = await freePort();
  const stop = startPod(
    { pod: 'p', port, model: 'm', engines: 1, lora: { adapters: ['a1', 'a2'], maxLoras: 1 } },
    { stepBase: 0.002, stepPerSeq: 0 },
  );
  try {
    const models = (await (await fetch(`http://127.0.0.1:${port}/v1/models`)).json()) as {
      data: Array<{ id: string; parent?: string }>;
    };
    expect(models.data.map((m) => [m.id, m.parent])).toEqual([
      ['m', undefined],
      ['a1', 'm'],
      ['a2', 'm'],
    ]);
    const answers = await Promise.all([complete(port, 'a1', 2, 16), complete(port, 'a2', 2, 16)]);
    expect(answers.flat().map((a) => a.model)).toEqual(['a1', 'a1', 'a2', 'a2']);
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const info = text.split('\n').filter((l) => l.startsWith('vllm:lora_requests_info{'));
    // One series per combination seen; with --max-loras 1 the second adapter waited while the first ran.
    expect(info.some((l) => /running_lora_adapters="a1",waiting_lora_adapters="a2"/.test(l))).toBe(true);
    expect(info.every((l) => /^vllm:lora_requests_info\{max_lora="1",/.test(l))).toBe(true);
    const labels = 'model_name="m",engine="0"';
    expect(value(text, `vllm:num_requests_waiting_by_reason{${labels},reason="capacity"}`)).toBe(0);
    expect(value(text, `vllm:num_requests_waiting_by_reason{${labels},reason="deferred"}`)).toBe(0);
  } finally {
    await stop();
  }
});
