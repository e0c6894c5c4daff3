// Load generator for the local stack: OpenAI-style chat/completions requests with varied prompt and output
// lengths, a slow daily-like swell and periodic bursts, so latencies, queues and KV usage move on the dashboards.
// Bounded: at most --max-inflight requests per target, and loopback targets only (it never leaves the machine).
//
//   tsx percli-scripts/stack/loadgen.ts --target http://127.0.0.1:18001=llama-3.1-8b-instruct [--target …]
//       [--rate 1.5] [--burst-every 90] [--burst-seconds 15] [--burst-factor 4] [--max-inflight 64]
// --rate is the mean requests per second per target outside bursts. A target that lists LoRA adapters in /v1/models
// gets a share of its requests addressed to them, as clients of a multi-LoRA vLLM do.

interface Target {
  url: string;
  model: string;
  /** LoRA adapters the server lists beside the base model (/v1/models); a share of requests asks for them. */
  adapters: string[];
  inflight: number;
  sent: number;
  failed: number;
}

interface Options {
  targets: Target[];
  rate: number;
  burstEvery: number;
  burstSeconds: number;
  burstFactor: number;
  maxInflight: number;
}

const WORDS =
  'the a model token cache latency prompt answer request batch queue engine GPU memory block decode prefill quantile'.split(
    ' ',
  );

function usage(message: string): never {
  console.error(
    `loadgen: ${message}\nusage: tsx percli-scripts/stack/loadgen.ts --target http://127.0.0.1:PORT=MODEL [--target …] [--rate N] [--burst-every S] [--burst-seconds S] [--burst-factor F] [--max-inflight N]`,
  );
  process.exit(2);
}

export function parseArgs(argv: string[]): Options {
  const opts: Options = { targets: [], rate: 1.5, burstEvery: 90, burstSeconds: 15, burstFactor: 4, maxInflight: 64 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) usage(`${flag} needs a value`);
    if (flag === '--target') {
      const eq = value.lastIndexOf('=');
      if (eq < 0) usage(`--target ${value}: expected URL=MODEL`);
      const url = new URL(value.slice(0, eq));
      if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
        usage(`--target ${url.href}: only loopback targets are allowed`);
      opts.targets.push({
        url: url.href.replace(/\/$/, ''),
        model: value.slice(eq + 1),
        adapters: [],
        inflight: 0,
        sent: 0,
        failed: 0,
      });
      continue;
    }
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) usage(`${flag} ${value}: expected a positive number`);
    if (flag === '--rate') opts.rate = n;
    else if (flag === '--burst-every') opts.burstEvery = n;
    else if (flag === '--burst-seconds') opts.burstSeconds = n;
    else if (flag === '--burst-factor') opts.burstFactor = n;
    else if (flag === '--max-inflight') opts.maxInflight = n;
    else usage(`unknown flag ${flag}`);
  }
  if (!opts.targets.length) usage('at least one --target is needed');
  return opts;
}

/** Log-normal draw clamped to [min, max]: request sizes have a long right tail. */
function logNormal(median: number, sigma: number, min: number, max: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
  return Math.round(Math.min(max, Math.max(min, median * Math.exp(sigma * z))));
}

function prompt(tokens: number): string {
  const words: string[] = [];
  // ~4 characters per token, the emitter's tokenizer estimate.
  for (let chars = 0; chars < tokens * 4;) {
    const w = WORDS[Math.floor(Math.random() * WORDS.length)];
    words.push(w);
    chars += w.length + 1;
  }
  return words.join(' ');
}

/** Requests per second right now: a slow swell (10-minute period) times a burst factor during bursts. */
export function currentRate(opts: Options, elapsedSeconds: number): number {
  const swell = 1 + 0.5 * Math.sin((2 * Math.PI * elapsedSeconds) / 600);
  const inBurst = elapsedSeconds % opts.burstEvery >= opts.burstEvery - opts.burstSeconds;
  return opts.rate * swell * (inBurst ? opts.burstFactor : 1);
}

/** Share of a target's requests that ask for one of its LoRA adapters, when it serves any. */
const ADAPTER_SHARE = 0.4;

/** The model a request asks for: the base model, or one of the target's adapters, the first ones more often. */
export function pickModel(target: Pick<Target, 'model' | 'adapters'>, random = Math.random): string {
  if (target.adapters.length === 0 || random() >= ADAPTER_SHARE) return target.model;
  return target.adapters[Math.floor(target.adapters.length * random() ** 2)];
}

/** Reads the adapters a target lists in /v1/models (entries whose parent is the base model); none on failure. */
async function discoverAdapters(target: Target): Promise<void> {
  try {
    const res = await fetch(`${target.url}/v1/models`);
    const body = (await res.json()) as { data?: Array<{ id: string; parent?: string }> };
    target.adapters = (body.data ?? []).filter((m) => m.parent === target.model).map((m) => m.id);
  } catch {
    target.adapters = [];
  }
}

async function send(target: Target): Promise<void> {
  target.inflight += 1;
  target.sent += 1;
  const body = {
    model: pickModel(target),
    messages: [
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: prompt(logNormal(350, 0.9, 8, 3000)) },
    ],
    max_tokens: logNormal(180, 0.8, 4, 1024),
  };
  try {
    const res = await fetch(`${target.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) target.failed += 1;
    await res.arrayBuffer();
  } catch {
    target.failed += 1;
  } finally {
    target.inflight -= 1;
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  await Promise.all(opts.targets.map(discoverAdapters));
  const start = Date.now();
  const tickMs = 100;
  // Poisson arrivals: each tick sends a request with probability rate × tick per target.
  const timer = setInterval(() => {
    const rate = currentRate(opts, (Date.now() - start) / 1000);
    for (const t of opts.targets) {
      let expected = (rate * tickMs) / 1000;
      while (expected > 0) {
        if (Math.random() < Math.min(1, expected) && t.inflight < opts.maxInflight) void send(t);
        expected -= 1;
      }
    }
  }, tickMs);
  const status = setInterval(() => {
    console.log(
      `loadgen: ${opts.targets.map((t) => `${t.model}@${new URL(t.url).port} sent=${t.sent} inflight=${t.inflight} failed=${t.failed}`).join('  ')}`,
    );
  }, 60_000);
  const stop = () => {
    clearInterval(timer);
    clearInterval(status);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  console.log(
    `loadgen: ${opts.targets.length} targets, ${opts.rate} req/s each (×${opts.burstFactor} for ${opts.burstSeconds}s every ${opts.burstEvery}s)`,
  );
  for (const t of opts.targets.filter((x) => x.adapters.length))
    console.log(`loadgen: ${t.model}@${new URL(t.url).port} also asks for LoRA adapters ${t.adapters.join(', ')}`);
}

if (process.argv[1] && /loadgen\.ts$/.test(process.argv[1])) void main();
