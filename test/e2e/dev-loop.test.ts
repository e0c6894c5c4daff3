// The plugin dev loop as a plugin author runs it (README, "Developing the panels"): `percli plugin start` in the
// project against the local stack's Perses v0.52 server (plugin.enable_dev: true). percli runs `npm run dev`, reads
// the module name and dev-server port from rsbuild.config.ts, and registers the dev server; the server then reads
// mf-manifest.json and package.json from it and serves /plugins/VllmPanels/* from it. Checked: the server lists
// VllmPanels as in development, a dashboard with both panels renders in Chromium from the dev server, and an edit
// to a panel's source shows after a reload, with no archive rebuilt.
//
// The loop runs in a copy of the project (sources, schemas, configs; node_modules linked) whose rsbuild.config.ts
// differs only in its port literal, so the test takes a free port and never edits the working tree.

import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  BrowserSession,
  dashboardUrl,
  openBrowser,
  prepareWait,
  waitForPanelsTimed,
  watchPage,
} from '../support/browser';
import { freePort } from '../support/prometheus';
import { ROOT, Stack, startStack, waitForData } from '../support/stack';

const BIN = join(ROOT, '.data', 'bin');
const WORK = join(ROOT, '.data', 'dev-loop');
const COPY = join(WORK, 'project');
const MODULE = 'VllmPanels';
const DASHBOARD = 'dev-loop';
const QUAD_SOURCE = 'src/panels/latency-quad/QuadFooter.tsx';
const ARTIFACTS = join(ROOT, 'test-results', 'e2e');

let stack: Stack;
let browser: BrowserSession;
let devPort: number;
let percli: ChildProcess | undefined;
let percliExited: Promise<void> | undefined;
let percliLog = '';
/** Process group of `npm run dev`: percli starts it in its own group. */
let devServerGroup: number | undefined;
const timings: Record<string, string> = {};

const percliArgs = () => ['--percliconfig', join(WORK, 'percli-config.json')];

/** The project as `percli plugin start` sees it, with the dev-server port literal set to `port`. */
function copyProject(port: number): void {
  rmSync(COPY, { recursive: true, force: true });
  mkdirSync(COPY, { recursive: true });
  for (const entry of ['package.json', 'tsconfig.json', 'src', 'schemas', 'cue.mod'])
    cpSync(join(ROOT, entry), join(COPY, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(COPY, 'node_modules'));
  const config = readFileSync(join(ROOT, 'rsbuild.config.ts'), 'utf8');
  // The same first-match rule percli applies (internal/cli/cmd/plugin/start): change exactly that literal.
  const rewritten = config.replace(/port\s*:\s*\d+/, `port: ${port}`);
  if (rewritten === config) throw new Error('rsbuild.config.ts has no `port: <number>` literal for percli to read');
  writeFileSync(join(COPY, 'rsbuild.config.ts'), rewritten);
}

async function persesJson<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${stack.perses}${path}`, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface PluginModule {
  metadata: { name: string; version: string };
  spec: unknown;
  status?: { isLoaded: boolean; inDev: boolean };
}

async function waitForDevModule(timeoutMs: number): Promise<PluginModule> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const modules = await persesJson<PluginModule[]>('/api/v1/plugins').catch(() => []);
    const ours = modules.find((m) => m.metadata.name === MODULE);
    if (ours?.status?.inDev) return ours;
    if (percli && percli.exitCode !== null)
      throw new Error(`percli plugin start exited with ${percli.exitCode}:\n${percliLog.slice(-3000)}`);
    if (Date.now() > deadline)
      throw new Error(`the server did not list ${MODULE} in development after ${timeoutMs / 1000}s:\n${percliLog}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function stopDevLoop(): Promise<void> {
  if (percli?.pid && percli.exitCode === null) {
    percli.kill('SIGTERM'); // percli stops its dev server and unregisters the module
    const killer = setTimeout(() => percli?.kill('SIGKILL'), 30_000);
    await percliExited;
    clearTimeout(killer);
  }
  if (devServerGroup) {
    try {
      process.kill(-devServerGroup, 'SIGKILL'); // in case percli was killed before it could stop it
    } catch {
      /* already gone */
    }
  }
}

beforeAll(async () => {
  mkdirSync(WORK, { recursive: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  devPort = await freePort();
  copyProject(devPort);
  stack = await startStack({ dir: join(ROOT, '.data', 'stack', 'dev-loop') });
  const login = spawnSync(join(BIN, 'percli'), [...percliArgs(), 'login', stack.perses], { encoding: 'utf8' });
  if (login.status !== 0) throw new Error(`percli login ${stack.perses}: ${login.stderr}`);
  browser = await openBrowser();
}, 900_000);

afterAll(async () => {
  await stopDevLoop();
  await browser?.close();
  await stack?.stop();
  console.log(`dev loop timings: ${JSON.stringify(timings)}`);
}, 120_000);

describe('percli plugin start against a Perses v0.52 server with plugin.enable_dev', () => {
  let startedAt: number;
  let registeredAt: number;

  test('the server lists VllmPanels from the dev server, with its package.json and manifest', async () => {
    startedAt = performance.now();
    const out = join(WORK, 'percli.log');
    percli = spawn(join(BIN, 'percli'), [...percliArgs(), 'plugin', 'start'], {
      cwd: COPY,
      env: { ...process.env, NODE_ENV: 'development', PATH: `${BIN}:${process.env.PATH}` },
      stdio: ['ignore', openSync(out, 'w'), openSync(out, 'a')],
    });
    percliExited = new Promise((done) => percli!.on('exit', () => done()));
    const readLog = setInterval(() => existsSync(out) && (percliLog = readFileSync(out, 'utf8')), 500);
    try {
      const module = await waitForDevModule(180_000);
      registeredAt = performance.now();
      timings.startToRegistered = `${((registeredAt - startedAt) / 1000).toFixed(1)} s`;
      const npm = spawnSync('pgrep', ['-P', String(percli.pid)], { encoding: 'utf8' })
        .stdout.trim()
        .split('\n')[0];
      if (npm) devServerGroup = Number(npm);
      // The module as the server read it from the dev server: package.json's `perses` field and the manifest.
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
      expect(module).toMatchObject({
        metadata: { name: MODULE, version: pkg.version },
        spec: pkg.perses,
        status: { isLoaded: true, inDev: true },
      });
      // The server serves the module's files from the dev server: its manifest names the unhashed dev entry.
      const manifest = await persesJson<{ name: string; metaData: { remoteEntry: { name: string } } }>(
        `/plugins/${MODULE}/mf-manifest.json`,
      );
      expect(manifest.name).toBe(MODULE);
      expect(manifest.metaData.remoteEntry.name).toBe(`__mf/js/${MODULE}.js`);
      expect(await persesJson(`/plugins/${MODULE}/package.json`)).toMatchObject({ perses: pkg.perses });
    } finally {
      clearInterval(readLog);
    }
  }, 240_000);

  test('a dashboard with both panels renders in Chromium, and a source edit shows after a reload', async () => {
    const query = (q: string) => ({
      kind: 'TimeSeriesQuery',
      spec: { plugin: { kind: 'PrometheusTimeSeriesQuery', spec: { query: q } } },
    });
    const panel = (name: string, kind: string, queries: string[]) => ({
      kind: 'Panel',
      spec: { display: { name }, plugin: { kind, spec: {} }, queries: queries.map(query) },
    });
    // Validated by the server with the schemas of the project copy (the dev module's AbsolutePath).
    await persesJson(`/api/v1/projects/${stack.project}/dashboards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'Dashboard',
        metadata: { name: DASHBOARD, project: stack.project },
        spec: {
          display: { name: 'Dev loop' },
          duration: '5m',
          panels: {
            quad: panel('E2E latency', 'VllmLatencyQuad', [
              'sum by (le) (rate(vllm:e2e_request_latency_seconds_bucket[1m])) or sum(rate(vllm:e2e_request_latency_seconds_sum[1m]))',
            ]),
            gauge: panel('KV cache & queue', 'VllmKvQueueGauge', [
              'max by (pod) (vllm:kv_cache_usage_perc)',
              'sum by (pod) (vllm:num_requests_running)',
              'sum by (pod) (vllm:num_requests_waiting)',
            ]),
          },
          layouts: [
            {
              kind: 'Grid',
              spec: {
                items: [
                  { x: 0, y: 0, width: 12, height: 8, content: { $ref: '#/spec/panels/quad' } },
                  { x: 12, y: 0, width: 12, height: 8, content: { $ref: '#/spec/panels/gauge' } },
                ],
              },
            },
          ],
        },
      }),
    });
    // Finished requests 30 s ago already: the panel's last query step (aligned on the step) then has a rate to show.
    await waitForData(stack, 'sum(rate(vllm:e2e_request_latency_seconds_count[1m] offset 30s))', 1, 180_000);

    const page = await browser.context.newPage();
    const watch = watchPage(page);
    const devAssets: string[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === `/plugins/${MODULE}/__mf/js/${MODULE}.js`) devAssets.push(String(r.status()));
    });
    const now = Date.now();
    const loadStart = performance.now();
    prepareWait(page);
    await page.goto(dashboardUrl(stack.app, stack.project, DASHBOARD, now - 5 * 60_000, now));
    const first = await waitForPanelsTimed(page);
    expect(first.panels).toBe(2);
    // start → visible = start → registered + the first page load (the wait for data in between is the stack's).
    timings.firstPageLoad = `${((first.settledAt - loadStart) / 1000).toFixed(1)} s`;
    timings.startToPanelVisible = `${((registeredAt - startedAt + first.settledAt - loadStart) / 1000).toFixed(1)} s`;
    // Both panels drew real content, from the dev server's (unhashed) remote entry.
    await page.screenshot({ path: join(ARTIFACTS, 'dev-loop.png') });
    const panelTexts = () => page.$$eval('[data-testid="panel"]', (ps) => ps.map((p) => p.textContent ?? ''));
    expect((await panelTexts()).join(' | ')).toContain('whole range');
    await expect(page.locator('[data-testid="kv-queue-verdict"]').count()).resolves.toBe(1);
    expect(devAssets).toContain('200');
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);

    // Edit a panel's source in the project; the dev server rebuilds and the next page load shows it.
    const marker = `whole range (edited ${Date.now()})`;
    const file = join(COPY, QUAD_SOURCE);
    const source = readFileSync(file, 'utf8');
    expect(source).toContain("range: 'whole range',");
    const editedAt = performance.now();
    writeFileSync(file, source.replace("range: 'whole range',", `range: '${marker}',`));
    const deadline = Date.now() + 120_000;
    for (;;) {
      prepareWait(page);
      await page.reload();
      const { settledAt } = await waitForPanelsTimed(page);
      const shown = (await panelTexts()).join(' | ');
      if (shown?.includes(marker)) {
        timings.editToVisible = `${((settledAt - editedAt) / 1000).toFixed(1)} s`;
        break;
      }
      if (Date.now() > deadline) throw new Error(`the edit did not show after 120 s (panel says: ${shown})`);
    }
    expect(watch.pageErrors).toEqual([]);
    await page.close();
  }, 400_000);

  test('stopping percli unregisters the dev module; the archive module serves again', async () => {
    await stopDevLoop();
    const modules = await persesJson<PluginModule[]>('/api/v1/plugins');
    expect(modules.find((m) => m.metadata.name === MODULE)?.status).toMatchObject({ isLoaded: true, inDev: false });
    const manifest = await persesJson<{ metaData: { remoteEntry: { name: string } } }>(
      `/plugins/${MODULE}/mf-manifest.json`,
    );
    expect(manifest.metaData.remoteEntry.name).toMatch(new RegExp(`^__mf/js/${MODULE}\\.[0-9a-f]+\\.js$`));
  }, 60_000);
});
