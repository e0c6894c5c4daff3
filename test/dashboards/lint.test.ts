// The bundled dashboards and datasource against the plugins' CUE schemas, with `percli lint --plugin.path` (the
// server's own validation code): our archive (percli-scripts/build.sh) plus the official archives
// (percli-scripts/official-plugins.sh). Prometheus, StatChart and GaugeChart carry their real upstream schemas.
// The Go module proxy refuses the schema modules of a few official panels; only those get the stand-in models of
// percli-scripts/stack/schema-shims/ (named in the README), so every spec of every dashboard is checked.

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

import YAML from 'yaml';

import { DASHBOARD_FILES, loadDashboard, PluginRef, ROOT } from '../support/dashboard-files';

const BIN = join(ROOT, '.data/bin');
const OFFICIAL = join(ROOT, '.data/official-plugins');
const SHIMS = join(ROOT, 'percli-scripts/stack/schema-shims');
const DATASOURCE_FILE = 'dashboards/datasource.yaml';
/** The official modules whose schema modules the Go module proxy refuses (README, "The local stack"). */
const REFUSED = ['HeatMapChart', 'Markdown', 'Table', 'TimeSeriesChart'];
const PROMETHEUS_KINDS = [
  'PrometheusDatasource',
  'PrometheusLabelNamesVariable',
  'PrometheusLabelValuesVariable',
  'PrometheusPromQLVariable',
  'PrometheusTimeSeriesQuery',
];

interface PluginFolder {
  readonly dir: string;
  readonly module: string;
  readonly kinds: string[];
  /** Kind → model .cue file (absolute), for the kinds whose schema the folder carries. */
  readonly schemas: Map<string, string>;
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
  const schemas = new Map<string, string>();
  for (const file of cueFiles(join(dir, pkg.perses.schemasPath ?? 'schemas'))) {
    const text = readFileSync(file, 'utf8');
    const kind = /^package model$/m.test(text) ? text.match(/^kind:\s*"([^"]+)"/m)?.[1] : undefined;
    if (kind) schemas.set(kind, file);
  }
  // `kind: #kind` (the Prometheus datasource) names its kind through a definition.
  for (const file of cueFiles(join(dir, pkg.perses.schemasPath ?? 'schemas'))) {
    const text = readFileSync(file, 'utf8');
    const viaDefinition = /^kind:\s*#kind$/m.test(text) ? text.match(/^#kind:\s*"([^"]+)"/m)?.[1] : undefined;
    if (viaDefinition) schemas.set(viaDefinition, file);
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'mf-manifest.json'), 'utf8')) as { name: string };
  return { dir, module: manifest.name, kinds: pkg.perses.plugins.map((p) => p.spec.name), schemas };
}

/**
 * What percli-scripts/stack/add-schema-shims.sh does to the stack's archives, on an extracted folder: the stand-in
 * models replace the note an archive assembled without CUE carries. Returns whether stand-ins were added.
 */
function addStandIns(folder: string, module: string): boolean {
  const missing = join(folder, 'schemas', 'MISSING.txt');
  if (!existsSync(missing) || !existsSync(join(SHIMS, module))) return false;
  rmSync(missing);
  for (const name of readdirSync(join(SHIMS, module)))
    cpSync(join(SHIMS, module, name), join(folder, 'schemas', name), { recursive: true });
  if (!existsSync(join(folder, 'cue.mod', 'module.cue'))) {
    mkdirSync(join(folder, 'cue.mod'), { recursive: true });
    writeFileSync(
      join(folder, 'cue.mod', 'module.cue'),
      `module: "stack.local/${module.toLowerCase()}@v0"\nlanguage: version: "v0.14.0"\n`,
    );
  }
  return true;
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
  const standIns: string[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'dashboard-lint-'));
  const folderOf = (kind: string) => folders.find((f) => f.kinds.includes(kind))!;
  /** Lints a copy of `file` changed by `edit` (a YAML document), with every plugin's schema. */
  const lintEdited = (file: string, edit: (doc: YAML.Document) => void) => {
    const doc = YAML.parseDocument(readFileSync(join(ROOT, file), 'utf8'));
    edit(doc);
    const out = join(scratch, `edited-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(out, doc.toString());
    return percliLint(['-f', out, '--plugin.path', pluginDir]);
  };

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
    for (const name of readdirSync(OFFICIAL)) {
      const dest = join(pluginDir, name);
      cpSync(join(OFFICIAL, name), dest, { recursive: true });
      const module = (JSON.parse(readFileSync(join(dest, 'mf-manifest.json'), 'utf8')) as { name: string }).name;
      if (addStandIns(dest, module)) standIns.push(module);
    }
    folders = readdirSync(pluginDir).map((name) => readPluginFolder(join(pluginDir, name)));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('our archive carries the schemas of all three panels', () => {
    expect([...folderOf('VllmLatencyQuad').schemas.keys()].sort()).toEqual([
      'VllmHistogramHeatmap',
      'VllmKvQueueGauge',
      'VllmLatencyQuad',
    ]);
  });

  it('the Prometheus module carries the real upstream schemas of all its kinds, not stand-ins', () => {
    const prometheus = folderOf('PrometheusTimeSeriesQuery');
    expect(prometheus.module).toBe('Prometheus');
    expect(readFileSync(join(prometheus.dir, 'cue.mod/module.cue'), 'utf8')).toMatch(
      /^module: "github\.com\/perses\/plugins\/prometheus@v0"$/m,
    );
    expect([...prometheus.schemas.keys()].sort()).toEqual(PROMETHEUS_KINDS);
    expect(standIns).not.toContain('Prometheus');
  });

  it('stand-ins are used exactly for the official modules whose schemas the proxy refuses', () => {
    expect(standIns.sort()).toEqual(REFUSED);
    for (const module of ['StatChart', 'GaugeChart'])
      expect(readFileSync(join(folderOf(module).dir, 'cue.mod/module.cue'), 'utf8')).toContain(
        'github.com/perses/plugins/',
      );
  });

  it.each([...DASHBOARD_FILES, DATASOURCE_FILE].map((f) => [f] as const))(
    '%s parses as a Perses resource (percli lint)',
    (file) => {
      expect(percliLint(['-f', join(ROOT, file)])).toMatchObject({ ok: true });
    },
  );

  it.each(DASHBOARD_FILES.map((f) => [f] as const))(
    '%s: every plugin spec validates against its schema (percli lint --plugin.path)',
    (file) => {
      const uses = pluginUses(file);
      // A kind no plugin module declares, or one without a schema, would make percli lint fail: say which.
      expect(uses.filter((u) => !folderOf(u.plugin.kind)?.schemas.has(u.plugin.kind)).map((u) => u.where)).toEqual([]);
      // The Prometheus queries and variables are what the real schemas check.
      expect(uses.some((u) => u.plugin.kind === 'PrometheusTimeSeriesQuery')).toBe(true);
      expect(percliLint(['-f', join(ROOT, file), '--plugin.path', pluginDir])).toEqual({
        ok: true,
        message: 'your resources look good',
      });
    },
  );

  it(`${DATASOURCE_FILE} validates against the real PrometheusDatasource schema (percli lint --plugin.path)`, () => {
    expect(percliLint(['-f', join(ROOT, DATASOURCE_FILE), '--plugin.path', pluginDir])).toEqual({
      ok: true,
      message: 'your resources look good',
    });
  });

  it('the real Prometheus schemas reject what the stand-ins let through', () => {
    const [performance] = DASHBOARD_FILES;
    const firstQueryPanel = Object.entries(loadDashboard(performance).spec.panels).find(
      ([, p]) => p.spec.queries?.[0]?.spec.plugin.kind === 'PrometheusTimeSeriesQuery',
    )![0];
    // minStep must be a duration or a $variable.
    const badStep = lintEdited(performance, (doc) =>
      doc.setIn(['spec', 'panels', firstQueryPanel, 'spec', 'queries', 0, 'spec', 'plugin', 'spec', 'minStep'], '15 s'),
    );
    expect(badStep).toMatchObject({ ok: false, message: expect.stringContaining('minStep') });
    // The label-values variable is a closed struct with a non-empty labelName.
    const badVariable = lintEdited(performance, (doc) =>
      doc.setIn(['spec', 'variables', 0, 'spec', 'plugin', 'spec', 'labelName'], ''),
    );
    expect(badVariable.ok).toBe(false);
    const unknownField = lintEdited(performance, (doc) =>
      doc.setIn(['spec', 'variables', 0, 'spec', 'plugin', 'spec', 'matcher'], ['up']),
    );
    expect(unknownField).toMatchObject({ ok: false, message: expect.stringContaining('matcher') });
    const badInterval = lintEdited(DATASOURCE_FILE, (doc) =>
      doc.setIn(['spec', 'plugin', 'spec', 'scrapeInterval'], '15 seconds'),
    );
    expect(badInterval).toMatchObject({ ok: false, message: expect.stringContaining('scrapeInterval') });
  });

  it('the schema check rejects a wrong panel spec (a misspelt option, an unknown field)', () => {
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
