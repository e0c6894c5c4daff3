// Brings the local stack up for the browser tests and the page-load benchmark: the same percli-scripts/start.sh
// that `npm start` runs (the Perses server serving its own web app, the one the tests drive), with fast settings (2 s scrapes, more load) on free loopback ports and its own state
// folder (.data/stack/e2e), so it never collides with a stack a developer has running.

import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

import { freePort, prometheusApi, VectorSample } from './prometheus';

export type { VectorSample };

export const ROOT = resolve(__dirname, '..', '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

export interface StackInfo {
  /** The Perses web app (served by the Perses server itself, on its port). */
  app: string;
  /** Same URL as `app`: the name from when the stack had its own viewer page; kept for suites written then. */
  viewer: string;
  perses: string;
  prometheus: string;
  project: string;
  fleet: Array<{ pod: string; model: string; port: number; engines: number }>;
}

export interface Stack extends StackInfo {
  readonly dir: string;
  log(): string;
  stop(): Promise<void>;
}

/** Ports for Perses (server and app), Prometheus and three consecutive vLLM pods. */
async function stackPorts(): Promise<Record<string, string>> {
  const [perses, prometheus] = [await freePort(), await freePort()];
  // Three consecutive free ports for the pods: try bases until all three are free.
  for (;;) {
    const base = await freePort();
    if (base > 65000) continue;
    const ok = await Promise.all([1, 2].map((i) => isFree(base + i)));
    if (ok.every(Boolean)) {
      return {
        STACK_PERSES_PORT: String(perses),
        STACK_PROMETHEUS_PORT: String(prometheus),
        STACK_VLLM_PORT: String(base),
      };
    }
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

export interface StartOptions {
  /** State folder (default .data/stack/e2e). */
  dir?: string;
  /** Give up after this long (default 10 min; percli-scripts/test.sh builds the Perses server and app before). */
  timeoutMs?: number;
  /** Extra environment for start.sh. */
  env?: Record<string, string>;
}

/** Starts percli-scripts/start.sh and resolves once it has written stack.json (every component ready). */
export async function startStack(options: StartOptions = {}): Promise<Stack> {
  const dir = options.dir ?? join(ROOT, '.data', 'stack', 'e2e');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const logFile = join(dir, 'start.log');
  const out = openSync(logFile, 'w');
  const env = {
    ...process.env,
    ...(await stackPorts()),
    STACK_DIR: dir,
    STACK_SCRAPE_INTERVAL: '2s',
    STACK_LOAD_RATE: '2',
    // percli-scripts/test.sh has just built our archive; the official ones are reused when present.
    STACK_SKIP_BUILD: existsSync(join(ROOT, `VllmPanels-${version}.tar.gz`)) ? '1' : '0',
    ...options.env,
  };
  // Own process group, so stop() reaches start.sh, whose trap stops every component it started.
  const child: ChildProcess = spawn(join(ROOT, 'percli-scripts', 'start.sh'), [], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', out, out],
  });
  let exited: number | null = null;
  const exit = new Promise<void>((done) => child.on('exit', (code) => ((exited = code ?? -1), done())));
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const stop = async () => {
    if (exited === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const killer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 15_000);
      await exit;
      clearTimeout(killer);
    }
  };

  const info = join(dir, 'stack.json');
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  while (!existsSync(info)) {
    if (exited !== null)
      throw new Error(
        `percli-scripts/start.sh exited with ${exited} before the stack was ready:\n${log().slice(-4000)}`,
      );
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the stack was not ready in time:\n${log().slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const parsed = JSON.parse(readFileSync(info, 'utf8')) as Omit<StackInfo, 'viewer'>;
  return { ...parsed, viewer: parsed.app, dir, log, stop };
}

/** A Prometheus API path on the stack's Prometheus; returns `data`, throws with Prometheus's message. */
export const promApi = <T = unknown>(stack: StackInfo, path: string, params: Record<string, string | number>) =>
  prometheusApi<T>(stack.prometheus, path, params);

/** Instant query at `time` (seconds). */
export const instantQuery = (stack: StackInfo, query: string, time: number) =>
  promApi<{ resultType: string; result: VectorSample[] }>(stack, '/api/v1/query', { query, time }).then(
    (d) => d.result,
  );

/** Waits until `query` returns at least `minSeries` series with a positive value (data has arrived). */
export async function waitForData(
  stack: StackInfo,
  query: string,
  minSeries: number,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await instantQuery(stack, query, Date.now() / 1000).catch(() => [] as VectorSample[]);
    if (result.filter((s) => Number(s.value[1]) > 0).length >= minSeries) return;
    if (Date.now() > deadline) throw new Error(`no data for ${query} after ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * An absolute range of `windowMs` ending 3 s after the latest minute whose 75 s rate window holds finished
 * requests of at least two models (waits for the next minute if needed). The quads use 1-minute steps aligned on
 * the minute, so a range ending earlier would rightly show "No samples"; 3 s after the minute, every step size
 * the panels use (≤ 1 min, whole seconds) still aligns on that minute. The range lies in the past, so the data
 * under it no longer changes while panels and reference queries read it.
 */
export async function rangeEndingOnAFilledMinute(
  stack: StackInfo,
  windowMs: number,
): Promise<{ start: number; end: number }> {
  for (;;) {
    const minute = Math.floor((Date.now() - 2_000) / 60_000) * 60_000;
    const filled = await instantQuery(
      stack,
      'sum by (model_name) (increase(vllm:e2e_request_latency_seconds_count[75s]))',
      minute / 1000,
    );
    if (filled.filter((s) => Number(s.value[1]) > 0).length >= 2) {
      const end = minute + 3_000;
      return { start: end - windowMs, end };
    }
    await new Promise((r) => setTimeout(r, minute + 63_000 - Date.now()));
  }
}
