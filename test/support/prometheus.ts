// A real Prometheus for tests and scripts, on 127.0.0.1 and a free port, with its state in a temporary folder.
//
//   const prom = await startPrometheus({ openMetrics: text });   // backfilled with `promtool tsdb create-blocks-from openmetrics`
//   const prom = await startPrometheus({ scrapeConfigs: [{ job_name: 'vllm', static_configs: [{ targets: ['127.0.0.1:8000'] }] }] });
//   await prom.query('histogram_quantile(0.9, m_bucket)', 1704067200);          // instant query, time in seconds
//   await prom.queryRange('m_bucket', start, end, 60);                        // range query, seconds
//   await prom.stop();                                                        // kills it and removes its folder
//
// OpenMetrics input must end with `# EOF`; timestamps are in seconds and must lie in the past (choose fixed past
// instants, aligned to the hour, so answers are reproducible). The TSDB keeps them: retention is 100 years.
// `findPrometheus()` says whether the binaries are installed (percli-scripts/setup.sh installs Debian's `prometheus`);
// callers that can do without it print a hint and skip. Query helpers return the API's parsed JSON `data`
// and throw on an error status, with Prometheus's message. Nothing here needs the network beyond loopback.

import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface PromBinaries {
  readonly prometheus: string;
  readonly promtool: string;
}

/** An instant vector sample as the HTTP API returns it: value is a string ("NaN", "+Inf", "1.5", …). */
export interface VectorSample {
  metric: Record<string, string>;
  value: [number, string];
}

/** A range-query series: values are `[seconds, "string value"]` pairs. */
export interface MatrixSeries {
  metric: Record<string, string>;
  values: Array<[number, string]>;
}

export type QueryData =
  | { resultType: 'vector'; result: VectorSample[] }
  | { resultType: 'scalar' | 'string'; result: [number, string] }
  | { resultType: 'matrix'; result: MatrixSeries[] };

export interface StartOptions {
  /** OpenMetrics text (ending in `# EOF`) to backfill before start. */
  openMetrics?: string;
  /** Prometheus `scrape_configs` entries, written into the config file as-is. */
  scrapeConfigs?: ReadonlyArray<Record<string, unknown>>;
  /** Global scrape and evaluation interval (default 15s). */
  scrapeInterval?: string;
  /** Extra command-line flags. */
  extraArgs?: ReadonlyArray<string>;
  /** Parent of the state folder (default: the OS temp dir). The state folder itself is always new. */
  parentDir?: string;
  /** Keep the state folder after `stop()` (for debugging). */
  keep?: boolean;
  /** How long to wait for /-/ready (default 60 s). */
  readyTimeoutMs?: number;
}

export interface PrometheusHandle {
  /** e.g. http://127.0.0.1:39123 */
  readonly url: string;
  readonly port: number;
  /** State folder: config, TSDB, log. */
  readonly dir: string;
  /** Instant query at `time` (seconds; default now). */
  query(expr: string, time?: number): Promise<QueryData>;
  /** Range query over [start, end] (seconds) every `step` seconds. */
  queryRange(expr: string, start: number, end: number, step: number): Promise<QueryData>;
  /** What Prometheus wrote to stdout/stderr so far. */
  log(): string;
  stop(): Promise<void>;
}

/** Locates `prometheus` and `promtool` on PATH (or in $PROMETHEUS_BIN_DIR); undefined when missing. */
export function findPrometheus(): PromBinaries | undefined {
  const dirs = [process.env.PROMETHEUS_BIN_DIR, ...(process.env.PATH ?? '').split(delimiter)].filter(
    (d): d is string => !!d,
  );
  const find = (name: string) => dirs.map((d) => join(d, name)).find((p) => existsSync(p));
  const prometheus = find('prometheus');
  const promtool = find('promtool');
  return prometheus && promtool ? { prometheus, promtool } : undefined;
}

/** Writes `text` to a file and turns it into TSDB blocks under `tsdbDir` with promtool. */
export function backfillOpenMetrics(text: string, tsdbDir: string, promtool = findPrometheus()?.promtool): void {
  if (!promtool) throw new Error('promtool not found on PATH');
  if (!/# EOF\s*$/.test(text)) throw new Error('OpenMetrics input must end with "# EOF"');
  mkdirSync(tsdbDir, { recursive: true });
  const inputDir = mkdtempSync(join(tmpdir(), 'openmetrics-'));
  const input = join(inputDir, 'input.om');
  writeFileSync(input, text);
  const run = spawnSync(promtool, ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', input, tsdbDir], {
    encoding: 'utf8',
  });
  rmSync(inputDir, { recursive: true, force: true });
  if (run.status !== 0)
    throw new Error(`promtool create-blocks-from failed (${run.status}): ${run.stderr}${run.stdout}`);
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startPrometheus(options: StartOptions = {}): Promise<PrometheusHandle> {
  const bins = findPrometheus();
  if (!bins) throw new Error('prometheus/promtool not found on PATH (Debian package "prometheus")');
  const dir = mkdtempSync(join(options.parentDir ?? tmpdir(), 'prometheus-'));
  const tsdb = join(dir, 'tsdb');
  mkdirSync(tsdb, { recursive: true });
  if (options.openMetrics !== undefined) backfillOpenMetrics(options.openMetrics, tsdb, bins.promtool);

  const interval = options.scrapeInterval ?? '15s';
  const config = {
    global: { scrape_interval: interval, evaluation_interval: interval },
    scrape_configs: options.scrapeConfigs ?? [],
  };
  // YAML is a superset of JSON, so the config needs no YAML writer.
  const configFile = join(dir, 'prometheus.yml');
  writeFileSync(configFile, JSON.stringify(config, null, 2));

  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const args = [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${tsdb}`,
      '--storage.tsdb.retention.time=100y',
      `--web.listen-address=127.0.0.1:${port}`,
      '--web.enable-lifecycle',
      '--log.level=warn',
      ...(options.extraArgs ?? []),
    ];
    const child = spawn(bins.prometheus, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitReady(url, child, options.readyTimeoutMs ?? 60_000, () => output);
      return makeHandle(url, port, dir, child, () => output, !!options.keep);
    } catch (error) {
      lastError = error;
      await kill(child);
      // A port taken between freePort() and bind gets another try; anything else is reported.
      if (!/address already in use/i.test(output)) break;
    }
  }
  if (!options.keep) rmSync(dir, { recursive: true, force: true });
  throw lastError;
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`prometheus exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/-/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`prometheus not ready after ${timeoutMs} ms:\n${output()}`);
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The one Prometheus HTTP client of the tests, benches and stack scripts: POSTs form parameters to `path` on the
 * Prometheus at `baseUrl` and returns the response's `data`; throws with Prometheus's own message otherwise.
 */
export async function prometheusApi<T>(
  baseUrl: string,
  path: string,
  params: Readonly<Record<string, string | number>>,
  method: 'GET' | 'POST' = 'POST',
): Promise<T> {
  const form = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  // Label-value look-ups (/api/v1/label/<name>/values) answer GET only.
  const response =
    method === 'GET'
      ? await fetch(`${baseUrl}${path}?${form}`)
      : await fetch(`${baseUrl}${path}`, {
          method,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: form,
        });
  const text = await response.text();
  let parsed: { status?: string; data?: T; error?: string; errorType?: string };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new Error(
      `Prometheus ${path} ${JSON.stringify(params)}: HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`,
    );
  }
  if (parsed.status !== 'success' || parsed.data === undefined) {
    throw new Error(
      `Prometheus ${path} ${JSON.stringify(params)}: ${parsed.errorType ?? ''} ${parsed.error ?? response.status}`,
    );
  }
  return parsed.data;
}

function makeHandle(
  url: string,
  port: number,
  dir: string,
  child: ChildProcess,
  output: () => string,
  keep: boolean,
): PrometheusHandle {
  const api = (path: string, params: Record<string, string>) => prometheusApi<QueryData>(url, path, params);
  return {
    url,
    port,
    dir,
    query: (expr, time) => api('/api/v1/query', { query: expr, ...(time === undefined ? {} : { time: String(time) }) }),
    queryRange: (expr, start, end, step) =>
      api('/api/v1/query_range', { query: expr, start: String(start), end: String(end), step: String(step) }),
    log: output,
    stop: async () => {
      await kill(child);
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Parses a Prometheus API sample value ("NaN", "+Inf", "-Inf", "1.5e-7") into a number. */
export function parsePromValue(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  return Number(text);
}
