// Real Perses v0.52.0 servers for the operator suite: the binary the local stack builds (.data/bin/perses), on
// 127.0.0.1 and a free port, each in its own folder.
//
//   const dir = pluginFolder(join(root, 'archives'));                 // ours + the official archives (+ shims)
//   const perses = await startPerses({ root, config: { ..., plugin: { archive_path: dir } } });
//   await perses.api('/api/v1/projects/vllm/dashboards');             // parsed JSON, throws on HTTP errors
//   await perses.stop();
//
// `startPerses` also takes a config written for a pod (as the operator renders it into its ConfigMap): with
// `podRoot`, every absolute path in the config is read below that folder, as if it were the pod's filesystem,
// so a mounted volume is a folder under it. `runPerses` reports start-up failure instead of throwing, to show a
// config that the server refuses.

import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import YAML from 'yaml';

import { freePort } from '../support/prometheus';

export const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, '.data', 'bin');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
export const ARCHIVE = join(ROOT, `VllmPanels-${version}.tar.gz`);

/** Builds the Perses v0.52.0 server (with its web app) once (percli-scripts/stack/build-perses.sh skips an up-to-date one). */
export function buildPerses(): string {
  execFileSync(join(ROOT, 'percli-scripts/stack/build-perses.sh'), { stdio: 'inherit' });
  return join(BIN, 'perses');
}

/**
 * Fills `dir` with what a server's `plugin.archive_path` folder must hold for our dashboards: our archive and the
 * official archives (from percli-scripts/official-plugins.sh), with the stand-in CUE models the local stack adds
 * where the Go module proxy served no schemas (percli-scripts/stack/schema-shims).
 */
export function pluginFolder(dir: string): string {
  const official = join(ROOT, '.data', 'plugins-archive');
  if (!existsSync(ARCHIVE)) throw new Error(`${ARCHIVE} is missing: run percli-scripts/build.sh`);
  const archives = existsSync(official) ? readdirSync(official).filter((f) => f.endsWith('.tar.gz')) : [];
  if (!archives.some((f) => f.startsWith('Prometheus-')))
    throw new Error(`no official archives in ${official}: run percli-scripts/official-plugins.sh`);
  mkdirSync(dir, { recursive: true });
  for (const f of archives) copyFileSync(join(official, f), join(dir, f));
  execFileSync(join(ROOT, 'percli-scripts/stack/add-schema-shims.sh'), [dir], { stdio: 'pipe' });
  copyFileSync(ARCHIVE, join(dir, `VllmPanels-${version}.tar.gz`));
  return dir;
}

export interface PersesOptions {
  /** The server's own folder: config.yaml, log, database and extracted plugins (unless the config says otherwise). */
  root: string;
  /** The config, as an object or as YAML text (what a ConfigMap holds). */
  config: Record<string, unknown> | string;
  /** Read absolute paths of the config below this folder (a pod's filesystem). */
  podRoot?: string;
  /** Give up waiting for /api/v1/health after this long (default 60 s: extracting archives takes seconds). */
  readyTimeoutMs?: number;
}

export interface PersesServer {
  readonly url: string;
  readonly configFile: string;
  log(): string;
  /** GET (or `init`) an API path; parsed JSON, or an Error carrying the status and the server's message. */
  api<T = unknown>(path: string, init?: RequestInit): Promise<T>;
  /** HTTP status of a GET, for "is it gone" checks. */
  status(path: string): Promise<number>;
  /** Names of the plugin modules the server loaded. */
  modules(): Promise<string[]>;
  stop(): Promise<void>;
}

export type PersesRun = { started: true; server: PersesServer } | { started: false; exitCode: number; log: string };

/** Every absolute path string in `value`, re-rooted below `podRoot`. */
function underPodRoot(value: unknown, podRoot: string): unknown {
  if (typeof value === 'string') return value.startsWith('/') ? join(podRoot, value) : value;
  if (Array.isArray(value)) return value.map((v) => underPodRoot(v, podRoot));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, underPodRoot(v, podRoot)]));
  return value;
}

/** Starts a server; resolves with it once healthy, or with its exit code and log if it stops first. */
export async function runPerses(options: PersesOptions): Promise<PersesRun> {
  const binary = buildPerses();
  const { root } = options;
  mkdirSync(root, { recursive: true });
  let config = typeof options.config === 'string' ? YAML.parse(options.config) : options.config;
  if (options.podRoot) config = underPodRoot(config, options.podRoot) as Record<string, unknown>;
  const configFile = join(root, 'config.yaml');
  writeFileSync(configFile, YAML.stringify(config));
  const logFile = join(root, 'perses.log');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // cwd = the server's folder: relative defaults (plugins, plugins-archive) land there, never in the repository.
  const child: ChildProcess = spawn(binary, [`--config=${configFile}`, `--web.listen-address=127.0.0.1:${port}`], {
    cwd: root,
    stdio: ['ignore', openSync(logFile, 'w'), openSync(logFile, 'a')],
  });
  let exitCode: number | null = null;
  const exited = new Promise<void>((done) => child.on('exit', (code) => ((exitCode = code ?? -1), done())));
  const log = () => readFileSync(logFile, 'utf8');

  const api = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(`${url}${path}`, init);
    const text = await res.text();
    if (!res.ok) throw new Error(`Perses ${init?.method ?? 'GET'} ${path}: HTTP ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const server: PersesServer = {
    url,
    configFile,
    log,
    api,
    status: async (path) => (await fetch(`${url}${path}`)).status,
    modules: async () =>
      (await api<Array<{ metadata: { name: string } }>>('/api/v1/plugins')).map((m) => m.metadata.name),
    stop: async () => {
      if (exitCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
    },
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (exitCode !== null) return { started: false, exitCode, log: log() };
    const healthy = await fetch(`${url}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return { started: true, server };
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(
        `Perses at ${url} not healthy after ${options.readyTimeoutMs ?? 60_000} ms:\n${log().slice(-3000)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Starts a server that must come up; throws with its log otherwise. */
export async function startPerses(options: PersesOptions): Promise<PersesServer> {
  const run = await runPerses(options);
  if (!run.started) throw new Error(`Perses exited with ${run.exitCode} at start-up:\n${run.log.slice(-3000)}`);
  return run.server;
}
