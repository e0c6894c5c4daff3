// percli-scripts/install.sh, each target as the README runs it: the archive folder of a real Perses v0.52 server
// (which then loads the module and accepts both dashboards through percli-scripts/apply.sh), and the manifests for a
// cluster (a ConfigMap that holds the archive byte for byte; the Perses resources and Helm values, which must be the
// files of percli-scripts/install/ that test/operator/ applies to a real kube-apiserver).
import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import YAML from 'yaml';

import pkg from '../../package.json';
import { ARCHIVE, ROOT } from '../archive/archive-files';
import { freePort } from '../support/prometheus';

const INSTALL = join(ROOT, 'percli-scripts/install.sh');
const NAME = ARCHIVE.split('/').pop()!;

function install(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(INSTALL, args, { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Lower case only: Perses v0.52's file database lower-cases the whole folder path when it lists resources (unless
// database.file.case_sensitive), so a folder like /tmp/vllm-install-AbC would list nothing.
const scratch = join(tmpdir(), `vllm-install-${process.pid}-${Date.now()}`);
beforeAll(() => {
  mkdirSync(scratch, { recursive: true });
  if (!existsSync(ARCHIVE)) execFileSync(join(ROOT, 'percli-scripts/build.sh'), { stdio: 'inherit' });
}, 300_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('install.sh folder: a Perses v0.52 server you run', () => {
  const archives = join(scratch, 'plugins-archive');
  let server: ChildProcess | undefined;
  let url: string;

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((done) => server!.on('exit', done));
      server.kill('SIGTERM');
      await exited;
    }
  });

  test('puts the archive and the official ones the dashboards need into the folder, replacing an older one', () => {
    mkdirSync(archives, { recursive: true });
    writeFileSync(join(archives, 'VllmPanels-0.0.9.tar.gz'), 'an older version');
    const run = install(['folder', archives, '--with-official']);
    expect(run).toMatchObject({ status: 0 });
    const files = readdirSync(archives).sort();
    expect(files.filter((f) => f.startsWith('VllmPanels-'))).toEqual([NAME]);
    expect(readFileSync(join(archives, NAME)).equals(readFileSync(ARCHIVE))).toBe(true);
    for (const module of ['Prometheus', 'TimeSeriesChart', 'StatChart', 'Table'])
      expect(files.some((f) => f.startsWith(`${module}-`))).toBe(true);
    expect(run.stderr).toContain('restart the Perses server');
  }, 300_000);

  test('the server started on that folder loads VllmPanels, and apply.sh installs both dashboards', async () => {
    if (!existsSync(join(ROOT, '.data/bin/perses')))
      execFileSync(join(ROOT, 'percli-scripts/stack/build-perses.sh'), { stdio: 'inherit' });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const state = join(scratch, 'perses');
    mkdirSync(state, { recursive: true });
    writeFileSync(
      join(state, 'config.yaml'),
      YAML.stringify({
        database: { file: { folder: join(state, 'db'), extension: 'yaml' } },
        security: { readonly: false, enable_auth: false, cookie: { secure: false } },
        plugin: { path: join(state, 'plugins'), archive_path: archives },
      }),
    );
    server = spawn(
      join(ROOT, '.data/bin/perses'),
      [`--config=${join(state, 'config.yaml')}`, `--web.listen-address=127.0.0.1:${port}`],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 120_000;
    while (
      !(await fetch(`${url}/api/v1/health`)
        .then((r) => r.ok)
        .catch(() => false))
    ) {
      if (server.exitCode !== null) throw new Error(`perses exited with ${server.exitCode}`);
      if (Date.now() > deadline) throw new Error('perses not healthy after 120 s');
      await new Promise((r) => setTimeout(r, 500));
    }
    const modules = (await (await fetch(`${url}/api/v1/plugins`)).json()) as Array<{
      metadata: { name: string };
      spec: { plugins: Array<{ spec: { name: string } }> };
      status: { isLoaded: boolean };
    }>;
    const ours = modules.find((m) => m.metadata.name === 'VllmPanels');
    expect(ours?.status.isLoaded).toBe(true);
    // Every panel of package.json is listed, the VllmHistogramHeatmap included.
    expect(ours?.spec.plugins.map((p) => p.spec.name)).toEqual(pkg.perses.plugins.map((p) => p.spec.name));

    const apply = spawnSync(join(ROOT, 'percli-scripts/apply.sh'), {
      cwd: ROOT,
      env: { ...process.env, PERSES_URL: url, PERSES_PROJECT: 'install-test' },
      encoding: 'utf8',
    });
    expect({ status: apply.status, stderr: apply.stderr }).toMatchObject({ status: 0 });
    const dashboards = (await (await fetch(`${url}/api/v1/projects/install-test/dashboards`)).json()) as Array<{
      metadata: { name: string };
    }>;
    expect({ dashboards: dashboards.map((d) => d.metadata.name).sort(), log: apply.stderr }).toMatchObject({
      dashboards: ['vllm-performance-statistics', 'vllm-query-statistics'],
    });
  }, 300_000);
});

describe('install.sh for a cluster', () => {
  const configMapOf = (docs: unknown[]) =>
    docs.find((d) => (d as { kind?: string }).kind === 'ConfigMap') as {
      metadata: { name: string; namespace: string };
      binaryData: Record<string, string>;
    };

  test('configmap: one ConfigMap in the namespace, holding the archive byte for byte', () => {
    const run = install(['configmap', '-n', 'observability']);
    expect(run.status).toBe(0);
    const docs = YAML.parseAllDocuments(run.stdout).map((d) => d.toJS());
    expect(docs).toHaveLength(1);
    const configMap = configMapOf(docs);
    expect(configMap.metadata).toMatchObject({ name: 'vllm-panels', namespace: 'observability' });
    expect(Buffer.from(configMap.binaryData[NAME], 'base64').equals(readFileSync(ARCHIVE))).toBe(true);
  });

  const recipe = (file: string) => YAML.parse(readFileSync(join(ROOT, 'percli-scripts/install', file), 'utf8'));

  test('operator (Perses v0.52): the Perses resource of percli-scripts/install/, in the namespace asked for, and no ConfigMap', () => {
    const run = install(['operator', '-n', 'observability']);
    expect(run.status).toBe(0);
    const docs = YAML.parseAllDocuments(run.stdout).map((d) => d.toJS());
    const file = recipe('operator-perses.yaml');
    expect(docs).toEqual([{ ...file, metadata: { ...file.metadata, namespace: 'observability' } }]);
    // On v0.52 the one archive folder also holds the official archives, too big for a ConfigMap: a PVC.
    expect(docs[0].spec.volumes).toEqual([
      { name: 'vllm-panels', persistentVolumeClaim: { claimName: 'vllm-panels' } },
    ]);
    expect(run.stderr).toContain('fill the PVC vllm-panels');
    expect(install(['operator', '--apply']).stderr).toContain('--apply needs --archive-paths');
  });

  test('operator --archive-paths (Perses v0.53+): the ConfigMap, then the Perses resource that mounts it', () => {
    const run = install(['operator', '--archive-paths', '-n', 'monitoring']);
    expect(run.status).toBe(0);
    const docs = YAML.parseAllDocuments(run.stdout).map((d) => d.toJS());
    expect(docs).toHaveLength(2);
    expect(configMapOf(docs).metadata).toMatchObject({ name: 'vllm-panels', namespace: 'monitoring' });
    expect(docs[1]).toEqual(recipe('operator-perses-v0.53.yaml'));
    expect(docs[1].spec.volumes).toContainEqual({ name: 'vllm-panels', configMap: { name: 'vllm-panels' } });
  });

  test("helm: the values of percli-scripts/install/, naming this archive's file", () => {
    const run = install(['helm']);
    expect(run.status).toBe(0);
    const values = YAML.parse(run.stdout);
    expect(values).toEqual(recipe('helm-values.yaml'));
    // The file names the current archive: a version bump must update it (and the README, which shows it).
    expect(values.volumeMounts).toEqual([
      { name: 'vllm-panels', mountPath: `/etc/perses/plugins-archive/${NAME}`, subPath: NAME, readOnly: true },
    ]);
    expect(run.stderr).toContain('--apply');
    // Another version's archive gets its own file name in the values.
    const other = join(scratch, 'other', 'VllmPanels-0.2.0.tar.gz');
    mkdirSync(join(scratch, 'other'), { recursive: true });
    copyFileSync(ARCHIVE, other);
    const mounts = YAML.parse(install(['helm', '--archive', other]).stdout).volumeMounts;
    expect(mounts[0]).toMatchObject({
      mountPath: '/etc/perses/plugins-archive/VllmPanels-0.2.0.tar.gz',
      subPath: 'VllmPanels-0.2.0.tar.gz',
    });
    expect(install(['helm', '--archive-paths']).stderr).toContain('--archive-paths is for the operator target only');
  });

  test('--archive installs a downloaded archive; anything else is refused with the reason', () => {
    const downloaded = join(scratch, 'downloads');
    mkdirSync(downloaded, { recursive: true });
    copyFileSync(ARCHIVE, join(downloaded, NAME));
    const ok = install(['configmap', '--archive', join(downloaded, NAME)]);
    expect(ok.status).toBe(0);
    expect(Object.keys(configMapOf(YAML.parseAllDocuments(ok.stdout).map((d) => d.toJS())).binaryData)).toEqual([NAME]);

    writeFileSync(join(downloaded, 'VllmPanels-9.9.9.tar.gz'), 'not a tarball');
    const bad = install(['configmap', '--archive', join(downloaded, 'VllmPanels-9.9.9.tar.gz')]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('not a plugin archive');
    expect(install(['configmap', '--archive', join(downloaded, 'nope.tar.gz')]).stderr).toContain('not found');
    expect(install(['cluster']).stderr).toContain("unknown target 'cluster'");
    expect(install(['configmap', '-n', 'Bad_NS']).stderr).toContain('not a valid namespace');
  });
});
