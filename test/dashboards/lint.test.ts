// The bundled dashboards against the plugins' CUE schemas: our archive (percli-scripts/build.sh) plus the official
// archives (percli-scripts/official-plugins.sh).
//
// When every plugin kind a dashboard uses has a schema, `percli lint --plugin.path` validates it with the server's
// own code. The Go module proxy refused some official modules (their archives then carry schemas/MISSING.txt instead
// of CUE); for those dashboards each plugin spec that has a schema is checked with `cue vet -c` instead, and a kind
// may lack a schema ONLY because its official archive is one of those — anything else (a typo, an unknown kind) fails.

import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { DASHBOARD_FILES, loadDashboard, PluginRef, ROOT } from '../support/dashboard-files';

const BIN = join(ROOT, '.data/bin');
const OFFICIAL = join(ROOT, '.data/official-plugins');

interface PluginFolder {
  readonly dir: string;
  readonly kinds: string[];
  /** Kind → model .cue file (absolute), for the kinds whose schema the folder carries. */
  readonly schemas: Map<string, string>;
  /** The folder's archive was assembled without CUE (the Go module proxy refused its version). */
  readonly schemasMissing: boolean;
}

function cueFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrate' || name === 'tests' ? [] : cueFiles(path);
    return name.endsWith('.cue') ? [path] : [];
  });
}

function readPluginFolder(dir: string): PluginFolder {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    perses: { schemasPath?: string; plugins: Array<{ spec: { name: string } }> };
  };
  const schemasDir = join(dir, pkg.perses.schemasPath ?? 'schemas');
  const schemas = new Map<string, string>();
  for (const file of cueFiles(schemasDir)) {
    const text = readFileSync(file, 'utf8');
    const kind = /^package model$/m.test(text) ? text.match(/^kind:\s*"([^"]+)"/m)?.[1] : undefined;
    if (kind) schemas.set(kind, file);
  }
  return {
    dir,
    kinds: pkg.perses.plugins.map((p) => p.spec.name),
    schemas,
    schemasMissing: existsSync(join(schemasDir, 'MISSING.txt')),
  };
}

/** Every plugin a dashboard uses: panels, their queries, list variables. */
function pluginUses(file: string): Array<{ where: string; plugin: PluginRef }> {
  const d = loadDashboard(file);
  const uses: Array<{ where: string; plugin: PluginRef }> = [];
  for (const v of d.spec.variables ?? [])
    if (v.spec.plugin) uses.push({ where: `variable ${v.spec.name}`, plugin: v.spec.plugin });
  for (const [id, panel] of Object.entries(d.spec.panels)) {
    uses.push({ where: `panel ${id}`, plugin: panel.spec.plugin });
    (panel.spec.queries ?? []).forEach((q, i) =>
      uses.push({ where: `panel ${id} query ${i + 1}`, plugin: q.spec.plugin }),
    );
  }
  return uses;
}

/** `cue vet -c` of one `{kind, spec}` document against a model file, run from the plugin root so imports resolve. */
function cueVet(folder: PluginFolder, plugin: PluginRef, scratch: string): { ok: boolean; message: string } {
  const schema = folder.schemas.get(plugin.kind)!;
  const data = join(scratch, `${plugin.kind}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(data, JSON.stringify({ kind: plugin.kind, spec: plugin.spec ?? {} }));
  const run = spawnSync(join(BIN, 'cue'), ['vet', '-c', `./${relative(folder.dir, schema)}`, data], {
    cwd: folder.dir,
    encoding: 'utf8',
  });
  return { ok: run.status === 0, message: `${run.stderr}${run.stdout}`.trim() };
}

function percliLint(args: string[]): { ok: boolean; message: string } {
  const run = spawnSync(join(BIN, 'percli'), ['lint', ...args], { encoding: 'utf8' });
  return { ok: run.status === 0 && /look good/.test(run.stdout), message: `${run.stdout}${run.stderr}`.trim() };
}

describe('bundled dashboards against the plugin schemas', () => {
  let pluginDir: string;
  let folders: PluginFolder[];
  const scratch = mkdtempSync(join(tmpdir(), 'dashboard-lint-'));

  beforeAll(() => {
    for (const tool of ['percli', 'cue']) {
      if (!existsSync(join(BIN, tool))) throw new Error(`${tool} not found in .data/bin: run percli-scripts/setup.sh`);
    }
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    const archive = join(ROOT, `VllmPanels-${version}.tar.gz`);
    if (!existsSync(archive)) throw new Error(`${relative(ROOT, archive)} is missing: run percli-scripts/build.sh`);
    if (!existsSync(OFFICIAL)) execFileSync(join(ROOT, 'percli-scripts/official-plugins.sh'), { stdio: 'inherit' });
    // The layout `percli lint --plugin.path` reads: one extracted folder per plugin module.
    pluginDir = join(scratch, 'plugins');
    const ours = join(pluginDir, `VllmPanels-${version}`);
    mkdirSync(ours, { recursive: true });
    execFileSync('tar', ['-xzf', archive, '-C', ours]);
    for (const name of readdirSync(OFFICIAL)) cpSync(join(OFFICIAL, name), join(pluginDir, name), { recursive: true });
    folders = readdirSync(pluginDir).map((name) => readPluginFolder(join(pluginDir, name)));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('our archive carries the schemas of both panels', () => {
    const ours = folders.find((f) => f.kinds.includes('VllmLatencyQuad'))!;
    expect([...ours.schemas.keys()].sort()).toEqual(['VllmKvQueueGauge', 'VllmLatencyQuad']);
  });

  it.each(DASHBOARD_FILES.map((f) => [f] as const))('%s parses as a Perses resource (percli lint)', (file) => {
    expect(percliLint(['-f', join(ROOT, file)])).toMatchObject({ ok: true });
  });

  it.each(DASHBOARD_FILES.map((f) => [f] as const))('%s: every plugin spec validates against its schema', (file) => {
    const uses = pluginUses(file);
    const folderOf = (kind: string) => folders.find((f) => f.kinds.includes(kind));
    // A kind no plugin module declares is an error whatever the proxy served.
    expect(uses.filter((u) => !folderOf(u.plugin.kind)).map((u) => `${u.where}: ${u.plugin.kind}`)).toEqual([]);
    const unvalidated = uses.filter((u) => !folderOf(u.plugin.kind)!.schemas.has(u.plugin.kind));
    if (unvalidated.length === 0) {
      expect(percliLint(['-f', join(ROOT, file), '--plugin.path', pluginDir])).toEqual({
        ok: true,
        message: 'your resources look good',
      });
      return;
    }
    // Fallback: cue vet what has a schema; the rest may only be kinds of archives assembled without CUE.
    expect(
      unvalidated.filter((u) => !folderOf(u.plugin.kind)!.schemasMissing).map((u) => `${u.where}: ${u.plugin.kind}`),
    ).toEqual([]);
    const failures = uses
      .filter((u) => folderOf(u.plugin.kind)!.schemas.has(u.plugin.kind))
      .map((u) => ({ where: u.where, ...cueVet(folderOf(u.plugin.kind)!, u.plugin, scratch) }))
      .filter((r) => !r.ok);
    expect(failures).toEqual([]);
  });

  it('the schema check rejects a wrong spec (a misspelt option, an unknown field)', () => {
    const folderOf = (kind: string) => folders.find((f) => f.kinds.includes(kind))!;
    const quad = cueVet(
      folderOf('VllmLatencyQuad'),
      { kind: 'VllmLatencyQuad', spec: { valueOverRange: 'whole-range' } },
      scratch,
    );
    expect(quad.ok).toBe(false);
    const gauge = cueVet(
      folderOf('VllmKvQueueGauge'),
      { kind: 'VllmKvQueueGauge', spec: { queryRoles: ['kv'], colour: 'red' } },
      scratch,
    );
    expect(gauge).toMatchObject({ ok: false, message: expect.stringContaining('colour') });
    const stat = cueVet(folderOf('StatChart'), { kind: 'StatChart', spec: { calculation: 'last-numbr' } }, scratch);
    expect(stat.ok).toBe(false);
  });
});
