// The Perses Operator path end to end: a real control plane (etcd, kube-apiserver v1.36.3 with the operator's CRDs
// and RBAC, perses-operator v0.5.0 out of cluster; percli-scripts/operator/start.sh) syncing into a real Perses
// v0.52.0 server that holds our archive and the official ones. The install recipes README.md shows
// (percli-scripts/install/, printed by install.sh) are applied as install.sh prints them, and the server configs they
// produce are started on a real v0.52 server.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import YAML from 'yaml';

import { condition, ControlPlane, KubeObject, startControlPlane } from './control-plane';
import {
  HELM_VALUES_FILE,
  operatorResources,
  panelKinds,
  PanelSpec,
  PERSES_CR_V053_FILE,
  PersesCR,
  persesCR,
  PLUGIN_MOUNT,
  readYaml,
  RECIPE_FILES,
} from './fixtures';
import { ARCHIVE, PersesServer, pluginFolder, ROOT, runPerses, startPerses } from './perses-server';

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

/** percli-scripts/install.sh against the test cluster (its kubeconfig, the kubectl of .data/bin). */
function install(args: string[]) {
  const run = spawnSync(join(ROOT, 'percli-scripts/install.sh'), args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      KUBECONFIG: cluster.kubeconfig,
      PATH: `${join(ROOT, '.data', 'bin')}:${process.env.PATH ?? ''}`,
    },
  });
  if (run.status !== 0) throw new Error(`install.sh ${args.join(' ')} failed:\n${run.stderr}`);
  return run.stdout;
}

/** The ConfigMap as the API server stores it (archives are binary: kubectl puts them under binaryData). */
const configMap = (name: string, namespace: string) =>
  cluster.get<{ binaryData?: Record<string, string> }>('configmap', name, namespace);

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
  // The README's Perses resource for v0.52, applied as the README does (install.sh operator | kubectl apply), is also
  // the operator's target instance for the dashboard tests.
  const cr = persesCR();
  await cluster.apply(install(['operator', '-n', cr.metadata.namespace!]));
  await cluster.waitFor('perses', cr.metadata.name, cr.metadata.namespace, isAvailable);
}, 900_000);

afterAll(async () => {
  await cluster?.stop();
  await target?.stop();
}, 60_000);

describe('install recipes (percli-scripts/install/, shown in README.md)', () => {
  it('README.md shows each recipe exactly', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const file of RECIPE_FILES) {
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

  it('the API server stores our archive as a ConfigMap (kubectl create configmap --from-file), and refuses one over 1 MiB', async () => {
    await cluster.kubectl(['create', 'configmap', 'vllm-panels', `--from-file=${ARCHIVE}`, '-n', 'monitoring']);
    const stored = (await configMap('vllm-panels', 'monitoring')).binaryData?.[ARCHIVE.split('/').pop()!];
    expect(Buffer.from(stored ?? '', 'base64').equals(readFileSync(ARCHIVE))).toBe(true);
    // The official Prometheus archive (it carries its shared-library fallbacks) is over the limit: the check is real.
    const official = join(ROOT, '.data', 'plugins-archive');
    const prometheus = readdirSync(official).find((f) => /^Prometheus-.*\.tar\.gz$/.test(f));
    const big = prometheus && join(official, prometheus);
    expect(statSync(big!).size).toBeGreaterThan(1024 * 1024);
    await expect(
      cluster.kubectl(['create', 'configmap', 'too-big', `--from-file=${big!}`, '-n', 'monitoring']),
    ).rejects.toThrow(/Too long: may not be more than 1048576 bytes/);
  });

  it('install.sh operator --archive-paths (v0.53+): the API server takes its ConfigMap and Perses resource, and a v0.52 server refuses the rendered config', async () => {
    const namespace = 'perses-v053';
    await cluster.kubectl(['create', 'namespace', namespace]);
    const printed = install(['operator', '--archive-paths', '-n', namespace, '--apply']);
    const cr = YAML.parse(printed) as PersesCR;
    // What install.sh prints is the recipe file, in the namespace asked for.
    const recipe = readYaml<PersesCR>(PERSES_CR_V053_FILE);
    expect(cr).toEqual({ ...recipe, metadata: { ...recipe.metadata, namespace } });
    expect((await configMap('vllm-panels', namespace)).binaryData).toHaveProperty([ARCHIVE.split('/').pop()!]);
    await cluster.apply(printed); // CRD schema and CEL rules (mount paths, reserved volume names)
    const deployment = await cluster.waitFor<{
      spec: { template: { spec: { volumes: Array<{ name: string; configMap?: { name: string } }> } } };
    }>('deployment', cr.metadata.name, namespace, () => true);
    expect(deployment.spec.template.spec.volumes).toContainEqual(
      expect.objectContaining({ name: 'vllm-panels', configMap: expect.objectContaining({ name: 'vllm-panels' }) }),
    );
    const config = await renderedConfig(cr);
    expect(YAML.parse(config).plugin.archive_paths).toEqual(['/etc/perses/plugins-archive', PLUGIN_MOUNT]);
    await cluster.kubectl(['delete', 'perses', cr.metadata.name, '-n', namespace]);
    const run = await runInPod('archive-paths', config);
    if (run.started) await run.server.stop();
    expect(run.started).toBe(false);
    if (!run.started) expect(run.log).toMatch(/field archive_paths not found/);
  });

  it("install.sh helm: its ConfigMap key, mounted as the values say into the image's archive folder, and its config over the chart's defaults start a v0.52 server that loads our panels", async () => {
    const namespace = 'perses-helm';
    await cluster.kubectl(['create', 'namespace', namespace]);
    const values = YAML.parse(install(['helm', '-n', namespace, '--apply'])) as {
      config: Record<string, unknown>;
      volumes: Array<{ name: string; configMap: { name: string } }>;
      volumeMounts: Array<{ name: string; mountPath: string; subPath: string }>;
    };
    expect(values).toEqual(readYaml(HELM_VALUES_FILE));
    // The pod's filesystem: the image's folder holds the official archives; the kubelet adds each mounted key.
    const podRoot = join(WORK, 'helm', 'pod');
    const imageFolder = join(podRoot, '/etc/perses/plugins-archive');
    pluginFolder(imageFolder);
    rmSync(join(imageFolder, ARCHIVE.split('/').pop()!));
    for (const mount of values.volumeMounts) {
      const volume = values.volumes.find((v) => v.name === mount.name)!;
      const key = (await configMap(volume.configMap.name, namespace)).binaryData?.[mount.subPath];
      expect(key).toBeDefined();
      mkdirSync(dirname(join(podRoot, mount.mountPath)), { recursive: true });
      writeFileSync(join(podRoot, mount.mountPath), Buffer.from(key!, 'base64'));
    }
    // The chart's default `config` (perses/helm-charts values.yaml, 0.19.x), less `annotations` (ConfigMap metadata).
    const chartDefaults = {
      api_prefix: '',
      security: { readonly: false, enable_auth: false, cookie: { same_site: 'lax', secure: false } },
      frontend: { explorer: { enable: true }, information: '', important_dashboards: [] },
      database: { file: { folder: '/perses', extension: 'json' } },
      provisioning: { folders: ['/etc/perses/provisioning'], interval: '10m' },
    };
    const config = { ...chartDefaults, ...values.config };
    const run = await runPerses({ root: join(WORK, 'helm'), podRoot, config });
    if (!run.started) throw new Error(`v0.52 refused the Helm config:\n${YAML.stringify(config)}\n${run.log}`);
    try {
      expect(await run.server.modules()).toEqual(
        expect.arrayContaining(['VllmPanels', 'Prometheus', 'TimeSeriesChart', 'StatChart', 'Table']),
      );
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
