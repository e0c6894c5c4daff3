// The stack's stand-in vLLM pod: real metric names, labels and bucket layouts, and numbers that are
// observations of the requests it served. Plus the load generator's guard rails.

import { currentRate, parseArgs } from '../../percli-scripts/stack/loadgen';
import { startPod, tokenBuckets } from '../../percli-scripts/stack/vllm-emitter';
import { freePort } from '../support/prometheus';

const TTFT = '0.001,0.005,0.01,0.02,0.04,0.06,0.08,0.1,0.25,0.5,0.75,1,2.5,5,7.5,10,20,40,80,160,640,2560,+Inf';
const REQUEST_LATENCY = '0.3,0.5,0.8,1,1.5,2,2.5,5,10,15,20,30,40,50,60,120,240,480,960,1920,7680,+Inf';

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

test("token buckets follow vLLM's 1-2-5 series up to max_model_len", () => {
  expect(tokenBuckets(4096)).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000]);
  expect(tokenBuckets(1024)).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
});

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
  expect(opts.targets).toEqual([{ url: 'http://127.0.0.1:8000', model: 'm', inflight: 0, sent: 0, failed: 0 }]);
  expect(currentRate(opts, 0)).toBeCloseTo(2);
  expect(currentRate(opts, 80)).toBeCloseTo(4 * 2 * (1 + 0.5 * Math.sin((2 * Math.PI * 80) / 600)));
});
