// The Perses Operator path end to end: a real control plane (etcd, kube-apiserver v1.36.3 with the operator's CRDs
// and RBAC, perses-operator v0.5.0 out of cluster; percli-scripts/operator/start.sh) syncing into a real Perses
// v0.52.0 server that holds our archive and the official ones. The install recipes README.md shows (deploy/) are
// applied as they are, and the server configs they produce are started on a real v0.52 server.

import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import YAML from 'yaml';

import { condition, ControlPlane, KubeObject, startControlPlane } from './control-plane';
import {
  HELM_VALUES_FILE,
  operatorResources,
  panelKinds,
  PanelSpec,
  PERSES_CR_FILE,
  PersesCR,
  persesCR,
  PLUGIN_MOUNT,
  readYaml,
  withArchivePaths,
} from './fixtures';
import { PersesServer, pluginFolder, ROOT, runPerses, startPerses } from './perses-server';

const WORK = join(ROOT, '.data', 'operator', 'e2e-work');
const PROJECT = 'vllm';
const OUR_KINDS = ['VllmLatencyQuad', 'VllmKvQueueGauge'];

interface PersesDashboard {
  metadata: { name: string; project: string };
  spec: { display: { name: string }; panels: Record<string, PanelSpec> };
}

let target: PersesServer;
let cluster: ControlPlane;
let archives: string;

/** Polls `check` (which throws while not yet true) until it passes; rethrows its last error on timeout. */
async function eventually<T>(check: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** The config.yaml the operator rendered for a Perses resource (its `<name>-config` ConfigMap). */
async function renderedConfig(cr: PersesCR): Promise<string> {
  const cm = await cluster.waitFor(`configmap`, `${cr.metadata.name}-config`, cr.metadata.namespace, () => true);
  return cm.data?.['config.yaml'] ?? '';
}

/**
 * Runs a v0.52 server on a config written for the pod, with a pod filesystem in which the plugin volume
 * (mounted at PLUGIN_MOUNT) holds our archive and the official ones.
 */
function runInPod(name: string, config: string | Record<string, unknown>) {
  const root = join(WORK, name);
  const podRoot = join(root, 'pod');
  pluginFolder(join(podRoot, PLUGIN_MOUNT));
  return runPerses({ root, podRoot, config });
}

const isAvailable = (o: KubeObject) => condition(o, 'Available')?.status === 'True';

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  archives = pluginFolder(join(WORK, 'archives'));
  target = await startPerses({
    root: join(WORK, 'target'),
    config: {
      database: { file: { folder: join(WORK, 'target', 'db'), extension: 'yaml' } },
      security: { readonly: false, enable_auth: false, cookie: { secure: false } },
      plugin: { archive_path: archives, path: join(WORK, 'target', 'plugins') },
    },
  });
  expect(await target.modules()).toEqual(expect.arrayContaining(['VllmPanels', 'Prometheus']));
  cluster = await startControlPlane({ persesUrl: target.url });
  await cluster.kubectl(['create', 'namespace', 'monitoring']);
  await cluster.kubectl(['create', 'namespace', PROJECT]);
  // The README's Perses resource is also the operator's target instance for the dashboard tests.
  const cr = persesCR();
  await cluster.apply(cr);
  await cluster.waitFor('perses', cr.metadata.name, cr.metadata.namespace, isAvailable);
}, 900_000);

afterAll(async () => {
  await cluster?.stop();
  await target?.stop();
}, 60_000);

describe('install recipes (deploy/, shown in README.md)', () => {
  it('README.md shows deploy/operator/perses.yaml and deploy/helm/values.yaml exactly', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const file of [PERSES_CR_FILE, HELM_VALUES_FILE]) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      // The README's block leaves out the file's leading comment lines.
      const body = text.replace(/^(#.*\n)+/, '');
      expect(readme).toContain('```yaml\n' + body + '```');
    }
  });

  it('the API server rejects a Perses resource without spec.config.plugin.enable_dev (the CRD requires it)', async () => {
    const cr = persesCR('perses-no-enable-dev');
    delete cr.spec.config.plugin.enable_dev;
    await expect(cluster.apply(cr, ['--dry-run=server'])).rejects.toThrow(
      /spec\.config\.plugin\.enable_dev: Required value/,
    );
  });

  it('the API server rejects a plugin volume mounted under /etc/perses/plugins (the CRD forbids it)', async () => {
    const cr = persesCR('perses-bad-mount');
    cr.spec.volumeMounts = [{ name: 'vllm-panels', mountPath: '/etc/perses/plugins-archive/vllm' }];
    await expect(cluster.apply(cr, ['--dry-run=server'])).rejects.toThrow(/must not conflict with or shadow/);
  });

  it("the README's Perses resource is accepted, becomes Available, and its rendered config starts a v0.52 server that loads our panels", async () => {
    const cr = persesCR();
    // Applied and Available: beforeAll waited for it. The Deployment the operator made: the v0.52 image, our volume at the path the config names.
    const deployment = await cluster.get<{
      spec: {
        template: { spec: { containers: Array<{ image: string; volumeMounts: Array<{ mountPath: string }> }> } };
      };
    }>('deployment', cr.metadata.name, cr.metadata.namespace);
    const container = deployment.spec.template.spec.containers[0];
    expect(container.image).toBe('docker.io/persesdev/perses:v0.52.0');
    expect(container.volumeMounts.map((m) => m.mountPath)).toContain(PLUGIN_MOUNT);

    const config = await renderedConfig(cr);
    expect(YAML.parse(config).plugin).toEqual({ archive_path: PLUGIN_MOUNT, enable_dev: false });
    const run = await runInPod('readme-cr', config);
    if (!run.started) throw new Error(`v0.52 refused the rendered config:\n${config}\n${run.log}`);
    try {
      expect(await run.server.modules()).toEqual(
        expect.arrayContaining(['VllmPanels', 'Prometheus', 'TimeSeriesChart', 'StatChart', 'Table']),
      );
    } finally {
      await run.server.stop();
    }
  });

  it('the archive_paths variant is valid for the CRD, but a v0.52 server refuses its config at start-up', async () => {
    const cr = withArchivePaths(persesCR('perses-v053'));
    await cluster.apply(cr);
    const config = await renderedConfig(cr);
    expect(YAML.parse(config).plugin.archive_paths).toEqual(['/etc/perses/plugins-archive', PLUGIN_MOUNT]);
    await cluster.kubectl(['delete', 'perses', cr.metadata.name, '-n', cr.metadata.namespace!]);
    const run = await runInPod('archive-paths', config);
    if (run.started) await run.server.stop();
    expect(run.started).toBe(false);
    if (!run.started) expect(run.log).toMatch(/field archive_paths not found/);
  });

  it("the Helm values fragment's config, over the chart's default config, starts a v0.52 server that loads our panels", async () => {
    // The chart's default `config` (perses/helm-charts values.yaml, 0.19.x), less `annotations` (ConfigMap metadata).
    const chartDefaults = {
      api_prefix: '',
      security: { readonly: false, enable_auth: false, cookie: { same_site: 'lax', secure: false } },
      frontend: { explorer: { enable: true }, information: '', important_dashboards: [] },
      database: { file: { folder: '/perses', extension: 'json' } },
      provisioning: { folders: ['/etc/perses/provisioning'], interval: '10m' },
    };
    const values = readYaml<{ config: Record<string, unknown> }>(HELM_VALUES_FILE);
    const config = { ...chartDefaults, ...values.config };
    const run = await runInPod('helm', config);
    if (!run.started) throw new Error(`v0.52 refused the Helm config:\n${YAML.stringify(config)}\n${run.log}`);
    try {
      expect(await run.server.modules()).toEqual(expect.arrayContaining(['VllmPanels', 'Prometheus']));
    } finally {
      await run.server.stop();
    }
  });
});

describe('dashboards/operator/ through the operator', () => {
  it('the API server accepts every file as it is (CRD schema, CEL rules, strict field validation, nothing pruned)', async () => {
    const resources = operatorResources();
    expect(resources.map(([, r]) => r.kind).sort()).toEqual(['PersesDashboard', 'PersesDashboard', 'PersesDatasource']);
    for (const [file, resource] of resources) {
      const out = await cluster.kubectl([
        'apply',
        '--server-side',
        '--validate=strict',
        '--dry-run=server',
        '-o',
        'json',
        '-f',
        join(ROOT, file),
      ]);
      // Every field of the file is still there with its value (the CRDs may add defaults).
      expect({ file, spec: (JSON.parse(out) as KubeObject).spec }).toMatchObject({ file, spec: resource.spec! });
    }
  });

  it('the datasource and both dashboards reach the Perses server, with our panel kinds inside', async () => {
    await cluster.kubectl(['apply', '--server-side', '--validate=strict', '-f', join(ROOT, 'dashboards/operator/')]);
    for (const [file, resource] of operatorResources()) {
      const { name } = resource.metadata;
      const path =
        resource.kind === 'PersesDatasource'
          ? `/api/v1/projects/${PROJECT}/datasources/${name}`
          : `/api/v1/projects/${PROJECT}/dashboards/${name}`;
      const onServer = await eventually(() => target.api<{ spec: Record<string, unknown> }>(path), 90_000).catch(
        (e: Error) => {
          throw new Error(
            `${file} never reached the server: ${e.message}\noperator log:\n${cluster.operatorLog().slice(-3000)}`,
          );
        },
      );
      const config = resource.spec!.config as { panels?: Record<string, PanelSpec> };
      if (resource.kind === 'PersesDashboard') {
        const served = onServer.spec as PersesDashboard['spec'];
        expect(panelKinds(served)).toEqual(expect.arrayContaining(OUR_KINDS));
        // Everything arrives: panels (our quads' and gauges' specs included), variables, layouts.
        expect({ file, spec: served }).toMatchObject({ file, spec: config });
      } else {
        expect(onServer.spec).toMatchObject(resource.spec!.config as Record<string, unknown>);
      }
    }
    const kinds = new Set<string>();
    for (const d of await target.api<PersesDashboard[]>(`/api/v1/projects/${PROJECT}/dashboards`))
      panelKinds(d.spec).forEach((k) => kinds.add(k));
    expect([...kinds]).toEqual(expect.arrayContaining(OUR_KINDS));
  });

  it('an update of a PersesDashboard propagates to the server', async () => {
    const name = 'vllm-performance-statistics';
    const patch = { spec: { config: { display: { name: 'vLLM Performance Statistics (edited)' }, duration: '3h' } } };
    await cluster.kubectl([
      'patch',
      'persesdashboard',
      name,
      '-n',
      PROJECT,
      '--type=merge',
      '-p',
      JSON.stringify(patch),
    ]);
    const served = await eventually(async () => {
      const d = await target.api<PersesDashboard & { spec: { duration: string } }>(
        `/api/v1/projects/${PROJECT}/dashboards/${name}`,
      );
      expect(d.spec.display.name).toBe('vLLM Performance Statistics (edited)');
      return d;
    });
    expect(served.spec.duration).toBe('3h');
    expect(panelKinds(served.spec)).toEqual(expect.arrayContaining(OUR_KINDS));
  });

  it('deleting a PersesDashboard removes it from the server', async () => {
    const name = 'vllm-query-statistics';
    const path = `/api/v1/projects/${PROJECT}/dashboards/${name}`;
    expect(await target.status(path)).toBe(200);
    await cluster.kubectl(['delete', 'persesdashboard', name, '-n', PROJECT]);
    await eventually(async () => expect(await target.status(path)).toBe(404));
  });

  it('a PersesDashboard with an invalid VllmLatencyQuad spec gets ValidationFailed with the CUE message, and stays off the server', async () => {
    const [, source] = operatorResources().find(([f]) => f.endsWith('performance_statistics.yaml'))!;
    const bad = structuredClone(source);
    bad.metadata.name = 'vllm-invalid-quad';
    const panels = (bad.spec!.config as { panels: Record<string, PanelSpec> }).panels;
    const quad = Object.values(panels).find((p) => p.spec.plugin.kind === 'VllmLatencyQuad')!;
    quad.spec.plugin.spec.valueOverRange = 'median';
    // The CRD does not look inside plugin specs: the API server takes it, the operator must catch it.
    await cluster.apply(bad);
    const degraded = await cluster.waitFor(
      'persesdashboard',
      bad.metadata.name,
      PROJECT,
      (o) => condition(o, 'Degraded')?.reason === 'ValidationFailed',
      90_000,
    );
    const message = condition(degraded, 'Degraded')?.message ?? '';
    expect(message).toMatch(/valueOverRange/);
    expect(message).toMatch(/"median"/);
    expect(condition(degraded, 'Available')).toMatchObject({ status: 'False', reason: 'ValidationFailed' });
    expect(await target.status(`/api/v1/projects/${PROJECT}/dashboards/${bad.metadata.name}`)).toBe(404);
  });
});
