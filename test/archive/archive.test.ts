// The plugin archive is what users install: check it has exactly the layout `percli plugin build` promises and
// that every plugin the package lists is reachable by the host (exposed, named-exported, with a CUE model).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import pkg from '../../package.json';
import { exposedSources, MODULE_NAME } from '../../src/federation-exposes';

const ROOT = path.resolve(__dirname, '../..');
const ARCHIVE = path.join(ROOT, `${MODULE_NAME}-${pkg.version}.tar.gz`);
const BIN = path.join(ROOT, '.data/bin');
const pluginKinds = pkg.perses.plugins.map((p: { spec: { name: string } }) => p.spec.name);

let unpacked: string;
let entries: string[];

beforeAll(() => {
  // `npm test` builds the archive just before jest; build it here when run on its own.
  if (!existsSync(ARCHIVE)) execFileSync(path.join(ROOT, 'percli-scripts/build.sh'), { cwd: ROOT, stdio: 'inherit' });
  unpacked = mkdtempSync(path.join(tmpdir(), 'vllm-archive-'));
  execFileSync('tar', ['-xzf', ARCHIVE, '-C', unpacked]);
  entries = execFileSync('tar', ['-tzf', ARCHIVE], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((e) => e.replace(/^\.\//, ''));
}, 300_000);

afterAll(() => rmSync(unpacked, { recursive: true, force: true }));

const readJson = (file: string) => JSON.parse(readFileSync(path.join(unpacked, file), 'utf8'));

describe(`${MODULE_NAME} archive`, () => {
  test('holds package.json, README.md, the contents of dist/, schemas/ and cue.mod/ with the Perses CUE package', () => {
    for (const file of ['package.json', 'README.md', 'mf-manifest.json', 'cue.mod/module.cue'])
      expect(entries).toContain(file);
    expect(entries.some((e) => e.startsWith('__mf/js/') && e.endsWith('.js'))).toBe(true);
    expect(entries.some((e) => e.startsWith('schemas/'))).toBe(true);
    expect(entries.some((e) => e.startsWith('cue.mod/pkg/github.com/perses/perses/cue/common/'))).toBe(true);
    // dist/ is flattened into the archive root, never nested.
    expect(entries.some((e) => e.startsWith('dist/'))).toBe(false);
  });

  test(`its manifest is named ${MODULE_NAME} and carries the package version`, () => {
    const manifest = readJson('mf-manifest.json');
    expect(manifest.id).toBe(MODULE_NAME);
    expect(manifest.name).toBe(MODULE_NAME);
    expect(manifest.metaData.buildInfo.buildVersion).toBe(pkg.version);
    expect(readJson('package.json').perses).toEqual(pkg.perses);
  });

  test('lists at least one plugin, and only panels', () => {
    expect(pluginKinds.length).toBeGreaterThan(0);
    for (const plugin of pkg.perses.plugins) expect(plugin.kind).toBe('Panel');
  });

  test.each(pluginKinds)('%s is exposed by the manifest and its chunks are in the archive', (kind) => {
    const manifest = readJson('mf-manifest.json');
    const exposed = manifest.exposes.find((e: { path: string }) => e.path === `./${kind}`);
    expect(exposed).toBeDefined();
    for (const chunk of exposed.assets.js.sync) expect(entries).toContain(chunk);
  });

  test.each(pluginKinds)('%s is named-exported by the module exposed under its name', async (kind) => {
    const source = exposedSources()[`./${kind}`];
    expect(source).toBeDefined();
    const mod = await import(path.join(ROOT, source));
    expect(mod[kind]).toEqual(
      expect.objectContaining({ PanelComponent: expect.anything(), createInitialOptions: expect.any(Function) }),
    );
  });

  test.each(pluginKinds)('%s has a CUE model (package model) in the archive whose kind matches', (kind) => {
    const schemaDirs = entries
      .filter((e) => e.startsWith('schemas/') && e.endsWith('.cue') && !e.includes('/migrate/'))
      .filter((e) => /^package model\b/m.test(readFileSync(path.join(unpacked, e), 'utf8')))
      .map((e) => path.dirname(e));
    const kinds = [...new Set(schemaDirs)].map((dir) =>
      JSON.parse(
        execFileSync(path.join(BIN, 'cue'), ['export', `./${dir}`, '-e', 'kind'], { cwd: unpacked, encoding: 'utf8' }),
      ),
    );
    expect(kinds).toContain(kind);
  });
});
